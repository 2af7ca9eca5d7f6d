import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { del, get, post, put } from '../api/client';
import { errorMessage } from '../api/problem';
import { DOCUMENT_TYPES, PARTICIPANT_CATEGORIES, type Participant } from '../api/types';
import { href } from '../app/nav';
import { hasPermission, useSession } from '../app/session';
import { ConfirmDialog } from '../components/ConfirmDialog';
import {
  CheckboxField,
  ErrorSummary,
  FormActions,
  RadioGroup,
  RequiredNote,
  SelectField,
  TextField,
} from '../components/Form';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { PageHeading, focusPageHeading } from '../components/PageHeading';
import { addMessages, t } from '../i18n';
import { NO_ERRORS, fieldErrors, type FieldErrors } from '../lib/fieldErrors';
import { documentLabel, formatDate, fullName, specialNeedsLabel } from '../lib/format';
import {
  PARTICIPANT_FIELD_ALIASES,
  emptyParticipantForm,
  isMasked,
  participantDraft,
  participantForm,
  participantFormProblems,
  type ParticipantForm,
} from '../lib/participantForm';
import participantTexts from 'virtual:messages/participant';
import sexTexts from 'virtual:messages/sex';
import categoryTexts from 'virtual:messages/category';
import formTexts from 'virtual:messages/form';

addMessages(participantTexts, sexTexts, categoryTexts, formTexts);

/** A message for the card the next page shows ("added"), carried across the route change. */
let flash: string | null = null;

const fieldId = (field: string) => (field === 'sex' ? 'sex-group' : `p-${field}`);

function labels(): Record<keyof ParticipantForm, string> {
  return {
    surname: t('participant.surname'),
    name: t('participant.name'),
    patronymic: t('participant.patronymic'),
    birthDate: t('participant.birthDate'),
    sex: t('participant.sex'),
    documentType: t('participant.documentType'),
    documentSeries: t('participant.documentSeries'),
    documentNumber: t('participant.documentNumber'),
    snils: t('participant.snils'),
    schoolCode: t('participant.schoolCode'),
    className: t('participant.className'),
    category: t('participant.category'),
    specialNeeds: t('participant.specialNeeds'),
    extraMinutes: t('participant.extraMinutes'),
    consentDate: t('participant.consentDate'),
  };
}

/** The school a person works for when they have exactly one school grant (a default for new participants). */
function ownSchool(grants: { scope: { level: string; code: string | null } }[]): string {
  const schools = [...new Set(grants.filter((g) => g.scope.level === 'SCHOOL').map((g) => g.scope.code ?? ''))];
  return schools.length === 1 ? schools[0] : '';
}

function Details({ p }: { p: Participant }) {
  const none = t('common.none');
  const rows: [string, string][] = [
    [t('participant.fullName'), fullName(p)],
    [t('participant.birthDate'), formatDate(p.birthDate)],
    [t('participant.sex'), p.sex ? t(`sex.${p.sex}`) : none],
    [t('participant.document'), documentLabel(p.document)],
    [t('participant.snils'), p.snils ?? none],
    [t('participant.schoolCode'), p.schoolCode],
    [t('participant.className'), p.className ?? none],
    [t('participant.category'), p.category ? t(`category.${p.category}`) : none],
    [t('participant.specialNeeds'), specialNeedsLabel(p)],
    [t('participant.consentDate'), p.consentDate ? formatDate(p.consentDate) : t('participant.noConsent')],
  ];
  return (
    <dl class="details">
      {rows.map(([term, value]) => (
        <div key={term} class="details-row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function EditForm({
  initial,
  isNew,
  onSaved,
  onCancel,
  id,
}: {
  initial: ParticipantForm;
  isNew: boolean;
  id?: string;
  onSaved: (p: Participant) => void;
  onCancel: () => void;
}) {
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  // Opened from the card's "Изменить": the button is gone, so focus goes to the form's heading.
  useEffect(() => {
    if (!isNew) titleRef.current?.focus();
  }, []);
  const names = labels();
  const set = <K extends keyof ParticipantForm>(key: K) => (value: ParticipantForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const err = (key: keyof ParticipantForm) => errors.fields[key];
  const text = (key: keyof ParticipantForm, extra: Record<string, unknown> = {}) => ({
    id: fieldId(key),
    label: names[key],
    value: String(form[key]),
    onValue: set(key) as (v: string) => void,
    errors: err(key),
    ...extra,
  });

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const local = participantFormProblems(form);
    if (Object.keys(local).length) {
      const fields: Record<string, string[]> = {};
      for (const [key, problem] of Object.entries(local)) {
        fields[key] = [t(`form.${problem}`, { field: names[key as keyof ParticipantForm] })];
      }
      setErrors({ fields, other: [] });
      return;
    }
    setBusy(true);
    try {
      const draft = participantDraft(form);
      const saved = isNew ? await post<Participant>('/participants', draft) : await put<Participant>(`/participants/${id}`, draft);
      setErrors(NO_ERRORS);
      onSaved(saved);
    } catch (e) {
      setErrors(fieldErrors(e, PARTICIPANT_FIELD_ALIASES));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="wide-form" onSubmit={submit} noValidate aria-labelledby="participant-form-title">
      <h2 id="participant-form-title" tabIndex={-1} ref={titleRef}>{isNew ? t('participant.newTitle') : t('participant.editTitle')}</h2>
      <RequiredNote />
      <ErrorSummary errors={errors} labels={names} fieldId={fieldId} />
      <fieldset class="form-section">
        <legend>{t('participant.sectionPerson')}</legend>
        <div class="form-grid">
          <TextField {...text('surname')} required autocomplete="off" spellcheck={false} />
          <TextField {...text('name')} required autocomplete="off" spellcheck={false} />
          <TextField {...text('patronymic')} autocomplete="off" spellcheck={false} />
          <TextField {...text('birthDate')} type="date" required />
        </div>
        <RadioGroup
          name="sex"
          legend={names.sex}
          value={form.sex}
          onValue={(v) => set('sex')(v as ParticipantForm['sex'])}
          options={[
            { value: 'MALE', label: t('sex.MALE') },
            { value: 'FEMALE', label: t('sex.FEMALE') },
          ]}
          errors={err('sex')}
          required
        />
      </fieldset>
      <fieldset class="form-section">
        <legend>{t('participant.sectionDocument')}</legend>
        <div class="form-grid">
          <SelectField
            id={fieldId('documentType')}
            label={names.documentType}
            value={form.documentType}
            onValue={(v) => set('documentType')(v as ParticipantForm['documentType'])}
            options={[{ value: '', label: t('participant.choose') }, ...DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`documentType.${d}`) }))]}
            errors={err('documentType')}
            required
          />
          <TextField {...text('documentSeries')} autocomplete="off" spellcheck={false} hint={t('participant.seriesHint')} />
          <TextField {...text('documentNumber')} required autocomplete="off" spellcheck={false} />
          <TextField {...text('snils')} autocomplete="off" inputMode="numeric" hint={t('participant.snilsHint')} />
        </div>
      </fieldset>
      <fieldset class="form-section">
        <legend>{t('participant.sectionSchool')}</legend>
        <div class="form-grid">
          <TextField {...text('schoolCode')} required autocomplete="off" spellcheck={false} inputMode="numeric" />
          <TextField {...text('className')} required autocomplete="off" spellcheck={false} hint={t('participant.classHint')} />
          <SelectField
            id={fieldId('category')}
            label={names.category}
            value={form.category}
            onValue={(v) => set('category')(v as ParticipantForm['category'])}
            options={PARTICIPANT_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
            errors={err('category')}
          />
          <TextField {...text('consentDate')} type="date" hint={t('participant.consentHint')} />
        </div>
      </fieldset>
      <fieldset class="form-section">
        <legend>{t('participant.sectionConditions')}</legend>
        <CheckboxField
          id={fieldId('specialNeeds')}
          label={t('participant.specialNeedsLong')}
          checked={form.specialNeeds}
          onChecked={set('specialNeeds')}
          errors={err('specialNeeds')}
        />
        <div class="form-grid">
          <TextField
            {...text('extraMinutes')}
            type="number"
            min={0}
            max={240}
            step={1}
            inputMode="numeric"
            hint={t('participant.extraMinutesHint')}
          />
        </div>
      </fieldset>
      <FormActions>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('common.saving') : isNew ? t('participant.create') : t('common.save')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}

/**
 * One participant: everything the server shows this account (document and СНИЛС masked for
 * roles without personal data access), the edit form and deletion. /participants/new is the
 * same form, empty.
 */
export default function ParticipantCard() {
  const { params } = useRoute();
  const { route } = useLocation();
  const { account } = useSession();
  const id: string | undefined = params.id;
  const isNew = id === undefined;
  const canEdit = hasPermission(account, 'PARTICIPANTS_EDIT');

  const [participant, setParticipant] = useState<Participant | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [editing, setEditing] = useState(isNew);
  const [notice, setNotice] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState('');
  const [deleted, setDeleted] = useState<string | null>(null);

  useEffect(() => {
    setEditing(isNew);
    setDeleted(null);
    setDeleteError('');
    setNotice(flash ?? '');
    flash = null;
    setParticipant(null);
    setLoadError(null);
    if (isNew) return;
    const controller = new AbortController();
    get<Participant>(`/participants/${encodeURIComponent(id)}`, { signal: controller.signal }).then(
      (p) => setParticipant(p),
      (e: unknown) => {
        if (!controller.signal.aborted) setLoadError(e);
      },
    );
    return () => controller.abort();
  }, [id]);

  async function remove() {
    if (!participant) return;
    setDeleting(true);
    setDeleteError('');
    try {
      await del(`/participants/${participant.id}`);
      setConfirmDelete(false);
      setDeleted(fullName(participant));
      setParticipant(null);
      setTimeout(focusPageHeading);
    } catch (e) {
      setConfirmDelete(false);
      setDeleteError(errorMessage(e));
    } finally {
      setDeleting(false);
    }
  }

  const back = (
    <p class="back-link">
      <a href={href('participants')}>{t('participant.backToList')}</a>
    </p>
  );

  if (deleted !== null) {
    return (
      <>
        <PageHeading title={t('participant.deletedTitle')} />
        <StatusMessage>{t('participant.deleted', { name: deleted })}</StatusMessage>
        {back}
      </>
    );
  }

  if (isNew) {
    if (!canEdit) {
      return (
        <>
          <PageHeading title={t('common.noAccess')} />
          <p>{t('common.noAccessText')}</p>
        </>
      );
    }
    return (
      <>
        <PageHeading title={t('participant.newTitle')} />
        {back}
        <EditForm
          initial={emptyParticipantForm(ownSchool(account.grants))}
          isNew
          onSaved={(p) => {
            flash = t('participant.created');
            route(href(`participants/${p.id}`));
          }}
          onCancel={() => route(href('participants'))}
        />
      </>
    );
  }

  if (!participant) {
    return (
      <>
        <PageHeading title={t('participant.title')} />
        <StatusMessage>{loadError ? '' : t('app.loading')}</StatusMessage>
        <ErrorMessage>{loadError ? errorMessage(loadError) : ''}</ErrorMessage>
        {back}
      </>
    );
  }

  const masked = isMasked(participant);
  const name = fullName(participant);
  return (
    <>
      <PageHeading title={name} />
      {back}
      <StatusMessage>{notice}</StatusMessage>
      <ErrorMessage>{deleteError}</ErrorMessage>
      {editing ? (
        <EditForm
          initial={participantForm(participant)}
          isNew={false}
          id={String(participant.id)}
          onSaved={(p) => {
            setParticipant(p);
            setEditing(false);
            setNotice(t('participant.saved'));
            setTimeout(focusPageHeading);
          }}
          onCancel={() => {
            setEditing(false);
            setTimeout(focusPageHeading);
          }}
        />
      ) : (
        <section class="panel" aria-labelledby="participant-data-title">
          <h2 id="participant-data-title">{t('participant.dataTitle')}</h2>
          <Details p={participant} />
          <p class="hint">
            {masked
              ? t('participant.maskedNote')
              : hasPermission(account, 'PERSONAL_DATA_READ')
                ? t('participant.auditedNote')
                : ''}
          </p>
          {canEdit && (
            <div class="form-actions">
              {masked ? (
                <p class="hint">{t('participant.cannotEditMasked')}</p>
              ) : (
                <button
                  type="button"
                  class="primary"
                  onClick={() => {
                    setNotice('');
                    setEditing(true);
                  }}
                >
                  {t('participant.edit')}
                </button>
              )}
              <button type="button" class="danger" onClick={() => setConfirmDelete(true)}>
                {t('participant.delete')}
              </button>
            </div>
          )}
        </section>
      )}
      <ConfirmDialog
        open={confirmDelete}
        title={t('participant.deleteTitle')}
        confirmLabel={deleting ? t('common.deleting') : t('participant.deleteConfirm')}
        danger
        busy={deleting}
        onConfirm={remove}
        onCancel={() => setConfirmDelete(false)}
      >
        <p>{t('participant.deleteQuestion', { name })}</p>
        <p>{t('participant.deleteWarning')}</p>
      </ConfirmDialog>
    </>
  );
}
