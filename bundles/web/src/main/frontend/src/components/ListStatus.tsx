import { errorMessage } from '../api/problem';
import type { Page } from '../api/types';
import type { Remote } from '../app/useRemote';
import { t } from '../i18n';
import { ErrorMessage, StatusMessage } from './Messages';
import { listSummary } from './Pager';

/**
 * What a list page says about its list: loading, or which rows of how many are shown (announced
 * politely), a failure (announced at once), or that nothing matched.
 *
 * @param otherError a failure of something else the page loads beside the list (a filter's choices)
 */
export function ListStatus<T>({ remote, page, size, empty, otherError }: {
  remote: Remote<Page<T>>;
  page: number;
  size: number;
  empty: string;
  otherError?: unknown;
}) {
  const items = remote.data?.items ?? [];
  const error = remote.error ?? otherError;
  return (
    <>
      <StatusMessage>
        {remote.loading ? t('list.loading') : remote.data ? listSummary(page, size, remote.data.total, items.length) : ''}
      </StatusMessage>
      <ErrorMessage>{error ? errorMessage(error) : ''}</ErrorMessage>
      {remote.data && items.length === 0 && !remote.loading && <p>{empty}</p>}
    </>
  );
}
