// Load-and-reload for a records tab: the data, a reload function, and the error sentence.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useErrorText } from '../ui/error-text';

export function useLoader<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; reload: () => Promise<void>; error: string | null; setError: (e: string | null) => void; run: (action: () => Promise<unknown>) => Promise<boolean>; attempt: (action: () => Promise<unknown>) => Promise<void> } {
  const errorText = useErrorText();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The latest load wins: a read started before an action (a live event's) may answer after
  // the read that follows the action, and must not put the old list back on screen.
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++latest.current;
    try {
      const loaded = await load();
      if (mine === latest.current) setData(loaded);
    } catch (e) {
      if (mine === latest.current) setError(errorText(e));
    }
  }, deps);
  useEffect(() => {
    void reload();
  }, [reload]);
  /** Runs an action, shows its error as a sentence, reloads; true when it worked. */
  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      setError(null);
      try {
        await action();
        await reload();
        return true;
      } catch (e) {
        setError(errorText(e));
        return false;
      }
    },
    [reload, errorText],
  );
  /**
   * Runs an action and reloads; its error is thrown to the caller, not shown on the page: for a
   * dialog that shows the error itself and stays open (a wrong PIN at the signature pad).
   */
  const attempt = useCallback(
    async (action: () => Promise<unknown>) => {
      await action();
      await reload();
    },
    [reload],
  );
  return { data, reload, error, setError, run, attempt };
}
