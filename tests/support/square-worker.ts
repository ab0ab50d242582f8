// A worker for tests/unit/fork-pool.test.ts: squares a number, refuses a negative one, and
// exits without answering on 13 (a worker that dies mid-task).
import { serveTasks } from '../../bench/fork-pool.js';

serveTasks<number, number>((x) => {
  if (x === 13) process.exit(3);
  if (x < 0) throw new Error(`no square of ${x} here`);
  return x * x;
});
