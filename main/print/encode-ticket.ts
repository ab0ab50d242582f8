// Ticket → ESC/POS bytes: receiptline lays out the text (GB18030 for Chinese, double size,
// the cut), and the QR code between the two halves is the printer's native GS ( k.
import receiptline from 'receiptline';
import type { TicketPrintData } from '../common/print.js';
import { nativeQr } from './qr-command.js';
import { ticketDocument } from './ticket-layout.js';

export const PAPER = { cpl: 42, encoding: 'gb18030', command: 'escpos' } as const;

/** GS r 1: receiptline ends a document with a status request; the halves do not need it. */
const TRANSMIT_STATUS = Buffer.from([0x1d, 0x72, 0x31]);

export function escpos(doc: string, cutting: boolean): Buffer {
  // receiptline returns a binary string: one char per byte.
  let bytes = Buffer.from(receiptline.transform(doc, { ...PAPER, cutting }), 'latin1');
  if (bytes.subarray(-3).equals(TRANSMIT_STATUS)) bytes = bytes.subarray(0, -3);
  return bytes;
}

export function ticketBytes(t: TicketPrintData): Buffer {
  const doc = ticketDocument(t);
  const centre = Buffer.from([0x1b, 0x61, 0x01]);
  const left = Buffer.from([0x1b, 0x61, 0x00, 0x0a]);
  return Buffer.concat([escpos(doc.head, false), centre, nativeQr(t.statusUrl), left, escpos(doc.tail, true)]);
}

/** The same layout as an SVG image: the admin screen's print preview. */
export function ticketSvg(t: TicketPrintData): string {
  return receiptline.transform(ticketDocument(t).whole, { cpl: PAPER.cpl, encoding: PAPER.encoding });
}
