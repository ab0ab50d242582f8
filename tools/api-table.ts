// The README's API table, generated from the route table (main/common/routes): one row per
// route with who may call it, what it takes and what it answers. `npm run api-table` rewrites
// the block between the markers; a test fails while the README's block differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { Grant } from '../main/common/routes/access.js';
import { ROUTE_AREAS, type RouteDef } from '../main/common/routes/index.js';
import { OFFICE_ROUTES, type OfficeRouteDef } from '../main/common/office/routes.js';

export const START = '<!-- api-table:start -->';
export const END = '<!-- api-table:end -->';
/** The head office's own table, in the README's "Head office" section. */
export const OFFICE_START = '<!-- office-api-table:start -->';
export const OFFICE_END = '<!-- office-api-table:end -->';
const README = new URL('../README.md', import.meta.url);

const WHO: Record<Grant, string> = {
  admin: 'admin',
  manager: 'manager',
  supervisor: 'supervisor',
  teller: 'teller',
  kiosk: 'kiosk',
  display: 'display',
  'counter-device': 'counter terminal',
  'manager-device': 'manager tablet',
  rating: 'satisfaction pad',
};
const EVERY_GRANT = Object.keys(WHO).length;

function whoMay(def: RouteDef): string {
  if (def.access === 'public') return 'anyone';
  const grants = def.access.grants;
  if (grants.length === EVERY_GRANT) return 'any token';
  return grants.map((g) => WHO[g]).join(', ');
}

/** `{a, b?}` for an object, `{a} or {b}` for a union, unwrapping defaults and nullables. */
function shapeOf(schema: z.ZodType): string {
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional) return shapeOf(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodNullable) return `${shapeOf(schema.unwrap() as z.ZodType)} or null`;
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).map(shapeOf).join(' or ');
  if (schema instanceof z.ZodObject) {
    const keys = Object.entries(schema.shape as Record<string, z.ZodType>).map(([k, v]) => (v.safeParse(undefined).success ? `${k}?` : k));
    return `{${keys.join(', ')}}`;
  }
  return '';
}

function answerOf(def: RouteDef): string {
  switch (def.produces) {
    case 'csv':
      return 'CSV';
    case 'audio':
      return 'Ogg audio';
    case 'websocket':
      return 'WebSocket';
    default:
      return shapeOf(def.answer).replace(/ or null$/, ', or 204');
  }
}

function requestOf(def: Pick<RouteDef, 'body' | 'query' | 'produces' | 'method' | 'path'>): string {
  const body = def.body ? ` ${shapeOf(def.body)}` : '';
  const query = def.query && def.produces !== 'websocket' ? `?${Object.keys((def.query as z.ZodObject).shape).join('&')}` : '';
  return `\`${def.method} ${def.path}${query}${body}\``;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function apiTable(): string {
  const lines = ['| request | who may | answer | what it does |', '| --- | --- | --- | --- |'];
  for (const { area, routes } of ROUTE_AREAS) {
    lines.push(`| **${area}** | | | |`);
    for (const def of routes) lines.push(`| ${cell(requestOf(def))} | ${whoMay(def)} | ${cell(answerOf(def) ? `\`${answerOf(def)}\`` : '')} | ${cell(def.summary)} |`);
  }
  return lines.join('\n');
}

const OFFICE_WHO: Record<string, string> = { hq_admin: 'hq_admin', regional_manager: 'regional_manager', branch: 'an enrolled branch' };

export function officeApiTable(): string {
  const lines = ['| request | who may | answer | what it does |', '| --- | --- | --- | --- |'];
  for (const def of OFFICE_ROUTES as readonly OfficeRouteDef[]) {
    const who = def.access === 'public' ? 'anyone' : def.access.grants.map((g) => OFFICE_WHO[g]).join(', ');
    const answer = shapeOf(def.answer);
    lines.push(`| ${cell(requestOf(def))} | ${who} | ${cell(answer ? `\`${answer}\`` : '')} | ${cell(def.summary)} |`);
  }
  return lines.join('\n');
}

function replaceBlock(readme: string, start: string, end: string, table: string): string {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} block`);
  return `${readme.slice(0, from + start.length)}\n${table}\n${readme.slice(to)}`;
}

/** The README with its API blocks (the hub's, the head office's) replaced by the generated tables. */
export function withTable(readme: string): string {
  return replaceBlock(replaceBlock(readme, START, END, apiTable()), OFFICE_START, OFFICE_END, officeApiTable());
}

export function readReadme(): string {
  return readFileSync(README, 'utf8');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const before = readReadme();
  const after = withTable(before);
  if (after !== before) writeFileSync(README, after);
  console.log(after === before ? 'README.md: the API table is up to date.' : 'README.md: the API table is rewritten.');
}
