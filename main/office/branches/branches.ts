// Branches as the office knows them: created by an admin with a one-time enrolment code,
// enrolled by a hub that trades the code for its credential, and the chain status the
// ingest keeps. Every admin act and enrolment is written to office_audit.
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../common/errors.js';
import type { OfficeBranchView } from '../../common/office/routes.js';
import type { EnrolAnswer } from '../../common/office/wire.js';
import { hashSecret, newPairingCode, newToken, normalisePairingCode } from '../../node/tokens.js';
import type { Queryable, Sql } from '../db/sql.js';
import { audit } from './audit.js';
import { localDate } from './today.js';

const ENROLMENT_DAYS = 7;

export async function createBranch(db: Queryable, name: string, actor: string, now: number): Promise<{ branchId: string; enrolmentCode: string }> {
  const branchId = `br-${randomUUID().slice(0, 8)}`;
  const enrolmentCode = newPairingCode(12);
  await db.query("INSERT INTO office_branches (branch_id, name, status, enrolment_code_hash, enrolment_expires) VALUES ($1, $2, 'enrolling', $3, $4)", [
    branchId,
    name,
    hashSecret(enrolmentCode),
    new Date(now + ENROLMENT_DAYS * 86_400_000),
  ]);
  await audit(db, actor, 'branch.created', branchId, name);
  return { branchId, enrolmentCode };
}

/** The code is good once: the credential is shown only in this answer, and stored as a hash; the answer carries the organisation's secret. */
export async function enrolBranch(sql: Sql, code: string, now: number, orgSecret: string): Promise<EnrolAnswer> {
  return sql.transaction(async (tx) => {
    const [row] = await tx.query<{ branch_id: string; name: string; last_seq: string | number }>(
      "SELECT branch_id, name, last_seq FROM office_branches WHERE enrolment_code_hash = $1 AND enrolment_expires > $2 AND status = 'enrolling' FOR UPDATE",
      [hashSecret(normalisePairingCode(code)), new Date(now)],
    );
    if (!row) throw new DomainError('unauthorized', 'invalid_code', 'This enrolment code is not valid: it is wrong, used already, or more than 7 days old. Ask head office for a new one.');
    const credential = newToken();
    await tx.query("UPDATE office_branches SET status = 'active', enrolment_code_hash = NULL, enrolment_expires = NULL, credential_hash = $2 WHERE branch_id = $1", [
      row.branch_id,
      hashSecret(credential),
    ]);
    await audit(tx, `branch:${row.branch_id}`, 'branch.enrolled', row.branch_id, row.name);
    return { branchId: row.branch_id, name: row.name, credential, lastSeq: Number(row.last_seq), orgSecret };
  });
}

interface BranchRow {
  branch_id: string;
  name: string;
  status: OfficeBranchView['status'];
  last_seq: string | number;
  last_seen_at: Date | string | null;
  time_zone: string;
}

/**
 * Every branch with today's counts, in two queries whatever the number of branches: each
 * branch's "today" is its own local date (its zone, worked out here once per zone, so a zone
 * PostgreSQL does not know reads as UTC, as localDate has it), read from the day figures ingest
 * keeps (office_ticket_days, migration 0005). `scope`: the branch IDs the caller reads (a
 * regional manager's), or null for every branch.
 */
export async function listBranches(db: Queryable, now: number, scope: readonly string[] | null): Promise<OfficeBranchView[]> {
  const rows = await db.query<BranchRow>(
    'SELECT branch_id, name, status, last_seq, last_seen_at, time_zone FROM office_branches WHERE ($1::text[] IS NULL OR branch_id = ANY($1::text[])) ORDER BY name, branch_id',
    [scope],
  );
  const dates = new Map<string, string>();
  const today = new Map<string, string>();
  for (const r of rows) {
    if (!dates.has(r.time_zone)) dates.set(r.time_zone, localDate(now, r.time_zone));
    today.set(r.branch_id, dates.get(r.time_zone)!);
  }
  const days = rows.length === 0 ? [] : await db.query<{ branch_id: string; day: string; issued: number; served: number; no_show: number; waiting: number }>(
    "SELECT branch_id, to_char(business_day, 'YYYY-MM-DD') AS day, issued, served, no_show, waiting FROM office_ticket_days WHERE business_day = ANY($1::date[])",
    [[...new Set(dates.values())]],
  );
  const countsOf = new Map(days.filter((d) => d.day === today.get(d.branch_id)).map((d) => [d.branch_id, d]));
  return rows.map((r) => {
    const c = countsOf.get(r.branch_id);
    return {
      branchId: r.branch_id,
      name: r.name,
      status: r.status,
      lastSeq: Number(r.last_seq),
      lastSeenAt: r.last_seen_at === null ? null : new Date(r.last_seen_at).toISOString(),
      today: { issued: Number(c?.issued ?? 0), served: Number(c?.served ?? 0), noShow: Number(c?.no_show ?? 0), waiting: Number(c?.waiting ?? 0) },
    };
  });
}

/**
 * An admin has looked at a broken chain (and the branch restored a sound ledger, or the
 * event was explained): the office takes events again, from its last sound one. The branch's
 * next batch must continue that chain, or it breaks again.
 */
export async function resetChain(sql: Sql, branchId: string, reason: string, actor: string): Promise<{ branchId: string; status: 'active'; lastSeq: number }> {
  return sql.transaction(async (tx) => {
    const [row] = await tx.query<{ status: string; last_seq: string | number }>('SELECT status, last_seq FROM office_branches WHERE branch_id = $1 FOR UPDATE', [branchId]);
    if (!row) throw new DomainError('not_found', 'unknown_branch', `There is no branch ${branchId}.`);
    if (row.status !== 'chain_broken') throw new DomainError('conflict', 'chain_sound', `Branch ${branchId}'s chain is not broken: there is nothing to reset.`);
    await tx.query("UPDATE office_branches SET status = 'active' WHERE branch_id = $1", [branchId]);
    await tx.query("UPDATE office_alerts SET resolved_at = now() WHERE branch_id = $1 AND kind = 'chain_broken' AND resolved_at IS NULL", [branchId]);
    await audit(tx, actor, 'branch.chain_reset', branchId, reason);
    return { branchId, status: 'active' as const, lastSeq: Number(row.last_seq) };
  });
}
