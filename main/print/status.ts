// Real-time status (ESC/POS DLE EOT n): the printer answers each query with one byte at
// once, even while offline. n=1 printer, n=2 offline cause, n=4 roll paper sensor.
import type { PrinterCondition } from '../common/print.js';

export const STATUS_QUERY = Buffer.from([0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04]);
export const STATUS_ANSWER_LENGTH = 3;

/** Bits of the answers (Epson TM-T88 family; most Chinese ESC/POS printers follow them). */
export const BITS = {
  printerOffline: 0x08, // n=1 bit 3
  coverOpen: 0x04, // n=2 bit 2
  paperEndStop: 0x20, // n=2 bit 5
  nearEnd: 0x0c, // n=4 bits 2–3
  paperEnd: 0x60, // n=4 bits 5–6
} as const;

/** Every answer byte has bit 4 set and bit 0, 7 clear: anything else is noise. */
function valid(b: number): boolean {
  return (b & 0x93) === 0x12;
}

export function parseStatus(answer: Buffer): PrinterCondition[] | null {
  if (answer.length < STATUS_ANSWER_LENGTH) return null;
  const [printer, offline, paper] = [answer[0]!, answer[1]!, answer[2]!];
  if (![printer, offline, paper].every(valid)) return null;
  const conditions: PrinterCondition[] = [];
  if (offline & BITS.coverOpen) conditions.push('cover_open');
  if (paper & BITS.paperEnd || offline & BITS.paperEndStop) conditions.push('paper_out');
  else if (paper & BITS.nearEnd) conditions.push('paper_low');
  // Offline with no cause given (e.g. the feed button held, or an error): still offline.
  if (printer & BITS.printerOffline && !conditions.some((c) => c !== 'paper_low')) conditions.push('offline');
  return conditions;
}

/** The three answer bytes a printer in these conditions sends (the fake printer uses this). */
export function statusAnswer(c: { coverOpen?: boolean; paperOut?: boolean; paperLow?: boolean; offline?: boolean }): Buffer {
  const off = Boolean(c.offline || c.coverOpen || c.paperOut);
  return Buffer.from([
    0x12 | (off ? BITS.printerOffline : 0),
    0x12 | (c.coverOpen ? BITS.coverOpen : 0) | (c.paperOut ? BITS.paperEndStop : 0),
    0x12 | (c.paperOut ? BITS.paperEnd : 0) | (c.paperLow || c.paperOut ? BITS.nearEnd : 0),
  ]);
}
