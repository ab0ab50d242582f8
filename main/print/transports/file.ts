// A USB printer through the kernel's line-printer device (/dev/usb/lp0). Decision: status is
// not queried here: usblp reports it through an ioctl (LPGETSTATUS) that Node cannot issue,
// and reading back from lp devices blocks on printers that never answer. A kiosk that needs
// paper alerts uses its printer's serial or network port.
import { open } from 'node:fs/promises';
import { LinkError, type PrinterTransport } from './transport.js';

export function fileTransport(uri: string, path: string): PrinterTransport {
  return {
    uri,
    async send(bytes) {
      let written = 0;
      try {
        const handle = await open(path, 'a');
        try {
          while (written < bytes.length) written += (await handle.write(bytes, written)).bytesWritten;
        } finally {
          await handle.close();
        }
        return 'confirmed';
      } catch (e) {
        throw new LinkError(`${uri}: ${(e as Error).message}`, written);
      }
    },
    async query() {
      throw new LinkError(`${uri}: a line-printer device does not report status`);
    },
  };
}
