// The head office on a PostgreSQL server whose connections are ended under it (a server restart,
// an administrator's pg_terminate_backend): the pool's idle clients fail, and the office must go
// on answering, not end its process on an unheard 'error'. Only with ATRIUM_TEST_PG_URL (.ci/run
// runs the office tests a second time on the server); PGlite has no connections to end.
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { PG_URL, startTestOffice, type TestOffice } from './support.js';

let office: TestOffice | null = null;
afterAll(async () => {
  await office?.close();
});

describe.skipIf(!PG_URL)('the office when the server ends its connections', () => {
  it('says so once and answers the next request on a new connection', async () => {
    office = await startTestOffice();
    const token = await office.login();
    // Several queries at once, so the pool holds more than one idle client.
    await Promise.all(Array.from({ length: 4 }, () => office!.api('GET', '/api/office/branches', { token })));
    const warn = vi.spyOn(console, 'warn');
    const database = new URL(office.pgUrl!).pathname.slice(1);
    const admin = new pg.Client({ connectionString: PG_URL! });
    await admin.connect();
    const ended = await admin.query('SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
    await admin.end();
    expect(ended.rows.length).toBeGreaterThan(0);
    await vi.waitFor(() => expect(warn.mock.calls.some(([m]) => String(m).includes('an idle connection was ended'))).toBe(true), { timeout: 5_000 });
    const again = await office.api('GET', '/api/office/branches', { token });
    expect(again.status).toBe(200);
    expect(warn.mock.calls.filter(([m]) => String(m).includes('an idle connection was ended'))).toHaveLength(1);
    warn.mockRestore();
  });
});
