// Shows as many of a list's items as fit in its box and hides the rest: a lobby TV never
// scrolls, so a list that would overflow drops its last items (the lists are newest first,
// so the oldest go). Runs after every render and whenever the box changes size.
import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * Hides (the `hidden` attribute) every child from the first that does not fit inside `list`.
 * The list's CSS must let `hidden` win over its items' own display (display.css does).
 */
export function fitChildren(list: HTMLElement): number {
  const kids = [...list.children] as HTMLElement[];
  for (const k of kids) k.hidden = false;
  const box = list.getBoundingClientRect();
  let shown = 0;
  let over = false;
  for (const k of kids) {
    const r = k.getBoundingClientRect();
    over ||= r.bottom > box.bottom + 0.5 || r.right > box.right + 0.5;
    k.hidden = over;
    if (!over) shown++;
  }
  list.dataset.shown = String(shown);
  return shown;
}

export function useFit<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T | null>(null);
  // No dependency list: the items change with every call, and measuring is cheap.
  useLayoutEffect(() => {
    if (ref.current) fitChildren(ref.current);
  });
  useLayoutEffect(() => {
    const list = ref.current;
    if (!list) return;
    const fit = () => fitChildren(list);
    const observer = new ResizeObserver(fit);
    observer.observe(list);
    // The screen's font arrives after the first layout and makes every row taller.
    document.fonts.addEventListener('loadingdone', fit);
    void document.fonts.ready.then(fit);
    return () => {
      observer.disconnect();
      document.fonts.removeEventListener('loadingdone', fit);
    };
  }, []);
  return ref;
}
