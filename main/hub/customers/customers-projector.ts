// The customers' tables: the VIP register (vip_customers, vip_keys), appointments, and the
// private link ticket → customer (ticket_customers), each row derived from an event alone.
// The lookup columns hold keyed hashes of card and phone numbers; the events carry those
// hashes sealed under the customer's subject (vault.ts), so an erasure that shreds the
// subject leaves no readable hash in the ledger. Opening one that was shredded gives ERASED,
// and then no lookup row is written: a rebuild after an erasure agrees with the live tables,
// where the erasure's event deleted the row.
import type Database from 'better-sqlite3';
import type { StoredEvent } from '../../common/events.js';
import type { Projector } from '../ledger/projector.js';
import { ERASED, openerOf } from '../personal/vault.js';

export const CUSTOMER_TABLES = ['vip_customers', 'vip_keys', 'appointments', 'ticket_customers'] as const;

export const customersProjector: Projector = {
  name: 'customers',
  tables: CUSTOMER_TABLES,
  apply(db: Database.Database, event: StoredEvent): void {
    switch (event.type) {
      case 'vip.register_imported':
        return importRegister(db, event);
      case 'kiosk.checked_in':
        return checkIn(db, event);
      case 'appointment.booked':
        return book(db, event);
      case 'appointment.cancelled':
        db.prepare('UPDATE appointments SET cancelled_at = ? WHERE code = ?').run(event.at, event.code);
        return;
      case 'customer.erased':
        return erase(db, event);
    }
  },
};

/** The keyed hash a sealed value holds; null once its subject was shredded. */
function openKey(db: Database.Database, sealed: string | undefined): string | null {
  if (!sealed) return null;
  const key = openerOf(db).open(sealed);
  return key === ERASED ? null : key;
}

type Of<T extends StoredEvent['type']> = Extract<StoredEvent, { type: T }>;

function importRegister(db: Database.Database, e: Of<'vip.register_imported'>): void {
  // An event of an earlier release carried counts only: nothing to project from it.
  if (!e.register) return;
  // The import replaces the register, and the replaced customers' keys are shredded with it,
  // so their tickets' links could not be rebuilt: they go too.
  db.prepare('DELETE FROM ticket_customers WHERE customer_id IS NOT NULL').run();
  db.prepare('DELETE FROM vip_keys').run();
  db.prepare('DELETE FROM vip_customers').run();
  const customer = db.prepare('INSERT INTO vip_customers (id, title, notes, tags) VALUES (?, ?, ?, ?)');
  const keyRow = db.prepare('INSERT INTO vip_keys (customer_key, customer_id) VALUES (?, ?)');
  for (const c of e.register) {
    customer.run(c.id, c.title, JSON.stringify(c.notes), JSON.stringify(c.tags));
    for (const sealed of c.keys) {
      const key = openKey(db, sealed);
      if (key) keyRow.run(key, c.id);
    }
  }
}

function checkIn(db: Database.Database, e: Of<'kiosk.checked_in'>): void {
  if (e.kind === 'appointment' && e.appointment) {
    db.prepare('UPDATE appointments SET ticket_id = ? WHERE code = ?').run(e.ticket, e.appointment);
    return;
  }
  const key = openKey(db, e.customerKey);
  if (e.kind === 'vip' && key) {
    db.prepare('INSERT INTO ticket_customers (ticket_id, customer_key, customer_id) VALUES (?, ?, ?)').run(e.ticket, key, e.customer ?? null);
  }
}

// A code booked again is booked afresh: only the demo branch does it (its fixed codes are booked
// for each new day); the hub never gives a real booking a code in use.
function book(db: Database.Database, e: Of<'appointment.booked'>): void {
  db.prepare(
    `INSERT INTO appointments (code, phone_key, service, at, ticket_id, cancelled_at) VALUES (?, ?, ?, ?, NULL, NULL)
     ON CONFLICT (code) DO UPDATE SET phone_key = excluded.phone_key, service = excluded.service, at = excluded.at, ticket_id = NULL, cancelled_at = NULL`,
  ).run(e.code, openKey(db, e.phoneKey), e.service, e.appointmentAt ?? e.at);
}

function erase(db: Database.Database, e: Of<'customer.erased'>): void {
  if (e.vip) {
    db.prepare('DELETE FROM ticket_customers WHERE customer_id = ?').run(e.vip);
    db.prepare('DELETE FROM vip_keys WHERE customer_id = ?').run(e.vip);
    db.prepare('DELETE FROM vip_customers WHERE id = ?').run(e.vip);
  }
  const unlink = db.prepare('DELETE FROM ticket_customers WHERE ticket_id = ?');
  for (const ticket of e.tickets ?? []) unlink.run(ticket);
  const forget = db.prepare('UPDATE appointments SET phone_key = NULL WHERE code = ?');
  for (const code of e.appointments ?? []) forget.run(code);
}

// Reads of these tables, for the features (check-in, erasure, the customer card).

export interface VipCustomer {
  id: string;
  title: string;
  notes: string[];
  tags: string[];
}

interface VipRow {
  id: string;
  title: string;
  notes: string;
  tags: string;
}

const vipOf = (row: VipRow): VipCustomer => ({ id: row.id, title: row.title, notes: JSON.parse(row.notes) as string[], tags: JSON.parse(row.tags) as string[] });

/** The VIP whose card or phone has this keyed hash. */
export function vipByKey(db: Database.Database, key: string): VipCustomer | null {
  const row = db.prepare('SELECT c.id, c.title, c.notes, c.tags FROM vip_keys k JOIN vip_customers c ON c.id = k.customer_id WHERE k.customer_key = ?').get(key) as VipRow | undefined;
  return row ? vipOf(row) : null;
}

/** Every keyed hash (card and phone) of one VIP. */
export function vipKeysOf(db: Database.Database, customerId: string): string[] {
  return (db.prepare('SELECT customer_key FROM vip_keys WHERE customer_id = ?').all(customerId) as { customer_key: string }[]).map((r) => r.customer_key);
}

export function vipIds(db: Database.Database): string[] {
  return (db.prepare('SELECT id FROM vip_customers').all() as { id: string }[]).map((r) => r.id);
}

/** The VIP who checked in with this ticket. */
export function customerOfTicket(db: Database.Database, ticketId: string): VipCustomer | null {
  const row = db.prepare('SELECT c.id, c.title, c.notes, c.tags FROM ticket_customers t JOIN vip_customers c ON c.id = t.customer_id WHERE t.ticket_id = ?').get(ticketId) as
    | VipRow
    | undefined;
  return row ? vipOf(row) : null;
}

/** The tickets linked to any of these keys or to this VIP. */
export function ticketsOfCustomer(db: Database.Database, keys: string[], customerId: string | null): string[] {
  const byKey = db.prepare('SELECT ticket_id FROM ticket_customers WHERE customer_key = ? OR customer_id = ?');
  const ids = new Set<string>();
  for (const key of keys) for (const r of byKey.all(key, customerId) as { ticket_id: string }[]) ids.add(r.ticket_id);
  return [...ids].sort();
}

export interface Appointment {
  code: string;
  service: string;
  at: number;
  ticketId: string | null;
  cancelled: boolean;
  /** Booked with a phone (its keyed hash only: the number itself is nowhere). */
  phone: boolean;
}

type AppointmentRow = Omit<Appointment, 'cancelled' | 'phone'> & { cancelled: number; phone: number };
const APPOINTMENT = 'SELECT code, service, at, ticket_id AS ticketId, cancelled_at IS NOT NULL AS cancelled, phone_key IS NOT NULL AS phone FROM appointments';
const appointmentOf = (r: AppointmentRow): Appointment => ({ ...r, cancelled: r.cancelled === 1, phone: r.phone === 1 });

export function appointmentsByCode(db: Database.Database, code: string): Appointment[] {
  return (db.prepare(`${APPOINTMENT} WHERE code = ?`).all(code) as AppointmentRow[]).map(appointmentOf);
}

export function appointmentsByPhoneKey(db: Database.Database, phoneKey: string): Appointment[] {
  return (db.prepare(`${APPOINTMENT} WHERE phone_key = ?`).all(phoneKey) as AppointmentRow[]).map(appointmentOf);
}

/** The appointments booked for times in [from, to), in time order. */
export function appointmentsBetween(db: Database.Database, from: number, to: number): Appointment[] {
  return (db.prepare(`${APPOINTMENT} WHERE at >= ? AND at < ? ORDER BY at, code`).all(from, to) as AppointmentRow[]).map(appointmentOf);
}

/** The codes of the appointments booked with any of these phone keys. */
export function appointmentCodesOf(db: Database.Database, keys: string[]): string[] {
  return keys.flatMap((k) => appointmentsByPhoneKey(db, k).map((a) => a.code)).sort();
}

/** Where rows carry a key made with the branch secret: a table, and the test a row must pass. */
const KEYED: [string, string][] = [
  ['vip_keys', '1'],
  ['notebook', '1'],
  ['ticket_customers', '1'],
  ['appointments', 'phone_key IS NOT NULL'],
  ['opinions', "json_extract(doc, '$.phoneKey') IS NOT NULL"],
];

/** The tables (these and the records') holding a customer key made with the branch secret. */
export function tablesHoldingCustomerKeys(db: Database.Database): string[] {
  return KEYED.filter(([t, where]) => db.prepare(`SELECT 1 FROM ${t} WHERE ${where} LIMIT 1`).get()).map(([t]) => t);
}
