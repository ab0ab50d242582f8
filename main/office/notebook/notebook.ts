// The organisation's shared notebook at head office: branches push notes (keyed hashes, text
// sealed, see common/office/notebook-wire.ts) and pull the others' by version. Access rule:
// every enrolled branch of the organisation reads every other branch's notes; a branch never
// gets its own back (it holds them already). A customer erased at a branch leaves an erasure
// in place of their note (eraseNotes), which the other branches pull and apply; in the same
// transaction they leave the VIP register (config/config.ts, eraseFromRegister).
import type { PulledNote, SharedNote } from '../../common/office/notebook-wire.js';
import { eraseFromRegister } from '../config/config.js';
import type { Queryable, Sql } from '../db/sql.js';

const PULL_LIMIT = 500;

/** The newest of two saves of one customer wins, whatever order they arrive in (savedAt). */
export async function pushNotes(sql: Sql, branchId: string, notes: readonly SharedNote[]): Promise<{ version: number }> {
  return sql.transaction(async (tx) => {
    // Writers one at a time, so versions commit in order: a pull never passes a version that
    // a slower transaction commits afterwards. Readers are not blocked.
    await tx.query('LOCK TABLE office_notebook IN EXCLUSIVE MODE');
    for (const n of notes) {
      await tx.query(
        `INSERT INTO office_notebook (customer_key, version, branch_id, box, tags, saved_at)
         VALUES ($1, nextval('office_notebook_version'), $2, $3, $4, $5)
         ON CONFLICT (customer_key) DO UPDATE
           SET version = nextval('office_notebook_version'), branch_id = $2, box = $3, tags = $4, saved_at = $5, erased = false
           WHERE office_notebook.saved_at <= $5`,
        [n.customerKey, branchId, n.box, JSON.stringify(n.tags), n.savedAt],
      );
    }
    return { version: await newestVersion(tx) };
  });
}

/**
 * A customer erased at `branchId`: each key's note becomes an erasure (no text, no tags) with
 * the next version, unless a note saved after the erasure is already there. A key the office
 * never held gets an erasure too, so a note saved before it and pushed late loses. The keys
 * are remembered as erased and leave the VIP register, in the same transaction.
 */
export async function eraseNotes(sql: Sql, branchId: string, keys: readonly string[], erasedAt: number): Promise<{ version: number }> {
  return sql.transaction(async (tx) => {
    await tx.query('LOCK TABLE office_notebook IN EXCLUSIVE MODE');
    for (const key of new Set(keys)) {
      await tx.query(
        `INSERT INTO office_notebook (customer_key, version, branch_id, box, tags, saved_at, erased)
         VALUES ($1, nextval('office_notebook_version'), $2, '', '[]', $3, true)
         ON CONFLICT (customer_key) DO UPDATE
           SET version = nextval('office_notebook_version'), branch_id = $2, box = '', tags = '[]', saved_at = $3, erased = true
           WHERE office_notebook.saved_at <= $3`,
        [key, branchId, erasedAt],
      );
    }
    await eraseFromRegister(tx, branchId, [...new Set(keys)], erasedAt);
    return { version: await newestVersion(tx) };
  });
}

async function newestVersion(db: Queryable): Promise<number> {
  const [row] = await db.query<{ v: string | number | null }>('SELECT max(version) AS v FROM office_notebook');
  return Number(row?.v ?? 0);
}

export async function pullNotes(db: Queryable, branchId: string, since: number): Promise<{ notes: PulledNote[]; version: number }> {
  const rows = await db.query<{ customer_key: string; version: string | number; branch_id: string; box: string; tags: unknown; saved_at: string | number; erased: boolean }>(
    'SELECT customer_key, version, branch_id, box, tags, saved_at, erased FROM office_notebook WHERE version > $1 ORDER BY version LIMIT $2',
    [since, PULL_LIMIT],
  );
  const notes = rows
    .filter((r) => r.branch_id !== branchId)
    .map((r) => ({
      customerKey: r.customer_key,
      version: Number(r.version),
      branchId: r.branch_id,
      box: r.box,
      tags: (typeof r.tags === 'string' ? JSON.parse(r.tags) : r.tags) as string[],
      savedAt: Number(r.saved_at),
      erased: r.erased,
    }));
  // The branch's own rows are skipped but still passed: the next pull starts after them.
  const version = rows.length > 0 ? Number(rows.at(-1)!.version) : since;
  return { notes, version };
}
