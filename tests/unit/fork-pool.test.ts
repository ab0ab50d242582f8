// The bench's worker pool (bench/fork-pool.ts) in real child processes: results in the order of
// the tasks whatever order the workers finish in, and a failed or dead worker fails the run
// (a bench with a day missing would score other days than it says).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInWorkers } from '../../bench/fork-pool.js';

const WORKER = path.join(import.meta.dirname, '../support/square-worker.ts');

describe('the bench worker pool', () => {
  it('answers every task, in the order of the tasks, with two workers', async () => {
    const tasks = [5, 1, 4, 2, 3, 9, 7];
    const seen: number[] = [];
    const out = await runInWorkers<number, number>(WORKER, tasks, 2, (_t, _r, done) => seen.push(done));
    expect(out).toEqual(tasks.map((x) => x * x));
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('fails the run with the task\'s error when a task throws', async () => {
    await expect(runInWorkers<number, number>(WORKER, [2, -4, 3], 2)).rejects.toThrow(/no square of -4/);
  });

  it('fails the run when a worker exits before answering', async () => {
    await expect(runInWorkers<number, number>(WORKER, [2, 13, 3], 1)).rejects.toThrow(/exited \(code 3\)/);
  });
});
