// Tells a keyboard-wedge reader from a person at a keyboard, and a VIP card from an ID card.
// A reader "types" the number as a burst of keys a few milliseconds apart and ends it with
// Enter; nobody types 12 to 19 characters with every gap under 50 ms. The VIP card's reader
// types 12 to 19 digits; the ID-card reader types the 18-character resident ID number (17
// digits and a check character, 0-9 or X). Pure: the caller passes each key and its time.
import { checkResidentId } from '../../main/common/resident-id';

export interface SwipeOptions {
  /** The longest gap between two keys of one swipe (readers: 1–20 ms; people: 100 ms and more). */
  maxGapMs: number;
  minDigits: number;
  maxDigits: number;
}

export const DEFAULT_SWIPE: SwipeOptions = { maxGapMs: 50, minDigits: 12, maxDigits: 19 };

/**
 * What a burst was. An ID card: `valid` false when it has the ID's shape but a wrong check
 * character or birth date (a bad read), so the kiosk can say so at once.
 */
export type Swipe = { kind: 'card'; number: string } | { kind: 'idCard'; number: string; valid: boolean };

/**
 * Decision: an 18-character burst is an ID card when it ends in X (no bank card has a letter)
 * or when its check character and birth date are right; any other 12–19 digits are a VIP
 * card. An 18-digit bank card passes both ID checks about once in a few thousand: it then
 * starts the older customers' flow, whose 请大堂经理帮我 is always on the screen.
 */
export function classifyBurst(burst: string, today: Date): Swipe | null {
  const upper = burst.toUpperCase();
  if (/^\d{17}[\dX]$/.test(upper)) {
    // The hub's own rules (the hub checks again and reads the age); the kiosk's local date.
    const valid = checkResidentId(upper, localDate(today)).ok;
    if (valid || upper.endsWith('X')) return { kind: 'idCard', number: upper, valid };
  }
  return /^\d{12,19}$/.test(burst) ? { kind: 'card', number: burst } : null;
}

/** YYYY-MM-DD of `d` in the kiosk's time zone. */
function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export class CardSwipeDetector {
  private chars = '';
  private last = -Infinity;

  constructor(
    private readonly opts: SwipeOptions = DEFAULT_SWIPE,
    private readonly today: () => Date = () => new Date(),
  ) {}

  /**
   * Feeds one key (KeyboardEvent.key) pressed at `at` ms. Returns the swipe when this Enter
   * ends one, else null. A slow key starts a new burst, so a person who typed a few digits
   * before a swipe does not spoil it.
   */
  key(key: string, at: number): Swipe | null {
    const fast = at - this.last <= this.opts.maxGapMs;
    this.last = at;
    if (/^[\dXx]$/.test(key)) {
      this.chars = fast ? this.chars + key : key;
      if (this.chars.length > this.opts.maxDigits) this.chars = '';
      return null;
    }
    const burst = this.chars;
    this.chars = '';
    if (key !== 'Enter' || !fast || burst.length < this.opts.minDigits) return null;
    return classifyBurst(burst, this.today());
  }

  /** True while a fast burst is under way: the page should not treat these keys as typing. */
  get inBurst(): boolean {
    return this.chars.length > 1;
  }
}
