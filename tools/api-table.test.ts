// The README's API table is the route table's: a route added, removed or re-guarded without
// `npm run api-table` fails here.
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../main/common/routes/index.js';
import { OFFICE_ROUTES } from '../main/common/office/routes.js';
import { apiTable, END, OFFICE_END, OFFICE_START, officeApiTable, readReadme, START, withTable } from './api-table.js';

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

  it("holds the head office's table, generated from its own route table", () => {
    const readme = readReadme();
    const block = readme.slice(readme.indexOf(OFFICE_START) + OFFICE_START.length, readme.indexOf(OFFICE_END)).trim();
    expect(block, 'README.md is stale: run `npm run api-table`').toBe(officeApiTable());
    for (const r of OFFICE_ROUTES) expect(block).toContain(`\`${r.method} ${r.path}`);
    expect(block).toContain('| `POST /api/office/branches {name}` | hq_admin |');
  });

  it('notices a stale README', () => {
    const stale = readReadme().replace('| `GET /api/staff/locks` | admin |', '| `GET /api/staff/locks` | manager |');
    expect(withTable(stale)).not.toBe(stale);
  });
});
