// Printer URIs of CONTRACT.md: tcp://HOST:PORT, serial:/dev/ttyUSB0?baud=9600, file:/dev/usb/lp0.
export type PrinterAddress =
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'serial'; path: string; baudRate: number }
  | { kind: 'file'; path: string };

export class PrinterUriError extends Error {}

export function parsePrinterUri(uri: string): PrinterAddress {
  const tcp = /^tcp:\/\/([^\s/:]+|\[[0-9a-f:]+\]):(\d{1,5})\/?$/i.exec(uri);
  if (tcp) {
    const port = Number(tcp[2]);
    if (port < 1 || port > 65535) throw new PrinterUriError(`"${uri}": the port must be 1–65535.`);
    return { kind: 'tcp', host: tcp[1]!.replace(/^\[|\]$/g, ''), port };
  }
  const serial = /^serial:(\/[^\s?]+)(?:\?baud=(\d+))?$/.exec(uri);
  if (serial) return { kind: 'serial', path: serial[1]!, baudRate: Number(serial[2] ?? 9600) };
  const file = /^file:(\/\S+)$/.exec(uri);
  if (file) return { kind: 'file', path: file[1]! };
  throw new PrinterUriError(`"${uri}" is not a printer URI: use tcp://HOST:PORT, serial:/dev/…?baud=9600 or file:/dev/usb/lp0.`);
}
