// Anti-fraud (issue 14 point 3): the lobby's fraud interventions, recorded by the manager or
// the supervisor, corrected until a supervisor signs them with their PIN. The fraud watch on a
// ticket has no route of its own: it is set when the ticket is issued (main/hub/fraud/watch.ts).
import { z } from 'zod';
import { CalendarDate } from '../dates.js';
import { AMOUNT_BANDS, FRAUD_OUTCOMES, InterventionBody, InterventionEditBody, type FraudIntervention } from '../fraud.js';
import { SignBody } from '../records.js';
import { KEEPERS } from './access.js';
import { route } from './define.js';

/** As the records' DateQuery (routes/records.ts imports this file, so it is not imported here). */
const DateQuery = z.strictObject({ date: CalendarDate.optional() });
const Id = z.object({ id: z.string().min(1).max(200) });
export const InterventionSchema: z.ZodType<FraudIntervention> = z.strictObject({
  id: z.string(),
  date: z.string(),
  ticket: z.string().nullable(),
  outcome: z.enum(FRAUD_OUTCOMES),
  amountBand: z.enum(AMOUNT_BANDS),
  note: z.string(),
  recordedAt: z.number(),
  recordedBy: z.string().nullable(),
  editedAt: z.number().nullable(),
  editedBy: z.string().nullable(),
  status: z.enum(['recorded', 'signed']),
  signedAt: z.number().nullable(),
  signedBy: z.string().nullable(),
  contentHash: z.string().nullable(),
});
const One = z.strictObject({ intervention: InterventionSchema });

export const interventions = route({
  method: 'GET',
  path: '/api/fraud/interventions',
  access: { grants: KEEPERS },
  summary: "A day's fraud interventions (`?date=`, today by default), newest first.",
  query: DateQuery,
  answer: z.strictObject({ date: z.string(), interventions: z.array(InterventionSchema) }),
});
export const recordIntervention = route({
  method: 'POST',
  path: '/api/fraud/interventions',
  access: { grants: KEEPERS },
  summary:
    'Records a fraud intervention `{ticket?, outcome: dissuaded|proceeded|police_called, amountBand: under_10k|10k_50k|50k_200k|over_200k|unknown, note}` (the note sealed); `ticket` is a number of today, else 404 `unknown_ticket`.',
  body: InterventionBody,
  answer: One,
});
export const editIntervention = route({
  method: 'PATCH',
  path: '/api/fraud/interventions/:id',
  access: { grants: KEEPERS },
  summary: 'Corrects an intervention before it is signed (only the fields given); 409 `intervention_signed` after.',
  params: Id,
  body: InterventionEditBody,
  answer: One,
});
export const signIntervention = route({
  method: 'POST',
  path: '/api/fraud/interventions/:id/sign',
  access: { grants: ['supervisor'] },
  summary: 'A supervisor signs it with their PIN, as the records are signed: 401 `wrong_signing_pin`, 409 `intervention_signed`.',
  params: Id,
  body: SignBody,
  answer: One,
});

export const fraudRoutes = [interventions, recordIntervention, editIntervention, signIntervention];
