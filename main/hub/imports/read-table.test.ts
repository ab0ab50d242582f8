// Reading the files a bank really has: UTF-8 with and without BOM, GBK from Excel on a Chinese
// Windows, quoted fields with commas and line breaks (their lines counted), and .xlsx.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { xlsx } from '../../../tests/fixtures/xlsx.js';
import { DomainError } from '../../common/errors.js';
import { decodeCsv } from './decode.js';
import { readTable } from './read-table.js';
import { declaredUnzippedSize } from './zip-size.js';

const CSV = 'title,card,phone,notes,tags\r\n王先生,6222020200112233445,,"喜欢靠窗, 需要老花镜",理财\r\n"李\r\n女士",,13900139000,"第一行\n第二行",\r\n赵女士,,13700137000,,\r\n';

const lines = async (bytes: Uint8Array) => (await readTable(bytes)).rows.map((r) => r.line);

describe('decoding a CSV', () => {
  it('takes a UTF-8 BOM, plain UTF-8, and GBK as Excel on a Chinese Windows saves it', () => {
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('王先生')]))).toEqual({ text: '王先生', encoding: 'utf-8' });
    expect(decodeCsv(Buffer.from('王先生'))).toEqual({ text: '王先生', encoding: 'utf-8' });
    expect(decodeCsv(iconv.encode('王先生,喜欢靠窗', 'gbk'))).toEqual({ text: '王先生,喜欢靠窗', encoding: 'gbk' });
    // A rarer character in a name (GB18030 beyond GBK) comes out too.
    expect(decodeCsv(iconv.encode('𠀀先生', 'gb18030')).text).toBe('𠀀先生');
  });

  it('keeps plain ASCII as UTF-8 (both read it the same)', () => {
    expect(decodeCsv(Buffer.from('title,card')).encoding).toBe('utf-8');
  });
});

describe('reading a CSV', () => {
  it('splits quoted fields with commas and line breaks, and names each row by the line it starts on', async () => {
    const table = await readTable(Buffer.from(CSV));
    expect(table.source).toEqual({ format: 'csv', encoding: 'utf-8' });
    expect(table.header).toEqual(['title', 'card', 'phone', 'notes', 'tags']);
    expect(table.rows.map((r) => r.cells[3])).toEqual(['喜欢靠窗, 需要老花镜', '第一行\n第二行', '']);
    expect(table.rows[1]!.cells[0]).toBe('李\r\n女士');
    // Line 3 holds "李 and its row runs to line 5 (two line breaks in quotes); 赵女士 is line 6.
    expect(table.rows.map((r) => r.line)).toEqual([2, 3, 6]);
  });

  it('counts the same lines in GBK, with a BOM, with bare LF endings, and past blank lines', async () => {
    expect(await lines(iconv.encode(CSV, 'gbk'))).toEqual([2, 3, 6]);
    expect((await readTable(iconv.encode(CSV, 'gbk'))).rows[1]!.cells[0]).toBe('李\r\n女士');
    expect(await lines(Buffer.from(`\uFEFF${CSV}`))).toEqual([2, 3, 6]);
    expect(await lines(Buffer.from(CSV.replace(/\r\n/g, '\n')))).toEqual([2, 3, 6]);
    expect(await lines(Buffer.from('a,b\n\n1,2\n\n\n3,4\n'))).toEqual([3, 6]);
  });

  it('names the line of a quote never closed, after the rows read whole', async () => {
    const table = await readTable(Buffer.from('a,b\n1,2\n"3,4\n5,6\n'));
    expect(table.rows.map((r) => r.line)).toEqual([2]);
    expect(table.problems).toEqual([{ line: 3, code: 'unclosed_quote' }]);
  });

  it('refuses binary that is neither CSV nor xlsx as unreadable_file', async () => {
    const pdfish = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe, 0x00, 0x01]);
    await expect(readTable(pdfish)).rejects.toMatchObject({ code: 'unreadable_file' });
    // A zip that is no workbook (a .docx, a random archive).
    await expect(readTable(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]))).rejects.toMatchObject({ code: 'unreadable_file' });
    await expect(readTable(Buffer.from('\n\n'))).rejects.toBeInstanceOf(DomainError);
  });
});

describe('reading an .xlsx', () => {
  it('reads the first sheet with its row numbers, typed cells and Chinese text', async () => {
    const at = new Date(Date.UTC(2026, 11, 2, 9, 30));
    const table = await readTable(xlsx([['service', 'at', 'phone'], ['现金业务', at, '13800138000'], [null, null, null], ['noncash', at, 13900139000]]));
    expect(table.source).toEqual({ format: 'xlsx', encoding: null });
    expect(table.header).toEqual(['service', 'at', 'phone']);
    expect(table.rows.map((r) => r.line)).toEqual([2, 4]); // the empty row 3 is skipped, not renumbered
    expect(table.rows[0]!.cells[0]).toBe('现金业务');
    expect(table.rows[0]!.cells[1]).toBeInstanceOf(Date);
    expect(table.rows[1]!.cells[2]).toBe(13900139000);
  });
});

describe('a workbook that inflates to far more than it weighs', () => {
  it('is refused before it is unzipped, from the sizes its zip declares', async () => {
    const cell = 'x'.repeat(1000);
    const rows = Array.from({ length: 70_000 }, () => [cell]);
    const bomb = xlsx(rows);
    expect(bomb.length).toBeLessThan(2_000_000);
    expect(declaredUnzippedSize(bomb)).toBeGreaterThan(64_000_000);
    await expect(readTable(bomb)).rejects.toMatchObject({ code: 'workbook_too_large' });
    expect(declaredUnzippedSize(xlsx([['a']]))).toBeLessThan(10_000);
  });
});
