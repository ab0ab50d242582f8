import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { codesCsv, localTime } from './codes-csv';

describe('the appointment codes as a CSV', () => {
  const at = new Date(2026, 11, 2, 9, 5).toISOString();
  const csv = codesCsv([{ code: 'K7P2QX', service: 'cash', at }], ['预约码', '预约时间', '业务'], (s) => (s === 'cash' ? '现金, 业务' : s));

  it('opens in Excel (a BOM, CRLF) with code, the branch time and the service, quoted where needed', () => {
    expect(csv.startsWith('\uFEFF预约码,预约时间,业务\r\n')).toBe(true);
    expect(parse(csv, { bom: true })).toEqual([
      ['预约码', '预约时间', '业务'],
      ['K7P2QX', '2026-12-02 09:05', '现金, 业务'],
    ]);
    expect(localTime(at)).toBe('2026-12-02 09:05');
  });
});
