// The route table in main/common/routes is the hub's API: fastify serves exactly its routes,
// and what a real hub answers matches each route's answer schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { type Grant } from '../../common/routes/access.js';
import { api, pathOf, ROUTES, type RouteDef } from '../../common/routes/index.js';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';

let hub: TestHub;
/** The routes whose answer a test checked against its schema. */
const checked = new Set<string>();
const tokens = {} as Record<Grant, string>;

beforeAll(async () => {
  hub = await startTestHub();
  for (const who of ['admin', 'manager', 'supervisor'] as const) tokens[who] = await hub.login(who);
  tokens.teller = await hub.login('teller1');
  tokens.kiosk = await hub.device('kiosk');
  tokens.display = await hub.device('display');
  tokens['counter-device'] = await hub.device('counter');
  tokens['manager-device'] = await hub.device('manager');
  tokens.rating = await hub.device('rating', 'route table pad', '1');
  hub.alerts.raise({ kind: 'kiosk_help', key: 'route-table' }, null);
});
afterAll(() => hub.close());

const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

/** Calls a route as a caller it admits, and checks a 2xx answer against its schema. */
async function answerOf(def: RouteDef, opts: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown; as?: Grant; on?: TestHub } = {}) {
  const who = opts.as ?? (def.access === 'public' ? undefined : def.access.grants[0]);
  const res = await (opts.on ?? hub).api(def.method, pathOf(def, opts.params, opts.query), { token: who ? tokens[who] : null, body: opts.body });
  expect(res.status, `${key(def)}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  const parsed = (def.answer as z.ZodType).safeParse(res.status === 204 ? null : res.body);
  checked.add(key(def));
  expect(parsed.success ? 'ok' : `${key(def)} answered ${JSON.stringify(res.body).slice(0, 400)}\n${parsed.error.message}`).toBe('ok');
  return res.body;
}

describe('the route table', () => {
  it('lists exactly the routes the hub serves', () => {
    // The built renderer's files (served when out/renderer exists) are the screens, not the API.
    const served = hub.app.routeTable.filter((r) => r.url.startsWith('/api/') || r.url.startsWith('/voice/')).map((r) => `${r.method} ${r.url}`).sort();
    const listed = ROUTES.map(key).sort();
    expect(served).toEqual(listed);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('answers every JSON GET as its schema says, for each caller it admits', async () => {
    const ticket: string = (await answerOf(api.issueTicket, { body: { service: 'cash' } })).ticket.id;
    const checklist: string = (await answerOf(api.startChecklist, { body: { kind: 'opening' } })).checklist.id;
    const params: Record<string, Record<string, string>> = {
      [key(api.ticket)]: { id: ticket },
      [key(api.publicTicket)]: { id: ticket },
      [key(api.ticketCustomer)]: { id: ticket },
      [key(api.checklist)]: { id: checklist },
    };
    const today = new Date().toISOString().slice(0, 10);
    const query: Record<string, Record<string, string>> = {
      [key(api.findTicket)]: { number: (await answerOf(api.ticket, { params: { id: ticket } })).ticket.number },
      [key(api.dailyReport)]: { date: today },
      [key(api.monthlyReport)]: { month: today.slice(0, 7) },
      [key(api.staffReport)]: { date: today },
    };
    let checked = 0;
    for (const def of ROUTES.filter((r) => r.method === 'GET' && (r.produces ?? 'json') === 'json')) {
      // A teller reads a ticket's customer only at the ticket's own counter (a 403 of the route's own).
      const callers = def.access === 'public' ? [undefined] : def.access.grants.filter((g) => !(def === api.ticketCustomer && g === 'teller'));
      for (const as of callers) {
        await answerOf(def, { params: params[key(def)], query: query[key(def)], as });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('answers a day of writes as their schemas say', async () => {
    await answerOf(api.openCounter, { params: { counter: '1' } });
    await answerOf(api.setCounterServices, { params: { counter: '1' }, body: { services: ['cash', 'noncash', 'vip'] }, as: 'manager' });
    // Serve everyone until the queue is empty: then the 204, which the schema reads as null.
    let served = 0;
    for (let called = await answerOf(api.callNext, { params: { counter: '1' } }); called; called = await answerOf(api.callNext, { params: { counter: '1' } })) {
      await answerOf(api.recall, { params: { id: called.ticket.id }, as: 'teller' });
      await answerOf(api.start, { params: { id: called.ticket.id }, as: 'teller' });
      await answerOf(api.finish, { params: { id: called.ticket.id }, body: { tags: ['cash'] }, as: 'teller' });
      served++;
    }
    expect(served).toBeGreaterThan(0);
    // The last customer served at counter 1 rates the service on its pad.
    const asked = (await answerOf(api.ratingCurrent)).ask;
    await answerOf(api.rate, { body: { ticket: asked.ticket, score: 4 } });
    const waiting = await answerOf(api.issueTicket, { body: { service: 'cash' }, as: 'manager' });
    await answerOf(api.transfer, { params: { id: waiting.ticket.id }, body: { service: 'noncash' }, as: 'manager' });
    await answerOf(api.callTicket, { params: { counter: '1' }, body: { number: waiting.ticket.number } });
    await answerOf(api.noShow, { params: { id: waiting.ticket.id }, as: 'teller' });
    await answerOf(api.pauseCounter, { params: { counter: '1' }, body: { reason: 'lunch' }, as: 'teller' });
    await answerOf(api.resumeCounter, { params: { counter: '1' }, as: 'teller' });
    const ticket = await answerOf(api.issueTicket, { body: { service: 'cash' }, as: 'manager' });
    await answerOf(api.setPriority, { params: { id: ticket.ticket.id }, body: { priority: 'green' } });
    await answerOf(api.selfServiceTriage, { body: { ticket: ticket.ticket.id } });
    await answerOf(api.setCounterServices, { params: { counter: '2' }, body: { services: ['cash'] }, as: 'manager' });
    // The advisor, on forward runs that call every waiting ticket ten hours from now: a warning, then its dismissal.
    const late = await answerOf(api.issueTicket, { body: { service: 'cash' }, as: 'manager' });
    hub.advisor.useRuns((state) => new Map(Object.values(state.tickets).filter((t) => t.status === 'waiting').map((t) => [t.id, [600]])), { warnWithinMinutes: 24 * 60 });
    hub.advisor.sweep();
    const { advice } = await answerOf(api.advice);
    expect(advice).not.toBeNull();
    await answerOf(api.decideAdvice, { body: { id: advice.id, decision: 'dismissed' } });
    hub.advisor.useRuns(() => null);
    await answerOf(api.cancel, { params: { id: late.ticket.id }, as: 'manager' });
    await answerOf(api.closeCounter, { params: { counter: '1' }, as: 'teller' });
    await answerOf(api.kioskSelfService, { body: { choice: (await answerOf(api.kioskConfig)).choices[0].id } });
    const reg = await answerOf(api.registerDevice, { body: { role: 'kiosk', name: 'route table' } });
    await answerOf(api.pairDevice, { body: { pairingCode: reg.pairingCode } });
    await answerOf(api.revokeDevice, { params: { id: reg.deviceId } });
    await answerOf(api.bookAppointment, { body: { service: 'cash', at: new Date(Date.now() + 3_600_000).toISOString() }, as: 'manager' });
    await answerOf(api.addWorklog, { body: { kind: 'note', text: 'route table' } });
    await answerOf(api.addOpinion, { body: { source: 'book', theme: 'praise', text: 'fine' } });
    await answerOf(api.addCard, { body: { kind: 'care', title: 'Ms Li', need: 'a chair', assignedTo: 'manager' } });
    await answerOf(api.saveNote, { body: { kind: 'phone', number: '13800000000', title: 'Mr Wang', notes: 'magnifier', tags: ['magnifier'] } });
    await answerOf(api.lookupNote, { body: { kind: 'phone', number: '13800000000' }, as: 'teller' });
    await answerOf(api.importNotebook, { body: await answerOf(api.exportNotebook) });
    await answerOf(api.setRota, { body: { rota: [] } });
    await answerOf(api.setSignInSettings, { body: { staffIdleMinutes: 30 } });
    await answerOf(api.setDispatchSettings, { body: { maxPriorityInARow: 2 } });
    await answerOf(api.setDispatchSettings, { body: { maxPriorityInARow: null } });
    await answerOf(api.setElderlySettings, { body: { age: 65, rank: 'above_vip' } });
    await answerOf(api.setElderlySettings, { body: { age: 60, rank: 'below_vip' } });
    await answerOf(api.setCalendarSettings, { body: { pensionDays: [5, 13], pensionOnWeekend: 'monday_after', monthEndDays: 3, holidayEves: ['2026-09-30'] } });
    await answerOf(api.idCardCheckIn, { body: { idNumber: '110105195003071230', service: 'cash', choice: 'cash' }, as: 'kiosk' });
    await branchSetUp();
    const alert = (await answerOf(api.alerts)).alerts[0];
    await answerOf(api.ackAlert, { params: { id: alert.id } });
    await recordsDay();
    await kioskAndCustomers();
    await answerOf(api.dayClose, { body: { overrideReason: 'route table' }, as: 'admin' });
    await answerOf(api.dayOpen, { body: { date: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10) }, as: 'manager' });
    const cancelled = (await answerOf(api.issueTicket, { body: { service: 'cash' }, as: 'manager' })).ticket;
    await answerOf(api.cancel, { params: { id: cancelled.id }, as: 'manager' });
    await answerOf(api.login, { body: { staffId: 'teller2', pin: '000000' } });
    await answerOf(api.logout, { as: 'supervisor' });
    const added = await answerOf(api.addStaff, { body: { staffId: 'rt1', name: 'Route table', role: 'teller' } });
    await answerOf(api.changePin, { body: { staffId: 'rt1', pin: added.oneTimePin, newPin: '246813' } });
    await answerOf(api.changeStaff, { params: { id: 'rt1' }, body: { role: 'supervisor' } });
    await answerOf(api.resetStaffPin, { params: { id: 'rt1' } });
    // Setting up needs a hub with no admin yet.
    const fresh = await startTestHub({ demo: false });
    try {
      const body = { code: fresh.setupCode, branch: { nameZh: '新支行', nameEn: 'New Branch' }, admin: { staffId: 'boss', name: 'Boss', pin: '246813' } };
      await answerOf(api.setUp, { on: fresh, body });
    } finally {
      await fresh.close();
    }
  });

  it('has checked the answer of every JSON route', () => {
    const json = ROUTES.filter((r) => (r.produces ?? 'json') === 'json').map(key);
    expect(json.filter((r) => !checked.has(r))).toEqual([]);
  });
});

/** The admin's branch tab, each answer checked. */
async function branchSetUp(): Promise<void> {
  await answerOf(api.defineService, { body: { code: 'loans', prefix: 'L', nameZh: '贷款', nameEn: 'Loans', targetWaitMinutes: 20, maxWaitMinutes: 40 } });
  await answerOf(api.defineCounter, { body: { counter: '7', services: ['loans', 'cash'], label: '爱心窗口' } });
  await answerOf(api.setBranchNames, { body: { nameZh: '城东支行', nameEn: 'East Branch' } });
  await answerOf(api.setOpeningHours, { body: { openingTime: '08:30', closingTime: '17:30', patrolTimes: ['11:00'] } });
  // The demo's choices kept (the kiosk's writes below name them) but wealth, which makes room
  // for loans among the eight a kiosk holds.
  const { choices } = await answerOf(api.kioskConfig, { as: 'admin' });
  const kept = choices.filter((c: { id: string }) => c.id !== 'wealth');
  await answerOf(api.setKioskChoices, { body: { choices: [...kept, { id: 'loans', nameZh: '贷款', nameEn: 'Loans', service: 'loans', selfService: null }] } });
  const { secret } = await answerOf(api.showCustomerSecret, { body: { pin: '000000' } });
  await answerOf(api.setCustomerSecret, { body: { pin: '000000', secret } });
}

/** The records' moves, each answer checked: a checklist signed and amended, a fault repaired,
 *  a question answered, an opinion and a complaint signed, a card closed, the reports after. */
async function recordsDay(): Promise<void> {
  const template = (await answerOf(api.templates)).templates.find((t: { kind: string }) => t.kind === 'closing');
  const started = (await answerOf(api.startChecklist, { body: { kind: 'closing' } })).checklist;
  const device = template.items.find((i: { device?: boolean }) => i.device) ?? template.items[0];
  const answers = template.items.map((i: { id: string }) => ({ itemId: i.id, result: i.id === device.id ? 'fault' : 'pass', note: 'route table' }));
  await answerOf(api.answerChecklist, { params: { id: started.id }, body: { answers } });
  await answerOf(api.completeChecklist, { params: { id: started.id } });
  await answerOf(api.signChecklist, { params: { id: started.id }, body: { pin: '000000' } });
  await answerOf(api.amendChecklist, { params: { id: started.id } });
  const faults = (await answerOf(api.checklists)).faults;
  expect(faults.length).toBeGreaterThan(0);
  await answerOf(api.repairRequested, { params: { id: faults[0].id } });
  await answerOf(api.repaired, { params: { id: faults[0].id }, body: { note: 'fixed' } });

  const question = (await answerOf(api.addWorklog, { body: { kind: 'question', text: 'where is the key?', followUpDue: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10) } })).entry;
  await answerOf(api.answerWorklog, { params: { id: question.id }, body: { answer: 'in the safe' } });
  const opinion = (await answerOf(api.addOpinion, { body: { theme: 'waiting', text: 'slow', phone: '13900000000' } })).opinion;
  await answerOf(api.replyOpinion, { params: { id: opinion.id }, body: { reply: 'sorry' } });
  await answerOf(api.signOpinion, { params: { id: opinion.id }, body: { pin: '000000' } });
  const complaint = (
    await answerOf(api.openComplaint, {
      body: { emotion: 'angry', calmed: true, listened: true, summary: 'waited', ourFault: true, faultDetail: 'slow', wants: ['fix'], solvableOnSpot: true, reasonable: true },
    })
  ).complaint;
  await answerOf(api.resolveComplaint, { params: { id: complaint.id }, body: { resolution: 'apologised' } });
  await answerOf(api.signComplaint, { params: { id: complaint.id }, body: { pin: '000000' } });
  const card = (await answerOf(api.addCard, { body: { kind: 'referral', title: 'Mr Zhao', need: 'a loan', assignedTo: 'manager' } })).card;
  await answerOf(api.followUpCard, { params: { id: card.id }, body: { note: 'called' } });
  await answerOf(api.closeCard, { params: { id: card.id }, body: { outcome: 'done' } });
  const intervention = (await answerOf(api.recordIntervention, { body: { outcome: 'proceeded', amountBand: 'over_200k', note: 'route table' } })).intervention;
  await answerOf(api.editIntervention, { params: { id: intervention.id }, body: { outcome: 'dissuaded' } });
  await answerOf(api.signoffs);
  await answerOf(api.signIntervention, { params: { id: intervention.id }, body: { pin: '000000' }, as: 'supervisor' });
  await answerOf(api.interventions);
  await answerOf(api.completeWorklogDay, { body: {} });
  for (const def of [api.worklog, api.opinions, api.complaints, api.cards, api.signoffs, api.notebook]) await answerOf(def);
  const today = new Date().toISOString().slice(0, 10);
  await answerOf(api.dailyReport, { query: { date: today } });
  await answerOf(api.monthlyReport, { query: { month: today.slice(0, 7) } });
  await answerOf(api.staffReport, { query: { month: today.slice(0, 7) } });
}

/** The kiosk's calls, check-ins, the VIP register, appointments and printers, each answer checked. */
async function kioskAndCustomers(): Promise<void> {
  await answerOf(api.kioskHelp, { body: { choice: 'other' } });
  await answerOf(api.greenChannel, { body: { reason: 'elderly' } });
  await answerOf(api.kioskExit, { body: { device: null }, as: 'manager' });
  const register = { csv: 'title,card,phone,notes,tags\n王先生,6222020200112233445,138 0013 8000,常忘记密码,wealth\n' };
  await answerOf(api.vipImportPreview, { body: register });
  await answerOf(api.vipImport, { body: register });
  await answerOf(api.vipCheckIn, { body: { card: '6222020200112233445' } });
  const booked = await answerOf(api.bookAppointment, { body: { service: 'cash', at: new Date(Date.now() + 1_800_000).toISOString() }, as: 'manager' });
  await answerOf(api.appointmentCheckIn, { body: { code: booked.code } });
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
  const appointments = { file: Buffer.from(`service,at,phone\ncash,${tomorrow},13800138000\n`).toString('base64') };
  await answerOf(api.appointmentImportPreview, { body: appointments, as: 'manager' });
  await answerOf(api.appointmentImport, { body: appointments, as: 'manager' });
  const dropped = await answerOf(api.bookAppointment, { body: { service: 'cash', at: new Date(Date.now() + 1_800_000).toISOString() }, as: 'manager' });
  await answerOf(api.cancelAppointment, { params: { code: dropped.code }, as: 'manager' });
  await answerOf(api.eraseCustomer, { body: { kind: 'card', number: '6222020200112233445' } });
  await answerOf(api.saveTemplate, { params: { kind: 'patrol' }, body: { items: [{ id: 'doors', zh: '门', en: 'Doors' }] } });
  await answerOf(api.myPrinterStatus, { body: { uri: 'tcp://127.0.0.1:9', reachable: false, conditions: [] } });
  const kiosk = (await answerOf(api.devices)).devices.find((d: { role: string; revokedAt: string | null }) => d.role === 'kiosk' && d.revokedAt === null);
  await answerOf(api.assignPrinter, { params: { device: kiosk.deviceId }, body: { uri: 'file:/dev/null' } });
  const ticket = (await answerOf(api.issueTicket, { body: { service: 'cash' } })).ticket;
  await answerOf(api.printTicket, { params: { id: ticket.id } });
  await answerOf(api.printAppointment, { params: { code: dropped.code }, body: { printer: kiosk.deviceId }, as: 'manager' });
  await answerOf(api.myPrintUnconfirmed, { body: { ticketId: ticket.id, uri: 'tcp://127.0.0.1:9', statusRead: false } });
  await answerOf(api.unlockStaff, { params: { id: 'teller2' } });
}
