// A test's handle on a command midway: when ATRIUM_TEST_PAUSE_AT names a point, the process
// says so on stderr and stops there for good, so a test can look at the disk and then kill
// it as a crash or a power cut would. Unset, as it always is outside tests, it does nothing.
import { writeSync } from 'node:fs';

export const TEST_PAUSE_VARIABLE = 'ATRIUM_TEST_PAUSE_AT';

export function pausePoint(name: string): void {
  if (process.env[TEST_PAUSE_VARIABLE] !== name) return;
  // Written straight to the descriptor: the block below would keep a buffered line back.
  writeSync(2, `paused at ${name}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}
