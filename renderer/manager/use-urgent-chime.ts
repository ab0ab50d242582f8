// A short chime when a customer at a kiosk asks for the manager (a new urgent alert), with the
// display's clip and the display's way round browsers' autoplay rule: sound needs one touch
// of the page first; while the browser refuses, the console shows a button to turn it on.
// (Electron's windows allow it; a tablet's browser usually does not.)
import { useEffect, useRef, useState } from 'react';
import { clipUrl } from '../display/voice/sequence';

export interface Chime {
  /** How many chimes were started: for the screen's tests. */
  played: number;
  blocked: boolean;
  unblock: () => void;
}

export function useUrgentChime(urgentIds: readonly string[]): Chime {
  const seen = useRef(new Set<string>());
  const [played, setPlayed] = useState(0);
  const [blocked, setBlocked] = useState(false);
  const key = urgentIds.join(',');

  useEffect(() => {
    // Each urgent alert chimes once, when it first shows (also when the console opens with one waiting).
    const fresh = urgentIds.filter((id) => !seen.current.has(id));
    for (const id of fresh) seen.current.add(id);
    if (fresh.length === 0) return;
    // One chime however many arrived at once.
    setPlayed((n) => n + 1);
    new Audio(clipUrl('chime')).play().catch((e: unknown) => {
      if (e instanceof DOMException && e.name === 'NotAllowedError') setBlocked(true);
    });
    // Keyed by the ids' text, not the array's identity (a new array on every reload).
  }, [key]);

  return {
    played,
    blocked,
    unblock: () => {
      // Played inside the click, it unlocks audio for the page.
      void new Audio(clipUrl('chime')).play().then(
        () => setBlocked(false),
        () => setBlocked(true),
      );
    },
  };
}
