// A fake network ESC/POS printer on a loopback TCP port (as on 9100): it keeps what it
// prints, answers DLE EOT from its switchable faults, and can be unplugged or have its cable
// pulled in the middle of a job.
import { createServer, type Server, type Socket } from 'node:net';
import { EscPosReceiver, NO_FAULTS, type PrinterFaults } from './printer-state.js';

export interface FakeTcpPrinter {
  uri: string;
  port: number;
  faults: PrinterFaults;
  set(patch: Partial<PrinterFaults>): void;
  /** Every byte printed so far (status queries excluded). */
  printed(): Buffer;
  /** Jobs: the print data of each connection that carried any. */
  jobs(): Buffer[];
  /** Resolves when `count` jobs have ended (the sender closed its side). */
  waitForJobs(count: number, timeoutMs?: number): Promise<Buffer[]>;
  close(): Promise<void>;
}

export async function startFakeTcpPrinter(): Promise<FakeTcpPrinter> {
  let faults: PrinterFaults = { ...NO_FAULTS };
  const finished: Buffer[] = [];
  const sockets = new Set<Socket>();
  const waiters: (() => void)[] = [];
  const server: Server = createServer((socket) => {
    if (faults.unplugged) return socket.destroy();
    sockets.add(socket);
    const receiver = new EscPosReceiver(() => faults);
    let jobBytes = 0;
    socket.on('data', (chunk: Buffer) => {
      if (faults.unplugged) return socket.destroy();
      if (faults.cutAfterBytes !== null && receiver.queries === 0 && jobBytes + chunk.length > faults.cutAfterBytes) {
        receiver.take(chunk.subarray(0, faults.cutAfterBytes - jobBytes));
        faults = { ...faults, cutAfterBytes: null };
        finished.push(receiver.printed);
        // A pulled cable: the sender sees the connection reset, not a polite close.
        return socket.resetAndDestroy();
      }
      jobBytes += chunk.length;
      const answer = receiver.take(chunk);
      if (answer.length > 0) socket.write(answer);
    });
    socket.on('error', () => undefined);
    socket.on('end', () => {
      if (receiver.printed.length > 0) finished.push(receiver.printed);
      socket.end();
      for (const w of waiters.splice(0)) w();
    });
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const printer: FakeTcpPrinter = {
    uri: `tcp://127.0.0.1:${port}`,
    port,
    get faults() {
      return faults;
    },
    set(patch) {
      faults = { ...faults, ...patch };
      if (faults.unplugged) for (const s of sockets) s.destroy();
    },
    printed: () => Buffer.concat(finished),
    jobs: () => [...finished],
    async waitForJobs(count, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      while (finished.length < count) {
        if (Date.now() > until) throw new Error(`fake printer: ${finished.length} of ${count} jobs after ${timeoutMs} ms`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 50);
        });
      }
      return [...finished];
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return printer;
}
