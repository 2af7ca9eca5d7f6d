import { useEffect, useRef, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { asPage, get, post } from '../api/client';
import { errorMessage } from '../api/problem';
import type { Auditorium, AuditoriumRole, Page, Venue } from '../api/types';
import { href } from '../app/nav';
import { hasPermission, useSession } from '../app/session';
import { ErrorSummary, FormActions, RequiredNote, SelectField, TextField } from '../components/Form';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { PageHeading } from '../components/PageHeading';
import { TableRegion } from '../components/TableRegion';
import { addMessages, t } from '../i18n';
import { NO_ERRORS, fieldErrors, type FieldErrors } from '../lib/fieldErrors';
import venuesTexts from 'virtual:messages/venues';
import venueTexts from 'virtual:messages/venue';
import auditoriumRoleTexts from 'virtual:messages/auditoriumRole';
import formTexts from 'virtual:messages/form';

addMessages(venuesTexts, venueTexts, auditoriumRoleTexts, formTexts);

const AUDITORIUM_ALIASES = { number: ['Номер', 'Номер аудитории'], capacity: ['Вместимость'], role: ['Назначение'] };
const ROLES: readonly AuditoriumRole[] = ['INTERVIEW', 'WAITING'];
const byNumber = new Intl.Collator('ru', { numeric: true });

function NewAuditorium({ venueId, onAdded }: { venueId: number; onAdded: (a: Auditorium) => void }) {
  const [number, setNumber] = useState('');
  const [capacity, setCapacity] = useState('1');
  const [role, setRole] = useState<AuditoriumRole>('INTERVIEW');
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const numberRef = useRef<HTMLDivElement>(null);
  const labels = { number: t('venue.number'), capacity: t('venue.capacity'), role: t('venue.role') };

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const fields: Record<string, string[]> = {};
    if (number.trim() === '') fields.number = [t('form.required', { field: labels.number })];
    if (!/^\d{1,4}$/.test(capacity.trim())) fields.capacity = [t('form.wholeNumber', { field: labels.capacity })];
    if (Object.keys(fields).length) {
      setErrors({ fields, other: [] });
      return;
    }
    setBusy(true);
    try {
      const created = await post<Auditorium>(`/venues/${venueId}/auditoriums`, {
        number: number.trim(),
        capacity: Number.parseInt(capacity.trim(), 10),
        role,
      });
      setErrors(NO_ERRORS);
      setNumber('');
      onAdded(created);
      numberRef.current?.querySelector('input')?.focus();
    } catch (err) {
      setErrors(fieldErrors(err, AUDITORIUM_ALIASES));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="wide-form" onSubmit={submit} noValidate aria-labelledby="auditorium-form-title">
      <h3 id="auditorium-form-title">{t('venue.addAuditorium')}</h3>
      <RequiredNote />
      <ErrorSummary errors={errors} labels={labels} fieldId={(f) => `auditorium-${f}`} />
      <div class="form-grid" ref={numberRef}>
        <TextField
          id="auditorium-number"
          label={labels.number}
          value={number}
          onValue={setNumber}
          errors={errors.fields.number}
          required
          autocomplete="off"
          spellcheck={false}
        />
        <TextField
          id="auditorium-capacity"
          label={labels.capacity}
          value={capacity}
          onValue={setCapacity}
          errors={errors.fields.capacity}
          required
          type="number"
          min={1}
          max={500}
          step={1}
          inputMode="numeric"
          hint={t('venue.capacityHint')}
        />
        <SelectField
          id="auditorium-role"
          label={labels.role}
          value={role}
          onValue={(v) => setRole(v as AuditoriumRole)}
          options={ROLES.map((r) => ({ value: r, label: t(`auditoriumRole.${r}`) }))}
          errors={errors.fields.role}
        />
      </div>
      <FormActions>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('common.saving') : t('venue.createAuditorium')}
        </button>
      </FormActions>
    </form>
  );
}

/** One venue: its details and auditoriums, and (with VENUES_EDIT) a form to add an auditorium. */
export default function VenueCard() {
  const { params } = useRoute();
  const { account } = useSession();
  const id: string = params.id;
  const [venue, setVenue] = useState<Venue | null>(null);
  const [rooms, setRooms] = useState<Auditorium[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    const controller = new AbortController();
    setVenue(null);
    setRooms(null);
    setError(null);
    setNotice('');
    const path = `/venues/${encodeURIComponent(id)}`;
    Promise.all([
      get<Venue>(path, { signal: controller.signal }),
      get<Page<Auditorium>>(`${path}/auditoriums`, { signal: controller.signal }),
    ]).then(
      ([v, a]) => {
        setVenue(v);
        setRooms(asPage(a).items);
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      },
    );
    return () => controller.abort();
  }, [id]);

  const back = (
    <p class="back-link">
      <a href={href('venues')}>{t('venue.backToList')}</a>
    </p>
  );
  if (!venue || !rooms) {
    return (
      <>
        <PageHeading title={t('venue.title')} />
        <StatusMessage>{error ? '' : t('app.loading')}</StatusMessage>
        <ErrorMessage>{error ? errorMessage(error) : ''}</ErrorMessage>
        {back}
      </>
    );
  }

  const sorted = [...rooms].sort((a, b) => byNumber.compare(a.number, b.number));
  const interviewRooms = rooms.filter((r) => r.role === 'INTERVIEW').length;
  return (
    <>
      <PageHeading title={venue.name} />
      {back}
      <section class="panel" aria-labelledby="venue-data-title">
        <h2 id="venue-data-title">{t('venue.dataTitle')}</h2>
        <dl class="details">
          <div class="details-row">
            <dt>{t('venues.code')}</dt>
            <dd>{venue.code}</dd>
          </div>
          <div class="details-row">
            <dt>{t('venues.address')}</dt>
            <dd>{venue.address ?? t('common.none')}</dd>
          </div>
          <div class="details-row">
            <dt>{t('venues.schoolCode')}</dt>
            <dd>{venue.schoolCode ?? t('venue.notSchool')}</dd>
          </div>
        </dl>
      </section>
      <section class="panel" aria-labelledby="auditoriums-title">
        <h2 id="auditoriums-title">{t('venue.auditoriums')}</h2>
        <StatusMessage>{notice || t('venue.auditoriumCount', { count: rooms.length, interview: interviewRooms })}</StatusMessage>
        {sorted.length > 0 && (
          <TableRegion captionId="auditoriums-caption" busy={false}>
            <table class="data">
              <caption id="auditoriums-caption">{t('venue.auditoriumsCaption', { venue: venue.code })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('venue.number')}</th>
                  <th scope="col">{t('venue.capacity')}</th>
                  <th scope="col">{t('venue.role')}</th>
                </tr>
              </thead>
              <tbody>
                {sorted.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">{a.number}</th>
                    <td class="numeric">{a.capacity}</td>
                    <td>{t(`auditoriumRole.${a.role}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
        {hasPermission(account, 'VENUES_EDIT') && (
          <NewAuditorium
            venueId={venue.id}
            onAdded={(a) => {
              setRooms((r) => [...(r ?? []), a]);
              setNotice(t('venue.auditoriumAdded', { number: a.number }));
            }}
          />
        )}
      </section>
    </>
  );
}
