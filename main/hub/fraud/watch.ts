// The fraud watch (issue 14 point 3): an elderly customer (the ID-card check-in found them at
// or over elderly.age) whose ticket was issued with a kiosk choice that carries a fraud prompt
// (a transfer, a large withdrawal) is who the "safe account" scam targets. The manager is
// alerted (`fraud_watch`, to go to them before the counter) and the ticket is flagged for the
// teller who serves it; no shared screen shows either.
//
// Decision: the flag is an event of its own, `ticket.fraud_watch {ticket, number, choice}`,
// outside the queue, and not a field of the ticket:
// - It changes nobody's turn, so the queue engine's state, its replay and the estimator stay
//   about who is called when; ticket.issued keeps its one shape (the ID-card check-in adds
//   `choice` to it) and the engine needs no rule about scams.
// - It is a decision taken once, with the kiosk choices of that moment: the event keeps it, so
//   an admin turning a choice's prompt off later, or the manager changing the ticket's priority,
//   does not rewrite who was watched. rebuild and verify derive the fraud_watch table from it.
// - Who reads it is one rule of the feed's cuts (staff screens only), and the staff views add
//   `fraudWatch` to their tickets from that table (lobby/views.ts: staffTicket); the views a
//   customer's screen gets (display tickets, the kiosk's answer, /api/public/tickets/:id) are
//   built without it.
import type { Alert } from '../../common/alerts.js';
import type { Ticket } from '../../common/domain.js';
import type { FraudWatchEvent } from '../../common/fraud.js';
import type { KioskChoice } from '../../common/kiosk.js';
import type { AlertBook, RaiseAlert } from '../alerts/alert-book.js';
import { kioskChoicesOf } from '../kiosk/choices.js';
import type { Hub } from '../lobby/hub.js';
import { isFraudWatched } from './watch-projector.js';

/** A ticket just issued, with what the check-in knew: the kiosk choice taken and whether the customer is elderly. */
export interface IssuedTicket {
  ticket: Pick<Ticket, 'id' | 'number'>;
  /** The kiosk choice's id; absent or null when the customer took none. */
  choice?: string | null;
  elderly: boolean;
}

/**
 * The watch, or null: only an elderly customer, only a choice the branch offers, only one
 * with a fraud prompt. Pure: the choices are the branch's now (kioskChoicesOf).
 */
export function decideFraudWatch(issued: IssuedTicket, choices: readonly KioskChoice[]): FraudWatchEvent | null {
  if (!issued.elderly || !issued.choice) return null;
  const choice = choices.find((c) => c.id === issued.choice);
  if (!choice?.fraudPrompt) return null;
  return { type: 'ticket.fraud_watch', ticket: issued.ticket.id, number: issued.ticket.number, choice: choice.id };
}

/** The manager's alert: one per ticket, naming the choice in both languages and the kiosk it came from. */
export function fraudWatchAlert(event: FraudWatchEvent, choices: readonly KioskChoice[], device: string | null): RaiseAlert {
  const choice = choices.find((c) => c.id === event.choice);
  return {
    kind: 'fraud_watch',
    key: `fraud_watch:${event.ticket}`,
    ticket: event.number,
    device,
    details: { choice: event.choice, nameZh: choice?.nameZh ?? event.choice, nameEn: choice?.nameEn ?? event.choice, service: choice?.service ?? null },
  };
}

/**
 * After a ticket is committed: watches it when decideFraudWatch says so (`ticket.fraud_watch`,
 * its own commit) and raises the manager's `fraud_watch` alert. `device`: the kiosk it was
 * issued at (the alert names it), null when staff issued it. A ticket already watched is left
 * as it is (a retried call raises nothing twice). Returns the watch, or null.
 */
export function watchForFraud(hub: Hub, alerts: AlertBook, issued: { ticketId: string; choice?: string | null; elderly: boolean }, actor: string, device: string | null = null): { event: FraudWatchEvent; alert: Alert } | null {
  const ticket = hub.state.tickets[issued.ticketId];
  if (!ticket || isFraudWatched(hub.ledger.db, ticket.id)) return null;
  const choices = kioskChoicesOf(hub);
  const event = decideFraudWatch({ ticket, choice: issued.choice, elderly: issued.elderly }, choices);
  if (!event) return null;
  hub.commit([event], actor);
  // Its own commit after the watch's, as every alert is (the alert book keeps one open per key).
  const alert = alerts.raise(fraudWatchAlert(event, choices, device), actor);
  return { event, alert };
}
