// Anti-fraud (反诈劝阻, issue 14 point 3): the fraud watch on a ticket (an elderly customer who
// took a kiosk choice with a fraud prompt) and the lobby's record of each intervention, signed
// by the supervisor. A ticket's fraud watch is for staff only: no shared screen ever shows it.
import { z } from 'zod';

export const FRAUD_OUTCOMES = ['dissuaded', 'proceeded', 'police_called'] as const;
export type FraudOutcome = (typeof FRAUD_OUTCOMES)[number];
/** How much money was at stake, in yuan: a band, never an amount or an account. */
export const AMOUNT_BANDS = ['under_10k', '10k_50k', '50k_200k', 'over_200k', 'unknown'] as const;
export type AmountBand = (typeof AMOUNT_BANDS)[number];

export interface FraudIntervention {
  id: string;
  /** The hub's local date it was recorded on: the reports count it on that day. */
  date: string;
  /** Today's ticket number it was about (A012), or null (a customer who took no ticket). */
  ticket: string | null;
  outcome: FraudOutcome;
  amountBand: AmountBand;
  /** What happened, sealed (it may tell the customer's story). */
  note: string;
  recordedAt: number;
  recordedBy: string | null;
  /** The last correction before signing, if any. */
  editedAt: number | null;
  editedBy: string | null;
  status: 'recorded' | 'signed';
  signedAt: number | null;
  signedBy: string | null;
  contentHash: string | null;
}

/** What a person fills in: the record's own fields. */
export type InterventionFields = Pick<FraudIntervention, 'ticket' | 'outcome' | 'amountBand' | 'note'>;

export type InterventionEvent =
  | { type: 'intervention.recorded'; id: string; date: string; fields: InterventionFields }
  /** A correction before signing: only the fields given change. */
  | { type: 'intervention.edited'; id: string; fields: Partial<InterventionFields> }
  | { type: 'intervention.signed'; id: string; contentHash: string };

/**
 * An elderly customer's ticket was issued with a fraud-prompt choice: the ticket is watched.
 * An event of its own, outside the queue (see main/hub/fraud/watch.ts for why).
 */
export interface FraudWatchEvent {
  type: 'ticket.fraud_watch';
  /** The ticket's id. */
  ticket: string;
  /** Its number (A012), as the alert and the teller's screen name it. */
  number: string;
  /** The kiosk choice's id. */
  choice: string;
}

/** The daily and monthly reports' section: interventions recorded in the period, by outcome. */
export interface FraudFigures {
  interventions: number;
  signed: number;
  dissuaded: number;
  proceeded: number;
  policeCalled: number;
}

const TicketNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{1,3}\d{1,4}$/, 'a ticket number is its prefix and digits, e.g. A012');
const Note = z.string().trim().min(1).max(1000);

export const InterventionBody = z.strictObject({
  ticket: TicketNumber.nullable().optional(),
  outcome: z.enum(FRAUD_OUTCOMES),
  amountBand: z.enum(AMOUNT_BANDS),
  note: Note,
});
export const InterventionEditBody = z
  .strictObject({ ticket: TicketNumber.nullable().optional(), outcome: z.enum(FRAUD_OUTCOMES).optional(), amountBand: z.enum(AMOUNT_BANDS).optional(), note: Note.optional() })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'give at least one field to correct');
