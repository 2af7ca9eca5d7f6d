import { useEffect, useRef, useState } from 'preact/hooks';
import { post, put } from '../api/client';
import type { Municipality, School } from '../api/types';
import { href } from '../app/nav';
import { addMessages, t } from '../i18n';
import { NO_ERRORS, type FieldErrors } from '../lib/fieldErrors';
import { byCode, codeProblem, registryFieldErrors } from '../lib/registryForm';
import { ErrorSummary, FormActions, RequiredNote, SelectField, TextField } from './Form';
import schoolTexts from 'virtual:messages/school';
import formTexts from 'virtual:messages/form';

addMessages(schoolTexts, formTexts);

/** The card of a school: /ui/schools/{code}. */
export function schoolAddress(code: string): string {
  return href(`schools/${encodeURIComponent(code)}`);
}

/** A message for the card the next page shows ("added"), carried across the route change. */
let flash: string | null = null;

export function setSchoolFlash(message: string): void {
  flash = message;
}

/** The carried message, once. */
export function takeSchoolFlash(): string {
  const message = flash ?? '';
  flash = null;
  return message;
}

export const SCHOOL_ALIASES = {
  code: ['Код ОО', 'school'],
  name: ['Наименование'],
  shortName: ['Краткое наименование'],
  municipalityCode: ['Код МОУО', 'municipality'],
  address: ['Адрес'],
};
type SchoolFields = Record<keyof typeof SCHOOL_ALIASES, string>;

const fieldId = (field: string) => `school-${field}`;

function formOf(school: School | null, municipalities: readonly Municipality[]): SchoolFields {
  return {
    code: school?.code ?? '',
    name: school?.name ?? '',
    shortName: school?.shortName ?? '',
    municipalityCode: school?.municipalityCode ?? (municipalities.length === 1 ? municipalities[0].code : ''),
    address: school?.address ?? '',
  };
}

/**
 * The form of a school (ОО): empty for «Добавить школу» (POST schools), filled for editing
 * (PUT schools/{code}). The municipality is picked from those the account sees.
 */
export function SchoolForm({
  school,
  municipalities,
  onSaved,
  onCancel,
  focusTitle,
}: {
  school: School | null;
  municipalities: readonly Municipality[];
  onSaved: (saved: School) => void;
  onCancel?: () => void;
  /** Focus the form's heading when it appears (opened by a button that is gone now). */
  focusTitle?: boolean;
}) {
  const [form, setForm] = useState<SchoolFields>(() => formOf(school, municipalities));
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusTitle) titleRef.current?.focus();
  }, []);
  // The list of municipalities came after the form: a territory of one picks it.
  useEffect(() => {
    if (!school && municipalities.length === 1) setForm((f) => (f.municipalityCode ? f : { ...f, municipalityCode: municipalities[0].code }));
  }, [municipalities]);

  const labels: SchoolFields = {
    code: t('school.code'),
    name: t('schools.name'),
    shortName: t('schools.shortName'),
    municipalityCode: t('school.municipality'),
    address: t('schools.address'),
  };
  const field = (key: keyof SchoolFields) => ({
    id: fieldId(key),
    label: labels[key],
    value: form[key],
    onValue: (v: string) => setForm((f) => ({ ...f, [key]: v })),
    errors: errors.fields[key],
    autocomplete: 'off',
  });
  const isNew = school === null;
  const title = isNew ? t('school.add') : t('school.editTitle');

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const fields: Record<string, string[]> = {};
    const code = codeProblem(form.code);
    if (code) fields.code = [t(`form.${code}`, { field: labels.code })];
    if (form.name.trim() === '') fields.name = [t('form.required', { field: labels.name })];
    if (form.municipalityCode === '') fields.municipalityCode = [t('form.required', { field: labels.municipalityCode })];
    if (Object.keys(fields).length) {
      setErrors({ fields, other: [] });
      return;
    }
    setBusy(true);
    const draft = {
      code: form.code.trim(),
      name: form.name.trim(),
      shortName: form.shortName.trim() || null,
      municipalityCode: form.municipalityCode,
      address: form.address.trim() || null,
    };
    try {
      const saved = isNew
        ? await post<School>('/schools', draft)
        : await put<School>(`/schools/${encodeURIComponent(school.code)}`, draft);
      setErrors(NO_ERRORS);
      onSaved(saved);
    } catch (err) {
      setErrors(registryFieldErrors(err, SCHOOL_ALIASES));
    } finally {
      setBusy(false);
    }
  }

  return (
    // A new school's form sits in a disclosure whose summary names it; editing has its own heading.
    <form class="wide-form" onSubmit={submit} noValidate {...(isNew ? { 'aria-label': title } : { 'aria-labelledby': 'school-form-title' })}>
      {!isNew && (
        <h2 id="school-form-title" tabIndex={-1} ref={titleRef}>
          {title}
        </h2>
      )}
      <RequiredNote />
      <ErrorSummary errors={errors} labels={labels} fieldId={fieldId} />
      <div class="form-grid">
        <TextField {...field('code')} required spellcheck={false} maxLength={20} hint={t('school.codeHint')} />
        <SelectField
          id={fieldId('municipalityCode')}
          label={labels.municipalityCode}
          value={form.municipalityCode}
          onValue={(v) => setForm((f) => ({ ...f, municipalityCode: v }))}
          options={[
            { value: '', label: t('school.chooseMunicipality') },
            ...byCode(municipalities).map((m) => ({ value: m.code, label: `${m.name} (${m.code})` })),
          ]}
          errors={errors.fields.municipalityCode}
          required
        />
        <TextField {...field('name')} required class="span-2" />
        <TextField {...field('shortName')} class="span-2" />
        <TextField {...field('address')} class="span-2" />
      </div>
      <FormActions>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('common.saving') : isNew ? t('school.create') : t('common.save')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </button>
        )}
      </FormActions>
    </form>
  );
}
