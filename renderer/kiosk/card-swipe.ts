// Tells a keyboard-wedge card reader from a person at a keyboard. A reader "types" the card
// number as a burst of digits a few milliseconds apart and ends it with Enter; nobody types
// 12 to 19 digits with every gap under 50 ms. Pure: the caller passes each key and its time.
export interface SwipeOptions {
  /** The longest gap between two keys of one swipe (readers: 1–20 ms; people: 100 ms and more). */
  maxGapMs: number;
  minDigits: number;
  maxDigits: number;
}

export const DEFAULT_SWIPE: SwipeOptions = { maxGapMs: 50, minDigits: 12, maxDigits: 19 };

export class CardSwipeDetector {
  private digits = '';
  private last = -Infinity;

  constructor(private readonly opts: SwipeOptions = DEFAULT_SWIPE) {}

  /**
   * Feeds one key (KeyboardEvent.key) pressed at `at` ms. Returns the card number when this
   * Enter ends a swipe, else null. A slow key starts a new burst, so a person who typed a few
   * digits before a swipe does not spoil it.
   */
  key(key: string, at: number): string | null {
    const fast = at - this.last <= this.opts.maxGapMs;
    this.last = at;
    if (/^\d$/.test(key)) {
      this.digits = fast ? this.digits + key : key;
      if (this.digits.length > this.opts.maxDigits) this.digits = '';
      return null;
    }
    const burst = this.digits;
    this.digits = '';
    if (key !== 'Enter' || !fast) return null;
    return burst.length >= this.opts.minDigits ? burst : null;
  }

  /** True while a fast burst is under way: the page should not treat these keys as typing. */
  get inBurst(): boolean {
    return this.digits.length > 1;
  }
}
