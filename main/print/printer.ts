// One printer: its transport, its operations one at a time (a status poll never interleaves
// with a job's bytes), its last known status.
import { blockingCondition, type JobOutcome, type PrinterStatus } from '../common/print.js';
import { parseStatus, STATUS_ANSWER_LENGTH, STATUS_QUERY } from './status.js';
import { LinkError, openTransport, reportsStatus, type PrinterTransport } from './transports/index.js';

export interface PrinterTimeouts {
  statusMs: number;
  /** Until every byte of a job is taken. */
  jobMs: number;
  /** After the last byte: a printer that has not closed by then holds the job open. */
  closeMs: number;
}

/**
 * A printer that closes when it has read our end of the job does so within milliseconds (the
 * ticket fits its buffer); two seconds leaves room for a slow one without keeping a customer
 * at the kiosk long.
 */
export const DEFAULT_TIMEOUTS: PrinterTimeouts = { statusMs: 800, jobMs: 10_000, closeMs: 2000 };

export class Printer {
  private chain: Promise<unknown> = Promise.resolve();
  last: PrinterStatus | null = null;
  readonly transport: PrinterTransport;

  constructor(
    readonly uri: string,
    private readonly clock: () => number = Date.now,
    transport?: PrinterTransport,
    readonly timeouts: PrinterTimeouts = DEFAULT_TIMEOUTS,
  ) {
    this.transport = transport ?? openTransport(uri);
  }

  get reportsStatus(): boolean {
    return reportsStatus(this.uri);
  }

  private serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.chain.then(op, op);
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** DLE EOT now. A printer that does not answer is unreachable, which is offline. */
  status(): Promise<PrinterStatus> {
    return this.serial(() => this.query());
  }

  private async query(): Promise<PrinterStatus> {
    let status: PrinterStatus;
    if (!this.reportsStatus) status = { reachable: true, conditions: [], checkedAt: this.clock() };
    else {
      try {
        const answer = await this.transport.query(STATUS_QUERY, STATUS_ANSWER_LENGTH, this.timeouts.statusMs);
        const conditions = parseStatus(answer);
        status = conditions ? { reachable: true, conditions, checkedAt: this.clock() } : { reachable: false, conditions: ['offline'], checkedAt: this.clock() };
      } catch {
        status = { reachable: false, conditions: ['offline'], checkedAt: this.clock() };
      }
    }
    this.last = status;
    return status;
  }

  /**
   * Sends one job, once, and says what became of it. When the printer took every byte but
   * did not end the job, its status decides (asked on a new connection: we have already
   * ended ours): no fault counts as printed, a fault as not printed, and no answer as
   * printed but unknown. Nothing here ever sends the bytes a second time.
   */
  print(bytes: Buffer): Promise<JobOutcome> {
    return this.serial(async (): Promise<JobOutcome> => {
      try {
        const delivery = await this.transport.send(bytes, this.timeouts);
        if (delivery === 'confirmed') return { kind: 'confirmed' };
      } catch (e) {
        // The printer hung up or reset before ending the job: even after our last byte left,
        // a reset means it dropped what it had not read (a printer that read everything
        // closes politely), so the job is cut and may be sent whole again.
        return { kind: 'interrupted', bytesSent: e instanceof LinkError ? e.bytesSent : 0 };
      }
      const status = await this.query();
      if (!status.reachable) return { kind: 'unknown' };
      const blocking = blockingCondition(status);
      return blocking ? { kind: 'fault', condition: blocking } : { kind: 'status_ok' };
    });
  }
}
