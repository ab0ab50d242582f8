// Ticket issue through the HTTP API under load, driven by autocannon: a steady stream of
// kiosk requests, and a tour group's burst (40 tickets in 10 s at four kiosks, each kiosk
// its own paired device and connection). Every response's latency is kept, so the figures
// are percentiles of all of them; every ticket must have been issued (201 or 200).
import autocannon from 'autocannon';
import { startTestHub, type TestHub } from '../tests/support/hub.js';
import { summarise, type BenchResult } from './stats.js';

const STEADY_PER_SECOND = 10;
const STEADY_SECONDS = 20;
const BURST_KIOSKS = 4;
const BURST_TICKETS = 40;
const BURST_SECONDS = 10;

/** One kiosk (its own token and connection) sending `amount` ticket requests at `perSecond`. */
function kiosk(hub: TestHub, token: string, perSecond: number, amount: number, latencies: number[]): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${hub.url}/api/tickets`,
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ service: 'cash' }),
        connections: 1,
        overallRate: perSecond,
        amount,
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status >= 300) reject(new Error(`ticket issue answered ${status}`));
      latencies.push(ms);
    });
  });
}

async function issued(hub: TestHub, token: string): Promise<number> {
  const res = await hub.api('GET', '/api/lobby', { token });
  return (res.body as { tickets: unknown[] }).tickets.length;
}

export async function benchLoad(): Promise<BenchResult> {
  const hub = await startTestHub();
  try {
    const manager = await hub.login('manager');
    const tokens = await Promise.all(Array.from({ length: BURST_KIOSKS }, () => hub.device('kiosk')));
    const before = await issued(hub, manager);

    const steady: number[] = [];
    await kiosk(hub, tokens[0]!, STEADY_PER_SECOND, STEADY_PER_SECOND * STEADY_SECONDS, steady);

    const burst: number[] = [];
    const t0 = performance.now();
    await Promise.all(tokens.map((t) => kiosk(hub, t, BURST_TICKETS / BURST_KIOSKS / BURST_SECONDS, BURST_TICKETS / BURST_KIOSKS, burst)));
    const burstSeconds = (performance.now() - t0) / 1000;

    const total = STEADY_PER_SECOND * STEADY_SECONDS + BURST_TICKETS;
    const after = await issued(hub, manager);
    if (steady.length + burst.length !== total || after - before !== total) throw new Error(`load: ${after - before} tickets issued of ${total}`);
    const s = summarise(steady);
    const b = summarise(burst);
    return {
      name: 'load',
      description: `Ticket issue under load (autocannon, loopback, SQLite synchronous=FULL, nobody called, so the queue and the estimator's work grow): a steady ${STEADY_PER_SECOND} tickets a second for ${STEADY_SECONDS} s from one kiosk, then a tour group of ${BURST_TICKETS} tickets in ${BURST_SECONDS} s at ${BURST_KIOSKS} kiosks (took ${burstSeconds.toFixed(1)} s), with ${before + STEADY_PER_SECOND * STEADY_SECONDS} tickets already waiting (ms).`,
      figures: {
        'steady p50': s.p50,
        'steady p95': s.p95,
        'steady p99': s.p99,
        'steady max': s.max,
        'burst p50': b.p50,
        'burst p95': b.p95,
        'burst p99': b.p99,
        'burst max': b.max,
      },
    };
  } finally {
    await hub.close();
  }
}

// `node --import tsx bench/load.ts` runs this bench alone.
if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await benchLoad(), null, 2));
