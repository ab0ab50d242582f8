// What the shipper and the notebook's sync share: rounds with head office, one at a time (each
// schedules the next when it ends, so two never overlap), on a timer that never keeps a
// stopping process alive, and nothing started after stop().
export abstract class OfficeRound {
  private timer: NodeJS.Timeout | null = null;
  protected stopped = false;

  start(): this {
    this.schedule(0);
    return this;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** One round; resolves with the wait before the next (ms). Its own faults it handles itself. */
  protected abstract round(): Promise<number>;

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.round().then((next) => this.schedule(next)), ms);
    this.timer.unref();
  }
}
