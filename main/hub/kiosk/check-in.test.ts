// The check-in rules without a database: the appointment window, a used appointment, an
// unknown card, a branch without a VIP service, and the events a check-in commits.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../common/errors.js';
import type { Appointment } from '../customers/customers-projector.js';
import { branch, MIN, run, service, T0 } from '../queue/test-support.js';
import { admitAppointment, admitVip, appointmentCheckInEvents, openAppointment, vipCheckInEvents, type VipFound } from './check-in.js';

const HOUR = 60 * MIN;
const appointment = (over: Partial<Appointment> = {}): Appointment => ({ code: 'K7Q2XM', service: 'noncash', at: T0 + HOUR, ticketId: null, cancelled: false, phone: false, ...over });
const vip: VipFound = { customer: { id: 'c1', title: 'enc1.title', notes: [], tags: ['wealth'] }, key: 'k'.repeat(64) };
const withVip = () => run(branch(), [{ type: 'service.define', service: service('vip', 'V') }], T0);

function refusal(fn: () => unknown): { code: string; kind: string } {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return { code: err.code, kind: err.kind };
  }
  throw new Error('not refused');
}

describe('the appointment window', () => {
  it('opens 2 hours before the appointment and closes 1 hour after, both ends included', () => {
    const a = appointment();
    expect(openAppointment([a], a.at - 2 * HOUR)).toEqual(a);
    expect(openAppointment([a], a.at + HOUR)).toEqual(a);
    expect(openAppointment([a], a.at - 2 * HOUR - 1)).toBeNull();
    expect(openAppointment([a], a.at + HOUR + 1)).toBeNull();
  });

  it('picks the earliest open appointment of a phone, skipping those outside their window', () => {
    const later = appointment({ code: 'LATER1', at: T0 + 90 * MIN });
    const sooner = appointment({ code: 'SOONER', at: T0 + 30 * MIN });
    const tomorrow = appointment({ code: 'TMRW01', at: T0 + 24 * HOUR });
    expect(openAppointment([later, tomorrow, sooner], T0)?.code).toBe('SOONER');
  });

  it('refuses outside the window as not found (no_appointment)', () => {
    expect(refusal(() => admitAppointment(branch(), [appointment()], T0 + 3 * HOUR))).toEqual({ code: 'no_appointment', kind: 'not_found' });
  });
});

describe('a used appointment', () => {
  it('does not check in twice: one with a ticket is no longer open', () => {
    const used = appointment({ ticketId: 't1' });
    expect(openAppointment([used], T0)).toBeNull();
    expect(refusal(() => admitAppointment(branch(), [used], T0))).toEqual({ code: 'no_appointment', kind: 'not_found' });
  });

  it('refuses a cancelled one with its own code (appointment_cancelled), and checks in another open one of the same phone', () => {
    const cancelled = appointment({ cancelled: true });
    expect(openAppointment([cancelled], T0)).toBeNull();
    expect(refusal(() => admitAppointment(branch(), [cancelled], T0))).toEqual({ code: 'appointment_cancelled', kind: 'conflict' });
    const other = appointment({ code: 'OTHER1', at: T0 + 2 * HOUR });
    expect(admitAppointment(branch(), [cancelled, other], T0).code).toBe('OTHER1');
    // Cancelled long ago and nothing for now: simply none.
    expect(refusal(() => admitAppointment(branch(), [appointment({ cancelled: true, at: T0 - 5 * HOUR })], T0))).toEqual({ code: 'no_appointment', kind: 'not_found' });
  });

  it('refuses one for a service the branch no longer offers as a conflict (unknown_service)', () => {
    expect(refusal(() => admitAppointment(branch(), [appointment({ service: 'gold' })], T0))).toEqual({ code: 'unknown_service', kind: 'conflict' });
  });
});

describe('an appointment check-in', () => {
  it('is an appointment ticket at the appointment time and the check-in naming the code', () => {
    const a = admitAppointment(branch(), [appointment()], T0);
    const events = appointmentCheckInEvents(branch(), a, 't9', T0);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ type: 'ticket.issued', ticket: { id: 't9', service: 'noncash', priority: 'appointment', appointmentAt: a.at } });
    expect(events[1]).toEqual({ type: 'kiosk.checked_in', ticket: 't9', kind: 'appointment', appointment: 'K7Q2XM' });
  });
});

describe('a VIP check-in', () => {
  it('refuses an unknown card as not found (not_registered), before anything else', () => {
    expect(refusal(() => admitVip(branch(), null))).toEqual({ code: 'not_registered', kind: 'not_found' });
  });

  it('refuses a known card at a branch without a VIP service as a conflict (no_vip_service)', () => {
    expect(refusal(() => admitVip(branch(), vip))).toEqual({ code: 'no_vip_service', kind: 'conflict' });
    expect(refusal(() => vipCheckInEvents(branch(), vip, 'enc1.sealed', 't1', T0))).toEqual({ code: 'no_vip_service', kind: 'conflict' });
  });

  it('is a VIP ticket and the check-in carrying the customer and the sealed key, never the key itself', () => {
    const events = vipCheckInEvents(withVip(), vip, 'enc1.sealed', 't1', T0);
    expect(events[0]).toMatchObject({ type: 'ticket.issued', ticket: { id: 't1', service: 'vip', priority: 'vip' } });
    expect(events[1]).toEqual({ type: 'kiosk.checked_in', ticket: 't1', kind: 'vip', customer: 'c1', customerKey: 'enc1.sealed' });
    expect(JSON.stringify(events)).not.toContain(vip.key);
  });
});
