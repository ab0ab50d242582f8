// The paths a person waits on at the hub: a kiosk's ticket issue (request to answer) and a
// teller's call reaching every connected display (request to the feed message), with
// displays connected over real WebSockets on loopback.
import WebSocket from 'ws';
import { startTestHub } from '../tests/support/hub.js';
import { summarise, type BenchResult } from './stats.js';

const DISPLAYS = 30;
const ROUNDS = 200;

export async function benchApi(): Promise<BenchResult> {
  const hub = await startTestHub();
  try {
    const kiosk = await hub.device('kiosk');
    const teller = await hub.login('teller1');
    await hub.api('POST', '/api/counters/1/open', { token: teller });
    const displayToken = await hub.device('display');
    const arrivals: ((number: string) => void)[] = [];
    const sockets = await Promise.all(
      Array.from({ length: DISPLAYS }, () => {
        const ws = new WebSocket(`${hub.url.replace('http', 'ws')}/api/live?token=${displayToken}`);
        ws.on('message', (raw) => {
          const m = JSON.parse(raw.toString());
          if (m.type === 'ticket.called') arrivals.forEach((f) => f(m.tickets[0].number));
        });
        return new Promise<WebSocket>((resolve) => ws.once('message', () => resolve(ws)));
      }),
    );

    const issue: number[] = [];
    const callToDisplays: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      let t0 = performance.now();
      const res = await hub.api('POST', '/api/tickets', { token: kiosk, body: { service: 'cash' } });
      issue.push(performance.now() - t0);
      const number = res.body.ticket.number as string;

      let seen = 0;
      const allSeen = new Promise<number>((resolve) => {
        const f = (n: string) => {
          if (n === number && ++seen === DISPLAYS) {
            arrivals.splice(arrivals.indexOf(f), 1);
            resolve(performance.now());
          }
        };
        arrivals.push(f);
      });
      t0 = performance.now();
      const called = await hub.api('POST', '/api/counters/1/call-next', { token: teller });
      callToDisplays.push((await allSeen) - t0);
      await hub.api('POST', `/api/tickets/${called.body.ticket.id}/start`, { token: teller });
      await hub.api('POST', `/api/tickets/${called.body.ticket.id}/finish`, { token: teller });
    }
    sockets.forEach((s) => s.close());
    const i = summarise(issue);
    const c = summarise(callToDisplays);
    return {
      name: 'api',
      description: `loopback HTTP + WebSocket, ${DISPLAYS} displays connected, ${ROUNDS} rounds (milliseconds); SQLite synchronous=FULL`,
      figures: {
        'issue ticket p50': i.p50,
        'issue ticket p99': i.p99,
        'call to all displays p50': c.p50,
        'call to all displays p99': c.p99,
        'call to all displays max': c.max,
      },
    };
  } finally {
    await hub.close();
  }
}
