// Calls onIdle after `seconds` without a touch or a key anywhere on the page: the kiosk then
// goes back to its start for the next customer.
import { useEffect, useRef } from 'react';

export function useIdle(seconds: number, onIdle: () => void, active = true): void {
  const callback = useRef(onIdle);
  callback.current = onIdle;
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(() => callback.current(), seconds * 1000);
    const touch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => callback.current(), seconds * 1000);
    };
    window.addEventListener('pointerdown', touch, true);
    window.addEventListener('keydown', touch, true);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointerdown', touch, true);
      window.removeEventListener('keydown', touch, true);
    };
  }, [seconds, active]);
}
