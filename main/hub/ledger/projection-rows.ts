// The projection tables' rows and the domain objects they hold, both ways. Kept in one
// place so that writing, reading at start-up and verifying all use the same mapping.
import type { BusinessDay, Counter, QueueConfig, Service, Ticket } from '../../common/domain.js';

export interface ConfigRow {
  max_recalls: number;
  appointment_early_minutes: number;
  elderly_rank: string;
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
  label: string | null;
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
  elderly_rank: c.elderlyRank,
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

export const counterToRow = (c: Counter): CounterRow => ({
  id: c.id,
  services: JSON.stringify(c.services),
  status: c.status,
  pause_reason: c.pauseReason,
  staff_id: c.staffId,
  since: c.since,
  current_ticket_id: c.currentTicketId,
  label: c.label,
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

export const dayToRow = (d: BusinessDay): DayRow => ({
  date: d.date,
  status: d.status,
  opened_at: d.openedAt,
  closed_at: d.closedAt,
});
