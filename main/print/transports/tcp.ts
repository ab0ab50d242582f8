// A network printer on raw TCP (port 9100, "JetDirect").
import { Socket } from 'node:net';
import { LinkError, type PrinterTransport } from './transport.js';

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
    async send(bytes, timeoutMs) {
      const socket = await connect(timeoutMs);
      await new Promise<void>((resolve, reject) => {
        let failed = false;
        const fail = (why: string) => {
          if (failed) return;
          failed = true;
          clearTimeout(timer);
          const sent = Math.max(0, socket.bytesWritten - socket.writableLength);
          socket.destroy();
          reject(new LinkError(`${uri}: ${why}`, sent));
        };
        const timer = setTimeout(() => fail(`the printer did not take the job within ${timeoutMs} ms`), timeoutMs);
        socket.on('error', (e) => fail(e.message));
        let finished = false;
        socket.on('finish', () => void (finished = true));
        // Done when the printer has read everything and closed its side too; a printer that
        // hangs up (or resets) before our last byte has cut the job.
        socket.on('close', (hadError) => {
          if (!finished || hadError) return fail('the connection closed in the middle of the job');
          if (failed) return;
          failed = true;
          clearTimeout(timer);
          resolve();
        });
        socket.end(bytes);
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
