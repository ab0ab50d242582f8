import { describe, expect, it } from 'vitest';
import { CardSwipeDetector } from './card-swipe';

/** Feeds `keys` with `gap` ms between them and returns what the detector reported. */
function feed(d: CardSwipeDetector, keys: string[], gap: number, start = 1000): (string | null)[] {
  return keys.map((k, i) => d.key(k, start + i * gap));
}
const swipe = (card: string) => [...card, 'Enter'];

describe('card swipe detector', () => {
  it('reads a card number typed by a reader (8 ms between keys, Enter at the end)', () => {
    const out = feed(new CardSwipeDetector(), swipe('6222021234567890123'), 8);
    expect(out.at(-1)).toBe('6222021234567890123');
    expect(out.slice(0, -1).every((x) => x === null)).toBe(true);
  });

  it('ignores a person typing the same digits (150 ms between keys)', () => {
    expect(feed(new CardSwipeDetector(), swipe('6222021234567890123'), 150).every((x) => x === null)).toBe(true);
  });

  it('ignores a burst too short to be a card (a phone number pasted fast) and one too long', () => {
    expect(feed(new CardSwipeDetector(), swipe('13800138000'), 5).at(-1)).toBeNull();
    expect(feed(new CardSwipeDetector(), swipe('12345678901234567890'), 5).at(-1)).toBeNull();
  });

  it('needs the Enter to be part of the burst, and a pause inside the burst spoils it', () => {
    const d = new CardSwipeDetector();
    const keys = [...'6222021234567890'];
    feed(d, keys, 5);
    expect(d.key('Enter', 1000 + keys.length * 5 + 400)).toBeNull();
    const broken = new CardSwipeDetector();
    feed(broken, [...'62220212'], 5, 0);
    feed(broken, [...'34567890'], 5, 1000); // a 1 s pause in the middle: a new, too short burst
    expect(broken.key('Enter', 1040)).toBeNull();
  });

  it('still reads a swipe that follows a few digits typed slowly, and the next swipe after it', () => {
    const d = new CardSwipeDetector();
    feed(d, ['1', '3', '8'], 300, 0);
    expect(feed(d, swipe('6222021234567890'), 6, 5000).at(-1)).toBe('6222021234567890');
    expect(feed(d, swipe('6222029999999999'), 6, 9000).at(-1)).toBe('6222029999999999');
  });
});
