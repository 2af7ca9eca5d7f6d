import { useLocation, useRoute } from 'preact-iso';
import { get } from '../api/client';
import type { Page, Participant } from '../api/types';
import { href } from '../app/nav';
import { hasPermission, useSession } from '../app/session';
import { useAddressSearch } from '../app/useAddressSearch';
import { useRemote } from '../app/useRemote';
import { ListStatus } from '../components/ListStatus';
import { PageHeading } from '../components/PageHeading';
import { Pager } from '../components/Pager';
import { TableRegion } from '../components/TableRegion';
import { t } from '../i18n';
import { documentLabel, formatDate, fullName, specialNeedsLabel } from '../lib/format';
import { listAddress, pageNumber } from '../lib/listQuery';

const SIZE = 50;

/** Participants the account may see, searched by surname; the search and page live in the address. */
export default function Participants() {
  // The route's own query: while the next page loads, this one stays on screen and must not refetch.
  const { query } = useRoute();
  const { route } = useLocation();
  const { account } = useSession();
  const canEdit = hasPermission(account, 'PARTICIPANTS_EDIT');
  const canImport = hasPermission(account, 'PARTICIPANTS_IMPORT');
  const q = query.q ?? '';
  // From a school's card: only that school's participants (the server filters).
  const school = query.school ?? '';
  const page = pageNumber(query.page);
  const { text, setText, search } = useAddressSearch(q, (value) =>
    listAddress(href('participants'), { q: value, school }));

  const remote = useRemote(
    (signal) => get<Page<Participant>>('/participants', { query: { q, school, page, size: SIZE }, signal }),
    [q, school, page],
  );
  const items = remote.data?.items ?? [];
  const total = remote.data?.total ?? 0;

  return (
    <>
      <PageHeading title={t('participants.title')} />
      {(canEdit || canImport) && (
        <p class="page-actions">
          {canEdit && <a href={href('participants/new')}>{t('participants.add')}</a>}
          {canImport && <a href={href('import')}>{t('participants.importLink')}</a>}
        </p>
      )}
      <form
        role="search"
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          search.cancel();
          route(listAddress(href('participants'), { q: text, school }), true);
        }}
      >
        <div class="field">
          <label for="participant-search">{t('participants.search')}</label>
          <input
            id="participant-search"
            type="search"
            autocomplete="off"
            spellcheck={false}
            aria-describedby="participant-search-hint"
            value={text}
            onInput={(e) => {
              const value = e.currentTarget.value;
              setText(value);
              search(value);
            }}
          />
          <p id="participant-search-hint" class="hint">{t('participants.searchHint')}</p>
        </div>
      </form>
      {school && (
        <p>
          {t('participants.schoolFilter', { school })} <a href={listAddress(href('participants'), { q })}>{t('participants.allSchools')}</a>
        </p>
      )}
      <ListStatus remote={remote} page={page} size={SIZE} empty={t('participants.empty')} />
      {items.length > 0 && (
        <TableRegion captionId="participants-caption" busy={remote.loading}>
          <table class="data">
            <caption id="participants-caption">{t('participants.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('participants.fullName')}</th>
                <th scope="col">{t('participants.birthDate')}</th>
                <th scope="col">{t('participants.school')}</th>
                <th scope="col">{t('participants.className')}</th>
                <th scope="col">{t('participants.specialNeeds')}</th>
                <th scope="col">{t('participants.document')}</th>
                <th scope="col">{t('participants.snils')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <a href={href(`participants/${p.id}`)}>{fullName(p)}</a>
                  </th>
                  <td class="nowrap">{formatDate(p.birthDate)}</td>
                  <td>{p.schoolCode}</td>
                  <td>{p.className ?? t('common.none')}</td>
                  <td>{specialNeedsLabel(p)}</td>
                  <td>{documentLabel(p.document)}</td>
                  <td class="nowrap">{p.snils ?? t('common.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Pager
        page={page}
        size={SIZE}
        total={total}
        shown={items.length}
        onPage={(p) => route(listAddress(href('participants'), { q, school, page: p }))}
      />
    </>
  );
}
