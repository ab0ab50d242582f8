// Builders shared by the engine's tests (and the estimator's): a small branch defined through
// decide() itself, so the fixtures can only reach states the engine allows.
import type { LobbyState, QueueConfig, Service } from '../../common/domain.js';
import type { QueueCommand } from '../../common/events.js';
import { applyEvents } from './apply.js';
import { decide } from './decide.js';
import { initialState } from './state.js';

export const MIN = 60_000;
/** 09:00 on the fixture's business day. */
export const T0 = Date.UTC(2025, 0, 6, 1, 0);
export const DAY = '2025-01-06';

export function service(code: string, prefix: string, over: Partial<Service> = {}): Service {
  return {
    code,
    prefix,
    nameZh: code,
    nameEn: code,
    targetWaitMinutes: 15,
    maxWaitMinutes: 30,
    priorServiceMinutes: 5,
    ...over,
  };
}

/** decide() then apply, command by command, all at `now`. */
export function run(state: LobbyState, commands: readonly QueueCommand[], now: number): LobbyState {
  let s = state;
  for (const command of commands) {
    s = applyEvents(s, decide(s, command, now).map((event) => ({ event, at: now })));
  }
  return s;
}

/**
 * cash (A, 5 min, ages after 30) and noncash (B, 10 min, ages after 40); counters
 * 1 [cash, noncash] open, 2 [noncash, cash] open, 3 [cash] closed; day open at T0.
 */
export function branch(config: Partial<QueueConfig> = {}): LobbyState {
  return run(
    initialState(config),
    [
      { type: 'service.define', service: service('cash', 'A') },
      { type: 'service.define', service: service('noncash', 'B', { priorServiceMinutes: 10, maxWaitMinutes: 40 }) },
      { type: 'counter.define', counter: '1', services: ['cash', 'noncash'] },
      { type: 'counter.define', counter: '2', services: ['noncash', 'cash'] },
      { type: 'counter.define', counter: '3', services: ['cash'] },
      { type: 'counter.open', counter: '1', staffId: 'teller1' },
      { type: 'counter.open', counter: '2', staffId: 'teller2' },
      { type: 'day.open', date: DAY },
    ],
    T0,
  );
}

export function issue(state: LobbyState, id: string, svc: string, at: number, extra: Partial<Extract<QueueCommand, { type: 'ticket.issue' }>> = {}): LobbyState {
  return run(state, [{ type: 'ticket.issue', id, service: svc, priority: 'normal', ...extra }], at);
}

/** n normal cash tickets, one a second from `at`, ids n0, n1, …: a queue for estimator tests. */
export function queueOf(state: LobbyState, n: number, at = T0 + MIN): LobbyState {
  let s = state;
  for (let i = 0; i < n; i++) s = issue(s, `n${i}`, 'cash', at + i * 1000);
  return s;
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
