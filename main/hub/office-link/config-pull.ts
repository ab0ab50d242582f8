// Pulling head office's branch configuration (issue 16 point 4), a step of the notebook's
// round (notebook-sync.ts: one timer for what the office distributes). Each round asks for the
// newest version of each kind above the one held and applies each in one commit with the
// office.config_applied event that names it (config-apply.ts). Which versions are held is
// read from the ledger's office.config_* events after the seq in the cursor file
// (office-config.json), so a crash between a commit and the file's write never applies a
// version twice, and a restart goes on from where the ledger is.
//
// Decision: a version this branch refuses (a kiosk choice naming a service it lacks, a
// service prefix another of its services uses) is skipped with its reason: nothing of it is
// written but an office.config_refused event, and the log line says why. It is not retried:
// the office's next version of that kind is a whole document again, and is tried afresh.
// The office is told nothing through a channel of its own: the refusal is an event in this
// branch's ledger, which ships to the office with every other event (office_events holds it,
// type office.config_refused, with the kind, version and reason), so the record the office
// keeps of a branch is the branch's own, chained and checked, not a second report that could
// disagree with it. The office does not yet show it on a screen (README, "not built yet").
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ZodError } from 'zod';
import { DomainError } from '../../common/errors.js';
import type { OfficeConfigKind } from '../../common/events.js';
import { CONFIG_KINDS, formatVersions, PullConfigAnswer, type ConfigVersions, type PulledConfig } from '../../common/office/config-wire.js';
import { configVersionsAfter } from '../ledger/office-config-reads.js';
import type { Hub } from '../lobby/hub.js';
import { applyConfig, CONFIG_ACTOR } from './config-apply.js';
import { writeFileAtomically } from './link-file.js';
import { refusalOf, type OfficeAnswer } from './office-client.js';

export const CONFIG_CURSOR_FILE = 'office-config.json';

interface ConfigCursor {
  /** The version of each kind dealt with, as of ledger seq `seq`. */
  versions: ConfigVersions;
  seq: number;
}

function readCursor(dataDir: string): ConfigCursor {
  const file = path.join(dataDir, CONFIG_CURSOR_FILE);
  if (!existsSync(file)) return { versions: {}, seq: 0 };
  const c = JSON.parse(readFileSync(file, 'utf8')) as Partial<ConfigCursor>;
  const versions: ConfigVersions = {};
  for (const k of CONFIG_KINDS) if (Number(c.versions?.[k]) > 0) versions[k] = Number(c.versions?.[k]);
  return { versions, seq: Number(c.seq) || 0 };
}

/** What a refusal says: the branch's own rule, or the first problem of a document it cannot read. */
function refusal(err: unknown): { code: string; reason: string } | null {
  if (err instanceof DomainError) return { code: err.code, reason: err.message };
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    return { code: 'unreadable', reason: issue ? `${issue.path.join('.')}: ${issue.message}` : 'The document cannot be read.' };
  }
  return null;
}

export class ConfigPull {
  constructor(
    private readonly hub: Hub,
    private readonly dataDir: string,
    private readonly request: (method: string, url: string) => Promise<OfficeAnswer>,
    private readonly log: (line: string) => void = console.warn,
  ) {}

  /** The versions this branch has dealt with: the cursor file's, and the ledger's after it. */
  held(): ConfigVersions {
    const cursor = readCursor(this.dataDir);
    const versions = { ...cursor.versions };
    for (const row of configVersionsAfter(this.hub.ledger.db, cursor.seq)) {
      const d = JSON.parse(row.data) as { kind: OfficeConfigKind; version: number };
      versions[d.kind] = Math.max(versions[d.kind] ?? 0, d.version);
    }
    return versions;
  }

  async pull(isStopped: () => boolean): Promise<void> {
    const held = this.held();
    const res = await this.request('GET', `/api/office/config?after=${encodeURIComponent(formatVersions(held))}`);
    if (res.status !== 200) throw new Error(`the office refused the configuration pull: ${res.status} ${refusalOf(res).code ?? ''}`.trim());
    const answer = PullConfigAnswer.parse(res.body);
    if (isStopped()) return;
    for (const doc of answer.documents) {
      if (doc.version <= (held[doc.kind] ?? 0)) continue;
      this.apply(doc);
      held[doc.kind] = doc.version;
    }
    writeFileAtomically(path.join(this.dataDir, CONFIG_CURSOR_FILE), `${JSON.stringify({ versions: held, seq: this.hub.ledger.lastSeq() } satisfies ConfigCursor)}\n`, 0o600);
  }

  private apply(doc: PulledConfig): void {
    try {
      const { events } = applyConfig(this.hub, doc);
      this.log(`head office configuration: ${doc.kind} version ${doc.version} applied (${events} events)`);
    } catch (err) {
      const why = refusal(err);
      // Anything else (the disk, the database) is not the document's fault: the next round tries again.
      if (!why) throw err;
      this.log(`head office configuration: ${doc.kind} version ${doc.version} not applied: ${why.reason} (${why.code})`);
      this.hub.audit({ type: 'office.config_refused', kind: doc.kind, version: doc.version, ...why }, CONFIG_ACTOR);
    }
  }
}
