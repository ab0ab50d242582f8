// What a fake ESC/POS printer is doing: its switchable faults, the bytes it printed, and
// how it answers DLE EOT, as a real printer does (one byte per query, at once, even offline).
import { statusAnswer } from '../../main/print/status.js';

export interface PrinterFaults {
  paperLow: boolean;
  paperOut: boolean;
  coverOpen: boolean;
  offline: boolean;
  /** Powered off or cable out: no answer at all. */
  unplugged: boolean;
  /** Pulls the cable after this many bytes of the next job (then clears itself). */
  cutAfterBytes: number | null;
  /**
   * Reads every byte of a job but never closes that connection and never answers on it:
   * `answers_fresh` still answers DLE EOT on a new connection, as a real printer does;
   * `silent` answers no status at all, on any connection.
   */
  holdOpen: 'answers_fresh' | 'silent' | null;
  /** Reads this many bytes of the next job, then stops reading and holds it open (then clears itself). */
  stallAfterBytes: number | null;
}

export const NO_FAULTS: PrinterFaults = {
  paperLow: false,
  paperOut: false,
  coverOpen: false,
  offline: false,
  unplugged: false,
  cutAfterBytes: null,
  holdOpen: null,
  stallAfterBytes: null,
};

/**
 * Splits an incoming byte stream into status queries (answered) and print data (kept).
 * Stateful across chunks: a DLE EOT n may arrive split.
 */
export class EscPosReceiver {
  private pending = Buffer.alloc(0);
  printed = Buffer.alloc(0);
  queries = 0;

  constructor(private readonly faults: () => PrinterFaults) {}

  /** Returns the bytes to answer. Print data is dropped while paper is out, as paper is. */
  take(chunk: Buffer): Buffer {
    let data = Buffer.concat([this.pending, chunk]);
    this.pending = Buffer.alloc(0);
    const answers: number[] = [];
    const kept: number[] = [];
    for (let i = 0; i < data.length; i++) {
      const b = data[i]!;
      if (b === 0x10 && i + 1 >= data.length) {
        this.pending = data.subarray(i);
        break;
      }
      if (b === 0x10 && data[i + 1] === 0x04) {
        if (i + 2 >= data.length) {
          this.pending = data.subarray(i);
          break;
        }
        this.queries += 1;
        const n = data[i + 2]!;
        const all = statusAnswer(this.faults());
        answers.push(n === 1 ? all[0]! : n === 2 ? all[1]! : n === 4 ? all[2]! : 0x12);
        i += 2;
        continue;
      }
      kept.push(b);
    }
    const f = this.faults();
    if (!f.paperOut && !f.coverOpen && !f.offline) this.printed = Buffer.concat([this.printed, Buffer.from(kept)]);
    data = Buffer.alloc(0);
    return Buffer.from(answers);
  }
}
