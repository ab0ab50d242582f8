// Appointments imported from a file (a CRM's bookings, or a sheet kept by the branch): columns
// service/业务, at/预约时间 (or date/日期 and time/时间) and an optional phone/手机号. Each row
// becomes the same `appointment.booked` event POST /api/appointments writes (the phone only as
// a keyed hash, sealed), all in one commit: a file writes all its appointments or none.
import { PREVIEW_PROBLEMS, PREVIEW_ROWS, type ImportedAppointment, type ImportProblem } from '../../common/imports.js';
import type { LedgerEvent } from '../../common/events.js';
import { newPairingCode } from '../../node/tokens.js';
import type { Hub } from '../lobby/hub.js';
import { vaultOf } from '../personal/vault.js';
import { cellOf, fieldCount, findColumns, missing, textOf } from '../imports/columns.js';
import { appointmentTime } from '../imports/date-time.js';
import type { Table } from '../imports/read-table.js';
import { refuseProblems } from '../imports/refuse.js';
import { bookingEvent } from './appointments.js';
import { branchSecret } from './customer-key.js';

export const APPOINTMENT_COLUMNS = {
  service: ['service', '业务', '业务类型', '服务'],
  at: ['at', 'datetime', 'date time', 'appointment', '预约时间', '日期时间'],
  date: ['date', '日期', '预约日期'],
  time: ['time', '时间', '时段'],
  phone: ['phone', 'mobile', '手机', '手机号', '手机号码', '电话'],
} as const;

interface AppointmentRow {
  line: number;
  service: string;
  at: number;
  phone: string | null;
}

/** A service by its code, prefix or either name, as a file may name it. */
function serviceOf(hub: Hub, name: string): string | null {
  const n = name.trim().toLowerCase();
  if (!n) return null;
  const found = Object.values(hub.state.services).find((s) => [s.code, s.prefix, s.nameZh, s.nameEn].some((x) => x.toLowerCase() === n));
  return found?.code ?? null;
}

function rowsOf(hub: Hub, table: Table) {
  const { columns, ignored } = findColumns(table.header, APPOINTMENT_COLUMNS);
  const problems: ImportProblem[] = [...table.problems];
  if (columns.service === undefined) problems.push(missing('service'));
  if (columns.at === undefined && (columns.date === undefined || columns.time === undefined)) problems.push(missing('at'));
  const rows: AppointmentRow[] = [];
  if (problems.some((p) => p.code === 'missing_column')) return { rows, problems, ignored };
  const now = hub.clock();
  for (const row of table.rows) {
    const bad = (code: ImportProblem['code']) => problems.push({ line: row.line, code });
    const count = fieldCount(row, table.header);
    if (count) {
      problems.push(count);
      continue;
    }
    const service = serviceOf(hub, textOf(cellOf(row, columns, 'service')));
    const at = appointmentTime({ at: cellOf(row, columns, 'at'), date: cellOf(row, columns, 'date'), time: cellOf(row, columns, 'time') });
    const phoneCell = cellOf(row, columns, 'phone');
    const phone = (typeof phoneCell === 'number' ? String(phoneCell) : textOf(phoneCell)).replace(/[\s-]/g, '');
    if (!service) bad('service');
    else if (at === null) bad('date_time');
    else if (at < now) bad('past');
    else if (phone && !/^\+?\d{7,15}$/.test(phone)) bad('phone');
    else rows.push({ line: row.line, service, at, phone: phone || null });
  }
  return { rows, problems, ignored };
}

export function previewAppointmentImport(hub: Hub, table: Table) {
  const { rows, problems, ignored } = rowsOf(hub, table);
  return {
    source: table.source,
    rows: rows.length,
    sample: rows.slice(0, PREVIEW_ROWS).map((r) => ({ line: r.line, service: r.service, at: new Date(r.at).toISOString(), phone: r.phone ? `…${r.phone.slice(-4)}` : null })),
    problems: problems.slice(0, PREVIEW_PROBLEMS),
    badLines: new Set(problems.map((p) => p.line)).size,
    ignored,
  };
}

/** Books every row in one commit; answers the codes, for the branch to send to its customers. */
export function importAppointments(hub: Hub, table: Table, onlyValid: boolean, actor: string): { created: ImportedAppointment[]; skipped: number } {
  const { rows, problems } = rowsOf(hub, table);
  const skipped = refuseProblems(problems, rows.length, onlyValid);
  const db = hub.ledger.db;
  const [secret, vault] = [branchSecret(db), vaultOf(db)];
  const codes = new Set<string>();
  const created: ImportedAppointment[] = [];
  const events: LedgerEvent[] = vault.keys.batch(() =>
    rows.map((r) => {
      let code = newPairingCode(6);
      while (codes.has(code)) code = newPairingCode(6); // unguessable, and distinct within the file
      codes.add(code);
      created.push({ code, service: r.service, at: new Date(r.at).toISOString() });
      return bookingEvent({ service: r.service, at: r.at, phone: r.phone ?? undefined }, code, secret, vault);
    }),
  );
  hub.commit(events, actor);
  return { created, skipped };
}
