import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES, type ImportProblem } from '../../main/common/imports';
import { strings } from '../i18n/areas/imports';
import { problemText, sourceText } from './import-text';

await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: strings['zh-CN'] }, en: { translation: strings.en } }, interpolation: { escapeValue: false } });

// One of each problem the hub can name, with the details it gives.
const ALL: ImportProblem[] = PROBLEM_CODES.map((code) => ({ line: 7, code, column: code === 'missing_column' ? 'service' : 'phone', other: 3, found: 6, expected: 5 }));

describe('import problems in plain words', () => {
  it.each(['zh-CN', 'en'])('words every code in %s, with its line and details filled in', async (lng) => {
    await i18n.changeLanguage(lng);
    for (const p of ALL) {
      const text = problemText(i18n.t, p);
      expect(text).toMatch(lng === 'en' ? /^Line 7: / : /^第 7 行：/);
      expect(text).not.toMatch(/\{\{|imports\.|undefined/);
    }
  });

  it('names the column and the other line', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(problemText(i18n.t, { line: 7, code: 'duplicate', column: 'phone', other: 3 })).toBe('第 7 行：这个手机号与第 3 行重复。');
    expect(problemText(i18n.t, { line: 1, code: 'missing_column', column: 'title' })).toBe('第 1 行：表头缺少“称呼”列。');
    expect(problemText(i18n.t, { line: 1, code: 'missing_column', column: 'at' })).toBe('第 1 行：表头缺少“预约时间”或“日期”与“时间”列。');
    expect(sourceText(i18n.t, { format: 'csv', encoding: 'gbk' })).toBe('CSV 文件（GBK 编码）。');
    await i18n.changeLanguage('en');
    expect(problemText(i18n.t, { line: 6, code: 'card' })).toBe('Line 6: the card number must be 12 to 19 digits.');
    expect(problemText(i18n.t, { line: 6, code: 'duplicate', column: 'phone', other: 4 })).toBe('Line 6: the same phone number is on line 4.');
    expect(problemText(i18n.t, { line: 1, code: 'missing_column', column: 'card' })).toBe('Line 1: the header has no "card" or "phone" column.');
    expect(sourceText(i18n.t, { format: 'xlsx', encoding: null })).toBe('An Excel workbook (its first sheet).');
  });
});
