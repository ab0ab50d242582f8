import { describe, expect, it } from 'vitest';
import { CardSwipeDetector, classifyBurst, type Swipe } from './card-swipe';

/** Feeds `keys` with `gap` ms between them and returns what the detector reported. */
function feed(d: CardSwipeDetector, keys: string[], gap: number, start = 1000): (Swipe | null)[] {
  return keys.map((k, i) => d.key(k, start + i * gap));
}
const swipe = (card: string) => [...card, 'Enter'];
const card = (number: string): Swipe => ({ kind: 'card', number });
const TODAY = new Date(2026, 11, 2);
const detector = () => new CardSwipeDetector(undefined, () => TODAY);

describe('card swipe detector', () => {
  it('reads a card number typed by a reader (8 ms between keys, Enter at the end)', () => {
    const out = feed(new CardSwipeDetector(), swipe('6222021234567890123'), 8);
    expect(out.at(-1)).toEqual(card('6222021234567890123'));
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
    expect(feed(d, swipe('6222021234567890'), 6, 5000).at(-1)).toEqual(card('6222021234567890'));
    expect(feed(d, swipe('6222029999999999'), 6, 9000).at(-1)).toEqual(card('6222029999999999'));
  });

  it('tells an ID card (18 characters, right check character and birth date) from a VIP card', () => {
    // Born 31 Dec 1949, check character X; born 15 Jun 1955, check 3.
    expect(feed(detector(), swipe('11010519491231002X'), 8).at(-1)).toEqual({ kind: 'idCard', number: '11010519491231002X', valid: true });
    expect(feed(detector(), swipe('440304195506151233'), 8).at(-1)).toEqual({ kind: 'idCard', number: '440304195506151233', valid: true });
    // A reader that types a lower-case x is read the same.
    expect(feed(detector(), swipe('11010519491231002x'), 8).at(-1)).toEqual({ kind: 'idCard', number: '11010519491231002X', valid: true });
    // A 16- and a 19-digit bank card stay VIP cards.
    expect(feed(detector(), swipe('6222021234567890'), 8).at(-1)).toEqual(card('6222021234567890'));
    expect(feed(detector(), swipe('6222021234567890123'), 8).at(-1)).toEqual(card('6222021234567890123'));
  });

  it('an 18-digit burst with a wrong check digit is a card; with an X it is a bad ID read', () => {
    expect(classifyBurst('440304195506151234', TODAY)).toEqual(card('440304195506151234'));
    expect(classifyBurst('44030419550615123X', TODAY)).toEqual({ kind: 'idCard', number: '44030419550615123X', valid: false });
  });

  it('a right check character with an impossible or future birth date is not a valid ID', () => {
    // 2030-01-01 is after today; its check character X makes it an ID read, not valid.
    expect(classifyBurst('11010520300101001X', TODAY)).toEqual({ kind: 'idCard', number: '11010520300101001X', valid: false });
  });

  it('a person typing an ID number slowly is no swipe', () => {
    expect(feed(detector(), swipe('11010519491231002X'), 150).every((x) => x === null)).toBe(true);
  });
});
