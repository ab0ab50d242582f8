// Anti-fraud through a real hub (issue 14 point 3): the kiosk choices' fraud prompt, the fraud
// watch as the ID-card check-in will set it (watchForFraud called directly, as that route will
// call it), who sees the flag and who never does, and the interventions: recorded, corrected,
// signed with a supervisor's PIN, counted in the reports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLiveFeed, type LiveFeed } from '../../../tests/support/live-feed.js';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';
import { watchForFraud } from '../fraud/watch.js';
import { verifyLedger } from '../ledger/index.js';

let hub: TestHub;
// 10:00 in Beijing on a Monday; the reports' dates are the hub's local ones.
let now = Date.parse('2026-03-02T02:00:00Z');
type Who = 'admin' | 'manager' | 'supervisor' | 'teller1' | 'kiosk' | 'display' | 'counter' | 'managerDevice';
const tokens = {} as Record<Who, string>;
let kioskId = '';

type Feed = LiveFeed;
const feeds = {} as Record<'display' | 'kiosk' | 'manager' | 'teller1', Feed>;

const openFeed = (token: string): Promise<Feed> => openLiveFeed(hub.url, token);

async function caughtUp(): Promise<void> {
  const last = hub.hub.lastSeq();
  const deadline = Date.now() + 10_000;
  while (Object.values(feeds).some((f) => f.messages.at(-1)?.seq !== last)) {
    if (Date.now() > deadline) throw new Error(`feeds behind seq ${last}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function ok<T = any>(method: string, url: string, token: string, body?: unknown): Promise<T> {
  const res = await hub.api(method, url, { token, body });
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

const fraudAlerts = () => hub.alerts.list().filter((a) => a.kind === 'fraud_watch');
const today = () => new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  hub = await startTestHub({ clock: () => now });
  for (const who of ['admin', 'manager', 'supervisor', 'teller1'] as const) tokens[who] = await hub.login(who);
  tokens.kiosk = await hub.device('kiosk', '大厅取号机 1');
  tokens.display = await hub.device('display');
  tokens.counter = await hub.device('counter');
  tokens.managerDevice = await hub.device('manager');
  kioskId = (hub.hub.ledger.db.prepare("SELECT device_id FROM devices WHERE role = 'kiosk'").get() as { device_id: string }).device_id;
  await ok('POST', '/api/counters/2/open', tokens.teller1);
  feeds.display = await openFeed(tokens.display);
  feeds.kiosk = await openFeed(tokens.kiosk);
  feeds.manager = await openFeed(tokens.manager);
  feeds.teller1 = await openFeed(tokens.teller1);
});
afterAll(async () => {
  for (const f of Object.values(feeds)) f.socket.close();
  await hub.close();
});

describe('the kiosk choices’ fraud prompt', () => {
  it('marks 转账汇款 and the new 大额取款 in the demo, and no other choice', async () => {
    const { choices } = await ok('GET', '/api/kiosk/config', tokens.kiosk);
    expect(choices.filter((c: any) => c.fraudPrompt).map((c: any) => c.id)).toEqual(['large_withdrawal', 'transfer']);
    expect(choices.find((c: any) => c.id === 'large_withdrawal')).toEqual({ id: 'large_withdrawal', nameZh: '大额取款', nameEn: 'Large cash withdrawal', service: 'cash', selfService: null, fraudPrompt: true });
    expect(choices.every((c: any) => typeof c.fraudPrompt === 'boolean')).toBe(true);
  });

  it("is the admin's to set; a choice saved without it has none, and a wrong type is 400 with nothing written", async () => {
    const { choices } = await ok('GET', '/api/kiosk/config', tokens.admin);
    const before = hub.hub.lastSeq();
    const bad = await hub.api('PUT', '/api/kiosk/config', { token: tokens.admin, body: { choices: choices.map((c: any) => ({ ...c, fraudPrompt: 'yes' })) } });
    expect(bad.status).toBe(400);
    expect(hub.hub.lastSeq()).toBe(before);
    const changed = choices.map((c: any) => (c.id === 'cash' ? { ...c, fraudPrompt: true } : c.id === 'accounts' ? { id: c.id, nameZh: c.nameZh, nameEn: c.nameEn, service: c.service, selfService: null } : c));
    const saved = (await ok('PUT', '/api/kiosk/config', tokens.admin, { choices: changed })).choices;
    expect(saved.find((c: any) => c.id === 'cash').fraudPrompt).toBe(true);
    expect(saved.find((c: any) => c.id === 'accounts').fraudPrompt).toBe(false);
    // Back as the demo had it, for the rest of the file.
    await ok('PUT', '/api/kiosk/config', tokens.admin, { choices });
    expect((await ok('GET', '/api/kiosk/config', tokens.kiosk)).choices).toEqual(choices);
  });
});

describe('the fraud watch', () => {
  let watched: { id: string; number: string };

  it('watches an elderly customer’s transfer: ticket.fraud_watch, and a fraud_watch alert for the manager naming the kiosk', async () => {
    watched = (await ok('POST', '/api/tickets', tokens.kiosk, { service: 'noncash' })).ticket;
    const before = hub.hub.lastSeq();
    const result = watchForFraud(hub.hub, hub.alerts, { ticketId: watched.id, choice: 'transfer', elderly: true }, kioskId, kioskId);
    expect(result?.event).toEqual({ type: 'ticket.fraud_watch', ticket: watched.id, number: watched.number, choice: 'transfer' });
    expect(hub.hub.ledger.readEventsOfType('ticket.fraud_watch')).toEqual([expect.objectContaining({ ticket: watched.id, number: watched.number, choice: 'transfer', actor: kioskId, seq: before + 1 })]);
    const alerts = (await ok('GET', '/api/alerts', tokens.manager)).alerts.filter((a: any) => a.kind === 'fraud_watch');
    expect(alerts).toEqual([
      expect.objectContaining({
        kind: 'fraud_watch',
        ticket: watched.number,
        device: kioskId,
        details: { choice: 'transfer', nameZh: '转账汇款', nameEn: 'Transfers', service: 'noncash', deviceName: '大厅取号机 1' },
      }),
    ]);
  });

  it('watches no one younger, no choice without the prompt, and a ticket only once', async () => {
    const young = (await ok('POST', '/api/tickets', tokens.kiosk, { service: 'noncash' })).ticket;
    const cash = (await ok('POST', '/api/tickets', tokens.kiosk, { service: 'cash' })).ticket;
    const before = hub.hub.lastSeq();
    expect(watchForFraud(hub.hub, hub.alerts, { ticketId: young.id, choice: 'transfer', elderly: false }, kioskId, kioskId)).toBeNull();
    expect(watchForFraud(hub.hub, hub.alerts, { ticketId: cash.id, choice: 'cash', elderly: true }, kioskId, kioskId)).toBeNull();
    expect(watchForFraud(hub.hub, hub.alerts, { ticketId: cash.id, elderly: true }, kioskId, kioskId)).toBeNull();
    expect(watchForFraud(hub.hub, hub.alerts, { ticketId: watched.id, choice: 'transfer', elderly: true }, kioskId, kioskId)).toBeNull();
    expect(hub.hub.lastSeq()).toBe(before);
    expect(fraudAlerts()).toHaveLength(1);
    // Both are staff's ordinary tickets: flagged false.
    const lobby = await ok('GET', '/api/lobby', tokens.manager);
    expect(lobby.tickets.find((t: any) => t.id === young.id).fraudWatch).toBe(false);
    // Out of the way of the tests below: counter 2 serves cash first.
    await ok('POST', `/api/tickets/${cash.id}/cancel`, tokens.manager);
    await ok('POST', `/api/tickets/${young.id}/cancel`, tokens.manager);
  });

  it("flags the ticket where staff see it: the manager's lobby, the manager's feed, a staff ticket answer, the counter's current ticket", async () => {
    const lobby = await ok('GET', '/api/lobby', tokens.manager);
    expect(lobby.tickets.find((t: any) => t.id === watched.id)).toMatchObject({ number: watched.number, fraudWatch: true });
    for (const who of ['manager', 'teller1', 'counter', 'managerDevice'] as const) {
      expect((await ok('GET', `/api/tickets/${watched.id}`, tokens[who])).ticket.fraudWatch, who).toBe(true);
    }
    expect((await ok('GET', `/api/tickets?number=${watched.number}`, tokens.teller1)).ticket.fraudWatch).toBe(true);
    // The teller calls the watched customer: the answer and the live feed both carry the flag.
    const called = (await ok('POST', '/api/counters/2/call-next', tokens.teller1)).ticket;
    expect(called).toMatchObject({ id: watched.id, fraudWatch: true });
    await caughtUp();
    const watchEvent = (f: Feed) => f.messages.find((m) => m.type === 'ticket.fraud_watch');
    for (const f of [feeds.manager, feeds.teller1]) {
      expect(watchEvent(f).data).toMatchObject({ ticket: watched.id, number: watched.number, choice: 'transfer' });
      expect(watchEvent(f).tickets).toEqual([expect.objectContaining({ id: watched.id, fraudWatch: true })]);
      const calledMessage = f.messages.find((m) => m.type === 'ticket.called' && m.data.ticket === watched.id);
      expect(calledMessage.tickets).toEqual([expect.objectContaining({ id: watched.id, status: 'called', fraudWatch: true })]);
    }
    // A feed opened now starts from a snapshot that has it.
    const late = await openFeed(tokens.teller1);
    late.socket.close();
    expect(late.messages[0].tickets.find((t: any) => t.id === watched.id).fraudWatch).toBe(true);
  });

  it('never shows it on a shared screen: the display and kiosk feeds, their lobby and ticket answers, the phone status page', async () => {
    await caughtUp();
    for (const f of [feeds.display, feeds.kiosk]) {
      const all = JSON.stringify(f.messages);
      expect(all).not.toContain('fraudWatch');
      expect(all).not.toContain('"choice"');
      // The watch's event reaches them as its type and seq alone (the feed has no gaps), with no ticket to tell which one.
      const m = f.messages.find((x) => x.type === 'ticket.fraud_watch');
      expect(m.data).toEqual({});
      expect(m.tickets).toEqual([]);
      // The alert is staff's: a customer's screen reads none of it.
      const raised = f.messages.filter((x) => x.type === 'alert.raised');
      expect(raised.every((x) => Object.keys(x.data).length === 0)).toBe(true);
    }
    for (const who of ['display', 'kiosk'] as const) {
      const lobby = await ok('GET', '/api/lobby', tokens[who]);
      expect(JSON.stringify(lobby), who).not.toContain('fraudWatch');
      const one = await ok('GET', `/api/tickets/${watched.id}`, tokens[who]);
      expect(one.ticket, who).not.toHaveProperty('fraudWatch');
    }
    const page = await hub.api('GET', `/api/public/tickets/${watched.id}`);
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.body)).not.toMatch(/fraud|transfer/i);
    // The kiosk's own ticket answers never carry it either.
    const issued = await ok('POST', '/api/tickets', tokens.kiosk, { service: 'cash' });
    expect(issued.ticket).not.toHaveProperty('fraudWatch');
    await ok('POST', `/api/tickets/${issued.ticket.id}/cancel`, tokens.manager);
  });

  it('keeps the watch past a restart of the rows: rebuilt from the event, the ledger verifies', () => {
    expect(hub.hub.ledger.db.prepare('SELECT ticket, number, choice FROM fraud_watch').all()).toEqual([{ ticket: watched.id, number: watched.number, choice: 'transfer' }]);
    expect(verifyLedger(hub.hub.ledger.db)).toMatchObject({ ok: true });
  });
});

describe('fraud interventions', () => {
  const body = { outcome: 'dissuaded', amountBand: '50k_200k', note: '客户称"公安"要求转入安全账户，经劝阻放弃' };
  let first = '';

  it('are validated: a bad outcome, amount band, note or ticket is refused and nothing is written', async () => {
    const before = hub.hub.lastSeq();
    const bads: [unknown, number, string][] = [
      [{ ...body, outcome: 'stopped' }, 400, 'invalid_request'],
      [{ ...body, amountBand: '5k' }, 400, 'invalid_request'],
      [{ ...body, amountBand: undefined }, 400, 'invalid_request'],
      [{ ...body, note: '' }, 400, 'invalid_request'],
      [{ ...body, amount: 80000 }, 400, 'invalid_request'],
      [{ ...body, ticket: 'not a ticket' }, 400, 'invalid_request'],
      [{ ...body, ticket: 'Z999' }, 404, 'unknown_ticket'],
    ];
    for (const [bad, status, code] of bads) {
      const res = await hub.api('POST', '/api/fraud/interventions', { token: tokens.manager, body: bad });
      expect({ status: res.status, code: res.body.error?.code }, JSON.stringify(bad)).toEqual({ status, code });
      expect(res.body.error.message).toEqual(expect.any(String));
    }
    expect(hub.hub.lastSeq()).toBe(before);
    expect((await ok('GET', '/api/fraud/interventions', tokens.manager)).interventions).toEqual([]);
  });

  it('are recorded by a manager or a supervisor, never a teller or a device (403)', async () => {
    const before = hub.hub.lastSeq();
    for (const who of ['teller1', 'kiosk', 'display', 'counter', 'managerDevice', 'admin'] as const) {
      const res = await hub.api('POST', '/api/fraud/interventions', { token: tokens[who], body });
      expect(res.status, who).toBe(403);
      expect((await hub.api('GET', '/api/fraud/interventions', { token: tokens[who] })).status, who).toBe(403);
    }
    expect(hub.hub.lastSeq()).toBe(before);
    const watchedNumber = (hub.hub.ledger.readEventsOfType('ticket.fraud_watch')[0] as unknown as { number: string }).number;
    const recorded = (await ok('POST', '/api/fraud/interventions', tokens.manager, { ...body, ticket: watchedNumber.toLowerCase() })).intervention;
    first = recorded.id;
    expect(recorded).toMatchObject({ ticket: watchedNumber, outcome: 'dissuaded', amountBand: '50k_200k', note: body.note, recordedBy: 'manager', status: 'recorded', date: today() });
    // The note is sealed in the ledger and the table, opened for the keepers' answers.
    const raw = hub.hub.ledger.db.prepare('SELECT doc FROM fraud_interventions WHERE key = ?').get(first) as { doc: string };
    expect(raw.doc).not.toContain('安全账户');
    expect(JSON.stringify(hub.hub.ledger.readEventsOfType('intervention.'))).not.toContain('安全账户');
    await ok('POST', '/api/fraud/interventions', tokens.supervisor, { outcome: 'police_called', amountBand: 'over_200k', note: '报警，民警到场' });
    const list = (await ok('GET', '/api/fraud/interventions', tokens.supervisor)).interventions;
    expect(list.map((i: any) => i.outcome)).toEqual(['police_called', 'dissuaded']);
  });

  it('are corrected before a supervisor signs, and wait on the supervisor’s desk', async () => {
    const edited = (await ok('PATCH', `/api/fraud/interventions/${first}`, tokens.supervisor, { amountBand: '10k_50k' })).intervention;
    expect(edited).toMatchObject({ amountBand: '10k_50k', outcome: 'dissuaded', note: body.note, editedBy: 'supervisor' });
    expect((await hub.api('PATCH', `/api/fraud/interventions/${first}`, { token: tokens.teller1, body: { amountBand: 'unknown' } })).status).toBe(403);
    const desk = await ok('GET', '/api/signoffs', tokens.supervisor);
    expect(desk.interventions.map((i: any) => i.id)).toContain(first);
  });

  it("a supervisor's wrong PIN signs nothing and changes nothing; a manager may not sign at all", async () => {
    const before = hub.hub.lastSeq();
    const row = () => hub.hub.ledger.db.prepare('SELECT doc FROM fraud_interventions WHERE key = ?').get(first);
    const rowBefore = row();
    const wrong = await hub.api('POST', `/api/fraud/interventions/${first}/sign`, { token: tokens.supervisor, body: { pin: '999999' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('wrong_signing_pin');
    expect(hub.hub.ledger.readEventsOfType('intervention.signed')).toEqual([]);
    // The failed attempt is audited (auth.failures), and nothing of the record moved.
    expect(hub.hub.ledger.readEvents().filter((e) => e.seq > before).every((e) => e.type.startsWith('auth.'))).toBe(true);
    expect(row()).toEqual(rowBefore);
    for (const who of ['manager', 'teller1', 'kiosk', 'managerDevice'] as const) {
      expect((await hub.api('POST', `/api/fraud/interventions/${first}/sign`, { token: tokens[who], body: { pin: '000000' } })).status, who).toBe(403);
    }
    expect(row()).toEqual(rowBefore);
  });

  it('is signed once with the right PIN; after that it cannot be signed again or edited, and an edit of its row is found by verify', async () => {
    const signed = (await ok('POST', `/api/fraud/interventions/${first}/sign`, tokens.supervisor, { pin: '000000' })).intervention;
    expect(signed).toMatchObject({ status: 'signed', signedBy: 'supervisor', contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const before = hub.hub.lastSeq();
    const again = await hub.api('POST', `/api/fraud/interventions/${first}/sign`, { token: tokens.supervisor, body: { pin: '000000' } });
    expect({ status: again.status, code: again.body.error.code }).toEqual({ status: 409, code: 'intervention_signed' });
    const edit = await hub.api('PATCH', `/api/fraud/interventions/${first}`, { token: tokens.manager, body: { outcome: 'proceeded' } });
    expect({ status: edit.status, code: edit.body.error.code }).toEqual({ status: 409, code: 'intervention_signed' });
    expect(hub.hub.lastSeq()).toBe(before);
    expect((await ok('GET', '/api/signoffs', tokens.supervisor)).interventions.map((i: any) => i.id)).not.toContain(first);
    expect(verifyLedger(hub.hub.ledger.db)).toMatchObject({ ok: true });
    // Someone with the database file changes the signed outcome: verify names it.
    const db = hub.hub.ledger.db;
    const doc = (db.prepare('SELECT doc FROM fraud_interventions WHERE key = ?').get(first) as { doc: string }).doc;
    db.prepare('UPDATE fraud_interventions SET doc = ? WHERE key = ?').run(doc.replace('"dissuaded"', '"proceeded"'), first);
    expect(verifyLedger(db)).toMatchObject({ ok: false, table: 'fraud_interventions', key: first, problem: expect.stringContaining('signed record was edited') });
    db.prepare('UPDATE fraud_interventions SET doc = ? WHERE key = ?').run(doc, first);
    expect(verifyLedger(db)).toMatchObject({ ok: true });
  });

  it('are counted per outcome in the daily and monthly reports (and their CSV)', async () => {
    const day1 = today();
    // Two days later in the same month, one that proceeded; then one in the next month.
    now += 2 * 86_400_000;
    const day3 = today();
    // Sign-ins end when unused that long: sign in again after each jump of the clock.
    tokens.manager = await hub.login('manager');
    await ok('POST', '/api/fraud/interventions', tokens.manager, { outcome: 'proceeded', amountBand: 'under_10k', note: '客户坚持汇款' });
    now += 30 * 86_400_000;
    tokens.manager = await hub.login('manager');
    tokens.supervisor = await hub.login('supervisor');
    await ok('POST', '/api/fraud/interventions', tokens.manager, { outcome: 'dissuaded', amountBand: 'unknown', note: '下月' });
    const daily = (date: string) => ok('GET', `/api/reports/daily?date=${date}`, tokens.supervisor);
    expect((await daily(day1)).fraud).toEqual({ interventions: 2, signed: 1, dissuaded: 1, proceeded: 0, policeCalled: 1 });
    expect((await daily(day3)).fraud).toEqual({ interventions: 1, signed: 0, dissuaded: 0, proceeded: 1, policeCalled: 0 });
    expect((await daily('2026-03-03')).fraud).toEqual({ interventions: 0, signed: 0, dissuaded: 0, proceeded: 0, policeCalled: 0 });
    const month = day1.slice(0, 7);
    expect((await ok('GET', `/api/reports/monthly?month=${month}`, tokens.manager)).fraud).toEqual({ interventions: 3, signed: 1, dissuaded: 1, proceeded: 1, policeCalled: 1 });
    expect((await ok('GET', `/api/reports/monthly?month=${today().slice(0, 7)}`, tokens.manager)).fraud).toEqual({ interventions: 1, signed: 0, dissuaded: 1, proceeded: 0, policeCalled: 0 });
    const csv = await hub.api('GET', `/api/reports/daily.csv?date=${day1}`, { token: tokens.manager });
    expect(csv.body).toContain('反诈劝阻 fraud interventions,2');
  });
});
