// The special-customer notebook: keyed by the customer key (never the number), looked up by
// card or phone, shown on the ticket's customer card, and shared between branches as a file
// that only a branch with the same customer-key secret can import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpRealBranch, startTestHub, type TestHub } from '../../../../tests/support/hub.js';
import { branchSecret } from '../../customers/customer-key.js';
import { setSharedSecret } from '../../customers/shared-secret.js';

let a: TestHub;
let b: TestHub;
let managerA: string;
let managerB: string;

beforeAll(async () => {
  a = await startTestHub();
  // A new branch of the same bank, set up from its own screens: nothing keyed yet, so IT can
  // still give it the organisation's secret (a demo branch already keys its demo VIPs).
  b = await startTestHub({ demo: false });
  managerB = (await setUpRealBranch(b, 'manager')).staff;
  managerA = await a.login('manager');
});
afterAll(async () => {
  await a.close();
  await b.close();
});

describe('special-customer notebook', () => {
  it('stores a note under the keyed hash of the card, never the number', async () => {
    const saved = await a.api('POST', '/api/notebook', { token: managerA, body: { kind: 'card', number: '6222 0000 1111 2222', title: '王先生', notes: '常忘记密码，请提醒带身份证', tags: ['forgets_pin', 'magnifier'] } });
    expect(saved.status).toBe(200);
    expect(saved.body.entry.customerKey).toMatch(/^[0-9a-f]{64}$/);
    const everything = JSON.stringify(a.hub.ledger.db.prepare('SELECT * FROM notebook').all()) + JSON.stringify(a.hub.ledger.readEvents());
    // The whole number and its groups, not '6222' alone: an event's millisecond timestamp
    // (1796222984269) or a hash can hold four such digits, and did, depending on the time of day.
    for (const fragment of ['6222000011112222', '6222 0000 1111 2222', '000011112222']) expect(everything).not.toContain(fragment);
    expect(everything).not.toContain('王先生');
    expect(everything).not.toContain('常忘记密码');
    const found = await a.api('POST', '/api/notebook/lookup', { token: await a.login('teller1'), body: { kind: 'card', number: '6222000011112222' } });
    expect(found.body.entry).toMatchObject({ title: '王先生', tags: ['forgets_pin', 'magnifier'] });
  });

  it("adds the notebook's notes and tags to the ticket's customer card", async () => {
    const kiosk = await a.device('kiosk');
    const ticket = (await a.api('POST', '/api/tickets', { token: kiosk, body: { service: 'cash' } })).body.ticket;
    const key = (await a.api('GET', '/api/notebook', { token: managerA })).body.entries[0].customerKey;
    // What the kiosk's check-in writes when the customer shows their card (issue 4's table).
    a.hub.ledger.db.prepare('INSERT INTO ticket_customers (ticket_id, customer_key, customer_id) VALUES (?, ?, NULL)').run(ticket.id, key);
    const card = await a.api('GET', `/api/tickets/${ticket.id}/customer`, { token: managerA });
    expect(card.body.customer).toEqual({ title: '王先生', vip: false, notes: ['常忘记密码，请提醒带身份证'], tags: ['forgets_pin', 'magnifier'] });
  });

  it('refuses a file made with another secret, in a sentence, and imports it where the secret is shared', async () => {
    const file = (await a.api('GET', '/api/notebook/export', { token: managerA })).body;
    expect(file).toMatchObject({ format: 'atrium-notebook', version: 1, entries: [expect.objectContaining({ title: '王先生' })] });
    expect(JSON.stringify(file)).not.toContain(branchSecret(a.hub.ledger.db));
    // A download, named by its date.
    const download = await fetch(`${a.url}/api/notebook/export`, { headers: { authorization: `Bearer ${managerA}` } });
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="atrium-notebook-${file.exportedAt.slice(0, 10)}.json"`);

    const refused = await b.api('POST', '/api/notebook/import', { token: managerB, body: file });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('notebook_secret_mismatch');
    expect((await b.api('GET', '/api/notebook', { token: managerB })).body.entries).toEqual([]);

    // The organisation's IT sets the same secret on every branch hub.
    setSharedSecret(b.hub.ledger, branchSecret(a.hub.ledger.db), 'it');
    expect((await b.api('POST', '/api/notebook/import', { token: managerB, body: file })).body).toEqual({ imported: 1 });
    const found = await b.api('POST', '/api/notebook/lookup', { token: managerB, body: { kind: 'card', number: '6222-0000-1111-2222' } });
    expect(found.body.entry).toMatchObject({ title: '王先生', notes: '常忘记密码，请提醒带身份证' });
    expect((await b.api('POST', '/api/notebook/import', { token: managerB, body: { format: 'something-else' } })).body.error.code).toBe('invalid_notebook_file');
  });
});
