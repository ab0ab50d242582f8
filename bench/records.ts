// A ledger holding a year of simulated branch days (about 250 business days, 300 tickets
// each, with checklists, opinions, complaints and cards): its file size; a hub started on it
// the way a user starts it (`atrium hub`), its start-up time and memory; what the estimator
// learns from its last 20 days; and how long the daily and monthly reports take, every
// figure replayed from the ledger's events as the API does.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Estimate, LobbyState } from '../main/common/domain.js';
import type { RecordsEvent } from '../main/common/records.js';
import { DB_FILE } from '../main/hub/ledger/index.js';
import { openHubLedger } from '../main/hub/projectors.js';
import { verifyLedger } from '../main/hub/ledger/verify.js';
import { rebuildDataFolder } from '../main/hub/storage/rebuild.js';
import { Hub } from '../main/hub/lobby/hub.js';
import { seedDemoBranch } from '../main/hub/lobby/demo.js';
import { commitRecords } from '../main/hub/records/commit.js';
import { dailyReport } from '../main/hub/reports/daily.js';
import { monthlyReport } from '../main/hub/reports/monthly.js';
import { seedTemplate } from '../main/hub/records/checklist/templates.js';
import { findChecklist } from '../main/hub/records/checklist/projector.js';
import { checklistContent, contentHash } from '../main/hub/records/signing.js';
import { historyFromLedger, profileFromLedger } from '../main/hub/estimate/ledger-knowledge.js';
import { summarise, type BenchResult } from './stats.js';

const TICKETS_PER_DAY = 300;
const recordEvent = (hub: Hub, event: RecordsEvent, actor: string | null) => commitRecords(hub, [event], actor);
const MIN = 60_000;

/** No estimates while building the ledger: the bench is about the reports, not the predictor. */
const noPredictor = { name: 'none', predict: (_s: LobbyState, _n: number): Record<string, Estimate> => ({}) };

function businessDays(year: number): string[] {
  const out: string[] = [];
  for (let d = new Date(year, 0, 1); d.getFullYear() === year; d.setDate(d.getDate() + 1)) {
    if (d.getDay() === 0 || d.getDay() === 6) continue;
    out.push(`${year}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`);
  }
  return out;
}

async function buildYear(): Promise<{ hub: Hub; days: string[]; events: number; dir: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'atrium-bench-records-'));
  const ledger = openHubLedger(dir);
  // Building the fixture only: a bench ledger need not survive a power cut.
  ledger.db.pragma('synchronous = OFF');
  let now = new Date(2024, 11, 31, 8, 0).getTime();
  const hub = new Hub(ledger, noPredictor as never, () => now);
  await seedDemoBranch(hub);
  if (hub.state.day?.status === 'open') hub.execute({ type: 'day.close' }, 'manager');
  const days = businessDays(2025);
  let seqId = 0;
  const id = () => `bench-${++seqId}`;
  for (const template of ['opening', 'patrol', 'closing'] as const) recordEvent(hub, { type: 'checklist.template_saved', template: seedTemplate(template) }, null);
  const opening = seedTemplate('opening');
  const closing = seedTemplate('closing');
  for (const date of days) {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const at = (h: number, min: number) => (now = new Date(y, m - 1, d, h, min).getTime());
    at(8, 30);
    hub.execute({ type: 'day.open', date }, 'manager');
    const check = id();
    recordEvent(hub, { type: 'checklist.started', id: check, kind: 'opening', date, template: opening, amends: null }, 'manager');
    recordEvent(hub, { type: 'checklist.answered', id: check, answers: opening.items.map((i) => ({ itemId: i.id, result: 'pass' as const, note: '' })) }, 'manager');
    recordEvent(hub, { type: 'checklist.completed', id: check }, 'manager');
    for (const c of ['1', '2', '3', '4', '5', '6']) hub.execute({ type: 'counter.open', counter: c, staffId: `teller${c}` }, `teller${c}`);
    // Tickets through the day: issue, and every counter calls, starts and finishes in turn.
    for (let i = 0; i < TICKETS_PER_DAY; i++) {
      now = at(9, 0) + i * 1.6 * MIN;
      const service = i % 10 < 5 ? 'cash' : i % 10 < 8 ? 'noncash' : i % 10 < 9 ? 'vip' : 'corporate';
      hub.execute({ type: 'ticket.issue', id: `${date}-${i}`, service, priority: 'normal' }, 'kiosk');
      const counter = String((i % 6) + 1);
      const c = hub.execute({ type: 'counter.call_next', counter }, `teller${counter}`);
      const called = c.events.find((e) => e.type === 'ticket.called') as { ticket: string } | undefined;
      if (!called) continue;
      if (i % 25 === 0) hub.execute({ type: 'ticket.no_show', ticket: called.ticket }, `teller${counter}`);
      else {
        hub.execute({ type: 'ticket.start', ticket: called.ticket }, `teller${counter}`);
        hub.execute({ type: 'ticket.finish', ticket: called.ticket }, `teller${counter}`);
      }
    }
    at(15, 0);
    const op = id();
    recordEvent(hub, { type: 'opinion.recorded', id: op, date, source: 'book', theme: 'waiting', text: '排队久', phoneKey: null, dueDate: date }, 'manager');
    recordEvent(hub, { type: 'opinion.replied', id: op, reply: '已回复' }, 'manager');
    const cp = id();
    recordEvent(hub, { type: 'complaint.opened', complaint: { id: cp, date, emotion: 'angry', calmed: true, listened: true, summary: 'x', ourFault: false, faultDetail: '', wants: ['fix'], solvableOnSpot: true, reasonable: true, promisedAt: null, dueAt: now + 48 * 60 * MIN } }, 'manager');
    recordEvent(hub, { type: 'complaint.resolved', id: cp, resolution: 'ok' }, 'manager');
    recordEvent(hub, { type: 'card.created', id: id(), kind: 'referral', date, title: '王先生', need: '理财', assignedTo: 'wm', dueDate: date }, 'manager');
    at(17, 0);
    const close = id();
    recordEvent(hub, { type: 'checklist.started', id: close, kind: 'closing', date, template: closing, amends: null }, 'manager');
    recordEvent(hub, { type: 'checklist.answered', id: close, answers: closing.items.map((i) => ({ itemId: i.id, result: 'pass' as const, note: '' })) }, 'manager');
    recordEvent(hub, { type: 'checklist.completed', id: close }, 'manager');
    // The hash of what is signed, as the sign-off route computes it: verify checks it.
    const signed = contentHash(checklistContent(findChecklist(hub.ledger.db, close)!));
    recordEvent(hub, { type: 'checklist.signed', id: close, contentHash: signed }, 'supervisor');
    // The close closes every counter with the day.
    hub.execute({ type: 'day.close' }, 'manager');
  }
  return { hub, days, events: ledger.lastSeq(), dir };
}

/** A hub started on `dir` as a user starts it: ms until it says it is listening, and its resident memory then (MB). */
async function startHubOn(dir: string): Promise<{ startMs: number; rssMb: number }> {
  const root = path.join(import.meta.dirname, '..');
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'main/cli.ts'), 'hub', '--data', dir, '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('listening on')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`hub exited with ${code} before listening: ${out}`)));
    });
    const startMs = performance.now() - t0;
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return { startMs, rssMb: Math.round(rssKb / 102.4) / 10 };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const megabytes = (file: string): number => (existsSync(file) ? Math.round(statSync(file).size / 104_857.6) / 10 : 0);

function time(fn: () => unknown, rounds: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export async function benchRecords(): Promise<BenchResult> {
  const t0 = performance.now();
  const { hub, days, events, dir } = await buildYear();
  const buildSeconds = Math.round((performance.now() - t0) / 100) / 10;
  const db = hub.ledger.db;
  const lastDay = days.at(-1)!;
  const midDay = days[Math.floor(days.length / 2)]!;
  const daily = summarise([...time(() => dailyReport(db, lastDay), 5), ...time(() => dailyReport(db, midDay), 5)]);
  const monthly = summarise(time(() => monthlyReport(db, '2025-12'), 3));
  const check = dailyReport(db, lastDay);
  if (check.totals.issued !== TICKETS_PER_DAY) throw new Error(`bench ledger: ${check.totals.issued} tickets on ${lastDay}`);
  // What the estimator learns once a day: the profile and history of the last 20 business days.
  const knowledge = summarise(time(() => [profileFromLedger(db, '2026-01-05', 480), historyFromLedger(db, '2026-01-05')], 5));
  hub.ledger.db.pragma('wal_checkpoint(TRUNCATE)');
  hub.ledger.close();
  const file = path.join(dir, DB_FILE);
  const sizeMb = megabytes(file) + megabytes(`${file}-wal`);
  // The first start also checks the migrations; the figure is a second start, as every morning.
  await startHubOn(dir);
  const started = await startHubOn(dir);
  // Verify rebuilds every table in memory from the year's events; rebuild writes them to a new folder.
  const v0 = performance.now();
  const verdict = verifyLedger(dir);
  const verifyMs = performance.now() - v0;
  if (!verdict.ok) throw new Error(`bench ledger does not verify: ${verdict.problem}`);
  const rebuiltDir = `${dir}-rebuilt`;
  const r0 = performance.now();
  await rebuildDataFolder(dir, rebuiltDir);
  const rebuildMs = performance.now() - r0;
  rmSync(dir, { recursive: true, force: true });
  rmSync(rebuiltDir, { recursive: true, force: true });
  return {
    name: 'records',
    description: `A ledger of a year: ${days.length} business days, ${TICKETS_PER_DAY} tickets a day, ${events} events (built in ${buildSeconds} s); a hub started on it with \`atrium hub\` (a second start, until it prints "listening"); reports; verify and rebuild of the whole year (ms).`,
    figures: {
      events,
      'database file (MB)': Math.round(sizeMb * 10) / 10,
      'hub start-up on it (ms)': Math.round(started.startMs),
      'hub memory after start-up (MB, resident)': started.rssMb,
      'estimator knowledge of 20 past days p50 (ms)': knowledge.p50,
      'daily report p50 (ms)': daily.p50,
      'daily report max (ms)': daily.max,
      'monthly report p50 (ms)': monthly.p50,
      'monthly report max (ms)': monthly.max,
      'verify, every table rebuilt in memory (ms)': Math.round(verifyMs),
      'rebuild into a new folder (ms)': Math.round(rebuildMs),
    },
  };
}

// `node --import tsx bench/records.ts` runs this bench alone.
if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await benchRecords(), null, 2));
