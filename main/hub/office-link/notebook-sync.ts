// The shared notebook between an enrolled hub and head office, every pollMs (at most 30 s, so
// a note saved at one branch is found at another within that when both are online):
// 1. push: the notes this branch saved as shared (notebook.saved with shared) since the last
//    push, their text opened from the vault and sealed under the organisation's key;
// 2. pull: the notes other branches shared since the version held, each committed through the
//    hub's one write path as a notebook.received event carrying its origin (branch, version),
//    so verify and rebuild see it, and a received note is never pushed back as this branch's.
// 3. head office's branch configuration (services, kiosk choices, checklist templates, the VIP
//    register), pulled in the same round by config-pull.ts, so one timer serves all the office
//    distributes (the shipper, which sends the ledger, keeps its own loop);
// 4. erasures: a customer erased here goes to the office (pending-erasures.ts), which drops
//    their shared note; an erasure pulled from another branch is applied here as that
//    branch's customer.erased of the note (its key shredded), actor `office:BRANCH`.
// The office unreachable: all wait for the next round; the lobby never waits on them.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_NOTES, PullNotesAnswer, PushNotesAnswer, type SharedNote } from '../../common/office/notebook-wire.js';
import { someEventMentions } from '../ledger/event-reads.js';
import { savedNotesAfter } from '../ledger/shared-note-reads.js';
import type { Hub } from '../lobby/hub.js';
import { commitThenShred } from '../personal/shred-after.js';
import { ERASED, subject, vaultOf } from '../personal/vault.js';
import { commitRecords } from '../records/commit.js';
import { decideReceive } from '../records/notebook/decide.js';
import { notebookEntry } from '../records/notebook/projector.js';
import { sealNote } from '../records/notebook/seal.js';
import { ConfigPull } from './config-pull.js';
import { writeFileAtomically, type OfficeLink } from './link-file.js';
import { openBox, sealBox } from './note-box.js';
import { OfficeRound } from './office-round.js';
import { readPendingErasures, writePendingErasures } from './pending-erasures.js';
import { officeRequest, refusalOf } from './office-client.js';

export const NOTEBOOK_CURSOR_FILE = 'office-notebook.json';
export const MAX_NOTEBOOK_POLL_MS = 30_000;
export const DEFAULT_NOTEBOOK_POLL_MS = 5_000;
/** The actor of a received note: `office:BRANCH`. */
const RECEIVED_BY = 'office:';

interface Cursor {
  /** The last ledger seq looked at for shared notes to push. */
  pushedSeq: number;
  /** The office's notebook version this hub holds. */
  pulledVersion: number;
}

function readNotebookCursor(dataDir: string): Cursor {
  const file = path.join(dataDir, NOTEBOOK_CURSOR_FILE);
  if (!existsSync(file)) return { pushedSeq: 0, pulledVersion: 0 };
  const c = JSON.parse(readFileSync(file, 'utf8')) as Partial<Cursor>;
  return { pushedSeq: Number(c.pushedSeq) || 0, pulledVersion: Number(c.pulledVersion) || 0 };
}

const writeNotebookCursor = (dataDir: string, c: Cursor) => writeFileAtomically(path.join(dataDir, NOTEBOOK_CURSOR_FILE), `${JSON.stringify(c)}\n`, 0o600);

export class NotebookSync extends OfficeRound {
  private failing = false;
  lastError: string | null = null;

  constructor(
    private readonly hub: Hub,
    private readonly dataDir: string,
    private readonly link: OfficeLink,
    private readonly orgSecret: string,
    private readonly pollMs = DEFAULT_NOTEBOOK_POLL_MS,
    private readonly log: (line: string) => void = console.warn,
  ) {
    super();
    this.config = new ConfigPull(hub, dataDir, (method, url) => this.request(method, url), log);
  }

  /** Head office's branch configuration, pulled in the same round (config-pull.ts). */
  private readonly config: ConfigPull;

  protected async round(): Promise<number> {
    // Each step on its own: a refused note does not hold the configuration back, nor the other way round.
    const errors: string[] = [];
    for (const [what, step] of [
      ['erasures', () => this.sendErasures()],
      ['notebook', async () => (await this.push(), await this.pull())],
      ['configuration', () => this.config.pull(() => this.stopped)],
    ] as const) {
      try {
        await step();
      } catch (err) {
        errors.push(`${what}: ${(err as Error).message}`);
      }
    }
    if (errors.length === 0) {
      this.failing = false;
      this.lastError = null;
    } else {
      if (!this.failing) this.log(`head office ${errors.join('; ')}; trying again every ${this.pollMs / 1000} s`);
      this.failing = true;
      this.lastError = errors.join('; ');
    }
    return Math.min(this.pollMs, MAX_NOTEBOOK_POLL_MS);
  }

  private request(method: string, url: string, body?: unknown) {
    return officeRequest(this.link.officeUrl, method, url, { token: this.link.credential, pin: this.link.certFingerprint, body });
  }

  private async push(): Promise<void> {
    const db = this.hub.ledger.db;
    const cursor = readNotebookCursor(this.dataDir);
    const rows = savedNotesAfter(db, cursor.pushedSeq, MAX_NOTES);
    // With fewer than a full batch, everything up to the ledger's head has been looked at.
    const upTo = rows.length === MAX_NOTES ? rows.at(-1)!.seq : this.hub.ledger.lastSeq();
    const keys = [...new Set(rows.map((r) => JSON.parse(r.data) as { customerKey: string; shared?: boolean }).filter((d) => d.shared === true).map((d) => d.customerKey))];
    const notes: SharedNote[] = [];
    for (const key of keys) {
      // The entry as it stands now (a later save of the same customer included); an erased customer is not sent.
      const entry = notebookEntry(db, key);
      // Erased; or overtaken by another branch's newer note, which is that branch's to share.
      if (!entry || entry.updatedBy?.startsWith(RECEIVED_BY)) continue;
      const text = vaultOf(db).openAll({ title: entry.title, notes: entry.notes });
      if (text.title === ERASED) continue;
      notes.push({ customerKey: key, box: sealBox(this.orgSecret, text), tags: entry.tags, savedAt: entry.updatedAt });
    }
    if (notes.length > 0) {
      const res = await this.request('POST', '/api/office/notebook', { notes });
      if (res.status !== 200) throw new Error(`the office refused the notes: ${res.status} ${refusalOf(res).code ?? ''}`.trim());
      PushNotesAnswer.parse(res.body);
    }
    if (upTo > cursor.pushedSeq) writeNotebookCursor(this.dataDir, { ...readNotebookCursor(this.dataDir), pushedSeq: upTo });
  }

  private async sendErasures(): Promise<void> {
    const db = this.hub.ledger.db;
    const pending = readPendingErasures(this.dataDir);
    if (pending.length === 0) return;
    // Only erasures whose event is in the ledger; the others never happened.
    const due = pending.filter((e) => someEventMentions(db, e.token));
    // One request an erasure, with its own time (erasures are rare): a note saved after it wins.
    for (const e of due) {
      const res = await this.request('POST', '/api/office/notebook/erasures', { customerKeys: [e.customerKey], erasedAt: e.at });
      if (res.status !== 200) throw new Error(`the office refused the erasures: ${res.status} ${refusalOf(res).code ?? ''}`.trim());
    }
    // Sent, or never committed: both go. Erasures made during the requests above stay for the next round.
    const sent = new Set(pending.map((e) => e.token));
    writePendingErasures(this.dataDir, readPendingErasures(this.dataDir).filter((e) => !sent.has(e.token)));
  }

  /** Another branch erased this customer: their note here is shredded, with an event saying so. */
  private applyErasure(customerKey: string, branchId: string): void {
    const db = this.hub.ledger.db;
    if (!notebookEntry(db, customerKey)) return;
    const subjects = [subject.notebook(customerKey)];
    const count = vaultOf(db).keys.countKeys(subjects);
    commitThenShred(db, subjects, (erasure) =>
      this.hub.audit({ type: 'customer.erased', erasure, subjects: count, vip: null, tickets: [], appointments: [], opinions: [] }, `${RECEIVED_BY}${branchId}`),
    );
  }

  private async pull(): Promise<void> {
    for (;;) {
      const cursor = readNotebookCursor(this.dataDir);
      const res = await this.request('GET', `/api/office/notebook?since=${cursor.pulledVersion}`);
      if (res.status !== 200) throw new Error(`the office refused the pull: ${res.status} ${refusalOf(res).code ?? ''}`.trim());
      const answer = PullNotesAnswer.parse(res.body);
      if (this.stopped) return;
      const db = this.hub.ledger.db;
      for (const n of answer.notes) {
        if (n.erased) {
          this.applyErasure(n.customerKey, n.branchId);
          continue;
        }
        const text = openBox(this.orgSecret, n.box);
        if (!text) {
          this.log(`head office notebook: note version ${n.version} from ${n.branchId} does not open with this branch's organisation key; skipped`);
          continue;
        }
        const ours = notebookEntry(db, n.customerKey);
        const events = decideReceive({ customerKey: n.customerKey, ...sealNote(db, n.customerKey, text), tags: n.tags }, { branchId: n.branchId, version: n.version }, n.savedAt, ours);
        if (events.length > 0) commitRecords(this.hub, events, `${RECEIVED_BY}${n.branchId}`);
      }
      if (answer.version <= cursor.pulledVersion) return;
      writeNotebookCursor(this.dataDir, { ...readNotebookCursor(this.dataDir), pulledVersion: answer.version });
    }
  }
}
