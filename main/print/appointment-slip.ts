// An appointment's confirmation slip, printed on the hub's printer for a customer booked at
// the branch: the code in double size (what they type at the kiosk), the service and the time,
// Chinese first. No phone, no name: the slip may be left on a desk.
import { escapeReceiptText as esc } from './escape.js';
import { escpos } from './encode-ticket.js';
import { printedTime } from './ticket-layout.js';

export interface AppointmentSlip {
  branchZh: string;
  branchEn: string;
  serviceZh: string;
  serviceEn: string;
  code: string;
  at: number;
}

export function appointmentSlipDocument(s: AppointmentSlip): string {
  return [
    `^^${esc(s.branchZh)}`,
    `| ${esc(s.branchEn)} |`,
    '-',
    '| 预约确认 Appointment |',
    `| ${esc(s.serviceZh)} ${esc(s.serviceEn)} |`,
    `| ${printedTime(s.at)} |`,
    '',
    '| 预约码 Code |',
    `^^^${esc(s.code)}`,
    '',
    '| 到网点后请在取号机选择「预约签到」，输入预约码 |',
    '| At the kiosk, choose Appointment |',
    '| and type this code |',
    '-',
    '',
  ].join('\n');
}

export function appointmentSlipBytes(s: AppointmentSlip): Buffer {
  return escpos(appointmentSlipDocument(s), true);
}
