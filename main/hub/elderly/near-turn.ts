// The `elderly_near_turn` alert: an older customer three or fewer from being called, so the
// lobby manager can find them and walk them to the counter before the number is called.
//
// Decisions:
// - Once per ticket. The people ahead can grow again (a green-channel customer, an aged
//   ticket, a transfer in), and the manager who has already gone to the customer must not be
//   asked again; so a ticket whose alert was raised is remembered, and raised no more.
// - Cleared (resolved) when the ticket is no longer waiting: called, cancelled, a no-show,
//   unserved at close, or gone with the day. Not when the people ahead grow again.
// - The ticket's number and service only; nothing about the customer.
import type { Alert } from '../../common/alerts.js';
import type { AlertBook } from '../alerts/alert-book.js';
import type { Hub } from '../lobby/hub.js';
import { elderlyInLine } from './waiting.js';

export const NEAR_TURN_KIND = 'elderly_near_turn';
const keyOf = (ticketId: string) => `${NEAR_TURN_KIND}:${ticketId}`;
const ticketOfKey = (key: string) => key.slice(NEAR_TURN_KIND.length + 1);

export class ElderlyNearTurnWatch {
  /** Keys of every near-turn alert raised, as the alert book holds them (a restart keeps them). */
  private readonly raised = new Set<string>();

  constructor(
    private readonly hub: Hub,
    private readonly alerts: AlertBook,
  ) {
    for (const a of alerts.list()) if (a.kind === NEAR_TURN_KIND) this.raised.add(a.key);
  }

  /** Raises for each older customer newly near their turn; resolves those no longer waiting. */
  sweep(now: number): void {
    const state = this.hub.state;
    // A ticket of an earlier day is gone from the state: its key is no longer needed.
    for (const key of this.raised) if (!state.tickets[ticketOfKey(key)]) this.raised.delete(key);
    for (const { ticket, ahead, nearTurn } of elderlyInLine(state, now)) {
      const key = keyOf(ticket.id);
      if (!nearTurn || this.raised.has(key)) continue;
      this.raised.add(key);
      this.alerts.raise({ kind: NEAR_TURN_KIND, key, ticket: ticket.number, details: { service: ticket.service, ahead } }, null);
    }
    const open = (a: Alert) => a.kind === NEAR_TURN_KIND && a.acknowledgedAt === null && a.resolvedAt === null;
    for (const a of this.alerts.list().filter(open)) {
      if (state.tickets[ticketOfKey(a.key)]?.status !== 'waiting') this.alerts.resolve(a.key, null);
    }
  }
}
