// The outbox: a running enrolled hub sends its ledger events to the head office in seq order,
// in batches, from the cursor (the last seq the office acknowledged, kept in a file). At least
// once: a batch the office took but whose answer was lost is sent again, and the office skips
// what it holds. An office that cannot be reached is tried again with exponential backoff,
// for as long as it takes (days): the lobby never waits on it, since nothing here runs inside
// a request, and a batch is a read of at most MAX_BATCH rows.
import { CHAIN_BROKEN, IngestAnswer, MAX_BATCH, SEQ_GAP } from '../../common/office/wire.js';
import type { Ledger } from '../ledger/index.js';
import { eventRowsAfter } from '../ledger/outbox-reads.js';
import { readCursor, readOfficeLink, writeCursor, type OfficeLink } from './link-file.js';
import { officeRequest, refusalOf } from './office-client.js';
import { OfficeRound } from './office-round.js';

export interface ShipperOptions {
  /** How often to look for new events when the office is up to date. */
  pollMs: number;
  /** The first wait after a failure; doubles with each further one, up to retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** After a broken chain the office refuses everything until an admin acts: ask rarely. */
  brokenRetryMs: number;
  batchSize: number;
}

export const DEFAULT_SHIPPER: ShipperOptions = { pollMs: 2_000, retryBaseMs: 1_000, retryMaxMs: 5 * 60_000, brokenRetryMs: 10 * 60_000, batchSize: MAX_BATCH };

export type ShipperState = 'idle' | 'shipping' | 'retrying' | 'chain_broken';

export class OfficeShipper extends OfficeRound {
  private failures = 0;
  state: ShipperState = 'idle';
  lastError: string | null = null;

  constructor(
    private readonly ledger: Ledger,
    private readonly dataDir: string,
    private readonly link: OfficeLink,
    private readonly options: ShipperOptions = DEFAULT_SHIPPER,
    private readonly log: (line: string) => void = console.warn,
  ) {
    super();
  }

  protected async round(): Promise<number> {
    try {
      return await this.shipOnce();
    } catch (err) {
      return this.failed((err as Error).message);
    }
  }

  /** Sends one batch; returns how long to wait before the next. */
  private async shipOnce(): Promise<number> {
    const cursor = readCursor(this.dataDir);
    const rows = eventRowsAfter(this.ledger.db, cursor, this.options.batchSize);
    if (rows.length === 0) {
      this.state = 'idle';
      return this.options.pollMs;
    }
    const wasBroken = this.state === 'chain_broken';
    this.state = 'shipping';
    const res = await officeRequest(this.link.officeUrl, 'POST', '/api/office/ingest', {
      token: this.link.credential,
      pin: this.link.certFingerprint,
      body: { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, events: rows },
    });
    if (this.stopped) return 0;
    if (res.status === 200) {
      this.failures = 0;
      this.lastError = null;
      this.advance(IngestAnswer.parse(res.body).lastSeq);
      // More waiting: send the next batch at once (a catch-up after an outage).
      return rows.length === this.options.batchSize ? 0 : this.options.pollMs;
    }
    const refusal = refusalOf(res);
    const code = refusal.code;
    const officeHolds = refusal.details?.lastSeq;
    if (res.status === 409 && code === SEQ_GAP && typeof officeHolds === 'number') {
      // The office holds less than the cursor says (its database was restored): send from what it holds.
      this.advance(officeHolds, true);
      return 0;
    }
    if (res.status === 409 && code === CHAIN_BROKEN) {
      if (!wasBroken) this.log(`head office: ${refusal.message}`);
      this.state = 'chain_broken';
      this.lastError = refusal.message ?? CHAIN_BROKEN;
      return this.options.brokenRetryMs;
    }
    return this.failed(`the office answered ${res.status} ${code ?? ''}`.trim());
  }

  private advance(lastSeq: number, rewind = false): void {
    const cursor = readCursor(this.dataDir);
    if (lastSeq !== cursor && (rewind || lastSeq > cursor)) writeCursor(this.dataDir, lastSeq);
  }

  private failed(message: string): number {
    this.failures++;
    this.state = 'retrying';
    if (this.failures === 1) this.log(`head office unreachable, the lobby carries on and the events wait: ${message}`);
    this.lastError = message;
    const { retryBaseMs, retryMaxMs } = this.options;
    const wait = Math.min(retryMaxMs, retryBaseMs * 2 ** (this.failures - 1));
    // Up to a fifth earlier, so a thousand branches back at once do not all knock together.
    return Math.round(wait * (0.8 + 0.2 * Math.random()));
  }
}

/** Starts the shipper when the folder is enrolled; returns how to stop it (nothing to stop otherwise). */
export function startOfficeLink(ledger: Ledger, dataDir: string, options: Partial<ShipperOptions> = {}): { shipper: OfficeShipper | null; close(): void } {
  const link = readOfficeLink(dataDir);
  if (!link) return { shipper: null, close: () => undefined };
  const shipper = new OfficeShipper(ledger, dataDir, link, { ...DEFAULT_SHIPPER, ...options }).start();
  return { shipper, close: () => shipper.stop() };
}
