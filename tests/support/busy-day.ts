// A day of a branch through the real API, touching every table the hub keeps: tickets served,
// a VIP and an appointment checked in, the notebook, a signed checklist, complaint and fraud intervention, a ticket under fraud watch, an
// opinion with a phone, the work log, a card, a fault, alerts acknowledged, a printed ticket,
// a rota, the branch's set-up (a labelled counter), a lock after wrong PINs, a sign-out, a revoked device, an erasure, and a day closed
// by the admin's override.
import { expect } from 'vitest';
import { watchForFraud } from '../../main/hub/fraud/watch.js';
import type { TestHub } from './hub.js';

export const VIP_CARD = '6222020200112233445';
export const VIP_PHONE = '13812345678';
export const NOTEBOOK_PHONE = '13800138000';
const CSV = `title,card,phone,notes,tags\n欧阳先生,${VIP_CARD},${VIP_PHONE},常忘记密码;需要放大镜,wealth\n李女士,,13987654321,行动不便请扶一下,\n`;

export interface BusyDay {
  vipTicket: string;
  appointmentTicket: string;
  /** The business day it ran on; the next one is open when it returns. */
  date: string;
}

/** `printerUri`: a fake printer's tcp:// address (tests/fakes/tcp-printer.ts). */
export async function busyDay(hub: TestHub, printerUri: string): Promise<BusyDay> {
  const ok = async (method: string, url: string, token: string | null, body?: unknown) => {
    const res = await hub.api(method, url, { token, body });
    expect(res.status, `${method} ${url}: ${JSON.stringify(res.body)}`).toBe(200);
    return res.body;
  };
  const admin = await hub.login('admin');
  const manager = await hub.login('manager');
  const supervisor = await hub.login('supervisor');
  const teller1 = await hub.login('teller1');
  const teller6 = await hub.login('teller6');
  const kiosk = await hub.device('kiosk', 'Kiosk by the door');
  const display = await hub.device('display', 'Display');
  const pad = await hub.device('rating', 'Pad at counter 1', '1');
  const devices = (await ok('GET', '/api/devices', admin)).devices as { deviceId: string; name: string }[];
  const kioskId = devices.find((d) => d.name === 'Kiosk by the door')!.deviceId;
  const displayId = devices.find((d) => d.name === 'Display')!.deviceId;

  // Settings and printers.
  await ok('PUT', '/api/settings/rota', manager, { rota: [{ counter: '1', from: '11:30', until: '12:30' }] });
  await ok('PUT', '/api/settings/sign-in', admin, { staffIdleMinutes: 90 });
  await ok('PUT', `/api/printing/assignments/${kioskId}`, admin, { uri: printerUri });
  // The branch tab: a service added and one edited, a counter with a label, names and hours.
  await ok('POST', '/api/services', admin, { code: 'loans', prefix: 'L', nameZh: '贷款', nameEn: 'Loans', targetWaitMinutes: 20, maxWaitMinutes: 40 });
  await ok('POST', '/api/services', admin, { code: 'cash', prefix: 'A', nameZh: '现金', nameEn: 'Cash', targetWaitMinutes: 8, maxWaitMinutes: 16 });
  await ok('POST', '/api/counters', admin, { counter: '7', services: ['loans', 'cash'], label: '爱心窗口' });
  await ok('PUT', '/api/settings/branch', admin, { nameZh: '城东支行', nameEn: 'East Branch' });
  await ok('PUT', '/api/settings/opening-hours', admin, { openingTime: '08:30', closingTime: '17:30', patrolTimes: ['10:30', '14:30'] });

  // Tickets: issued, called, served; one printed at the kiosk's printer.
  await ok('POST', '/api/counters/1/open', teller1);
  await ok('POST', '/api/counters/6/open', teller6);
  const a1 = (await ok('POST', '/api/tickets', kiosk, { service: 'cash' })).ticket.id as string;
  await ok('POST', `/api/tickets/${a1}/print`, kiosk, {});
  await ok('POST', '/api/tickets', kiosk, { service: 'noncash' });
  await ok('POST', '/api/counters/1/call-next', teller1);
  await ok('POST', `/api/tickets/${a1}/start`, teller1);
  await ok('POST', `/api/tickets/${a1}/finish`, teller1, { tags: ['withdrawal'] });
  // The customer rates it low on counter 1's pad (a ratings row, and a low_rating alert).
  const asked = (await ok('GET', '/api/rating/current', pad)).ask.ticket as string;
  await ok('POST', '/api/ratings', pad, { ticket: asked, score: 2, reasons: ['long_wait'] });

  // A VIP and an appointment check in.
  await ok('POST', '/api/customers/vip-import', admin, { csv: CSV });
  const vipTicket = (await ok('POST', '/api/kiosk/check-in/vip', kiosk, { card: VIP_CARD })).ticket.id as string;
  const booked = await ok('POST', '/api/appointments', manager, { service: 'noncash', at: new Date(hub.hub.clock() + 30 * 60_000).toISOString(), phone: '13700001111' });
  const appointmentTicket = (await ok('POST', '/api/kiosk/check-in/appointment', kiosk, { code: booked.code })).ticket.id as string;
  await ok('POST', '/api/appointments', manager, { service: 'cash', at: new Date(hub.hub.clock() + 3 * 3_600_000).toISOString() });
  expect((await ok('POST', '/api/counters/6/call-next', teller6)).ticket.id).toBe(vipTicket);

  // Alerts: a kiosk asks for help, the manager acknowledges it.
  const help = (await ok('POST', '/api/kiosk/help', kiosk, { choice: 'cash' })).alert as string;
  await ok('POST', `/api/alerts/${help}/ack`, manager);

  // The records.
  await ok('POST', '/api/notebook', manager, { kind: 'phone', number: NOTEBOOK_PHONE, title: '周先生', notes: '耳背请大声说话', tags: ['hard_of_hearing'] });
  const complaint = (
    await ok('POST', '/api/complaints', manager, { emotion: 'angry', calmed: true, listened: true, summary: '排队太久', ourFault: false, wants: ['fix'], solvableOnSpot: true, reasonable: true })
  ).complaint;
  await ok('POST', `/api/complaints/${complaint.id}/resolve`, manager, { resolution: '已道歉并加开窗口' });
  await ok('POST', `/api/complaints/${complaint.id}/sign`, supervisor, { pin: '000000' });
  // An elderly customer's transfer under fraud watch (a fraud_watch row and alert), and the
  // intervention recorded, corrected and signed (a fraud_interventions row).
  const watched = (await ok('POST', '/api/tickets', kiosk, { service: 'noncash' })).ticket;
  expect(watchForFraud(hub.hub, hub.alerts, { ticketId: watched.id, choice: 'transfer', elderly: true }, kioskId, kioskId)).not.toBeNull();
  const intervention = (await ok('POST', '/api/fraud/interventions', manager, { ticket: watched.number, outcome: 'proceeded', amountBand: '10k_50k', note: '客户坚持转账' })).intervention;
  await ok('PATCH', `/api/fraud/interventions/${intervention.id}`, manager, { outcome: 'dissuaded' });
  await ok('POST', `/api/fraud/interventions/${intervention.id}/sign`, supervisor, { pin: '000000' });
  const opinion = (await ok('POST', '/api/opinions', manager, { theme: 'waiting', text: '请加窗口', phone: '13900139000' })).opinion;
  await ok('POST', `/api/opinions/${opinion.id}/reply`, manager, { reply: '已加开窗口' });
  await ok('POST', '/api/opinions', manager, { theme: 'praise', text: '服务好', phone: '13900139001' });
  const entry = (await ok('POST', '/api/worklog', manager, { kind: 'question', text: '外币兑换', followUpDue: '2099-01-01' })).entry;
  await ok('POST', `/api/worklog/${entry.id}/answer`, manager, { answer: 'answered' });
  await ok('POST', '/api/worklog/complete-day', manager, {});
  await ok('POST', '/api/cards', manager, { kind: 'care', title: '陈女士', need: '关注养老理财', assignedTo: 'manager' });
  const checklist = (await ok('POST', '/api/checklists', manager, { kind: 'opening' })).checklist;
  const items = checklist.items as { id: string; device?: boolean }[];
  const faulty = items.find((i) => i.device) ?? items[0]!;
  await ok('POST', `/api/checklists/${checklist.id}/answers`, manager, {
    answers: items.map((item) => ({ itemId: item.id, result: item === faulty ? 'fault' : 'pass', note: item === faulty ? '叫号机卡纸' : '' })),
  });
  await ok('POST', `/api/checklists/${checklist.id}/complete`, manager);
  await ok('POST', `/api/checklists/${checklist.id}/sign`, supervisor, { pin: '000000' });

  // Wrong PINs lock an ID; a person signs out; a device is revoked; a customer is erased.
  for (let i = 0; i < 5; i++) expect((await hub.api('POST', '/api/auth/login', { body: { staffId: 'teller3', pin: '999999' } })).status).toBe(401);
  await ok('POST', '/api/auth/logout', supervisor);
  expect((await hub.api('DELETE', `/api/devices/${displayId}`, { token: admin })).status).toBe(200);
  await ok('POST', '/api/customers/erase', admin, { kind: 'phone', number: '13987654321' });
  void display;

  // The admin closes the day without the closing checklist (an override, recorded), finishing
  // the VIP still called to counter 6 (issue 13: never marked unserved at a counter), and the
  // manager opens the next one.
  const date = hub.hub.state.day!.date;
  await ok('POST', '/api/day/close', admin, { overrideReason: '停电提前关门', finishAtCounters: true });
  const tomorrow = new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  await ok('POST', '/api/day/open', manager, { date: tomorrow });
  await ok('POST', '/api/tickets', kiosk, { service: 'cash' });
  return { vipTicket, appointmentTicket, date };
}
