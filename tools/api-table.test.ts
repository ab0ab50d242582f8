// The README's API table is the route table's: a route added, removed or re-guarded without
// `npm run api-table` fails here.
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../main/common/routes/index.js';
import { apiTable, END, readReadme, START, withTable } from './api-table.js';

describe("the README's API table", () => {
  it('is the one generated from the route table (run `npm run api-table` to rewrite it)', () => {
    const readme = readReadme();
    const block = readme.slice(readme.indexOf(START) + START.length, readme.indexOf(END)).trim();
    expect(block, 'README.md is stale: run `npm run api-table`').toBe(apiTable());
    expect(withTable(readme)).toBe(readme);
  });

  it('has a row for every route, naming who may call it', () => {
    const table = apiTable();
    for (const r of ROUTES) expect(table).toContain(`\`${r.method} ${r.path}`);
    expect(table).toContain('| `POST /api/staff/:id/unlock` | admin |');
    expect(table).toContain('| `POST /api/auth/login {staffId, pin}` | anyone |');
  });

  it('notices a stale README', () => {
    const stale = readReadme().replace('| `GET /api/staff/locks` | admin |', '| `GET /api/staff/locks` | manager |');
    expect(withTable(stale)).not.toBe(stale);
  });
});
