/** The address of a list page with its search, filters and page; empty values and page 0 are left out. */
export function listAddress(path: string, params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined) continue;
    if (key === 'page' && Number(value) <= 0) continue;
    const text = String(value).trim();
    if (text !== '') search.set(key, text);
  }
  const s = search.toString();
  return s ? `${path}?${s}` : path;
}

/** A page number from the address: a whole number from 0, anything else is 0. */
export function pageNumber(value: string | undefined): number {
  if (value === undefined || !/^\d{1,6}$/.test(value)) return 0;
  return Number.parseInt(value, 10);
}
