// The paths a person waits on at the hub: a kiosk's ticket issue (request to answer) and a
// teller's call reaching every connected display (request to the feed message), with
// displays connected over real WebSockets on loopback; and a VIP's check-in at a kiosk
// (POST /api/kiosk/check-in/vip) reaching the manager's console as a vip_arrived alert.
import WebSocket from 'ws';
import { startTestHub, type TestHub } from '../tests/support/hub.js';
import { summarise, type BenchResult } from './stats.js';

const DISPLAYS = 30;
const ROUNDS = 200;
const VIP_ROUNDS = 50;

/** Milliseconds from a VIP check-in request to the vip_arrived alert on the manager's feed. */
async function vipCheckInToAlert(hub: TestHub, kiosk: string): Promise<number[]> {
  const admin = await hub.login('admin');
  await hub.api('POST', '/api/customers/vip-import', { token: admin, body: { csv: 'title,card,phone,notes,tags\n王总,6222020000001234,,靠窗,\n' } });
  const manager = await hub.login('manager');
  let onAlert: ((ticket: string) => void) | null = null;
  const ws = new WebSocket(`${hub.url.replace('http', 'ws')}/api/live?token=${manager}`);
  ws.on('message', (raw) => {
    const m = JSON.parse(raw.toString());
    if (m.type === 'alert.raised' && m.data.alert.kind === 'vip_arrived') onAlert?.(m.data.alert.ticket);
  });
  await new Promise((resolve) => ws.once('message', resolve));
  const times: number[] = [];
  for (let i = 0; i < VIP_ROUNDS; i++) {
    const seen = new Promise<string>((resolve) => (onAlert = resolve));
    const t0 = performance.now();
    const res = await hub.api('POST', '/api/kiosk/check-in/vip', { token: kiosk, body: { card: '6222020000001234' } });
    if (res.status !== 200) throw new Error(`VIP check-in: ${res.status} ${JSON.stringify(res.body)}`);
    const ticket = await seen;
    times.push(performance.now() - t0);
    if (ticket !== res.body.ticket.number) throw new Error(`alert for ${ticket}, expected ${res.body.ticket.number}`);
  }
  ws.close();
  return times;
}

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
    const v = summarise(await vipCheckInToAlert(hub, kiosk));
    return {
      name: 'api',
      description: `loopback HTTP + WebSocket, ${DISPLAYS} displays connected, ${ROUNDS} rounds, ${VIP_ROUNDS} VIP check-ins (milliseconds); SQLite synchronous=FULL`,
      figures: {
        'issue ticket p50': i.p50,
        'issue ticket p99': i.p99,
        'call to all displays p50': c.p50,
        'call to all displays p99': c.p99,
        'call to all displays max': c.max,
        'VIP check-in to manager alert p50': v.p50,
        'VIP check-in to manager alert p99': v.p99,
      },
    };
  } finally {
    await hub.close();
  }
}
