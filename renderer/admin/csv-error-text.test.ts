import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import { strings } from '../i18n/areas/kiosk-admin';
import { csvErrorText } from './csv-error-text';

await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: strings['zh-CN'] }, en: { translation: strings.en } }, interpolation: { escapeValue: false } });

// Every message main/hub/customers/vip-csv.ts and vip-register.ts can give.
const HUB_MESSAGES = [
  'line 1: the header must be "title,card,phone,notes,tags".',
  'line 3: an unclosed quote.',
  'line 4: expected 5 fields, found 3.',
  'line 5: the title (e.g. 王先生) is missing or longer than 20 characters.',
  'line 6: the card number must be 12 to 19 digits.',
  'line 7: the phone number must be 7 to 15 digits.',
  'line 8: give a card number, a phone number or both.',
  'line 9: the same card number is on line 2.',
];

describe('VIP import error sentences', () => {
  it.each(HUB_MESSAGES)('names the line in Chinese: %s', (message) => {
    const text = csvErrorText(i18n.t, message);
    const line = /^line (\d+)/.exec(message)![1];
    expect(text).toMatch(new RegExp(`^第 ${line} 行有误：`));
    expect(text).not.toMatch(/\b(the|must|expected|give|line|found|quote)\b/); // none of the hub's English left
  });

  it('fills in the details: the field count and the duplicate line', () => {
    expect(csvErrorText(i18n.t, HUB_MESSAGES[2]!)).toBe('第 4 行有误：应有 5 列，实际有 3 列。');
    expect(csvErrorText(i18n.t, HUB_MESSAGES[7]!)).toBe('第 9 行有误：这个卡号与第 2 行重复。');
  });

  it('in English too, and an unknown message is passed on whole', async () => {
    await i18n.changeLanguage('en');
    expect(csvErrorText(i18n.t, HUB_MESSAGES[5]!)).toBe('Line 7 is wrong: the phone number must be 7 to 15 digits.');
    expect(csvErrorText(i18n.t, 'something new')).toBe('The import failed: something new');
    await i18n.changeLanguage('zh-CN');
  });
});
