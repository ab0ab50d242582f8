// A printer on a serial port (RS-232, or a USB-serial adapter: /dev/ttyUSB0).
import { SerialPort } from 'serialport';
import { LinkError, type PrinterTransport } from './transport.js';

function open(uri: string, path: string, baudRate: number): Promise<SerialPort> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate, autoOpen: false });
    port.open((err) => (err ? reject(new LinkError(`${uri}: ${err.message}`)) : resolve(port)));
  });
}

function close(port: SerialPort): void {
  if (port.isOpen) port.close(() => undefined);
}

export function serialTransport(uri: string, path: string, baudRate: number): PrinterTransport {
  return {
    uri,
    async send(bytes, { jobMs: timeoutMs }) {
      const port = await open(uri, path, baudRate);
      try {
        return await new Promise<'confirmed'>((resolve, reject) => {
          const timer = setTimeout(() => reject(new LinkError(`${uri}: the printer did not take the job within ${timeoutMs} ms`)), timeoutMs);
          port.once('close', () => reject(new LinkError(`${uri}: the port closed in the middle of the job`)));
          port.write(bytes, (err) => {
            if (err) return reject(new LinkError(`${uri}: ${err.message}`));
            // drain: the bytes have left our buffer for the line.
            port.drain((e) => {
              clearTimeout(timer);
              if (e) reject(new LinkError(`${uri}: ${e.message}`));
              else resolve('confirmed');
            });
          });
        });
      } finally {
        port.removeAllListeners('close');
        close(port);
      }
    },
    async query(request, answerLength, timeoutMs) {
      const port = await open(uri, path, baudRate);
      try {
        return await new Promise<Buffer>((resolve, reject) => {
          let answer = Buffer.alloc(0);
          const timer = setTimeout(() => reject(new LinkError(`${uri}: no status answer within ${timeoutMs} ms`)), timeoutMs);
          port.on('data', (chunk: Buffer) => {
            answer = Buffer.concat([answer, chunk]);
            if (answer.length >= answerLength) {
              clearTimeout(timer);
              resolve(answer.subarray(0, answerLength));
            }
          });
          port.write(request);
        });
      } finally {
        port.removeAllListeners('data');
        close(port);
      }
    },
  };
}
