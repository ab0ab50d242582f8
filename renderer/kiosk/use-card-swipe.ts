// Listens for a VIP card or an ID card swiped on the kiosk's keyboard-wedge readers (see card-swipe.ts).
import { useEffect, useRef } from 'react';
import { CardSwipeDetector, type Swipe } from './card-swipe';

export function useCardSwipe(onSwipe: (swipe: Swipe) => void, active: boolean): void {
  const callback = useRef(onSwipe);
  callback.current = onSwipe;
  useEffect(() => {
    if (!active) return;
    const detector = new CardSwipeDetector();
    const onKey = (e: KeyboardEvent) => {
      // Typing in a field (the staff PIN prompt) is never a swipe.
      if (e.target instanceof HTMLInputElement) return;
      const swipe = detector.key(e.key, e.timeStamp);
      if (swipe) {
        e.preventDefault();
        callback.current(swipe);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
}
