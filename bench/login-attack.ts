// How long a real teller's login takes while someone tries to lock staff IDs out: a real hub
// (startHub, demo branch, the hub's own throttle and per-source limit), an attacker at
// 127.0.0.1 sending waves of wrong PINs at several IDs (the supervisor among them, and an
// unknown ID), and a teller who is not attacked signing in with the right PIN every ~200 ms.
// The teller's logins come from a few counter addresses in turn (127.0.3.x), as tellers at
// different counters would: one address signing in five times a second would be stopped by
// the per-source limit, which is not what this measures. After the attack the supervisor, who
// was attacked, signs in at their own terminal (127.0.2.1): one attacking address locks an ID
// for that address only. Figures only.
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { pinGuardOf } from '../main/hub/auth/pin-guard.js';
import { DEFAULT_THROTTLE, lockEverywhereAfter } from '../main/common/throttle.js';
import { DEFAULT_PIN_RATE_LIMIT } from '../main/hub/server/pin-rate-limit.js';
import { startHub } from '../main/hub/server/start.js';
import { tempDir } from '../tests/support/hub.js';
import { summarise, type BenchResult } from './stats.js';

const TARGETS = ['supervisor', 'manager', 'teller1', 'teller2', 'nobody-7'];
const TELLER = 'teller6';
const SUPERVISOR_TERMINAL = '127.0.2.1';
const TELLER_SOURCES = 8;
const TELLER_EVERY_MS = 200;
const WAVE = 50;
const WAVE_GAP_MS = 250;

interface Answer {
  status: number;
  code: string;
  ms: number;
}

function login(url: string, staffId: string, pin: string, from: string): Promise<Answer> {
  const target = new URL(`${url}/api/auth/login`);
  const body = JSON.stringify({ staffId, pin });
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', localAddress: from, agent: false, headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          const code = res.statusCode === 200 ? 'ok' : ((JSON.parse(text) as { error?: { code?: string } }).error?.code ?? '?');
          resolve({ status: res.statusCode ?? 0, code, ms: performance.now() - t0 });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The teller signs in every TELLER_EVERY_MS until `until`; the latency of each login. */
async function teller(url: string, until: number): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (let i = 0; performance.now() < until; i++) {
    const next = performance.now() + TELLER_EVERY_MS;
    answers.push(await login(url, TELLER, '000000', `127.0.3.${1 + (i % TELLER_SOURCES)}`));
    await sleep(Math.max(0, next - performance.now()));
  }
  return answers;
}

async function attacker(url: string, until: number): Promise<Answer[]> {
  const answers: Answer[] = [];
  let wave = 0;
  while (performance.now() < until) {
    const pins = Array.from({ length: WAVE }, (_, i) => login(url, TARGETS[(wave + i) % TARGETS.length]!, String(100000 + wave * WAVE + i), '127.0.0.1'));
    answers.push(...(await Promise.all(pins)));
    wave++;
    await sleep(WAVE_GAP_MS);
  }
  return answers;
}

const count = (answers: Answer[], status: number, code?: string) => answers.filter((a) => a.status === status && (!code || a.code === code)).length;

export async function benchLoginAttack(quick = false): Promise<BenchResult> {
  const quietMs = quick ? 2_000 : 5_000;
  const attackMs = quick ? 5_000 : 30_000;
  const running = await startHub({ dataDir: tempDir('atrium-bench-'), port: 0, demo: true });
  try {
    const quiet = await teller(running.url, performance.now() + quietMs);
    const before = running.hub.lastSeq();
    const until = performance.now() + attackMs;
    const [during, attack] = await Promise.all([teller(running.url, until), attacker(running.url, until)]);
    const events = running.hub.ledger.readEvents(before + 1);
    const locks = pinGuardOf(running.hub).attempts.locks(running.hub.clock());
    const supervisor = await login(running.url, 'supervisor', '000000', SUPERVISOR_TERMINAL);
    const q = summarise(quiet.map((a) => a.ms));
    const d = summarise(during.map((a) => a.ms));
    return {
      name: 'login-attack',
      description: `A teller's login (ms) on a real hub with its default throttle (${DEFAULT_THROTTLE.lockAfter} wrong PINs from one address lock an ID for that address, ${lockEverywhereAfter(DEFAULT_THROTTLE)} from all addresses for every address, for ${DEFAULT_THROTTLE.lockMs / 60_000} min) and per-source limit (${DEFAULT_PIN_RATE_LIMIT.max} PIN requests per ${DEFAULT_PIN_RATE_LIMIT.windowMs / 1000} s per address and route): first ${quietMs / 1000} s quiet, then ${attackMs / 1000} s while 127.0.0.1 sends waves of ${WAVE} parallel wrong PINs every ${WAVE_GAP_MS} ms after the last wave's answers, at ${TARGETS.join(', ')} (the last an unknown ID). The teller (${TELLER}, not attacked) signs in every ${TELLER_EVERY_MS} ms from ${TELLER_SOURCES} counter addresses in turn; after the attack the supervisor signs in at ${SUPERVISOR_TERMINAL}. Ledger events: those written during the attack, the teller's sign-ins included.${quick ? ' Quick run.' : ''}`,
      figures: {
        'teller quiet p50': q.p50,
        'teller quiet p95': q.p95,
        'teller quiet max': q.max,
        'teller under attack logins': d.n,
        'teller under attack p50': d.p50,
        'teller under attack p95': d.p95,
        'teller under attack max': d.max,
        'teller refused': during.filter((a) => a.status !== 200).length,
        'attacker requests': attack.length,
        'attacker 401 wrong_pin': count(attack, 401),
        'attacker 429 rate_limited': count(attack, 429, 'rate_limited'),
        'attacker 429 account_locked': count(attack, 429, 'account_locked'),
        'attacker other': attack.filter((a) => a.status !== 401 && a.status !== 429).length,
        'IDs locked for the attacker at the end': locks.filter((l) => l.source === '127.0.0.1').length,
        'IDs locked everywhere at the end': locks.filter((l) => l.source === null).length,
        'attacked supervisor signs in at own terminal (1 = yes)': supervisor.status === 200 ? 1 : 0,
        'ledger events written': events.length,
        'of them auth.failures': events.filter((e) => e.type === 'auth.failures').length,
        'of them auth.locked': events.filter((e) => e.type === 'auth.locked').length,
        'of them auth.login (the teller)': events.filter((e) => e.type === 'auth.login').length,
      },
    };
  } finally {
    await running.close();
  }
}
