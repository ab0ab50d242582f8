// The display's voice: announces every new call and recall through one VoiceQueue. Browsers
// refuse sound until the page is touched once (Electron's display window allows it); while
// refused, the display shows a button to turn the sound on.
import { useEffect, useRef, useState } from 'react';
import type { LobbyView } from '../../live/lobby-state';
import { callMarks, newCalls, type CallMarks } from './new-calls';
import { announcement, clipUrl } from './sequence';
import { VoiceQueue } from './voice-queue';

function playClip(clip: string, onBlocked: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const audio = new Audio(clipUrl(clip));
    audio.onended = () => resolve();
    audio.onerror = () => reject(new Error(`clip ${clip} failed`));
    audio.play().catch((e: unknown) => {
      if (e instanceof DOMException && e.name === 'NotAllowedError') onBlocked();
      reject(e instanceof Error ? e : new Error(String(e)));
    });
  });
}

export interface Voice {
  /** The clips of the latest announcement started, for the screen (and its tests) to show. */
  lastAnnouncement: string[];
  /** True when the browser refused to play: the display asks for one touch. */
  blocked: boolean;
  unblock: () => void;
}

export function useVoice(lobby: LobbyView | null): Voice {
  const [lastAnnouncement, setLast] = useState<string[]>([]);
  const [blocked, setBlocked] = useState(false);
  const queue = useRef<VoiceQueue | null>(null);
  const marks = useRef<CallMarks | null>(null);
  queue.current ??= new VoiceQueue(
    (clip) => playClip(clip, () => setBlocked(true)),
    (clips) => setLast(clips),
  );

  useEffect(() => {
    if (!lobby) return;
    const tickets = Object.values(lobby.tickets);
    // The first state is what was already called before the screen opened: not spoken.
    if (marks.current) for (const call of newCalls(marks.current, tickets)) queue.current!.enqueue(announcement(call.number, call.counter));
    marks.current = callMarks(tickets);
  }, [lobby]);

  return {
    lastAnnouncement,
    blocked,
    unblock: () => {
      // A silent play inside the click unlocks audio for the page.
      void new Audio(clipUrl('chime')).play().then(() => setBlocked(false), () => setBlocked(true));
    },
  };
}
