// The hub reports a bad VIP register line in English ("line 4: the card number must be 12 to
// 19 digits."); the admin reads it in the screen's language. Pure, so every message the hub
// can give is tested to have a translation.
import type { TFunction } from 'i18next';

const PROBLEMS: [RegExp, string][] = [
  [/the header must be/, 'header'],
  [/unclosed quote/, 'quote'],
  [/expected 5 fields, found (\d+)/, 'fields'],
  [/the title .* is missing or longer/, 'title'],
  [/the card number must be/, 'card'],
  [/the phone number must be/, 'phone'],
  [/give a card number, a phone number or both/, 'noKey'],
  [/the same (card|phone) number is on line (\d+)/, 'duplicate'],
];

export function csvErrorText(t: TFunction, message: string): string {
  const line = /^line (\d+):/.exec(message)?.[1];
  for (const [pattern, key] of PROBLEMS) {
    const m = pattern.exec(message);
    if (!m || !line) continue;
    const problem = t(`vipImport.problems.${key}`, { found: m[1], kind: m[1] === 'card' ? t('vipImport.card') : t('vipImport.phone'), other: m[2] });
    return t('vipImport.badLine', { line, problem });
  }
  return t('vipImport.failed', { message });
}
