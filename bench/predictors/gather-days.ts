// The days a bench needs: the stored ones whose fingerprint matches are read back, the others
// computed in the day pool; the answer says how many of each, and which are still missing
// when the time budget ran out (the caller then reports the run incomplete).
import { runDays, type DayTask } from './day-pool.js';
import type { DayRecord } from './day-record.js';
import { readDay } from './day-store.js';

export interface Gathered {
  /** By task id; every task's day unless some are missing. */
  records: Map<number, DayRecord>;
  computed: number;
  reused: number;
  missing: DayTask[];
}

export interface GatherOptions {
  jobs: number;
  maxMinutes?: number;
  /** Prefixes its progress lines (`predictors`, `sensitivity`). */
  label: string;
}

export async function gatherDays(tasks: readonly DayTask[], options: GatherOptions): Promise<Gathered> {
  const records = new Map<number, DayRecord>();
  for (const task of tasks) {
    const record = readDay(task.file, task.fingerprint);
    if (record) records.set(task.id, record);
  }
  const reused = records.size;
  const todo = tasks.filter((t) => !records.has(t.id));
  console.log(`${options.label}: ${tasks.length} scored days, ${reused} stored and reused, ${todo.length} to compute (${options.jobs} worker${options.jobs === 1 ? '' : 's'})`);
  const pool = await runDays(todo, { jobs: options.jobs, maxMinutes: options.maxMinutes, log: (line) => console.log(`${options.label}: ${line}`) });
  for (const task of pool.computed) {
    const record = readDay(task.file, task.fingerprint);
    if (!record) throw new Error(`${task.file}: computed but not stored with its fingerprint`);
    records.set(task.id, record);
  }
  console.log(`${options.label}: days computed ${pool.computed.length}, reused ${reused}`);
  return { records, computed: pool.computed.length, reused, missing: pool.missing };
}

/** "incomplete: N days missing (…)": the line that fails the run. */
export function incompleteLine(missing: readonly DayTask[]): string {
  const by = new Map<string, string[]>();
  for (const t of missing) {
    const key = t.variant ? `${t.scenario} (${t.variant})` : t.scenario;
    by.set(key, [...(by.get(key) ?? []), t.date]);
  }
  const where = [...by.entries()].map(([s, d]) => `${s} ${d.length} (${d[0]} to ${d[d.length - 1]})`).join('; ');
  return `incomplete: ${missing.length} days missing (${where}); run the bench again to compute them, stored days are kept`;
}
