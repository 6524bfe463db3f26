import { useEffect, useState } from 'react';

/** `value`, once it has stayed the same for `ms` (the text of a search box, sent when typing pauses). */
export function useDebounced<T>(value: T, ms = 300): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}
