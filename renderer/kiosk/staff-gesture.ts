// The hidden staff gesture that opens the kiosk's PIN prompt: 5 taps in the top-left corner
// within 3 seconds. A customer does not tap an empty corner five times by chance; staff
// learn it once. Pure: the caller passes each tap's time.
export const TAPS = 5;
export const WINDOW_MS = 3000;

export class StaffGesture {
  private taps: number[] = [];

  /** Returns true on the tap that completes the gesture (and starts counting afresh). */
  tap(at: number): boolean {
    this.taps = [...this.taps.filter((t) => at - t < WINDOW_MS), at];
    if (this.taps.length < TAPS) return false;
    this.taps = [];
    return true;
  }
}
