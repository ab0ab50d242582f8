// Plays the hub's voice clips (resources/voice, GET /voice/*) one after another: the
// satisfaction pad's question and the kiosk's prompts to older customers.
import { clipUrl } from '../display/voice/sequence';

/** Resolves when the last clip ends; a browser that refuses sound leaves the screen silent, never stuck. */
export async function playClips(clips: string[]): Promise<void> {
  for (const clip of clips) {
    await new Promise<void>((resolve) => {
      const audio = new Audio(clipUrl(clip));
      audio.onended = () => resolve();
      audio.onerror = () => resolve();
      audio.play().catch(() => resolve());
    });
  }
}
