// How long Atrium's estimator takes on a busy lobby: it runs after every event, so it is on
// the path of every screen update.
import { PRIORITIES, type LobbyState } from '../main/common/domain.js';
import { applyEvent, initialState } from '../main/hub/queue/index.js';
import { DAY, MIN, run, service, T0 } from '../main/hub/queue/test-support.js';
import { atriumPredictor, learnArrivalProfile, type PastTicket } from '../main/hub/estimate/index.js';
import { summarise, type BenchResult } from './stats.js';

/** 8 counters over 4 services, `tickets` tickets of every priority (4 of them in service, the rest waiting). */
export function bigLobby(tickets = 304): LobbyState {
  const codes = ['cash', 'noncash', 'corp', 'vip'];
  let s = run(
    initialState(),
    [
      ...codes.map((code, i) => ({ type: 'service.define' as const, service: service(code, 'ABCV'[i]!, { priorServiceMinutes: 3 + 2 * i }) })),
      ...Array.from({ length: 8 }, (_, i) => ({ type: 'counter.define' as const, counter: String(i + 1), services: [codes[i % 4]!, codes[(i + 1) % 4]!] })),
      ...Array.from({ length: 7 }, (_, i) => ({ type: 'counter.open' as const, counter: String(i + 1), staffId: `t${i}` })),
      { type: 'counter.pause', counter: '7', reason: 'cash_replenishment' },
      { type: 'day.open', date: DAY },
    ],
    T0,
  );
  for (let i = 0; i < tickets; i++) {
    const svc = s.services[codes[i % 4]!]!;
    s = applyEvent(
      s,
      {
        type: 'ticket.issued',
        ticket: {
          id: `t${i}`,
          number: `${svc.prefix}${i}`,
          service: svc.code,
          priority: PRIORITIES[(i * 7) % 4]!,
          status: 'waiting',
          businessDay: DAY,
          issuedAt: T0 + i * 20_000,
          calledAt: null,
          startedAt: null,
          finishedAt: null,
          counter: null,
          targetCounter: i % 50 === 0 ? '3' : null,
          appointmentAt: (i * 7) % 4 === 3 ? T0 + i * 30_000 : null,
          recalls: 0,
          transfers: 0,
          tags: [],
        },
      },
      T0 + i * 20_000,
    );
  }
  for (let c = 1; c <= 4 && c * 10 < tickets; c++) {
    s = applyEvent(s, { type: 'ticket.called', ticket: `t${c * 10}`, counter: String(c) }, T0 + 100 * MIN);
    s = applyEvent(s, { type: 'ticket.started', ticket: `t${c * 10}`, counter: String(c) }, T0 + 100 * MIN);
  }
  return s;
}

/** As a hub knows its branch: a lunch rota and a profile of 20 past days of 500 tickets (T0 is 09:00 in UTC+8). */
function branchKnowledge() {
  const codes = ['cash', 'noncash', 'corp', 'vip'];
  const past: PastTicket[] = Array.from({ length: 20 * 500 }, (_, i) => ({
    issuedAt: T0 + ((i * 7919) % (480 * 60)) * 1000,
    service: codes[i % 4]!,
    priority: PRIORITIES[(i * 7) % 4]!,
  }));
  return {
    rota: [{ counter: '1', from: '11:30', until: '13:30', reason: 'lunch' as const }, { counter: '2', from: '11:30', until: '13:30', reason: 'lunch' as const }],
    arrivalProfile: learnArrivalProfile(past, 20, 480),
    utcOffsetMinutes: 480,
  };
}

/** ms per prediction, after a warm-up, as the hub runs it (with the rota and a learnt profile, start.ts). */
function timePredictions(s: LobbyState): number[] {
  const predictor = atriumPredictor(branchKnowledge());
  const now = T0 + 102 * MIN;
  for (let i = 0; i < 20; i++) predictor.predict(s, now);
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const start = performance.now();
    predictor.predict(s, now);
    samples.push(performance.now() - start);
  }
  return samples;
}

export function benchEstimator(): BenchResult {
  // A crowded lobby gets few Monte Carlo runs (at most 2,400 ticket-runs), a quiet one up to 96.
  const crowded = bigLobby();
  const quiet = bigLobby(16);
  const count = (s: LobbyState): number => Object.values(s.tickets).filter((t) => t.status === 'waiting').length;
  const figures: Record<string, number> = {};
  for (const [label, s] of [[`${count(crowded)} waiting`, crowded], [`${count(quiet)} waiting`, quiet]] as const) {
    for (const [k, v] of Object.entries(summarise(timePredictions(s)))) figures[`${label} ${k}`] = v;
  }
  return {
    name: 'estimator',
    description: `atrium predictor with a lunch rota and a learnt arrival profile, 8 counters, a crowded lobby (${count(crowded)} waiting) and a quiet one (${count(quiet)} waiting) (ms per prediction)`,
    figures,
  };
}
