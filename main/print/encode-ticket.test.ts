// Golden bytes of a printed ticket: Chinese in GB18030, the number in double size, the
// printer's own QR command holding the status page's address, and a cut.
import { describe, expect, it } from 'vitest';
import { ticketBytes, ticketSvg } from './encode-ticket.js';
import { nativeQr, qrDataIn } from './qr-command.js';
import { escapeReceiptText } from './escape.js';
import { sampleTicket } from './sample.js';

const ticket = { ...sampleTicket(Date.UTC(2026, 10, 25, 1, 30)), statusUrl: 'http://10.0.0.2:4180/t/8f3e' };
const bytes = ticketBytes(ticket);
const hex = (b: Buffer) => b.toString('hex');

describe('ticket bytes', () => {
  it('start by initialising the printer (ESC @)', () => {
    expect(hex(bytes.subarray(0, 2))).toBe('1b40');
  });

  it('carry the Chinese names in GB18030 after FS & (Chinese mode)', () => {
    // 现金业务 in GB18030 (= GBK here): cf d6 bd f0 d2 b5 ce f1
    expect(hex(bytes)).toContain('cfd6bdf0d2b5cef1');
    // 演示支行: d1 dd ca be d6 a7 d0 d0
    expect(hex(bytes)).toContain('d1ddcabed6a7d0d0');
    expect(hex(bytes)).toContain('1c26');
  });

  it('print the number in double width and height (GS ! 0x11)', () => {
    expect(hex(bytes)).toContain(`1d2111${'1b7400'}1c26${hex(Buffer.from('A001'))}`);
  });

  it('hold the native QR command (GS ( k) with the status page, not a bitmap', () => {
    expect(hex(bytes)).toContain(hex(nativeQr(ticket.statusUrl)));
    expect(qrDataIn(bytes)).toEqual(['http://10.0.0.2:4180/t/8f3e']);
    expect(hex(bytes)).not.toContain('1d384c'); // GS 8 L: no raster image
  });

  it('end with a cut (GS V B 0)', () => {
    expect(hex(bytes)).toMatch(/1d564200[0-9a-f]*$/);
    expect(hex(bytes).lastIndexOf('1d5642')).toBeGreaterThan(hex(bytes).indexOf('1d286b'));
  });

  it('encode the QR command exactly as ESC/POS defines it', () => {
    expect(hex(nativeQr('AB', 6))).toBe(
      ['1d286b0400314132 00', '1d286b03003143 06', '1d286b03003145 31', '1d286b0500315030 4142', '1d286b03003151 30'].join('').replace(/ /g, ''),
    );
  });
});

describe('user text', () => {
  it('is escaped so that names cannot inject receiptline markup', () => {
    expect(escapeReceiptText('A|B {x} ^big^ -')).toBe('A\\|B \\{x\\} \\^big\\^ \\-');
    const evil = ticketBytes({ ...ticket, serviceEn: 'Cash | {code:evil;option:qrcode}' });
    expect(qrDataIn(evil)).toEqual([ticket.statusUrl]);
    expect(evil.toString('latin1')).toContain('{code:evil;option:qrcode}');
  });
});

describe('print preview', () => {
  it('is the same layout as SVG, with the Chinese text and a QR code', () => {
    const svg = ticketSvg(ticket);
    expect(svg.startsWith('<svg')).toBe(true);
    // receiptline draws one <tspan> per character cell.
    for (const ch of '现金业务A001') expect(svg).toContain(`>${ch}</tspan>`);
    expect(svg).toMatch(/<path d="M0,0l6,0/); // the QR modules
  });
});
