// A queue of announcements played one after another: a call made while another is being
// spoken waits its turn, so calls never talk over each other. Playing a clip is injected,
// so the queue's order is unit-tested without audio.

export type PlayClip = (clip: string) => Promise<void>;

export class VoiceQueue {
  private readonly pending: string[][] = [];
  private playing = false;
  /** Every announcement started, oldest first (the display shows the latest for tests and staff). */
  readonly started: string[][] = [];

  constructor(
    private readonly play: PlayClip,
    private readonly onStart: (clips: string[]) => void = () => undefined,
  ) {}

  enqueue(clips: string[]): void {
    this.pending.push(clips);
    if (!this.playing) void this.drain();
  }

  get busy(): boolean {
    return this.playing;
  }

  private async drain(): Promise<void> {
    this.playing = true;
    try {
      for (let next = this.pending.shift(); next; next = this.pending.shift()) {
        this.started.push(next);
        this.onStart(next);
        for (const clip of next) {
          // A clip that fails (missing file, blocked audio) is skipped: the rest still speak.
          await this.play(clip).catch(() => undefined);
        }
      }
    } finally {
      this.playing = false;
    }
  }
}
