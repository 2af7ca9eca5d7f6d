import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { asPage, get } from '../api/client';
import { errorMessage } from '../api/problem';
import type { ExamDay, Municipality, Page, School } from '../api/types';
import { href } from '../app/nav';
import { hasPermission, useSession } from '../app/session';
import { useRemote } from '../app/useRemote';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { PageHeading, focusPageHeading } from '../components/PageHeading';
import { SchoolForm, schoolAddress, setSchoolFlash, takeSchoolFlash } from '../components/SchoolForm';
import { addMessages, t } from '../i18n';
import { formatLongDate } from '../lib/format';
import { listAddress } from '../lib/listQuery';
import schoolTexts from 'virtual:messages/school';

addMessages(schoolTexts);

/**
 * One school (ОО): its details, links to its participants, venues and the seating of each exam
 * day, and (with SCHOOLS_EDIT) the edit form.
 */
export default function SchoolCard() {
  const { params } = useRoute();
  const { route } = useLocation();
  const { account } = useSession();
  const code: string = params.code;
  const canEdit = hasPermission(account, 'SCHOOLS_EDIT');
  const [school, setSchool] = useState<School | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    const controller = new AbortController();
    setSchool(null);
    setError(null);
    setEditing(false);
    setNotice(takeSchoolFlash());
    get<School>(`/schools/${encodeURIComponent(code)}`, { signal: controller.signal }).then(setSchool, (e: unknown) => {
      if (!controller.signal.aborted) setError(e);
    });
    return () => controller.abort();
  }, [code]);

  const municipalities = useRemote(
    (signal) => get<Page<Municipality> | Municipality[]>('/municipalities', { signal }).then((v) => asPage(v).items),
    [],
  );
  const days = useRemote(
    (signal) =>
      get<Page<ExamDay> | ExamDay[]>('/exam-days', { signal }).then((v) =>
        asPage(v).items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
      ),
    [],
  );

  const back = (
    <p class="back-link">
      <a href={href('schools')}>{t('school.backToList')}</a>
    </p>
  );
  if (!school) {
    return (
      <>
        <PageHeading title={t('school.title')} />
        <StatusMessage>{error ? '' : t('app.loading')}</StatusMessage>
        <ErrorMessage>{error ? errorMessage(error) : ''}</ErrorMessage>
        {back}
      </>
    );
  }

  const municipality = (municipalities.data ?? []).find((m) => m.code === school.municipalityCode);
  const none = t('common.none');
  const rows: [string, string][] = [
    [t('school.code'), school.code],
    [t('schools.name'), school.name],
    [t('schools.shortName'), school.shortName ?? none],
    [t('school.municipality'), municipality ? `${municipality.name} (${municipality.code})` : school.municipalityCode],
    [t('schools.address'), school.address ?? none],
  ];
  const schoolQuery = { school: school.code };

  return (
    <>
      <PageHeading title={school.name} />
      {back}
      <StatusMessage>{notice}</StatusMessage>
      {editing ? (
        <section class="panel" aria-labelledby="school-form-title">
          <SchoolForm
            school={school}
            municipalities={municipalities.data ?? []}
            focusTitle
            onSaved={(saved) => {
              if (saved.code !== school.code) {
                // The code is the address: the card moves with it, and the notice travels along.
                setSchoolFlash(t('school.saved'));
                route(schoolAddress(saved.code), true);
                return;
              }
              setEditing(false);
              setNotice(t('school.saved'));
              setSchool(saved);
              setTimeout(focusPageHeading);
            }}
            onCancel={() => {
              setEditing(false);
              setTimeout(focusPageHeading);
            }}
          />
        </section>
      ) : (
        <section class="panel" aria-labelledby="school-data-title">
          <h2 id="school-data-title">{t('school.dataTitle')}</h2>
          <dl class="details">
            {rows.map(([term, value]) => (
              <div key={term} class="details-row">
                <dt>{term}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          {canEdit && (
            <div class="form-actions">
              <button
                type="button"
                class="primary"
                onClick={() => {
                  setNotice('');
                  setEditing(true);
                }}
              >
                {t('school.edit')}
              </button>
            </div>
          )}
        </section>
      )}
      <section class="panel" aria-labelledby="school-links-title">
        <h2 id="school-links-title">{t('school.linksTitle')}</h2>
        <ul class="link-list">
          {hasPermission(account, 'PARTICIPANTS_READ') && (
            <li>
              <a href={listAddress(href('participants'), schoolQuery)}>{t('school.participants')}</a>
            </li>
          )}
          <li>
            <a href={listAddress(href('venues'), schoolQuery)}>{t('school.venues')}</a>
          </li>
        </ul>
        <h3 id="school-seating-title">{t('school.seatingTitle')}</h3>
        <ErrorMessage>{days.error ? errorMessage(days.error) : ''}</ErrorMessage>
        {days.data && days.data.length === 0 && <p>{t('school.noExamDays')}</p>}
        {days.data && days.data.length > 0 && (
          <ul class="link-list" aria-labelledby="school-seating-title">
            {days.data.map((d) => (
              <li key={d.id}>
                <a href={listAddress(href(`exam-days/${d.id}`), schoolQuery)}>
                  {t('school.seatingLink', { date: formatLongDate(d.date) })}
                </a>{' '}
                ({t(`examDayKind.${d.kind}`)})
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
