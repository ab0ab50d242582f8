// The older customers waiting now, with the people ahead of each: the manager's list (GET
// /api/lobby/elderly) and the near-turn alert read the same thing. "Ahead" is the one the hub
// shows on every ticket (waiting-ahead.ts), so the list never disagrees with the ticket, and
// "near its turn" is the phone page's reminder's own test (common/near-turn.ts).
import { isNearTurn } from '../../common/near-turn.js';
import type { LobbyState, Ticket } from '../../common/domain.js';
import { waitingAheadAll } from '../queue/waiting-ahead.js';

export interface ElderlyInLine {
  ticket: Ticket;
  ahead: number;
  nearTurn: boolean;
}

/** Waiting tickets of priority elderly, fewest ahead first (then the earlier issued). */
export function elderlyInLine(state: LobbyState, now: number): ElderlyInLine[] {
  const waiting = Object.values(state.tickets).filter((t) => t.status === 'waiting' && t.priority === 'elderly');
  // Every counter's order is sorted once for all tickets; skipped when no older customer waits.
  if (waiting.length === 0) return [];
  const ahead = waitingAheadAll(state, now);
  return waiting
    .map((ticket) => {
      const n = ahead[ticket.id] ?? 0;
      return { ticket, ahead: n, nearTurn: isNearTurn(n) };
    })
    .sort((a, b) => a.ahead - b.ahead || a.ticket.issuedAt - b.ticket.issuedAt);
}
