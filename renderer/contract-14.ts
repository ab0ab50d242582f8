// Issue 14 points 2 and 3: the hub routes the screens call, as /work/plan/contract-14.md
// describes them, until the hub's own definitions (main/common/routes) are merged; then
// the screens call api.* and this file goes.
import { z } from 'zod';
import type { KioskChoice } from '../main/common/kiosk';
import { ApiTicketSchema } from '../main/common/routes/answers';
import { route } from '../main/common/routes/define';

export const ELDERLY_RANKS = ['below_vip', 'above_vip', 'normal'] as const;
export type ElderlyRank = (typeof ELDERLY_RANKS)[number];
export const ELDERLY_AGE_MIN = 50;
export const ELDERLY_AGE_MAX = 80;

export const idCardCheckIn = route({
  method: 'POST',
  path: '/api/kiosk/check-in/id-card',
  access: { grants: ['kiosk'] },
  summary: 'contract 14',
  body: z.strictObject({ idNumber: z.string(), service: z.string(), choice: z.string().optional() }),
  answer: z.object({ ticket: ApiTicketSchema, elderly: z.boolean() }),
});

export const ElderlyWaiting = z.object({ ticket: z.string(), service: z.string(), ahead: z.number(), issuedAt: z.union([z.string(), z.number()]), nearTurn: z.boolean() });
export type ElderlyWaiting = z.infer<typeof ElderlyWaiting>;

export const lobbyElderly = route({
  method: 'GET',
  path: '/api/lobby/elderly',
  access: { grants: ['manager', 'supervisor', 'admin'] },
  summary: 'contract 14',
  answer: z.object({ waiting: z.array(ElderlyWaiting) }),
});

const ElderlySettings = z.object({ age: z.number(), rank: z.enum(ELDERLY_RANKS) });
export const elderlySettings = route({ method: 'GET', path: '/api/settings/elderly', access: { grants: ['manager', 'supervisor', 'admin'] }, summary: 'contract 14', answer: ElderlySettings });
export const setElderlySettings = route({ method: 'PUT', path: '/api/settings/elderly', access: { grants: ['admin'] }, summary: 'contract 14', body: ElderlySettings, answer: ElderlySettings });

/** A kiosk choice as /api/kiosk/config answers it once the fraud prompt exists (issue 14.3). */
export type PromptedChoice = KioskChoice & { fraudPrompt?: boolean };

export const FRAUD_OUTCOMES = ['dissuaded', 'proceeded', 'police_called'] as const;
export const AMOUNT_BANDS = ['under_10k', '10k_50k', '50k_200k', 'over_200k', 'unknown'] as const;
export const recordIntervention = route({
  method: 'POST',
  path: '/api/fraud/interventions',
  access: { grants: ['manager', 'supervisor'] },
  summary: 'contract 14',
  body: z.strictObject({ ticket: z.string().optional(), outcome: z.enum(FRAUD_OUTCOMES), amountBand: z.enum(AMOUNT_BANDS), note: z.string() }),
  answer: z.unknown(),
});
