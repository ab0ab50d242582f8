// Keyboard shortcuts for the counter's actions, off while the teller types in a field.
import { useEffect, useRef } from 'react';
import { actionForKey, type ActionDef } from './actions';

export function useShortcuts(onAction: (a: ActionDef) => void): void {
  const handler = useRef(onAction);
  handler.current = onAction;
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const a = actionForKey(e);
      if (!a || e.repeat) return;
      e.preventDefault();
      handler.current(a);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
