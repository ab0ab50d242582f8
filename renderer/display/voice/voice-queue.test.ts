import { describe, expect, it } from 'vitest';
import { VoiceQueue } from './voice-queue';

describe('voice queue', () => {
  it('plays announcements one after another, never two clips at once, skipping failed clips', async () => {
    const log: string[] = [];
    let playingNow = 0;
    let maxTogether = 0;
    const finish: (() => void)[] = [];
    const queue = new VoiceQueue(async (clip) => {
      playingNow += 1;
      maxTogether = Math.max(maxTogether, playingNow);
      log.push(clip);
      await new Promise<void>((resolve) => finish.push(resolve));
      playingNow -= 1;
      if (clip === 'bad') throw new Error('no such clip');
    });
    queue.enqueue(['chime', 'a1', 'bad', 'a2']);
    queue.enqueue(['chime', 'b1']);
    // Release each clip in turn; a new clip starts only once the last one ended.
    while (queue.busy) {
      await Promise.resolve();
      finish.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(log).toEqual(['chime', 'a1', 'bad', 'a2', 'chime', 'b1']);
    expect(maxTogether).toBe(1);
    expect(queue.started).toEqual([['chime', 'a1', 'bad', 'a2'], ['chime', 'b1']]);
  });
});
