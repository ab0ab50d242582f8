// The lobby manager's triage, as the HTTP API and the ledger see it. A customer sent to
// self-service is a record (issue 6's daily report counts them), not a queue move.
import { z } from 'zod';
import { PRIORITIES } from './domain.js';

/**
 * Decision: triage chooses among normal, vip and green; an appointment needs its time, set at
 * issue, and elderly comes from the ID-card check-in's birth date, not from a person's guess.
 */
export const TRIAGE_PRIORITIES = PRIORITIES.filter((p) => p !== 'appointment' && p !== 'elderly');
export const SetPriorityBody = z.strictObject({ priority: z.enum(['normal', 'vip', 'green']) });

export const SelfServiceBody = z.strictObject({
  /** The business the customer came for, when known (a service code or prefix). */
  service: z.string().min(1).max(32).optional(),
  /** A waiting ticket the customer gives up for the machine: it is cancelled. */
  ticket: z.string().min(1).max(64).optional(),
});

export type TriageEvent = {
  type: 'triage.self_service';
  service: string | null;
  /** The ticket number (A012) when the customer had one; never a name or an account. */
  ticket: string | null;
};

/** A counter whose services the manager might change, and why. */
export interface WindowSuggestion {
  counter: string;
  /** The services as they are, and as suggested (the long queue first). */
  from: string[];
  to: string[];
  longService: string;
  longWaiting: number;
  shortService: string;
  shortWaiting: number;
}
