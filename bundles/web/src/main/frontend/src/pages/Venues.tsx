import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { asPage, get, post } from '../api/client';
import type { Municipality, Page, Venue } from '../api/types';
import { href } from '../app/nav';
import { hasPermission, useSession } from '../app/session';
import { useRemote } from '../app/useRemote';
import { ErrorSummary, FormActions, RequiredNote, TextField } from '../components/Form';
import { ListStatus } from '../components/ListStatus';
import { PageHeading } from '../components/PageHeading';
import { Pager } from '../components/Pager';
import { TableRegion } from '../components/TableRegion';
import { addMessages, t } from '../i18n';
import { NO_ERRORS, fieldErrors, type FieldErrors } from '../lib/fieldErrors';
import { listAddress, pageNumber } from '../lib/listQuery';
import venuesTexts from 'virtual:messages/venues';
import formTexts from 'virtual:messages/form';

addMessages(venuesTexts, formTexts);

const SIZE = 50;

const VENUE_ALIASES = { code: ['Код ППЭ'], name: ['Наименование'], address: ['Адрес'], schoolCode: ['Код ОО', 'school'] };
type VenueForm = Record<keyof typeof VENUE_ALIASES, string>;

function NewVenue({ defaultSchool }: { defaultSchool: string }) {
  const { route } = useLocation();
  const empty: VenueForm = { code: '', name: '', address: '', schoolCode: defaultSchool };
  const [form, setForm] = useState<VenueForm>(empty);
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const labels: VenueForm = {
    code: t('venues.code'),
    name: t('venues.name'),
    address: t('venues.address'),
    schoolCode: t('venues.schoolCode'),
  };
  const field = (key: keyof VenueForm) => ({
    id: `venue-${key}`,
    label: labels[key],
    value: form[key],
    onValue: (v: string) => setForm((f) => ({ ...f, [key]: v })),
    errors: errors.fields[key],
    autocomplete: 'off',
  });

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const missing = (['code', 'name'] as const).filter((k) => form[k].trim() === '');
    if (missing.length) {
      setErrors({ fields: Object.fromEntries(missing.map((k) => [k, [t('form.required', { field: labels[k] })]])), other: [] });
      return;
    }
    setBusy(true);
    try {
      const venue = await post<Venue>('/venues', {
        code: form.code.trim(),
        name: form.name.trim(),
        address: form.address.trim() || null,
        schoolCode: form.schoolCode.trim() || null,
      });
      route(href(`venues/${venue.id}`));
    } catch (err) {
      setErrors(fieldErrors(err, VENUE_ALIASES));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details class="panel disclosure">
      <summary>{t('venues.add')}</summary>
      <form class="wide-form" onSubmit={submit} noValidate aria-label={t('venues.add')}>
        <RequiredNote />
        <ErrorSummary errors={errors} labels={labels} fieldId={(f) => `venue-${f}`} />
        <div class="form-grid">
          <TextField {...field('code')} required spellcheck={false} hint={t('venues.codeHint')} />
          <TextField {...field('schoolCode')} spellcheck={false} inputMode="numeric" hint={t('venues.schoolCodeHint')} />
          <TextField {...field('name')} required class="span-2" />
          <TextField {...field('address')} class="span-2" />
        </div>
        <FormActions>
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('common.saving') : t('venues.create')}
          </button>
        </FormActions>
      </form>
    </details>
  );
}

/** Venues (места проведения), filtered by school or municipality, with a form to add one. */
export default function Venues() {
  const { query } = useRoute();
  const { route } = useLocation();
  const { account } = useSession();
  const school = query.school ?? '';
  const municipality = query.municipality ?? '';
  const page = pageNumber(query.page);
  const [text, setText] = useState(school);
  useEffect(() => setText((typed) => (typed.trim() === school ? typed : school)), [school]);

  const municipalities = useRemote(
    (signal) => get<Page<Municipality> | Municipality[]>('/municipalities', { signal }).then((v) => asPage(v).items),
    [],
  );
  const remote = useRemote(
    (signal) => get<Page<Venue>>('/venues', { query: { school, municipality, page, size: SIZE }, signal }),
    [school, municipality, page],
  );
  const items = remote.data?.items ?? [];
  const total = remote.data?.total ?? 0;
  const ownSchools = account.grants.filter((g) => g.scope.level === 'SCHOOL').map((g) => g.scope.code ?? '');

  return (
    <>
      <PageHeading title={t('venues.title')} />
      {hasPermission(account, 'VENUES_EDIT') && <NewVenue defaultSchool={ownSchools.length === 1 ? ownSchools[0] : ''} />}
      <form
        role="search"
        class="filters"
        aria-label={t('venues.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          route(listAddress(href('venues'), { school: text, municipality }), true);
        }}
      >
        <div class="field">
          <label for="venue-school-filter">{t('venues.schoolFilter')}</label>
          <input
            id="venue-school-filter"
            type="search"
            inputMode="numeric"
            autocomplete="off"
            spellcheck={false}
            aria-describedby="venue-school-filter-hint"
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <p id="venue-school-filter-hint" class="hint">
            {t('venues.schoolFilterHint')}
          </p>
        </div>
        <div class="field">
          <label for="venue-municipality">{t('schools.municipality')}</label>
          <select
            id="venue-municipality"
            value={municipality}
            onChange={(e) => {
              route(listAddress(href('venues'), { school: text, municipality: e.currentTarget.value }), true);
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
        <div class="filter-actions">
          <button type="submit">{t('list.apply')}</button>
        </div>
      </form>
      <ListStatus remote={remote} page={page} size={SIZE} empty={t('venues.empty')} />
      {items.length > 0 && (
        <TableRegion captionId="venues-caption" busy={remote.loading}>
          <table class="data">
            <caption id="venues-caption">{t('venues.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('venues.code')}</th>
                <th scope="col">{t('venues.name')}</th>
                <th scope="col">{t('venues.address')}</th>
                <th scope="col">{t('venues.schoolCode')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((v) => (
                <tr key={v.id}>
                  <td class="nowrap">{v.code}</td>
                  <th scope="row">
                    <a href={href(`venues/${v.id}`)}>{v.name}</a>
                  </th>
                  <td>{v.address ?? t('common.none')}</td>
                  <td class="nowrap">{v.schoolCode ?? t('common.none')}</td>
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
        onPage={(p) => route(listAddress(href('venues'), { school, municipality, page: p }))}
      />
    </>
  );
}
