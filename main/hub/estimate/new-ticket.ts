// What a ticket issued now would wait: the kiosk shows it before the customer takes one.
import type { Estimate, LobbyState, Priority, Ticket } from '../../common/domain.js';
import { getService } from '../queue/lookup.js';
import { formatNumber } from '../queue/numbering.js';
import type { WaitPredictor } from './predictor.js';

export function newTicketEstimate(predictor: WaitPredictor, state: LobbyState, service: string, priority: Priority, now: number): Estimate {
  const svc = getService(state, service);
  let id = '\u0000new';
  while (state.tickets[id]) id += '\u0000';
  const ticket: Ticket = {
    id,
    number: formatNumber(svc.prefix, (state.lastNumber[svc.prefix] ?? 0) + 1),
    service: svc.code,
    priority,
    status: 'waiting',
    businessDay: state.day?.date ?? '',
    issuedAt: now,
    calledAt: null,
    startedAt: null,
    finishedAt: null,
    counter: null,
    targetCounter: null,
    appointmentAt: null,
    recalls: 0,
    transfers: 0,
    tags: [],
  };
  const estimate = predictor.predict({ ...state, tickets: { ...state.tickets, [id]: ticket } }, now)[id];
  if (!estimate) throw new Error(`predictor ${predictor.name} gave no estimate for a waiting ticket`);
  return estimate;
}
