// Keyboard shortcuts for the counter's actions, off while the teller types in a field or a
// dialog is open (the dialog has its own keys).
import { useEffect, useRef } from 'react';
import { choiceForKey, type KeyChoice } from './actions';

export function useShortcuts(onChoice: (c: KeyChoice) => void, enabled: boolean): void {
  const handler = useRef(onChoice);
  handler.current = onChoice;
  const on = useRef(enabled);
  on.current = enabled;
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (!on.current) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const c = choiceForKey(e);
      if (!c || e.repeat) return;
      e.preventDefault();
      handler.current(c);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
