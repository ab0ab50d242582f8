// Branch configuration at head office (issue 16 point 4): an admin publishes a whole document
// of one kind, which takes that kind's next version; hubs pull the newest version of each kind
// above the one they hold. One row per (kind, version), never changed, so the history stays.
// The VIP register's numbers are keyed here, under the organisation's secret (the key every
// enrolled hub holds), before anything is written: no office table holds a card or phone.
import type { z } from 'zod';
import {
  CONFIG_KINDS,
  CONFIG_UPLOADS,
  type ConfigKind,
  type ConfigVersions,
  type PublishConfigBody,
  type PulledConfig,
  type VipRegisterDocument,
  type VipUploadRow,
} from '../../common/office/config-wire.js';
import { DomainError } from '../../common/errors.js';
import { sha256hex } from '../../node/chain-hash.js';
import { customerKey } from '../../node/customer-key.js';
import { audit } from '../branches/audit.js';
import type { Queryable, Sql } from '../db/sql.js';

/** The field of the PUT body each kind reads. */
const FIELD: Record<ConfigKind, keyof z.infer<typeof PublishConfigBody>> = {
  services: 'services',
  'kiosk-choices': 'choices',
  'checklist-templates': 'templates',
  'vip-register': 'rows',
};

/** The register as stored: each row's numbers replaced by their keyed hashes; a number on two rows is refused. */
export function keyRegister(rows: readonly VipUploadRow[], orgSecret: string): VipRegisterDocument {
  const seen = new Map<string, number>();
  const register = rows.map((row, i) => {
    const keys: string[] = [];
    for (const kind of ['card', 'phone'] as const) {
      const number = row[kind];
      if (number === undefined) continue;
      const key = customerKey(orgSecret, kind, number);
      const first = seen.get(key);
      // Row numbers only: the message never repeats the number.
      if (first !== undefined) throw new DomainError('invalid', 'duplicate_number', `rows.${i}: the ${kind} number of this row is also on rows.${first}; a customer is one row.`);
      seen.set(key, i);
      keys.push(key);
    }
    return { title: row.title, notes: row.notes, tags: row.tags, keys };
  });
  return { register };
}

/** The document of `kind` in the body: the kind's own field, checked by the hub's schemas. */
export function documentOf(kind: ConfigKind, body: z.infer<typeof PublishConfigBody>, orgSecret: string): unknown {
  const field = FIELD[kind];
  const others = Object.keys(body).filter((k) => k !== field && body[k as keyof typeof body] !== undefined);
  if (others.length > 0) throw new DomainError('invalid', 'invalid_request', `A ${kind} document has only \`${field}\`, not ${others.map((o) => `\`${o}\``).join(', ')}.`);
  if (kind === 'vip-register') return keyRegister(CONFIG_UPLOADS['vip-register'].parse({ rows: body.rows }).rows, orgSecret);
  return CONFIG_UPLOADS[kind].parse({ [field]: body[field] });
}

function summaryOf(kind: ConfigKind, document: unknown): string {
  const d = document as Record<string, unknown[]>;
  const n = (d[kind === 'vip-register' ? 'register' : FIELD[kind]] ?? []).length;
  return `${n} ${kind === 'vip-register' ? 'customers' : FIELD[kind]}`;
}

export async function publishConfig(sql: Sql, kind: ConfigKind, body: z.infer<typeof PublishConfigBody>, actor: string, orgSecret: string): Promise<{ kind: ConfigKind; version: number; changed: boolean }> {
  // Checked and keyed before the transaction: a bad document writes nothing.
  const text = JSON.stringify(documentOf(kind, body, orgSecret));
  const digest = sha256hex(text);
  return sql.transaction(async (tx) => {
    // Publishers one at a time, so a kind's versions are given in order without a gap.
    await tx.query('LOCK TABLE office_config IN EXCLUSIVE MODE');
    const [latest] = await tx.query<{ version: number; digest: string }>('SELECT version, digest FROM office_config WHERE kind = $1 ORDER BY version DESC LIMIT 1', [kind]);
    if (latest && latest.digest === digest) return { kind, version: Number(latest.version), changed: false };
    const version = (latest ? Number(latest.version) : 0) + 1;
    await tx.query('INSERT INTO office_config (kind, version, document, digest, published_by) VALUES ($1, $2, $3, $4, $5)', [kind, version, text, digest, actor]);
    await audit(tx, actor, 'config.published', null, `${kind} version ${version}: ${summaryOf(kind, JSON.parse(text))}`);
    return { kind, version, changed: true };
  });
}

async function newestVersions(db: Queryable): Promise<ConfigVersions> {
  const rows = await db.query<{ kind: ConfigKind; v: number }>('SELECT kind, max(version) AS v FROM office_config GROUP BY kind');
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.v)]));
}

/** The newest document of each kind above the version held (only those are read: a register is large). */
export async function pullConfig(db: Queryable, after: ConfigVersions): Promise<{ documents: PulledConfig[]; versions: ConfigVersions }> {
  const versions = await newestVersions(db);
  const documents: PulledConfig[] = [];
  for (const kind of CONFIG_KINDS) {
    const newest = versions[kind] ?? 0;
    if (newest <= (after[kind] ?? 0)) continue;
    const [row] = await db.query<{ document: string; published_at: Date | string }>('SELECT document, published_at FROM office_config WHERE kind = $1 AND version = $2', [kind, newest]);
    if (row) documents.push({ kind, version: newest, publishedAt: new Date(row.published_at).toISOString(), document: JSON.parse(row.document) as unknown });
  }
  return { documents, versions };
}
