// Drives hostile requests at a real hub over loopback HTTP and checks what the contract
// promises of every answer: no 5xx, the error shape on every 4xx, and nothing written by a
// refused request (neither a ledger event nor any row of any table). Shared by the fuzz test
// (bounded, fixed seed) and bench/fuzz.ts (long).
import { createHash } from 'node:crypto';
import http from 'node:http';
import type Database from 'better-sqlite3';
import type { TestHub } from '../support/hub.js';
import { DomainError } from '../../main/common/errors.js';
import type { Grant } from '../../main/hub/server/principal.js';
import { ROUTES, type RouteDef } from '../../main/common/routes/index.js';
import type { RouteEntry } from '../../main/hub/server/route-table.js';
import type { HostileRequest } from './hostile.js';

export interface Answer {
  status: number;
  text: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** Sends the request as bytes: no client library tidies the path, headers or body first. */
export function send(base: string, req: HostileRequest, tokens: Record<string, string | null>): Promise<Answer> {
  const { hostname, port } = new URL(base);
  const headers: Record<string, string> = {};
  const token = tokens[req.principal];
  if (token !== null && token !== undefined) headers.authorization = token;
  if (req.contentType !== null) headers['content-type'] = req.contentType;
  if (req.bigHeader) headers['x-padding'] = 'p'.repeat(20_000);
  const payload = req.body === null ? null : Buffer.from(req.body);
  if (payload) headers['content-length'] = String(payload.length);
  return new Promise((resolve, reject) => {
    const r = http.request({ host: hostname, port, method: req.method, path: req.url, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(payload ?? undefined);
  });
}

// Marks of life (a sign-in's last use, a device's last request) are kept in the hub's memory,
// in no table, so every table must stay as it was after a refusal.
function selectOf(table: string): string {
  if (table === 'events') return 'SELECT count(*), max(seq) FROM events';
  return `SELECT * FROM "${table}"`;
}

const statements = new WeakMap<Database.Database, { tables: Map<string, Database.Statement>; list: Database.Statement; seq: Database.Statement }>();

/**
 * Every table's rows, hashed: a cheap fingerprint of everything the hub has written. The
 * events table only grows (the ledger appends; its head row, hashed here, chains them all),
 * so its count and last seq stand for it: hashing thousands of audit events per request
 * would make a long fuzz run quadratic.
 */
export function databaseFingerprint(db: Database.Database): { seq: number; tables: Record<string, string> } {
  let cached = statements.get(db);
  if (!cached) {
    cached = {
      tables: new Map(),
      list: db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"),
      seq: db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM events'),
    };
    statements.set(db, cached);
  }
  const tables: Record<string, string> = {};
  for (const { name } of cached.list.all() as { name: string }[]) {
    let select = cached.tables.get(name);
    if (!select) cached.tables.set(name, (select = db.prepare(selectOf(name)).raw()));
    const hash = createHash('sha1');
    let n = 0;
    for (const row of select.iterate() as Iterable<unknown[]>) {
      hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : typeof v === 'bigint' ? String(v) : v)));
      n++;
    }
    tables[name] = `${n}:${hash.digest('hex')}`;
  }
  return { seq: (cached.seq.get() as { seq: number }).seq, tables };
}

function changedTables(before: ReturnType<typeof databaseFingerprint>, after: ReturnType<typeof databaseFingerprint>): string[] {
  const names = new Set([...Object.keys(before.tables), ...Object.keys(after.tables)]);
  return [...names].filter((n) => before.tables[n] !== after.tables[n]);
}

/** Only a failed PIN check may write on a refusal: counting the attempt (and auditing it) is the point. */
function isCountedPinAttempt(req: HostileRequest, answer: Answer, db: Database.Database, fromSeq: number): boolean {
  if (answer.status !== 401 && answer.status !== 429) return false;
  if (!req.body || !/"pin"\s*:/.test(req.body)) return false;
  const types = db.prepare('SELECT DISTINCT type FROM events WHERE seq > ?').all(fromSeq) as { type: string }[];
  return types.every((t) => t.type.startsWith('auth.'));
}

/** What is wrong with one answer, or null when the contract holds. */
function shapeProblem(answer: Answer): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.text);
  } catch {
    return `a ${answer.status} that is not JSON: ${answer.text.slice(0, 120)}`;
  }
  const error = (parsed as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (typeof error?.code !== 'string' || typeof error.message !== 'string') return `a ${answer.status} outside the error shape: ${answer.text.slice(0, 160)}`;
  if (/\n\s+at |\.ts:\d+|node_modules/.test(answer.text)) return `a ${answer.status} with a stack trace: ${answer.text.slice(0, 160)}`;
  return null;
}

export interface FuzzTally {
  sent: number;
  /** By status class; 503 apart: a device's fault (printer, disk) the contract answers so. */
  byClass: Record<string, number>;
  /** Each distinct failure, with the first request that showed it. */
  failures: { problem: string; request: HostileRequest }[];
  slowest: { ms: number; request: HostileRequest | null };
}

export function newTally(): FuzzTally {
  return { sent: 0, byClass: { '2xx': 0, '3xx': 0, '4xx': 0, '503': 0, '5xx': 0 }, failures: [], slowest: { ms: 0, request: null } };
}

/**
 * Sends one request and checks it. Returns the problem (null when none). 503 with the error
 * shape is a device's fault (a printer off, a full disk) that the contract answers so, not ours.
 */
export async function fuzzOnce(hub: TestHub, req: HostileRequest, tokens: Record<string, string | null>, tally: FuzzTally, ids?: Record<string, string[]>): Promise<string | null> {
  const db = hub.hub.ledger.db;
  const before = databaseFingerprint(db);
  const t0 = performance.now();
  // A connection closed with no answer at all is a failure too, counted as status 0.
  const answer = await send(hub.url, req, tokens).catch((err: Error): Answer => ({ status: 0, text: `no answer: ${err.message}` }));
  tally.sent++;
  const ms = performance.now() - t0;
  if (ms > tally.slowest.ms) tally.slowest = { ms, request: req };
  const cls = answer.status === 503 ? '503' : `${Math.floor(answer.status / 100)}xx`;
  tally.byClass[cls] = (tally.byClass[cls] ?? 0) + 1;
  let problem: string | null = null;
  if (answer.status === 0) problem = answer.text;
  else if (answer.status >= 500 && !(answer.status === 503 && shapeProblem(answer) === null)) problem = `${answer.status}: ${answer.text.slice(0, 200)}`;
  else if (answer.status >= 400) {
    problem = shapeProblem(answer);
    const after = databaseFingerprint(db);
    const changed = changedTables(before, after);
    if (!problem && changed.length > 0 && !isCountedPinAttempt(req, answer, db, before.seq)) {
      problem = `a ${answer.status} (${answer.text.slice(0, 100)}) wrote to ${changed.join(', ')} (seq ${before.seq} → ${after.seq})`;
    }
  }
  if (problem) tally.failures.push({ problem, request: req });
  await renewIfDead(hub, req, answer, tokens);
  if (ids && answer.status >= 200 && answer.status < 300) harvestIds(answer, ids);
  return problem;
}

/** The callers of fuzzPrincipals that hold no valid token. */
export const GARBAGE_PRINCIPALS = ['none', 'unknown token', 'empty bearer', 'basic', 'overlong token', 'two tokens'];

/** What the fuzz walks: every API route of the table in main/common, so a route added there is fuzzed. */
export const FUZZ_ROUTES = ROUTES.filter((r) => r.path.startsWith('/api/'));

/** The principals' names, those with a real token apart from the garbage. */
export function principalGroups(tokens: Record<string, string | null>, routes: readonly RouteDef[]): { roles: string[]; garbage: string[]; admitted: Record<string, string[]> } {
  const names = Object.keys(tokens);
  return { roles: names.filter((n) => !GARBAGE_PRINCIPALS.includes(n)), garbage: names.filter((n) => GARBAGE_PRINCIPALS.includes(n)), admitted: tableAdmissions(routes) };
}

/** The principals each route admits, as the table says (keyed by "METHOD path"). */
export function tableAdmissions(routes: readonly RouteDef[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of routes) {
    const access = r.access;
    // A route that checks its token on the socket (the live feed) lets every token through the
    // HTTP door and refuses the others' grants after the upgrade (ratings.test.ts: the pad).
    out[`${r.method} ${r.path}`] = Object.entries(ROLE_PRINCIPALS)
      .filter(([, who]) => access === 'public' || access.checked === 'socket' || access.grants.includes(who.grant))
      .map(([name]) => name);
  }
  return out;
}

/** Each principal with a real token: the grant it holds, and how to get it a new token. */
const ROLE_PRINCIPALS: Record<string, { grant: Grant; staff?: string; device?: 'kiosk' | 'display' | 'counter' | 'manager' | 'rating'; counter?: string }> = {
  admin: { grant: 'admin', staff: 'admin' },
  manager: { grant: 'manager', staff: 'manager' },
  supervisor: { grant: 'supervisor', staff: 'supervisor' },
  teller: { grant: 'teller', staff: 'teller1' },
  kiosk: { grant: 'kiosk', device: 'kiosk' },
  display: { grant: 'display', device: 'display' },
  'counter device': { grant: 'counter-device', device: 'counter' },
  'manager tablet': { grant: 'manager-device', device: 'manager' },
  'satisfaction pad': { grant: 'rating', device: 'rating', counter: '1' },
};

async function freshToken(hub: TestHub, name: string, adminToken?: string): Promise<string> {
  const who = ROLE_PRINCIPALS[name]!;
  if (who.staff) return hub.login(who.staff);
  // Not hub.device(): it keeps the admin's first token, which the fuzz may have logged out.
  const admin = adminToken ?? (await hub.login('admin'));
  const reg = await hub.api('POST', '/api/devices', { token: admin, body: { role: who.device, name: `fuzz ${name}`, ...(who.counter ? { counter: who.counter } : {}) } });
  const pair = await hub.api('POST', '/api/devices/pair', { body: { pairingCode: reg.body?.pairingCode } });
  if (pair.status !== 200) throw new Error(`pairing a ${name}: ${pair.status}`);
  return pair.body.token as string;
}

/**
 * A fuzzed logout (or a revoked device) kills a token the run still needs: get a new one, so
 * the rest of the run still reaches past the door. A locked or disabled account stays out.
 */
async function renewIfDead(hub: TestHub, req: HostileRequest, answer: Answer, tokens: Record<string, string | null>): Promise<void> {
  if (!ROLE_PRINCIPALS[req.principal] || answer.status !== 401 || !answer.text.includes('"invalid_token"')) return;
  tokens[req.principal] = await freshToken(hub, req.principal).then(
    (t) => `Bearer ${t}`,
    () => tokens[req.principal] ?? null,
  );
}

/**
 * The principals a route's preHandlers let through, asked of the handlers themselves with a
 * stand-in request: a role check throws 401/403 for the others. Lets the fuzz spend most of
 * its requests past the door, on the route's own logic. Keyed by "METHOD url".
 */
export async function admissions(routes: readonly RouteEntry[]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const route of routes) {
    const admitted: string[] = [];
    for (const [name, who] of Object.entries(ROLE_PRINCIPALS)) {
      const request = { principal: { kind: who.staff ? 'staff' : 'device', id: name, role: who.grant, grant: who.grant }, headers: {}, params: {}, query: {}, url: route.url, method: route.method };
      let refused = false;
      for (const handler of route.preHandlers) {
        try {
          await new Promise<void>((resolve, reject) => {
            const result = (handler as (req: unknown, reply: unknown, done: (err?: unknown) => void) => unknown)(request, {}, (err) => (err ? reject(err) : resolve()));
            if (result instanceof Promise) result.then(() => resolve(), reject);
          });
        } catch (err) {
          refused ||= err instanceof DomainError && (err.kind === 'unauthorized' || err.kind === 'forbidden');
        }
      }
      if (!refused) admitted.push(name);
    }
    out[`${route.method} ${route.url}`] = admitted;
  }
  return out;
}

/** Tokens of every kind of caller: each role, each device, none, and garbage. */
export async function fuzzPrincipals(hub: TestHub): Promise<Record<string, string | null>> {
  const bearer = (t: string) => `Bearer ${t}`;
  const tokens: Record<string, string | null> = {};
  const admin = await hub.login('admin');
  for (const name of Object.keys(ROLE_PRINCIPALS)) tokens[name] = bearer(name === 'admin' ? admin : await freshToken(hub, name, admin));
  await hub.api('POST', '/api/counters/1/open', { token: tokens.teller!.slice('Bearer '.length) });
  return {
    ...tokens,
    none: null,
    'unknown token': bearer('0'.repeat(64)),
    'empty bearer': 'Bearer ',
    basic: 'Basic YWRtaW46MDAwMDAw',
    'overlong token': bearer('t'.repeat(8000)),
    'two tokens': `${bearer('a')}, ${bearer('b')}`,
  };
}

/** Ids that exist in the fuzzed hub, so some requests get past "unknown" into the logic. */
export async function fuzzKnownIds(hub: TestHub, tokens: Record<string, string | null>): Promise<Record<string, string[]>> {
  const token = (who: string) => tokens[who]!.slice('Bearer '.length);
  const ticket = await hub.api('POST', '/api/tickets', { token: token('kiosk'), body: { service: 'cash' } });
  const checklist = await hub.api('POST', '/api/checklists', { token: token('manager'), body: { kind: 'opening' } });
  const ids = [ticket.body?.ticket?.id, checklist.body?.checklist?.id].filter((x): x is string => typeof x === 'string');
  return { id: ids, counter: ['1', '2', '6'], kind: ['opening', 'patrol', 'closing'], device: [] };
}

const POOL_CAP = 300;

/**
 * Ids in a 2xx answer (a complaint, a card, a device…) join the pool path parameters draw
 * from, so later requests reply to, sign, close or revoke records that exist.
 */
function harvestIds(answer: Answer, ids: Record<string, string[]>): void {
  for (const m of answer.text.matchAll(/"(id|deviceId)":"([^"\\]{1,80})"/g)) {
    const pool = m[1] === 'deviceId' ? (ids.device ??= []) : (ids.id ??= []);
    if (!pool.includes(m[2]!)) pool.push(m[2]!);
    if (pool.length > POOL_CAP) pool.shift();
  }
}

export function describeRequest(req: HostileRequest): string {
  const body = req.body === null ? '' : ` body ${req.body.length > 300 ? req.body.slice(0, 300) + '…' : req.body}`;
  return `${req.method} ${req.url.length > 300 ? req.url.slice(0, 300) + '…' : req.url} as ${req.principal}, content-type ${req.contentType}${req.bigHeader ? ', 20 kB header' : ''}${body}`;
}
