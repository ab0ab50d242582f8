// A fake network ESC/POS printer on a loopback TCP port (as on 9100): it keeps what it
// prints, answers DLE EOT from its switchable faults, and can be unplugged, have its cable
// pulled in the middle of a job, hold a job's connection open, or stop reading part-way.
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
  /** Resolves when `count` jobs have ended (the sender closed its side, or dropped a held job). */
  waitForJobs(count: number, timeoutMs?: number): Promise<Buffer[]>;
  /** Connections that carried print data and are still open (held by the printer). */
  held(): number;
  close(): Promise<void>;
}

export async function startFakeTcpPrinter(): Promise<FakeTcpPrinter> {
  let faults: PrinterFaults = { ...NO_FAULTS };
  const finished: Buffer[] = [];
  const sockets = new Set<Socket>();
  const holding = new Set<Socket>();
  const waiters: (() => void)[] = [];
  const record = (job: Buffer) => {
    finished.push(job);
    for (const w of waiters.splice(0)) w();
  };
  // Half-open allowed: the printer, not Node, decides whether it closes after the sender's end.
  const server: Server = createServer({ allowHalfOpen: true }, (socket) => {
    if (faults.unplugged) return socket.destroy();
    sockets.add(socket);
    const receiver = new EscPosReceiver(() => faults);
    let jobBytes = 0;
    let recorded = false;
    // Decided when a connection's first print data arrives, so switching modes later does
    // not change a job already under way.
    let hold = false;
    const recordOnce = () => {
      if (recorded || receiver.printed.length === 0) return;
      recorded = true;
      record(receiver.printed);
    };
    socket.on('data', (chunk: Buffer) => {
      if (faults.unplugged) return socket.destroy();
      if (faults.cutAfterBytes !== null && receiver.queries === 0 && jobBytes + chunk.length > faults.cutAfterBytes) {
        receiver.take(chunk.subarray(0, faults.cutAfterBytes - jobBytes));
        faults = { ...faults, cutAfterBytes: null };
        recordOnce();
        // A pulled cable: the sender sees the connection reset, not a polite close.
        return socket.resetAndDestroy();
      }
      if (faults.stallAfterBytes !== null && receiver.queries === 0 && jobBytes + chunk.length > faults.stallAfterBytes) {
        receiver.take(chunk.subarray(0, faults.stallAfterBytes - jobBytes));
        faults = { ...faults, stallAfterBytes: null };
        hold = true;
        holding.add(socket);
        recordOnce();
        // Stops reading: the sender's bytes pile up in the kernel until it gives up.
        return socket.pause();
      }
      jobBytes += chunk.length;
      const before = receiver.printed.length;
      const answer = receiver.take(chunk);
      if (receiver.printed.length > before && faults.holdOpen && !hold) {
        hold = true;
        holding.add(socket);
      }
      const silent = faults.holdOpen === 'silent' || hold;
      if (answer.length > 0 && !silent) socket.write(answer);
    });
    socket.on('error', () => undefined);
    socket.on('end', () => {
      recordOnce();
      // A held job: the printer keeps its side open however long the sender waits.
      if (!hold) socket.end();
    });
    socket.on('close', () => {
      recordOnce();
      sockets.delete(socket);
      holding.delete(socket);
    });
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
    held: () => holding.size,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return printer;
}
