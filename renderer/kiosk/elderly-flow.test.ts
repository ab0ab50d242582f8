import { describe, expect, it } from 'vitest';
import type { KioskChoice } from '../../main/common/kiosk';
import { clipFor, elderlyChoices, hasFraudPrompt, helpChoice } from './elderly-flow';

const c = (id: string, service: string | null, extra: Partial<KioskChoice> & { fraudPrompt?: boolean } = {}): KioskChoice =>
  ({ id, nameZh: id, nameEn: id, service, selfService: null, ...extra }) as KioskChoice;
const cash = c('cash', 'cash');
const transfer = c('transfer', 'noncash', { fraudPrompt: true });
const atm = c('atm', null, { selfService: { whereZh: '左手边', whereEn: 'on the left' } });
const other = c('other', null);

describe('the older customers flow', () => {
  it('offers only choices that give a ticket', () => {
    expect(elderlyChoices([cash, atm, transfer, other]).map((x) => x.id)).toEqual(['cash', 'transfer']);
  });

  it('names the current choice in the help alert, else "something else", else the first', () => {
    expect(helpChoice([cash, other], transfer)?.id).toBe('transfer');
    expect(helpChoice([cash, atm, other], null)?.id).toBe('other');
    expect(helpChoice([cash, atm], null)?.id).toBe('cash');
    expect(helpChoice([], null)).toBeNull();
  });

  it('reads fraudPrompt only when it is true', () => {
    expect(hasFraudPrompt(transfer)).toBe(true);
    expect(hasFraudPrompt(cash)).toBe(false);
  });

  it('speaks each step in the kiosk language', () => {
    expect(clipFor('swipe', 'zh-CN')).toBe('zh/elderly-swipe');
    expect(clipFor('fraud', 'en')).toBe('en/fraud-warning');
  });
});
