import { useEffect, useState } from 'preact/hooks';

export interface Remote<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
}

/**
 * Loads data whenever deps change, cancelling the previous request; keeps the last data
 * while the next request runs so a table does not flicker.
 */
export function useRemote<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Remote<T> {
  const [state, setState] = useState<Remote<T>>({ loading: true });
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ data: s.data, loading: true }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, loading: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ error, loading: false });
      },
    );
    return () => controller.abort();
  }, deps);
  return state;
}
