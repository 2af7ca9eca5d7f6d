import { useEffect, useRef, useState } from 'preact/hooks';
import { asPage, get, post, put } from '../api/client';
import { errorMessage } from '../api/problem';
import type { Municipality, Page } from '../api/types';
import { href } from '../app/nav';
import { hasPermission, useSession } from '../app/session';
import { ErrorSummary, FormActions, RequiredNote, TextField } from '../components/Form';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { PageHeading } from '../components/PageHeading';
import { TableRegion } from '../components/TableRegion';
import { addMessages, t } from '../i18n';
import { NO_ERRORS, type FieldErrors } from '../lib/fieldErrors';
import { listAddress } from '../lib/listQuery';
import { atRegion, byCode, codeProblem, registryFieldErrors } from '../lib/registryForm';
import municipalitiesTexts from 'virtual:messages/municipalities';
import formTexts from 'virtual:messages/form';

addMessages(municipalitiesTexts, formTexts);

const ALIASES = { code: ['Код МОУО'], name: ['Наименование'] };
type Fields = Record<keyof typeof ALIASES, string>;

function NewMunicipality({ onAdded }: { onAdded: (m: Municipality) => void }) {
  const [form, setForm] = useState<Fields>({ code: '', name: '' });
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const gridRef = useRef<HTMLDivElement>(null);
  const labels: Fields = { code: t('municipalities.code'), name: t('municipalities.name') };
  const field = (key: keyof Fields) => ({
    id: `municipality-${key}`,
    label: labels[key],
    value: form[key],
    onValue: (v: string) => setForm((f) => ({ ...f, [key]: v })),
    errors: errors.fields[key],
    autocomplete: 'off',
    required: true,
  });

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const fields: Record<string, string[]> = {};
    const code = codeProblem(form.code);
    if (code) fields.code = [t(`form.${code}`, { field: labels.code })];
    if (form.name.trim() === '') fields.name = [t('form.required', { field: labels.name })];
    if (Object.keys(fields).length) {
      setErrors({ fields, other: [] });
      return;
    }
    setBusy(true);
    try {
      const created = await post<Municipality>('/municipalities', { code: form.code.trim(), name: form.name.trim() });
      setErrors(NO_ERRORS);
      setForm({ code: '', name: '' });
      onAdded(created);
      gridRef.current?.querySelector('input')?.focus();
    } catch (err) {
      setErrors(registryFieldErrors(err, ALIASES));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details class="panel disclosure">
      <summary>{t('municipalities.add')}</summary>
      <form class="wide-form" onSubmit={submit} noValidate aria-label={t('municipalities.add')}>
        <RequiredNote />
        <ErrorSummary errors={errors} labels={labels} fieldId={(f) => `municipality-${f}`} />
        <div class="form-grid" ref={gridRef}>
          <TextField {...field('code')} spellcheck={false} maxLength={20} hint={t('municipalities.codeHint')} />
          <TextField {...field('name')} />
        </div>
        <FormActions>
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('common.saving') : t('municipalities.create')}
          </button>
        </FormActions>
      </form>
    </details>
  );
}

function Rename({ municipality, onSaved, onCancel }: { municipality: Municipality; onSaved: (m: Municipality) => void; onCancel: () => void }) {
  const [name, setName] = useState(municipality.name);
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  // Opened from a row's button: the form's heading takes focus so the change of context is announced.
  useEffect(() => titleRef.current?.focus(), [municipality.code]);
  const labels = { name: t('municipalities.newName') };

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    if (name.trim() === '') {
      setErrors({ fields: { name: [t('form.required', { field: labels.name })] }, other: [] });
      return;
    }
    setBusy(true);
    try {
      const saved = await put<Municipality>(`/municipalities/${encodeURIComponent(municipality.code)}`, {
        code: municipality.code,
        name: name.trim(),
      });
      onSaved(saved);
    } catch (err) {
      setErrors(registryFieldErrors(err, { name: ['Наименование'] }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="panel" aria-labelledby="rename-title">
      <form class="wide-form" onSubmit={submit} noValidate aria-labelledby="rename-title">
        <h2 id="rename-title" tabIndex={-1} ref={titleRef}>
          {t('municipalities.renameTitle', { code: municipality.code })}
        </h2>
        <ErrorSummary errors={errors} labels={labels} fieldId={() => 'rename-name'} />
        <div class="form-grid">
          <TextField
            id="rename-name"
            label={labels.name}
            value={name}
            onValue={setName}
            errors={errors.fields.name}
            required
            autocomplete="off"
            class="span-2"
          />
        </div>
        <FormActions>
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
          <button type="button" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </button>
        </FormActions>
      </form>
    </section>
  );
}

/** Municipalities (МОУО) of the account's territory; each leads to its schools. Add and rename with SCHOOLS_EDIT at the region. */
export default function Municipalities() {
  const { account } = useSession();
  const canEdit = hasPermission(account, 'SCHOOLS_EDIT') && atRegion(account);
  const [items, setItems] = useState<Municipality[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [renaming, setRenaming] = useState<Municipality | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    get<Page<Municipality> | Municipality[]>('/municipalities', { signal: controller.signal }).then(
      (v) => setItems(asPage(v).items),
      (e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      },
    );
    return () => controller.abort();
  }, []);

  const focusRow = (code: string) => setTimeout(() => document.getElementById(`rename-${code}`)?.focus());
  const sorted = byCode(items ?? []);

  return (
    <>
      <PageHeading title={t('municipalities.title')} />
      <p>{t('municipalities.intro')}</p>
      {canEdit && (
        <NewMunicipality
          onAdded={(m) => {
            setItems((list) => [...(list ?? []), m]);
            setNotice(t('municipalities.created', { name: m.name }));
          }}
        />
      )}
      <StatusMessage>
        {notice || (items ? t('municipalities.count', { count: items.length }) : error ? '' : t('list.loading'))}
      </StatusMessage>
      <ErrorMessage>{error ? errorMessage(error) : ''}</ErrorMessage>
      {items && items.length === 0 && <p>{t('municipalities.empty')}</p>}
      {renaming && (
        <Rename
          municipality={renaming}
          onSaved={(m) => {
            setItems((list) => (list ?? []).map((x) => (x.code === renaming.code ? m : x)));
            setRenaming(null);
            setNotice(t('municipalities.renamed', { code: m.code, name: m.name }));
            focusRow(m.code);
          }}
          onCancel={() => {
            setRenaming(null);
            focusRow(renaming.code);
          }}
        />
      )}
      {sorted.length > 0 && (
        <TableRegion captionId="municipalities-caption" busy={false}>
          <table class="data">
            <caption id="municipalities-caption">{t('municipalities.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('municipalities.code')}</th>
                <th scope="col">{t('municipalities.name')}</th>
                {canEdit && <th scope="col">{t('municipalities.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {sorted.map((m) => (
                <tr key={m.code}>
                  <td class="nowrap">{m.code}</td>
                  <th scope="row">
                    <a href={listAddress(href('schools'), { municipality: m.code })} aria-label={t('municipalities.schoolsOf', { name: m.name })}>
                      {m.name}
                    </a>
                  </th>
                  {canEdit && (
                    <td>
                      <button
                        type="button"
                        id={`rename-${m.code}`}
                        aria-label={t('municipalities.renameFor', { name: m.name })}
                        onClick={() => {
                          setNotice('');
                          setRenaming(m);
                        }}
                      >
                        {t('municipalities.rename')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
