// The advisor (issue 17 point 2), as the HTTP API, the console and the ledger see it: a
// forecast of which waiting customers will wait past their service's maximum wait, and the
// one counter move that removes most of those breaches.
import { z } from 'zod';

/** Open a closed counter with a free teller, its services led by the one at risk. */
export interface OpenAction {
  kind: 'open';
  counter: string;
  staffId: string;
  services: string[];
}
/** Put a service first at an open (or paused) counter (counter.set_services). */
export interface SwitchAction {
  kind: 'switch';
  counter: string;
  from: string[];
  services: string[];
}
/** Call a paused counter back (counter.resume). */
export interface ResumeAction {
  kind: 'resume';
  counter: string;
}
/**
 * Invite waiting customers whose business a self-service machine does (the demo's 取款存款) to
 * it: the lobby manager's 分流. No engine command: the manager speaks to them, and marks each
 * who accepts through the self-service triage (POST /api/triage/self-service), which
 * cancels that ticket. Never VIP, green, appointment or elderly tickets, nor a large withdrawal
 * or a transfer (the counter's anti-fraud check is the point of those).
 */
export interface DivertAction {
  kind: 'divert';
  service: string;
  /** The tickets to invite, the last issued first (they have the longest wait ahead), and their numbers for the console. */
  tickets: string[];
  numbers: string[];
}
export type AdviceAction = OpenAction | SwitchAction | ResumeAction | DivertAction;

export interface TicketRisk {
  ticket: string;
  number: string;
  service: string;
  /** Share of the Monte Carlo runs in which it waits past its service's maximum. */
  probability: number;
  /** Minutes from now until it reaches that maximum. */
  breachInMinutes: number;
}

export interface BreachForecast {
  /** Expected number of customers waiting now who will wait past their maximum (those not past it yet). */
  expected: number;
  /** Minutes until the first likely breach (probability ≥ ½); null: none is likely. */
  firstInMinutes: number | null;
  /** Tickets with a probability of at least 10%, likeliest first. */
  atRisk: TicketRisk[];
}

export interface Advice {
  /** Changes whenever the forecast's action or figures change: the console sends it back with the decision. */
  id: string;
  computedAt: string;
  forecast: BreachForecast;
  /** The move that removes most breaches; null: none removes at least one. */
  action: AdviceAction | null;
  /** Expected breaches with the action applied, on the same Monte Carlo draws. */
  expectedWith: number | null;
  /** Whole breaches the action is expected to remove (the console's "预计可减少 N 位超时等候"). */
  saves: number;
}

/** A customer invited to self-service who still waits (GET /api/manager/advice). */
export interface InvitedTicket {
  ticket: string;
  number: string;
  service: string;
}

export const ADVICE_DECISIONS = ['applied', 'dismissed'] as const;
export type AdviceDecision = (typeof ADVICE_DECISIONS)[number];

export const AdviceDecisionBody = z.strictObject({
  /** The advice the manager saw (Advice.id): a stale one is refused (409 advice_changed). */
  id: z.string().min(1).max(64),
  decision: z.enum(ADVICE_DECISIONS),
});

/** The manager's decision on an advice, with the forecast it was made on: a ledger record. */
export interface AdvisorDecidedEvent {
  type: 'advisor.decided';
  decision: AdviceDecision;
  action: AdviceAction | null;
  expected: number;
  expectedWith: number | null;
  firstInMinutes: number | null;
  saves: number;
}
