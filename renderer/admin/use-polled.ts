// What an admin card shows from the hub: read at once and every few seconds, the error of
// the last read or action in a plain sentence, and actions that read again when they are done.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useErrorText } from '../ui/error-text';

const REFRESH_MS = 5000;

export interface Polled<T> {
  data: T | null;
  /** When `data` was read: relative times ("3 min ago") are counted from it. */
  readAt: number;
  error: string | null;
  /** Runs an action, then reads again; false (with its error shown) when the hub refused it. */
  act(action: () => Promise<unknown>): Promise<boolean>;
}

export function usePolled<T>(read: () => Promise<T>): Polled<T> {
  const errorText = useErrorText();
  const readRef = useRef(read);
  readRef.current = read;
  const [data, setData] = useState<T | null>(null);
  const [readAt, setReadAt] = useState(() => Date.now());
  // A refused action keeps its sentence until the next action; a failed read only until a read works.
  const [error, setError] = useState<{ text: string; fromRead: boolean } | null>(null);

  const reload = useCallback(async () => {
    try {
      setData(await readRef.current());
      setReadAt(Date.now());
      setError((e) => (e?.fromRead ? null : e));
    } catch (e) {
      setError({ text: errorText(e), fromRead: true });
    }
  }, [errorText]);

  useEffect(() => {
    void reload();
    const timer = setInterval(() => void reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const act = useCallback(
    async (action: () => Promise<unknown>) => {
      setError(null);
      let ok = true;
      try {
        await action();
      } catch (e) {
        setError({ text: errorText(e), fromRead: false });
        ok = false;
      }
      await reload();
      return ok;
    },
    [errorText, reload],
  );

  return { data, readAt, error: error?.text ?? null, act };
}
