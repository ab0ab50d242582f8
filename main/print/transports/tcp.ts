// A network printer on raw TCP (port 9100, "JetDirect").
import { Socket } from 'node:net';
import { LinkError, type Delivery, type PrinterTransport } from './transport.js';

/** Bytes the kernel has taken: what Node dispatched, less what still waits in its own queues. */
function bytesTaken(socket: Socket): number {
  const queued = (socket as unknown as { _handle?: { writeQueueSize?: number } })._handle?.writeQueueSize ?? 0;
  return Math.max(0, socket.bytesWritten - socket.writableLength - queued);
}

export function tcpTransport(uri: string, host: string, port: number): PrinterTransport {
  function connect(timeoutMs: number): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = new Socket();
      socket.setNoDelay(true);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new LinkError(`${uri}: no connection within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('error', (e) => {
        clearTimeout(timer);
        reject(new LinkError(`${uri}: ${e.message}`));
      });
      socket.connect(port, host, () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(socket);
      });
    });
  }

  return {
    uri,
    async send(bytes, timeouts) {
      const socket = await connect(timeouts.jobMs);
      return new Promise<Delivery>((resolve, reject) => {
        let settled = false;
        let taken = false;
        let timer: NodeJS.Timeout;
        const settle = (outcome: Delivery | string) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          // Until the write callback has fired, some bytes were not taken, whatever the counters say
          // (a reset cancels the queued write and clears its count).
          const sent = taken ? bytes.length : Math.min(bytesTaken(socket), bytes.length - 1);
          socket.destroy();
          if (outcome === 'confirmed' || outcome === 'held') resolve(outcome);
          else reject(new LinkError(`${uri}: ${outcome}`, sent));
        };
        timer = setTimeout(() => settle(`the printer did not take the job within ${timeouts.jobMs} ms`), timeouts.jobMs);
        socket.on('error', (e) => settle(e.message));
        // Every byte is taken when the write callback has fired and Node has dispatched them all.
        socket.write(bytes, (err) => {
          if (err || socket.bytesWritten !== bytes.length) return;
          taken = true;
          clearTimeout(timer);
          // A printer that holds the connection open after our last byte (some keep it until
          // their own idle timeout) leaves the outcome unknown: the caller asks its status
          // rather than waiting, failing, and having the job sent again.
          timer = setTimeout(() => settle('held'), timeouts.closeMs);
        });
        socket.end();
        // Done when the printer has read everything and closed its side too; a printer that
        // hangs up (or resets) before our last byte has cut the job.
        socket.on('close', (hadError) => settle(taken && !hadError ? 'confirmed' : 'the connection closed in the middle of the job'));
      });
    },
    async query(request, answerLength, timeoutMs) {
      const socket = await connect(timeoutMs);
      return new Promise<Buffer>((resolve, reject) => {
        let answer = Buffer.alloc(0);
        const done = (err: Error | null) => {
          clearTimeout(timer);
          socket.destroy();
          if (err) reject(err);
          else resolve(answer.subarray(0, answerLength));
        };
        const timer = setTimeout(() => done(new LinkError(`${uri}: no status answer within ${timeoutMs} ms`)), timeoutMs);
        socket.on('data', (chunk: Buffer) => {
          answer = Buffer.concat([answer, chunk]);
          if (answer.length >= answerLength) done(null);
        });
        socket.on('error', (e) => done(new LinkError(`${uri}: ${e.message}`)));
        socket.on('close', () => done(new LinkError(`${uri}: the printer hung up without answering`)));
        socket.write(request);
      });
    },
  };
}
