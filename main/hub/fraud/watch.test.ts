// The fraud watch's rule without a hub: only an elderly customer, only a choice with a fraud prompt.
import { describe, expect, it } from 'vitest';
import { DEMO_KIOSK_CHOICES } from '../kiosk/choices.js';
import { decideFraudWatch, fraudWatchAlert } from './watch.js';

const ticket = { id: 't-1', number: 'B007' };

describe('the fraud watch', () => {
  it('watches an elderly customer who took a fraud-prompt choice: the demo marks 转账汇款 and 大额取款', () => {
    expect(decideFraudWatch({ ticket, choice: 'transfer', elderly: true }, DEMO_KIOSK_CHOICES)).toEqual({ type: 'ticket.fraud_watch', ticket: 't-1', number: 'B007', choice: 'transfer' });
    expect(decideFraudWatch({ ticket, choice: 'large_withdrawal', elderly: true }, DEMO_KIOSK_CHOICES)).toMatchObject({ choice: 'large_withdrawal' });
  });

  it('leaves alone a younger customer, a choice without the prompt, no choice, and a choice the branch does not offer', () => {
    expect(decideFraudWatch({ ticket, choice: 'transfer', elderly: false }, DEMO_KIOSK_CHOICES)).toBeNull();
    expect(decideFraudWatch({ ticket, choice: 'cash', elderly: true }, DEMO_KIOSK_CHOICES)).toBeNull();
    expect(decideFraudWatch({ ticket, elderly: true }, DEMO_KIOSK_CHOICES)).toBeNull();
    expect(decideFraudWatch({ ticket, choice: null, elderly: true }, DEMO_KIOSK_CHOICES)).toBeNull();
    expect(decideFraudWatch({ ticket, choice: 'transfer', elderly: true }, DEMO_KIOSK_CHOICES.filter((c) => c.id !== 'transfer'))).toBeNull();
    // The prompt is the branch's setting: turned off, the same choice watches no one.
    const off = DEMO_KIOSK_CHOICES.map((c) => ({ ...c, fraudPrompt: false }));
    expect(decideFraudWatch({ ticket, choice: 'transfer', elderly: true }, off)).toBeNull();
  });

  it("raises one alert per ticket for the manager, naming the ticket, the choice in both languages and the kiosk", () => {
    const event = decideFraudWatch({ ticket, choice: 'large_withdrawal', elderly: true }, DEMO_KIOSK_CHOICES)!;
    expect(fraudWatchAlert(event, DEMO_KIOSK_CHOICES, 'kiosk-1')).toEqual({
      kind: 'fraud_watch',
      key: 'fraud_watch:t-1',
      ticket: 'B007',
      device: 'kiosk-1',
      details: { choice: 'large_withdrawal', nameZh: '大额取款', nameEn: 'Large cash withdrawal', service: 'cash' },
    });
  });
});
