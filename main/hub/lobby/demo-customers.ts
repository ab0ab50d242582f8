// The demo branch's customers, so that both kiosk check-ins can be tried at once without a CSV
// or curl: two VIPs (card numbers a tester types at the kiosk) and three appointments with
// fixed codes. Decision: the codes are booked again for every day a demo hub opens (by the
// console, or by the day's first ticket), at times counted from the opening, so they check in
// on any day, within the check-in window (2 hours before to 1 hour after the time). Ticket
// numbers are untouched: nothing here issues a ticket until a customer checks in.
import type { StoredEvent } from '../../common/events.js';
import { bookingEvent } from '../customers/appointments.js';
import { branchSecret } from '../customers/customer-key.js';
import { importVipRegister } from '../customers/vip-register.js';
import type { Table } from '../imports/read-table.js';
import { vaultOf } from '../personal/vault.js';
import type { Hub } from './hub.js';

export const DEMO_VIPS = [
  { title: '王先生', card: '6222020000000001', phone: '13900000001', notes: ['偏好英文服务', '理财到期提醒'], tags: ['gold'] },
  { title: '李女士', card: '6222020000000002', phone: '13900000002', notes: ['行动不便，请安排低柜'], tags: ['platinum'] },
];

const MINUTE = 60_000;

/** Codes and times after the day opens; DEMO02 is booked with a phone, for the phone check-in. */
export const DEMO_APPOINTMENTS = [
  { code: 'DEMO01', service: 'cash', afterOpenMinutes: 30 },
  { code: 'DEMO02', service: 'noncash', afterOpenMinutes: 60, phone: '13800000002' },
  { code: 'DEMO03', service: 'corporate', afterOpenMinutes: 120 },
] as const;

/** The VIP register of the demo, imported as an admin's CSV would be read (keyed hashes, sealed). */
export function seedDemoVips(hub: Hub): void {
  const table: Table = {
    source: { format: 'csv', encoding: 'utf-8' },
    header: ['title', 'card', 'phone', 'notes', 'tags'],
    rows: DEMO_VIPS.map((v, i) => ({ line: i + 2, cells: [v.title, v.card, v.phone, v.notes.join(';'), v.tags.join(';')] })),
    problems: [],
  };
  importVipRegister(hub, table, false, null);
}

/** Books the demo's appointments for a day opened at `openedAt`. */
export function bookDemoAppointments(hub: Hub, openedAt: number): void {
  const db = hub.ledger.db;
  const secret = branchSecret(db);
  const vault = vaultOf(db);
  const events = DEMO_APPOINTMENTS.map((a) =>
    bookingEvent({ service: a.service, at: openedAt + a.afterOpenMinutes * MINUTE, phone: 'phone' in a ? a.phone : undefined }, a.code, secret, vault),
  );
  hub.commit(events, null);
}

/** On a demo hub: every day that opens gets the demo's appointments. Returns the unsubscribe. */
export function watchDemoDays(hub: Hub): () => void {
  return hub.onChange((change) => {
    const opened = change.events.find((e): e is Extract<StoredEvent, { type: 'day.opened' }> => e.type === 'day.opened');
    if (opened) bookDemoAppointments(hub, opened.at);
  });
}
