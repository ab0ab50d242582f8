import { describe, expect, it } from 'vitest';
import { appointmentSlipBytes, appointmentSlipDocument } from './appointment-slip.js';

const slip = { branchZh: '演示|支行', branchEn: 'Demo Branch', serviceZh: '现金业务', serviceEn: 'Cash', code: 'K7Q2XM', at: new Date(2026, 2, 3, 14, 30).getTime() };

describe('the appointment slip', () => {
  it('carries the code in large type, the service and the local time, and escapes configured names', () => {
    const doc = appointmentSlipDocument(slip);
    expect(doc).toContain('^^^K7Q2XM');
    expect(doc).toContain('| 现金业务 Cash |');
    expect(doc).toContain('2026-03-03 14:30');
    expect(doc).toContain('演示\\|支行');
  });

  it('encodes to ESC/POS with the code and a cut', () => {
    const bytes = appointmentSlipBytes(slip);
    expect(bytes.toString('latin1')).toContain('K7Q2XM');
    // GS V: the paper is cut.
    expect(bytes.includes(Buffer.from([0x1d, 0x56]))).toBe(true);
  });
});
