// Scores days in worker processes (`--jobs=N`, default: the machine's cores), so a full
// bench uses every core; each worker writes its days' files itself (day-store.ts). Workers
// keep to one scenario while it has days left (its past days are then simulated once in that
// worker) and spread over scenarios otherwise. With a time budget (`--max-minutes=M`) no day
// is started after it; days already running finish and are kept, the rest are reported
// missing.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { execArgv } from '../fork-pool.js';

export interface DayTask {
  id: number;
  /** Where the scenario's file is (the calendar's standard days always come from bench/scenarios). */
  scenarioDir: string;
  scenario: string;
  /** A sensitivity variant's name (bench/sensitivity-variants.ts): its world, Atrium and QL-abandon alone. */
  variant: string | null;
  date: string;
  index: number;
  hubOracle: boolean;
  estimator: string;
  fingerprint: string;
  file: string;
}

export type ToWorker = { type: 'task'; task: DayTask } | { type: 'exit' };
export type FromWorker = { type: 'done'; id: number; seconds: number; cpuSeconds: number } | { type: 'error'; id: number; message: string };

export interface PoolOptions {
  jobs: number;
  /** No day starts after this many minutes from the pool's start. */
  maxMinutes?: number;
  log?: (line: string) => void;
}

export interface PoolResult {
  computed: DayTask[];
  /** Days not started before the time budget ran out. */
  missing: DayTask[];
  /** Seconds each computed day took in its worker, by task id. */
  seconds: Map<number, number>;
}

const WORKER = path.join(import.meta.dirname, 'day-worker.ts');


interface Worker {
  child: ChildProcess;
  busy: DayTask | null;
  scenario: string | null;
}

/** The next task for a worker: its own scenario's next day, else a scenario no other worker is on, else any. */
function pick(pending: DayTask[], worker: Worker, workers: readonly Worker[]): number {
  const own = pending.findIndex((t) => branchOf(t) === worker.scenario);
  if (own >= 0) return own;
  const taken = new Set(workers.filter((w) => w !== worker && w.busy).map((w) => branchOf(w.busy!)));
  const remaining = new Map<string, number>();
  for (const t of pending) if (!taken.has(branchOf(t))) remaining.set(branchOf(t), (remaining.get(branchOf(t)) ?? 0) + 1);
  const most = [...remaining.entries()].sort((a, b) => b[1] - a[1])[0];
  return most ? pending.findIndex((t) => branchOf(t) === most[0]) : 0;
}

/** Days of one branch (a scenario, in one variant's world) share their past days. */
export const branchOf = (t: DayTask): string => `${t.scenario}|${t.variant ?? ''}`;

export function runDays(tasks: readonly DayTask[], options: PoolOptions): Promise<PoolResult> {
  const pending = [...tasks];
  const computed: DayTask[] = [];
  const seconds = new Map<number, number>();
  const start = Date.now();
  const deadline = options.maxMinutes === undefined ? Number.POSITIVE_INFINITY : start + options.maxMinutes * 60_000;
  const log = options.log ?? (() => {});
  const jobs = Math.max(1, Math.min(options.jobs, pending.length));
  if (pending.length === 0 || Date.now() >= deadline) return Promise.resolve({ computed, missing: pending, seconds });

  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let failed = false;
    const finishIfIdle = (): void => {
      if (workers.every((w) => w.busy === null && !w.child.connected)) resolve({ computed, missing: pending, seconds });
    };
    const feed = (w: Worker): void => {
      if (failed) return;
      if (pending.length === 0 || Date.now() >= deadline) {
        w.busy = null;
        if (w.child.connected) w.child.send({ type: 'exit' } satisfies ToWorker);
        return;
      }
      const [task] = pending.splice(pick(pending, w, workers), 1);
      w.busy = task!;
      w.scenario = branchOf(task!);
      w.child.send({ type: 'task', task: task! } satisfies ToWorker);
    };
    for (let i = 0; i < jobs; i++) {
      const child = fork(WORKER, [], { execArgv: execArgv(), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      const w: Worker = { child, busy: null, scenario: null };
      workers.push(w);
      child.on('message', (m: FromWorker) => {
        if (m.type === 'error') {
          failed = true;
          for (const other of workers) other.child.kill();
          reject(new Error(`day ${w.busy?.scenario} ${w.busy?.date} failed in its worker:\n${m.message}`));
          return;
        }
        const task = w.busy!;
        computed.push(task);
        seconds.set(task.id, m.seconds);
        log(`day computed: ${task.scenario}${task.variant ? ` (${task.variant})` : ''} ${task.date} (day ${task.index + 1}), ${m.seconds} s (CPU ${m.cpuSeconds} s); ${computed.length} of ${tasks.length} done, ${pending.length} not started`);
        feed(w);
      });
      child.on('exit', (code) => {
        if (failed) return;
        if (w.busy !== null) {
          failed = true;
          for (const other of workers) other.child.kill();
          reject(new Error(`the worker scoring ${w.busy.scenario} ${w.busy.date} exited (code ${code})`));
          return;
        }
        finishIfIdle();
      });
      feed(w);
    }
  });
}
