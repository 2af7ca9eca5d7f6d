import { useLocation } from 'preact-iso';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { debounce } from '../lib/debounce';

/**
 * A search box whose text lives in the address. Typing moves to the address for the text after
 * a short pause (replacing the history entry, so Back leaves the page rather than each
 * keystroke); Back, Forward or a link show their own text again, but what is being typed is kept.
 *
 * @param q the search text of the current address
 * @param address the address for a new search text, with the page's other filters
 */
export function useAddressSearch(q: string, address: (text: string) => string) {
  const { route } = useLocation();
  const [text, setText] = useState(q);
  useEffect(() => setText((typed) => (typed.trim() === q ? typed : q)), [q]);
  // The debounced call outlives renders: it reads the latest filters and router through a ref.
  const latest = useRef({ route, address });
  latest.current = { route, address };
  const search = useMemo(
    () => debounce((value: string) => latest.current.route(latest.current.address(value), true), 300),
    [],
  );
  useEffect(() => () => search.cancel(), [search]);
  return { text, setText, search };
}
