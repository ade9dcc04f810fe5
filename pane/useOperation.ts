import { useCallback, useEffect, useRef, useState } from 'react';
import type { LongRunOptions } from '../core/operations';
import { isAbort } from './format';

export interface OperationState<T> {
  busy: boolean;
  result: T | null;
  error: unknown;
  /** Runs `fn`; a rejection is kept as `error` (shown in a message bar), never thrown. */
  run: (fn: () => Promise<T>) => Promise<void>;
  clearError: () => void;
}

/** One workbook command's state: busy while it runs, then its result or its error. */
export function useOperation<T>(): OperationState<T> {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const mounted = useMounted();
  const run = useCallback(
    async (fn: () => Promise<T>) => {
      setBusy(true);
      setError(null);
      // A new run replaces the last one's outcome: never an old result beside a new error.
      setResult(null);
      try {
        const r = await fn();
        if (mounted.current) setResult(r);
      } catch (e) {
        if (mounted.current) setError(e ?? new Error());
      } finally {
        if (mounted.current) setBusy(false);
      }
    },
    [mounted],
  );
  const clearError = useCallback(() => setError(null), []);
  return { busy, result, error, run, clearError };
}

export interface LongRunState<T> extends OperationState<T> {
  progress: { done: number; total: number } | null;
  /** True when the last run ended because Cancel was pressed. */
  cancelled: boolean;
  start: (fn: (options: LongRunOptions) => Promise<T>) => Promise<void>;
  cancel: () => void;
}

/** A long command with progress and a Cancel button wired to an AbortController. */
export function useLongRun<T extends { cancelled: boolean }>(): LongRunState<T> {
  const op = useOperation<T>();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const mounted = useMounted();
  const { run } = op;
  const start = useCallback(
    async (fn: (options: LongRunOptions) => Promise<T>) => {
      const c = new AbortController();
      controller.current = c;
      setCancelled(false);
      setProgress(null);
      let aborted = false;
      await run(async () => {
        try {
          const r = await fn({
            signal: c.signal,
            onProgress: (done, total) => {
              if (mounted.current && controller.current === c) setProgress({ done, total });
            },
          });
          aborted = r.cancelled;
          return r;
        } catch (e) {
          // An operation may reject with an AbortError instead of resolving `cancelled`.
          if (isAbort(e) || c.signal.aborted) {
            aborted = true;
            throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
          }
          throw e;
        }
      });
      if (controller.current === c) controller.current = null;
      if (mounted.current) {
        setCancelled(aborted);
        setProgress(null);
      }
    },
    [run, mounted],
  );
  const cancel = useCallback(() => controller.current?.abort(), []);
  // An AbortError is not a failure: the pane says "cancelled" instead of showing an error.
  const error = isAbort(op.error) ? null : op.error;
  return { ...op, error, progress, cancelled, start, cancel };
}

function useMounted() {
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}
