// Issue 14 point 3: the hub routes the screens call, as /work/plan/contract-14.md describes
// them, until the hub's own definitions (main/common/routes) are merged; then the screens
// call api.* and this file goes.
import { z } from 'zod';
import type { KioskChoice } from '../main/common/kiosk';
import { route } from '../main/common/routes/define';

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
