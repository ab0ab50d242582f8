// The projection tables' rows and the domain objects they hold, both ways. Kept in one
// place so that writing, reading at start-up and verifying all use the same mapping.
import type { BusinessDay, Counter, QueueConfig, Service, Ticket } from '../../common/domain.js';

export interface ConfigRow {
  max_recalls: number;
  appointment_early_minutes: number;
}
export interface ServiceRow {
  code: string;
  prefix: string;
  name_zh: string;
  name_en: string;
  target_wait_minutes: number;
  max_wait_minutes: number;
  prior_service_minutes: number;
}
export interface CounterRow {
  id: string;
  services: string;
  status: string;
  pause_reason: string | null;
  staff_id: string | null;
  since: number;
  current_ticket_id: string | null;
}
export interface TicketRow {
  id: string;
  number: string;
  service: string;
  priority: string;
  status: string;
  business_day: string;
  issued_at: number;
  called_at: number | null;
  started_at: number | null;
  finished_at: number | null;
  counter: string | null;
  target_counter: string | null;
  appointment_at: number | null;
  recalls: number;
  transfers: number;
  tags: string;
}
export interface DayRow {
  date: string;
  status: string;
  opened_at: number;
  closed_at: number | null;
}

export const configToRow = (c: QueueConfig): ConfigRow => ({
  max_recalls: c.maxRecalls,
  appointment_early_minutes: c.appointmentEarlyMinutes,
});
export const rowToConfig = (r: ConfigRow): QueueConfig => ({
  maxRecalls: r.max_recalls,
  appointmentEarlyMinutes: r.appointment_early_minutes,
});

export const serviceToRow = (s: Service): ServiceRow => ({
  code: s.code,
  prefix: s.prefix,
  name_zh: s.nameZh,
  name_en: s.nameEn,
  target_wait_minutes: s.targetWaitMinutes,
  max_wait_minutes: s.maxWaitMinutes,
  prior_service_minutes: s.priorServiceMinutes,
});
export const rowToService = (r: ServiceRow): Service => ({
  code: r.code,
  prefix: r.prefix,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  targetWaitMinutes: r.target_wait_minutes,
  maxWaitMinutes: r.max_wait_minutes,
  priorServiceMinutes: r.prior_service_minutes,
});

export const counterToRow = (c: Counter): CounterRow => ({
  id: c.id,
  services: JSON.stringify(c.services),
  status: c.status,
  pause_reason: c.pauseReason,
  staff_id: c.staffId,
  since: c.since,
  current_ticket_id: c.currentTicketId,
});
export const rowToCounter = (r: CounterRow): Counter => ({
  id: r.id,
  services: JSON.parse(r.services) as string[],
  status: r.status as Counter['status'],
  pauseReason: r.pause_reason as Counter['pauseReason'],
  staffId: r.staff_id,
  since: r.since,
  currentTicketId: r.current_ticket_id,
});

export const ticketToRow = (t: Ticket): TicketRow => ({
  id: t.id,
  number: t.number,
  service: t.service,
  priority: t.priority,
  status: t.status,
  business_day: t.businessDay,
  issued_at: t.issuedAt,
  called_at: t.calledAt,
  started_at: t.startedAt,
  finished_at: t.finishedAt,
  counter: t.counter,
  target_counter: t.targetCounter,
  appointment_at: t.appointmentAt,
  recalls: t.recalls,
  transfers: t.transfers,
  tags: JSON.stringify(t.tags),
});
export const rowToTicket = (r: TicketRow): Ticket => ({
  id: r.id,
  number: r.number,
  service: r.service,
  priority: r.priority as Ticket['priority'],
  status: r.status as Ticket['status'],
  businessDay: r.business_day,
  issuedAt: r.issued_at,
  calledAt: r.called_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  counter: r.counter,
  targetCounter: r.target_counter,
  appointmentAt: r.appointment_at,
  recalls: r.recalls,
  transfers: r.transfers,
  tags: JSON.parse(r.tags) as string[],
});

export const dayToRow = (d: BusinessDay): DayRow => ({
  date: d.date,
  status: d.status,
  opened_at: d.openedAt,
  closed_at: d.closedAt,
});
export const rowToDay = (r: DayRow): BusinessDay => ({
  date: r.date,
  status: r.status as BusinessDay['status'],
  openedAt: r.opened_at,
  closedAt: r.closed_at,
});
