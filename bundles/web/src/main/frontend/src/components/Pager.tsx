import { t } from '../i18n';
import { pageRange } from '../lib/format';

/** Previous/next page buttons with "page X of Y"; page counts from 0. */
export function Pager({
  page,
  size,
  total,
  shown,
  onPage,
}: {
  page: number;
  size: number;
  total: number;
  shown: number;
  onPage: (page: number) => void;
}) {
  const { pages } = pageRange(page, size, total, shown);
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={t('list.pages')}>
      <button type="button" disabled={page <= 0} onClick={() => onPage(page - 1)}>
        {t('list.previous')}
      </button>
      <span>{t('list.pageOf', { page: page + 1, pages })}</span>
      <button type="button" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>
        {t('list.next')}
      </button>
    </nav>
  );
}

/** "Найдено N записей. Показаны 1–50 из N." for the live status line. */
export function listSummary(page: number, size: number, total: number, shown: number): string {
  const found = t('list.found', { count: total });
  if (total === 0 || shown === 0) return found;
  const { from, to } = pageRange(page, size, total, shown);
  return `${found} ${t('list.range', { from, to, total })}`;
}
