// What a ticket issued now would wait: the kiosk shows it before the customer takes one.
import type { Estimate, LobbyState, Priority } from '../../common/domain.js';
import { waitingTicket } from '../queue/decide-ticket.js';
import { getService } from '../queue/lookup.js';
import type { WaitPredictor } from './predictor.js';

/**
 * The feed, the kiosk's queues and the lobby watcher all ask the same question of the same
 * state within a few milliseconds; the answer is kept per state object for a second, so one
 * change costs one Monte Carlo per service instead of one per asker.
 */
const REUSE_MS = 1000;
const memo = new WeakMap<LobbyState, { predictor: WaitPredictor; at: number; answers: Map<string, Estimate> }>();

export function newTicketEstimate(predictor: WaitPredictor, state: LobbyState, service: string, priority: Priority, now: number): Estimate {
  let entry = memo.get(state);
  if (!entry || entry.predictor !== predictor || Math.abs(now - entry.at) > REUSE_MS) {
    entry = { predictor, at: now, answers: new Map() };
    memo.set(state, entry);
  }
  const key = `${service}\u0000${priority}`;
  const known = entry.answers.get(key);
  if (known) return known;
  const estimate = estimateOnce(predictor, state, service, priority, now);
  entry.answers.set(key, estimate);
  return estimate;
}

function estimateOnce(predictor: WaitPredictor, state: LobbyState, service: string, priority: Priority, now: number): Estimate {
  const svc = getService(state, service);
  let id = '\u0000new';
  while (state.tickets[id]) id += '\u0000';
  const ticket = waitingTicket(state, svc, { id, priority, businessDay: state.day?.date ?? '', issuedAt: now, appointmentAt: null });
  const estimate = predictor.predict({ ...state, tickets: { ...state.tickets, [id]: ticket } }, now)[id];
  if (!estimate) throw new Error(`predictor ${predictor.name} gave no estimate for a waiting ticket`);
  return estimate;
}
