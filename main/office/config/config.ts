// Branch configuration at head office (issue 16 point 4): an admin publishes a whole document
// of one kind, which takes that kind's next version; hubs pull the newest version of each kind
// above the one they hold. One row per (kind, version), never changed, so the history stays
// (but for a customer erased at a branch, scrubbed out of every version: eraseFromRegister).
// The VIP register's numbers are keyed here, under the organisation's secret (the key every
// enrolled hub holds), before anything is written: no office table holds a card or phone.
// A customer erased at a branch leaves the register for good (eraseFromRegister; their keys
// stay in office_erased_customers, and an upload naming them again drops their row).
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

export async function publishConfig(
  sql: Sql,
  kind: ConfigKind,
  body: z.infer<typeof PublishConfigBody>,
  actor: string,
  orgSecret: string,
): Promise<{ kind: ConfigKind; version: number; changed: boolean; dropped?: number }> {
  // Checked and keyed before the transaction: a bad document writes nothing.
  const checked = documentOf(kind, body, orgSecret);
  return sql.transaction(async (tx) => {
    // Publishers one at a time, so a kind's versions are given in order without a gap; an
    // erasure takes this lock too, so an upload never slips a customer past one.
    await tx.query('LOCK TABLE office_config IN EXCLUSIVE MODE');
    // A customer erased at a branch is dropped from the upload and counted, with no override:
    // the upload is a bulk export (a CRM's list), exactly where an erased customer comes back
    // unnoticed, so re-registering them has to be a deliberate step of its own, not this one.
    const { document, dropped } = kind === 'vip-register' ? await dropErased(tx, checked as VipRegisterDocument) : { document: checked, dropped: 0 };
    const text = JSON.stringify(document);
    const digest = sha256hex(text);
    const counted = kind === 'vip-register' ? { dropped } : {};
    const [latest] = await tx.query<{ version: number; digest: string }>('SELECT version, digest FROM office_config WHERE kind = $1 ORDER BY version DESC LIMIT 1', [kind]);
    if (latest && latest.digest === digest) return { kind, version: Number(latest.version), changed: false, ...counted };
    const version = (latest ? Number(latest.version) : 0) + 1;
    await tx.query('INSERT INTO office_config (kind, version, document, digest, published_by) VALUES ($1, $2, $3, $4, $5)', [kind, version, text, digest, actor]);
    const droppedText = dropped > 0 ? `; ${dropped} dropped, erased at a branch` : '';
    await audit(tx, actor, 'config.published', null, `${kind} version ${version}: ${summaryOf(kind, document)}${droppedText}`);
    return { kind, version, changed: true, ...counted };
  });
}

/** The register without the rows of erased customers, and how many rows went. */
async function dropErased(db: Queryable, document: VipRegisterDocument): Promise<{ document: VipRegisterDocument; dropped: number }> {
  const keys = document.register.flatMap((c) => c.keys);
  if (keys.length === 0) return { document, dropped: 0 };
  const erased = new Set((await db.query<{ customer_key: string }>('SELECT customer_key FROM office_erased_customers WHERE customer_key = ANY($1::text[])', [keys])).map((r) => r.customer_key));
  const register = document.register.filter((c) => !c.keys.some((k) => erased.has(k)));
  return { document: { register }, dropped: document.register.length - register.length };
}

/**
 * A customer erased at `branchId` (POST /api/office/notebook/erasures, in the notebook's
 * transaction): their keys are remembered as erased, their entry leaves the newest register in
 * a new version (published by `branch:<id>`, audited) so every hub pulls a register without
 * them and shreds what it held, and the entry is scrubbed out of every stored version too.
 * A version row is otherwise never changed, but history must not keep an erased customer's
 * title and notes: the right to deletion outweighs an exact record of old versions, and what
 * each version was is still told by office_audit (who published it, how many customers).
 * The person goes, not only the number the branch erased: the other keys of their entry (the
 * phone of a card erased) are remembered as erased as well, as the hub erases a VIP's card and
 * phone together.
 */
export async function eraseFromRegister(tx: Queryable, branchId: string, customerKeys: readonly string[], erasedAt: number): Promise<{ version: number | null }> {
  await tx.query('LOCK TABLE office_config IN EXCLUSIVE MODE');
  // Every version is read: an erasure is rare, and a sibling key may be on an older version only.
  const rows = await tx.query<{ version: number; document: string }>("SELECT version, document FROM office_config WHERE kind = 'vip-register' ORDER BY version");
  const docs = rows.map((r) => ({ version: Number(r.version), doc: JSON.parse(r.document) as VipRegisterDocument }));
  const erased = new Set(customerKeys);
  // Until no entry adds a key: an entry holding an erased key makes all its keys erased.
  for (let grew = true; grew; ) {
    grew = false;
    for (const { doc } of docs)
      for (const c of doc.register)
        if (c.keys.some((k) => erased.has(k)))
          for (const k of c.keys)
            if (!erased.has(k)) {
              erased.add(k);
              grew = true;
            }
  }
  for (const key of erased) {
    await tx.query('INSERT INTO office_erased_customers (customer_key, branch_id, erased_at) VALUES ($1, $2, $3) ON CONFLICT (customer_key) DO NOTHING', [key, branchId, erasedAt]);
  }
  const actor = `branch:${branchId}`;
  const scrubbed: number[] = [];
  for (const { version, doc } of docs) {
    const register = doc.register.filter((c) => !c.keys.some((k) => erased.has(k)));
    if (register.length === doc.register.length) continue;
    const text = JSON.stringify({ register });
    await tx.query("UPDATE office_config SET document = $1, digest = $2 WHERE kind = 'vip-register' AND version = $3", [text, sha256hex(text), version]);
    scrubbed.push(version);
  }
  if (scrubbed.length === 0) return { version: null };
  // Never the key in the audit: with the secret, a phone's keyed hash is brute-forced in seconds.
  await audit(tx, actor, 'config.erased', branchId, `vip-register: a customer erased at the branch removed from version${scrubbed.length > 1 ? 's' : ''} ${scrubbed.join(', ')}`);
  const newest = docs.at(-1)!;
  if (scrubbed.at(-1) !== newest.version) return { version: null };
  // The newest version held them: the next version, the newest as scrubbed, for every hub to pull.
  const [row] = await tx.query<{ document: string; digest: string }>("SELECT document, digest FROM office_config WHERE kind = 'vip-register' AND version = $1", [newest.version]);
  const version = newest.version + 1;
  await tx.query('INSERT INTO office_config (kind, version, document, digest, published_by) VALUES ($1, $2, $3, $4, $5)', ['vip-register', version, row!.document, row!.digest, actor]);
  await audit(tx, actor, 'config.published', branchId, `vip-register version ${version}: ${summaryOf('vip-register', JSON.parse(row!.document))}; a customer erased at the branch removed`);
  return { version };
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
