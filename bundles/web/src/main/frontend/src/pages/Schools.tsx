import { useMemo } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { asPage, get } from '../api/client';
import type { Municipality, Page, School } from '../api/types';
import { href } from '../app/nav';
import { hasPermission, useSession } from '../app/session';
import { useAddressSearch } from '../app/useAddressSearch';
import { useRemote } from '../app/useRemote';
import { ListStatus } from '../components/ListStatus';
import { PageHeading } from '../components/PageHeading';
import { Pager } from '../components/Pager';
import { SchoolForm, schoolAddress, setSchoolFlash } from '../components/SchoolForm';
import { TableRegion } from '../components/TableRegion';
import { addMessages, t } from '../i18n';
import { listAddress, pageNumber } from '../lib/listQuery';
import schoolTexts from 'virtual:messages/school';

addMessages(schoolTexts);

const SIZE = 50;

/**
 * Schools (ОО), searched by code or name and filtered by municipality; all of it in the address.
 * Each name leads to the school's card; with SCHOOLS_EDIT a form adds a school.
 */
export default function Schools() {
  // The route's own query: while the next page loads, this one stays on screen and must not refetch.
  const { query } = useRoute();
  const { route } = useLocation();
  const { account } = useSession();
  const q = query.q ?? '';
  const municipality = query.municipality ?? '';
  const page = pageNumber(query.page);
  const { text, setText, search } = useAddressSearch(q, (value) =>
    listAddress(href('schools'), { q: value, municipality }));

  const municipalities = useRemote(
    (signal) => get<Page<Municipality> | Municipality[]>('/municipalities', { signal }).then((v) => asPage(v).items),
    [],
  );
  const names = useMemo(
    () => new Map((municipalities.data ?? []).map((m) => [m.code, m.name] as const)),
    [municipalities.data],
  );

  const remote = useRemote(
    (signal) => get<Page<School>>('/schools', { query: { q, municipality, page, size: SIZE }, signal }),
    [q, municipality, page],
  );
  const items = remote.data?.items ?? [];
  const total = remote.data?.total ?? 0;

  return (
    <>
      <PageHeading title={t('schools.title')} />
      {hasPermission(account, 'SCHOOLS_EDIT') && (
        <details class="panel disclosure">
          <summary>{t('school.add')}</summary>
          <SchoolForm
            school={null}
            municipalities={municipalities.data ?? []}
            onSaved={(created) => {
              setSchoolFlash(t('school.created'));
              route(schoolAddress(created.code));
            }}
          />
        </details>
      )}
      <form
        role="search"
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          search.cancel();
          route(listAddress(href('schools'), { q: text, municipality }), true);
        }}
      >
        <div class="field">
          <label for="school-search">{t('schools.search')}</label>
          <input
            id="school-search"
            type="search"
            autocomplete="off"
            spellcheck={false}
            value={text}
            onInput={(e) => {
              const value = e.currentTarget.value;
              setText(value);
              search(value);
            }}
          />
        </div>
        <div class="field">
          <label for="school-municipality">{t('schools.municipality')}</label>
          <select
            id="school-municipality"
            value={municipality}
            onChange={(e) => {
              search.cancel();
              route(listAddress(href('schools'), { q: text, municipality: e.currentTarget.value }), true);
            }}
          >
            <option value="">{t('schools.allMunicipalities')}</option>
            {(municipalities.data ?? []).map((m) => (
              <option key={m.code} value={m.code}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
      </form>
      <ListStatus remote={remote} page={page} size={SIZE} empty={t('schools.empty')} otherError={municipalities.error} />
      {items.length > 0 && (
        <TableRegion captionId="schools-caption" busy={remote.loading}>
          <table class="data">
            <caption id="schools-caption">{t('schools.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('schools.code')}</th>
                <th scope="col">{t('schools.name')}</th>
                <th scope="col">{t('schools.shortName')}</th>
                <th scope="col">{t('schools.municipality')}</th>
                <th scope="col">{t('schools.address')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id}>
                  <td class="nowrap">{s.code}</td>
                  <th scope="row">
                    <a href={schoolAddress(s.code)}>{s.name}</a>
                  </th>
                  <td>{s.shortName ?? t('common.none')}</td>
                  <td>{names.get(s.municipalityCode) ?? s.municipalityCode}</td>
                  <td>{s.address ?? t('common.none')}</td>
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
        onPage={(p) => route(listAddress(href('schools'), { q, municipality, page: p }))}
      />
    </>
  );
}
