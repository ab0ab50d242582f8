// Taking a batch of a branch's ledger events: upserted idempotently on (branch, seq), and each
// new one checked against the branch's hash chain with the checker `atrium verify` uses
// (main/node/chain-check.ts). A break keeps what came before it, marks the branch
// chain_broken, raises an office alert, and refuses every later batch until an admin resets
// the chain. A branch's batches are taken one at a time (the chain head is read, checked and
// moved in one transaction, the branch row locked FOR UPDATE for offices sharing a server);
// different branches' batches run side by side, each in its own transaction (on PostgreSQL
// each on its own connection of the pool), so a thousand branches are not queued behind one.
// At most POOL_SIZE - 2 batches are in the database at once: two connections always stay for
// the dashboard and the admin's requests, which would otherwise wait behind a catch-up.
import { DomainError } from '../../common/errors.js';
import { CHAIN_BROKEN, SEQ_GAP, type IngestAnswer, type IngestBody, type ShippedEvent } from '../../common/office/wire.js';
import { ChainChecker, type ChainBreak } from '../../node/chain-check.js';
import { POOL_SIZE } from '../db/postgres.js';
import type { Queryable, Sql } from '../db/sql.js';
import { ensurePartitions } from './partitions.js';
import { foldTicketEvents, writeTicketChanges } from './tickets.js';

const AT_ONCE = Math.max(1, POOL_SIZE - 2);

type Outcome = { ok: true; answer: IngestAnswer } | { ok: false; lastSeq: number; problem: string };

export class Ingest {
  /** Each branch's batches one at a time in this process: see the file's head. */
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Partitions are created one at a time (two creating one month at once would clash). */
  private partitions: Promise<unknown> = Promise.resolve();
  /** Batches in the database now, and those waiting for a place: see the file's head. */
  private inDatabase = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly sql: Sql,
    private readonly clock: () => number = Date.now,
  ) {}

  take(branchId: string, body: IngestBody): Promise<IngestAnswer> {
    const run = (this.queues.get(branchId) ?? Promise.resolve()).then(() => this.takeNow(branchId, body));
    const settled = run.catch(() => undefined);
    this.queues.set(branchId, settled);
    // The map holds only branches with a batch in hand.
    void settled.then(() => {
      if (this.queues.get(branchId) === settled) this.queues.delete(branchId);
    });
    return run;
  }

  private async takeNow(branchId: string, body: IngestBody): Promise<IngestAnswer> {
    const events = [...body.events].sort((a, b) => a.seq - b.seq);
    const made = this.partitions.then(() => ensurePartitions(this.sql, this.sql, events.map((e) => e.at)));
    this.partitions = made.catch(() => undefined);
    await made;
    const outcome = await this.inTurn(() => this.sql.transaction((tx) => this.apply(tx, branchId, body.timeZone, events)));
    if (!outcome.ok) {
      throw new DomainError('conflict', CHAIN_BROKEN, `This branch's hash chain is broken: ${outcome.problem}. The office takes nothing more from it until an admin resets the chain.`, {
        lastSeq: outcome.lastSeq,
      });
    }
    return outcome.answer;
  }

  /** Runs `fn` when fewer than AT_ONCE batches are in the database; a place freed goes to the longest waiting. */
  private async inTurn<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inDatabase < AT_ONCE) this.inDatabase++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.inDatabase--;
    }
  }

  private async apply(tx: Queryable, branchId: string, timeZone: string, events: ShippedEvent[]): Promise<Outcome> {
    const [head] = await tx.query<{ status: string; last_seq: string | number; last_hash: string }>(
      'SELECT status, last_seq, last_hash FROM office_branches WHERE branch_id = $1 FOR UPDATE',
      [branchId],
    );
    if (!head) throw new DomainError('not_found', 'unknown_branch', 'This branch is not known to the office.');
    const lastSeq = Number(head.last_seq);
    if (head.status === 'chain_broken') return { ok: false, lastSeq, problem: 'it was found broken earlier' };

    // Held already: the same hash is a re-send (at least once), another hash an event changed after it was shipped.
    const held = events.filter((e) => e.seq <= lastSeq);
    const changed = await changedSinceShipped(tx, branchId, held);
    if (changed) return this.breakChain(tx, branchId, lastSeq, changed);

    const fresh = events.filter((e) => e.seq > lastSeq);
    if (fresh.length > 0 && fresh[0]!.seq !== lastSeq + 1) {
      throw new DomainError('conflict', SEQ_GAP, `The office holds this branch's events up to ${lastSeq}; send from ${lastSeq + 1}.`, { lastSeq });
    }
    const chain = new ChainChecker({ seq: lastSeq, hash: head.last_hash });
    let brokenAt: ChainBreak | null = null;
    const sound: { event: ShippedEvent; type: string; at: number; data: unknown }[] = [];
    for (const e of fresh) {
      const checked = chain.check(e);
      if ('ok' in checked) {
        brokenAt = checked;
        break;
      }
      sound.push({ event: e, type: e.type, at: e.at, data: checked.data });
    }
    // The sound events (those before a break) are kept, in a few statements whatever the batch's size.
    await insertEvents(tx, branchId, sound.map((s) => s.event));
    await writeTicketChanges(tx, branchId, foldTicketEvents(sound));
    const now = new Date(this.clock());
    await tx.query('UPDATE office_branches SET last_seq = $2, last_hash = $3, last_seen_at = $4, time_zone = $5 WHERE branch_id = $1', [
      branchId,
      chain.head.seq,
      chain.head.hash,
      now,
      timeZone,
    ]);
    if (brokenAt) return this.breakChain(tx, branchId, chain.head.seq, brokenAt);
    return { ok: true, answer: { lastSeq: chain.head.seq, accepted: chain.head.seq - lastSeq } };
  }

  private async breakChain(tx: Queryable, branchId: string, lastSeq: number, broken: ChainBreak): Promise<Outcome> {
    await tx.query("UPDATE office_branches SET status = 'chain_broken', last_seen_at = $2 WHERE branch_id = $1", [branchId, new Date(this.clock())]);
    await tx.query("INSERT INTO office_alerts (branch_id, kind, seq, message) VALUES ($1, 'chain_broken', $2, $3)", [branchId, broken.seq, broken.problem]);
    return { ok: false, lastSeq, problem: broken.problem };
  }
}

async function changedSinceShipped(tx: Queryable, branchId: string, held: ShippedEvent[]): Promise<ChainBreak | null> {
  if (held.length === 0) return null;
  const rows = await tx.query<{ seq: string | number; hash: string }>('SELECT seq, hash FROM office_events WHERE branch_id = $1 AND seq = ANY($2::bigint[])', [
    branchId,
    held.map((e) => e.seq),
  ]);
  const stored = new Map(rows.map((r) => [Number(r.seq), r.hash]));
  for (const e of held) {
    const hash = stored.get(e.seq);
    if (hash !== undefined && hash !== e.hash) {
      return { ok: false, seq: e.seq, problem: `event ${e.seq} (${e.type}) differs from the copy the office took earlier — it was changed after it was shipped` };
    }
  }
  return null;
}

/** One statement for the batch: its columns as arrays, unnested by the server. */
async function insertEvents(tx: Queryable, branchId: string, events: readonly ShippedEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.query(
    `INSERT INTO office_events (branch_id, seq, occurred_at, at_ms, type, actor, data, prev_hash, hash)
     SELECT $1, seq, to_timestamp(at_ms / 1000.0), at_ms, type, actor, data, prev_hash, hash
       FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS e(seq, at_ms, type, actor, data, prev_hash, hash)
     ON CONFLICT DO NOTHING`,
    [
      branchId,
      events.map((e) => e.seq),
      events.map((e) => e.at),
      events.map((e) => e.type),
      events.map((e) => e.actor),
      events.map((e) => e.data),
      events.map((e) => e.prev_hash),
      events.map((e) => e.hash),
    ],
  );
}
