// Older customers (issue 14, 适老化): what the hub and the screens share about them. The ID
// number itself never leaves the check-in request (resident-id.ts reads it, nothing keeps it).
import { z } from 'zod';
import { NEAR_TURN_AHEAD } from './near-turn.js';

/** The age setting's bounds and default (GET/PUT /api/settings/elderly). */
export const DEFAULT_ELDERLY_AGE = 60;
export const MIN_ELDERLY_AGE = 50;
export const MAX_ELDERLY_AGE = 80;

/**
 * People ahead at or under which an elderly ticket is "near its turn": the manager walks them
 * over. The same signal as the phone page's reminder (near-turn.ts), so the two never disagree.
 */
export const ELDERLY_NEAR_TURN_AHEAD = NEAR_TURN_AHEAD;

/**
 * POST /api/kiosk/check-in/id-card. `idNumber` is only bounded here: its rules are checked by
 * the hub (400 invalid_id_number), whose message never repeats it.
 */
export const IdCardCheckInBody = z.strictObject({
  idNumber: z.string().max(64),
  service: z.string().min(1).max(32),
  choice: z.string().min(1).max(32).optional(),
});

/** One waiting older customer, as GET /api/lobby/elderly lists them. */
export interface ElderlyWaiting {
  /** The ticket's number (A012). */
  ticket: string;
  service: string;
  ahead: number;
  issuedAt: string;
  nearTurn: boolean;
}
