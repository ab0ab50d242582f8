// Listens for a VIP card swiped on the kiosk's keyboard-wedge reader (see card-swipe.ts).
import { useEffect, useRef } from 'react';
import { CardSwipeDetector } from './card-swipe';

export function useCardSwipe(onCard: (card: string) => void, active: boolean): void {
  const callback = useRef(onCard);
  callback.current = onCard;
  useEffect(() => {
    if (!active) return;
    const detector = new CardSwipeDetector();
    const onKey = (e: KeyboardEvent) => {
      // Typing in a field (the staff PIN prompt) is never a swipe.
      if (e.target instanceof HTMLInputElement) return;
      const card = detector.key(e.key, e.timeStamp);
      if (card) {
        e.preventDefault();
        callback.current(card);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
}
