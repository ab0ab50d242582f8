// Runs tasks in worker processes (a module that answers each task message with one result),
// `jobs` at once, and gives the results in the order of the tasks. A worker that fails or
// exits fails the whole run: a bench with a day missing would score other days than it says.
// The wait predictors' bench has its own pool (predictors/day-pool.ts): it keeps a worker on
// one scenario and honours a time budget; the days here are independent and short.
import { fork, type ChildProcess } from 'node:child_process';

export type PoolReply<R> = { ok: true; index: number; result: R } | { ok: false; index: number; message: string };

/** Workers run TypeScript as the parent does: through tsx. */
export function execArgv(): string[] {
  const argv = [...process.execArgv];
  const hasTsx = argv.some((a, i) => a.includes('tsx') && (argv[i - 1] === '--import' || a.startsWith('--import')));
  return hasTsx ? argv : [...argv, '--import', 'tsx'];
}

export function runInWorkers<T, R>(worker: string, tasks: readonly T[], jobs: number, onDone?: (task: T, result: R, done: number) => void): Promise<R[]> {
  const results: R[] = new Array(tasks.length);
  let next = 0;
  let done = 0;
  if (tasks.length === 0) return Promise.resolve(results);
  return new Promise((resolve, reject) => {
    const children: ChildProcess[] = [];
    let failed = false;
    const fail = (error: Error): void => {
      if (failed) return;
      failed = true;
      for (const c of children) c.kill();
      reject(error);
    };
    const feed = (child: ChildProcess): void => {
      if (next < tasks.length) child.send({ index: next, task: tasks[next++] });
      else child.disconnect();
    };
    for (let j = 0; j < Math.max(1, Math.min(jobs, tasks.length)); j++) {
      const child = fork(worker, [], { execArgv: execArgv(), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      children.push(child);
      let busy = true;
      child.on('message', (reply: PoolReply<R>) => {
        if (!reply.ok) return fail(new Error(`task ${reply.index} failed in its worker:\n${reply.message}`));
        results[reply.index] = reply.result;
        done++;
        onDone?.(tasks[reply.index]!, reply.result, done);
        if (done === tasks.length) resolve(results);
        busy = next < tasks.length;
        feed(child);
      });
      child.on('exit', (code) => {
        if (busy && !failed) fail(new Error(`a worker exited (code ${code}) before its task was done`));
      });
      feed(child);
    }
  });
}

/** The worker's side: answers each task with `work(task)`, or with the error it threw. */
export function serveTasks<T, R>(work: (task: T) => R): void {
  // The parent gone (its run ended or failed): stop at once, leaving no orphan.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (m: { index: number; task: T }) => {
    let reply: PoolReply<R>;
    try {
      reply = { ok: true, index: m.index, result: work(m.task) };
    } catch (e) {
      reply = { ok: false, index: m.index, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
    process.send!(reply);
  });
}
