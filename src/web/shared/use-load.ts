import { useCallback, useEffect, useRef, useState } from 'react';

export type Load<T> =
  { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; data: T };

/**
 * Loads data for a page and reloads it on demand (after a change). A reload keeps showing the data
 * it replaces, so the page (and the message of what was just done) stays in place; only new
 * dependencies (another hamlet, another page) start from "loading".
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): [Load<T>, () => void] {
  const [value, setValue] = useState<Load<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  const run = useCallback(load, deps);
  const lastRun = useRef(run);
  useEffect(() => {
    let live = true;
    const sameSource = lastRun.current === run;
    lastRun.current = run;
    if (!sameSource) setValue({ state: 'loading' });
    run().then(
      (data) => live && setValue({ state: 'ready', data }),
      (e: unknown) =>
        live && setValue({ state: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [run, tick]);
  return [value, () => setTick((n) => n + 1)];
}
