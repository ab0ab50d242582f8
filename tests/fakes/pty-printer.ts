// A fake serial ESC/POS printer: socat makes a PTY pair; the printer end is read and
// answered here, the other end is the "serial port" the code under test opens.
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, type ReadStream, type WriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EscPosReceiver, NO_FAULTS, type PrinterFaults } from './printer-state.js';

export interface FakePtyPrinter {
  /** serial:<the host end>?baud=9600 */
  uri: string;
  set(patch: Partial<PrinterFaults>): void;
  printed(): Buffer;
  close(): Promise<void>;
}

async function waitFor(file: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > until) throw new Error(`socat did not create ${file}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function startFakePtyPrinter(): Promise<FakePtyPrinter> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'atrium-pty-'));
  const printerEnd = path.join(dir, 'printer');
  const hostEnd = path.join(dir, 'host');
  const socat: ChildProcess = spawn('socat', [`pty,raw,echo=0,link=${printerEnd}`, `pty,raw,echo=0,link=${hostEnd}`], { stdio: 'ignore' });
  await waitFor(printerEnd, 5000);
  await waitFor(hostEnd, 5000);
  let faults: PrinterFaults = { ...NO_FAULTS };
  const receiver = new EscPosReceiver(() => faults);
  const input: ReadStream = createReadStream(printerEnd);
  const output: WriteStream = createWriteStream(printerEnd);
  input.on('error', () => undefined);
  output.on('error', () => undefined);
  input.on('data', (chunk) => {
    if (faults.unplugged) return;
    const answer = receiver.take(chunk as Buffer);
    if (answer.length > 0) output.write(answer);
  });
  return {
    uri: `serial:${hostEnd}?baud=9600`,
    set(patch) {
      faults = { ...faults, ...patch };
    },
    printed: () => receiver.printed,
    async close() {
      input.destroy();
      output.destroy();
      socat.kill('SIGTERM');
      await new Promise((r) => socat.once('exit', r));
    },
  };
}
