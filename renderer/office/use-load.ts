// Loads once per change of its keys (and on `reload`), keeping the last answer and error.
import { useCallback, useEffect, useState } from 'react';

export function useLoad<T>(load: () => Promise<T>, keys: unknown[]): { data: T | null; error: string | null; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (d) => live && (setData(d), setError(null)),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [...keys, tick]);
  return { data, error, reload: useCallback(() => setTick((n) => n + 1), []) };
}
