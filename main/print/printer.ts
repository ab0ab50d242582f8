// One printer: its transport, its operations one at a time (a status poll never interleaves
// with a job's bytes), its last known status.
import type { PrinterStatus } from '../common/print.js';
import { parseStatus, STATUS_ANSWER_LENGTH, STATUS_QUERY } from './status.js';
import { openTransport, reportsStatus, type PrinterTransport } from './transports/index.js';

export const STATUS_TIMEOUT_MS = 800;
export const JOB_TIMEOUT_MS = 10_000;

export class Printer {
  private chain: Promise<unknown> = Promise.resolve();
  last: PrinterStatus | null = null;
  readonly transport: PrinterTransport;

  constructor(
    readonly uri: string,
    private readonly clock: () => number = Date.now,
    transport?: PrinterTransport,
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
    return this.serial(async () => {
      let status: PrinterStatus;
      if (!this.reportsStatus) status = { reachable: true, conditions: [], checkedAt: this.clock() };
      else {
        try {
          const answer = await this.transport.query(STATUS_QUERY, STATUS_ANSWER_LENGTH, STATUS_TIMEOUT_MS);
          const conditions = parseStatus(answer);
          status = conditions ? { reachable: true, conditions, checkedAt: this.clock() } : { reachable: false, conditions: ['offline'], checkedAt: this.clock() };
        } catch {
          status = { reachable: false, conditions: ['offline'], checkedAt: this.clock() };
        }
      }
      this.last = status;
      return status;
    });
  }

  send(bytes: Buffer): Promise<void> {
    return this.serial(() => this.transport.send(bytes, JOB_TIMEOUT_MS));
  }
}
