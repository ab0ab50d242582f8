// Which branches hold which configuration (issue 16 point 4, seen from the office): the newest
// version of each kind, and what each branch's hub did with the versions it pulled. Read from
// the events the hubs shipped, so it says what a branch's own ledger says, not what the office
// hopes: a hub that is offline shows the version it last reported.
import { CONFIG_KINDS, type ConfigKind, type ConfigStatusAnswer } from '../../common/office/config-wire.js';
import type { Queryable } from '../db/sql.js';

type Reported = { branch_id: string; type: string; kind: ConfigKind; version: number; code: string | null; reason: string | null; at: string };

/** `scope`: the branch IDs the caller reads (a regional manager's), or null for every branch. */
export async function configStatus(db: Queryable, scope: readonly string[] | null): Promise<ConfigStatusAnswer> {
  const published = await db.query<{ kind: ConfigKind; version: number; published_at: string; published_by: string }>(
    `SELECT DISTINCT ON (kind) kind, version, to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS published_at, published_by
       FROM office_config ORDER BY kind, version DESC`,
  );
  const branches = await db.query<{ branch_id: string; name: string }>(
    'SELECT branch_id, name FROM office_branches WHERE ($1::text[] IS NULL OR branch_id = ANY($1::text[])) ORDER BY name, branch_id',
    [scope],
  );
  // The newest applied and the newest refused version of each kind per branch: few rows (one
  // per version a hub dealt with), found through office_events' (branch_id, type) index.
  const reported = await db.query<Reported>(
    `SELECT DISTINCT ON (branch_id, type, data::jsonb->>'kind') branch_id, type, data::jsonb->>'kind' AS kind,
            (data::jsonb->>'version')::int AS version, data::jsonb->>'code' AS code, data::jsonb->>'reason' AS reason,
            to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at
       FROM office_events
      WHERE type IN ('office.config_applied', 'office.config_refused') AND ($1::text[] IS NULL OR branch_id = ANY($1::text[]))
      ORDER BY branch_id, type, data::jsonb->>'kind', (data::jsonb->>'version')::int DESC`,
    [scope],
  );
  const find = (branch: string, type: string, kind: ConfigKind) => reported.find((r) => r.branch_id === branch && r.type === type && r.kind === kind);
  return {
    published: published.map((p) => ({ kind: p.kind, version: Number(p.version), publishedAt: p.published_at, publishedBy: p.published_by })),
    branches: branches.map((b) => ({
      branchId: b.branch_id,
      name: b.name,
      kinds: CONFIG_KINDS.map((kind) => {
        const applied = find(b.branch_id, 'office.config_applied', kind);
        const refused = find(b.branch_id, 'office.config_refused', kind);
        // A refusal the branch has since moved past (a later version applied) is history, not a problem.
        const open = refused && (!applied || Number(refused.version) > Number(applied.version)) ? refused : null;
        return {
          kind,
          applied: applied ? Number(applied.version) : null,
          refused: open ? { version: Number(open.version), code: open.code ?? '', reason: open.reason ?? '', at: open.at } : null,
        };
      }),
    })),
  };
}
