import { parsePrinterUri } from '../printer-uri.js';
import { fileTransport } from './file.js';
import { serialTransport } from './serial.js';
import { tcpTransport } from './tcp.js';
import type { PrinterTransport } from './transport.js';

export { LinkError, type Delivery, type PrinterTransport, type SendTimeouts } from './transport.js';

export function openTransport(uri: string): PrinterTransport {
  const a = parsePrinterUri(uri);
  if (a.kind === 'tcp') return tcpTransport(uri, a.host, a.port);
  if (a.kind === 'serial') return serialTransport(uri, a.path, a.baudRate);
  return fileTransport(uri, a.path);
}

/** Whether the status poller can ask this printer (line-printer devices cannot). */
export function reportsStatus(uri: string): boolean {
  return parsePrinterUri(uri).kind !== 'file';
}
