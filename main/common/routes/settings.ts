// The branch's settings an admin or manager changes, and the manager's alerts.
import { z } from 'zod';
import { StaffRota } from '../rota.js';
import { BranchCalendar, DAY_KINDS } from '../calendar.js';
import { ELDERLY_RANKS } from '../domain.js';
import { MAX_ELDERLY_AGE, MIN_ELDERLY_AGE } from '../elderly.js';
import { ALERT_READERS, SETTINGS_READERS } from './access.js';
import { AlertSchema } from './answers.js';
import { route } from './define.js';

export const RotaBody = z.strictObject({ rota: StaffRota });
// Five minutes is the shortest a teller can serve a customer without being signed out
// mid-job; twelve hours is a whole business day.
export const SignInSettingsBody = z.strictObject({ staffIdleMinutes: z.number().int().min(5).max(720) });
// Fair calling (issue 14): null is off. One is the strictest (a normal customer after every
// priority one); past ten a counter may serve ten VIPs before one normal customer, and a
// branch that wants so little of the rule can turn it off.
export const MAX_PRIORITY_IN_A_ROW = 10;
export const DispatchSettingsBody = z.strictObject({ maxPriorityInARow: z.number().int().min(1).max(MAX_PRIORITY_IN_A_ROW).nullable() });
const DispatchAnswer = z.strictObject({ maxPriorityInARow: z.number().int().nullable() });
// Older customers (issue 14): the age from which the ID-card check-in gives priority `elderly`
// (50–80: the regulator's guidance speaks of 60 and over; a branch may start earlier or later,
// not so far that the priority means nothing), and where dispatch calls them.
export const ElderlySettingsBody = z.strictObject({ age: z.number().int().min(MIN_ELDERLY_AGE).max(MAX_ELDERLY_AGE), rank: z.enum(ELDERLY_RANKS) });
const ElderlyAnswer = ElderlySettingsBody;
const RotaAnswer = z.strictObject({ rota: StaffRota });
const SignInAnswer = z.strictObject({ staffIdleMinutes: z.number().int() });

export const rota = route({ method: 'GET', path: '/api/settings/rota', access: { grants: SETTINGS_READERS }, summary: 'The staffing rota the wait estimate plans with.', answer: RotaAnswer });
export const setRota = route({ method: 'PUT', path: '/api/settings/rota', access: { grants: ['manager', 'admin'] }, summary: 'Replaces the staffing rota.', body: RotaBody, answer: RotaAnswer });
export const signInSettings = route({ method: 'GET', path: '/api/settings/sign-in', access: { grants: ['admin'] }, summary: 'How long a staff sign-in may go unused before it ends (5–720 minutes, default 60; devices never idle out).', answer: SignInAnswer });
export const setSignInSettings = route({ method: 'PUT', path: '/api/settings/sign-in', access: { grants: ['admin'] }, summary: 'Sets it; applies at once to every sign-in and open feed; recorded as `settings.changed`.', body: SignInSettingsBody, answer: SignInAnswer });
export const dispatchSettings = route({ method: 'GET', path: '/api/settings/dispatch', access: { grants: SETTINGS_READERS }, summary: 'Fair calling: after `maxPriorityInARow` priority calls in a row (VIP, appointment; not green channel) a counter calls its longest-waiting normal ticket, if one waits; null: off (the default).', answer: DispatchAnswer });
export const setDispatchSettings = route({ method: 'PUT', path: '/api/settings/dispatch', access: { grants: ['admin'] }, summary: 'Sets it (1–10, or null for off); applies from the next call; recorded as `settings.changed`.', body: DispatchSettingsBody, answer: DispatchAnswer });

// The calendar of day kinds (issue 15): the wait estimator learns each kind from past days of it.
const CalendarAnswer = BranchCalendar.extend({ today: z.strictObject({ date: z.string(), kind: z.enum(DAY_KINDS) }) });
export const calendarSettings = route({ method: 'GET', path: '/api/settings/calendar', access: { grants: SETTINGS_READERS }, summary: "The branch's calendar of day kinds the wait estimate learns by: `pensionDays` (days of the month; past a month's end, its last day), `pensionOnWeekend` (`same_day`, `friday_before` or `monday_after`), `monthEndDays` (the last n days of a month, 0–7), `holidayEves` (YYYY-MM-DD); default pension on the 13th, two month-end days, no holiday eves; `today`: today's date and kind (`holiday_eve` before `pension_day` before `month_end` before `ordinary`).", answer: CalendarAnswer });
export const setCalendarSettings = route({ method: 'PUT', path: '/api/settings/calendar', access: { grants: ['admin'] }, summary: 'Replaces it; the estimate relearns from past days of the new kinds at its next prediction; recorded as `settings.changed`.', body: BranchCalendar, answer: CalendarAnswer });

export const elderlySettings = route({ method: 'GET', path: '/api/settings/elderly', access: { grants: SETTINGS_READERS }, summary: 'Older customers: `age` (from which an ID-card check-in gives priority `elderly`; default 60) and `rank`: `below_vip` (the default: above normal, below VIP), `above_vip` (above VIP, below green channel, due appointments and aged tickets) or `normal` (called as normal).', answer: ElderlyAnswer });
export const setElderlySettings = route({ method: 'PUT', path: '/api/settings/elderly', access: { grants: ['admin'] }, summary: 'Sets them (age 50–80); the age applies from the next check-in, the rank at once to dispatch, people ahead and estimates; recorded as `settings.changed` (age) and `config.set` (rank).', body: ElderlySettingsBody, answer: ElderlyAnswer });

export const alerts = route({ method: 'GET', path: '/api/alerts', access: { grants: ALERT_READERS }, summary: "Open alerts by urgency (green-channel and help requests first, oldest first; then one-off alerts; then routine ones by kind, newest first), then the latest closed (those held in memory while the disk is full included); a manager tablet and the admin get a VIP's arrival without the customer's title and notes.", answer: z.strictObject({ alerts: z.array(AlertSchema) }) });
export const ackAlert = route({
  method: 'POST',
  path: '/api/alerts/:id/ack',
  access: { grants: ['manager', 'supervisor'] },
  summary: 'Sets `acknowledgedBy` and `acknowledgedAt`; a second acknowledgement is 409.',
  params: z.object({ id: z.string() }),
  answer: z.strictObject({ alert: AlertSchema }),
});

export const settingsRoutes = [rota, setRota, signInSettings, setSignInSettings, dispatchSettings, setDispatchSettings, calendarSettings, setCalendarSettings, elderlySettings, setElderlySettings];
export const alertRoutes = [alerts, ackAlert];
