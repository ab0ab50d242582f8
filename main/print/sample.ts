// The sample ticket of `atrium print-test`: Chinese and English, a QR code, a cut.
import type { TicketPrintData } from '../common/print.js';

export function sampleTicket(now: number): TicketPrintData {
  return {
    branchZh: '演示支行',
    branchEn: 'Demo Branch',
    serviceZh: '现金业务',
    serviceEn: 'Cash',
    number: 'A001',
    ahead: 3,
    estimate: { minutes: 8, low: 5, high: 12 },
    issuedAt: now,
    statusUrl: 'http://127.0.0.1:4180/t/print-test',
  };
}
