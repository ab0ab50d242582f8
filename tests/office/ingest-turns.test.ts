// Ingest's turns (main/office/ingest/ingest.ts), on a fake database that only counts: different
// branches' batches run side by side, but never more than POOL_SIZE - 2 in the database at once
// (two connections stay for the dashboard), and one branch's batches never overlap.
import { describe, expect, it } from 'vitest';
import { POOL_SIZE } from '../../main/office/db/postgres.js';
import type { Queryable, Sql } from '../../main/office/db/sql.js';
import { Ingest } from '../../main/office/ingest/ingest.js';
import { GENESIS_HASH } from '../../main/node/chain-hash.js';

function countingSql() {
  const seen = { now: 0, most: 0, branchesNow: new Set<string>(), overlapped: false };
  const tx: Queryable = {
    async query<T>(text: string, params: unknown[] = []) {
      if (text.startsWith('SELECT status, last_seq, last_hash FROM office_branches')) {
        const branch = String(params[0]);
        if (seen.branchesNow.has(branch)) seen.overlapped = true;
        seen.branchesNow.add(branch);
        return [{ status: 'active', last_seq: 0, last_hash: GENESIS_HASH }] as T[];
      }
      if (text.startsWith('UPDATE office_branches SET last_seq')) seen.branchesNow.delete(String(params[0]));
      return [] as T[];
    },
    async exec() {},
  };
  const sql: Sql = {
    engine: 'fake',
    query: tx.query,
    exec: tx.exec,
    async transaction(fn) {
      seen.now++;
      seen.most = Math.max(seen.most, seen.now);
      try {
        await new Promise((r) => setTimeout(r, 10));
        return await fn(tx);
      } finally {
        seen.now--;
      }
    },
    async close() {},
  };
  return { sql, seen };
}

describe('ingest turns', () => {
  it('runs branches side by side, at most POOL_SIZE - 2 at once, one branch at a time', async () => {
    const { sql, seen } = countingSql();
    const ingest = new Ingest(sql);
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => ingest.take(`b${i % 20}`, { timeZone: 'UTC', events: [] })));
    expect(answers).toHaveLength(40);
    expect(seen.most).toBe(POOL_SIZE - 2);
    expect(seen.overlapped).toBe(false);
    expect(seen.now).toBe(0);
  });
});
