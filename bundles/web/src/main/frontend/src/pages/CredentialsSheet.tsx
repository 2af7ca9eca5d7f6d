import { useEffect, useState } from 'preact/hooks';
import { asPage, get, post } from '../api/client';
import { errorMessage } from '../api/problem';
import type { IssuedCredentials, Municipality, Page, StaffAccount } from '../api/types';
import { href } from '../app/nav';
import { useRemote } from '../app/useRemote';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FormActions, SelectField, TextField } from '../components/Form';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { PageHeading } from '../components/PageHeading';
import { addMessages, t } from '../i18n';
import { credentialSheet, readablePassword, type SheetEntry } from '../lib/credentials';
import { formatDateTime } from '../lib/format';
import sheetTexts from 'virtual:messages/sheet';
import accountsTexts from 'virtual:messages/accounts';

addMessages(sheetTexts, accountsTexts);

interface Sheet {
  entries: SheetEntry[];
  at: string;
  territory: string;
}

/**
 * The printed handover of one-time passwords: every pending password of the territory, taken
 * from the server once (POST /accounts/credentials), shown as a page made for printing and
 * cutting into slips. The passwords exist only in this page's state: leaving the page or
 * "Очистить" drops them, and they are never written anywhere.
 */
export default function CredentialsSheet() {
  const [municipality, setMunicipality] = useState('');
  const [school, setSchool] = useState('');
  // The count follows the school code once typing pauses (a half-typed code is no school).
  const [schoolFilter, setSchoolFilter] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSchoolFilter(school.trim()), 400);
    return () => clearTimeout(timer);
  }, [school]);
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [confirm, setConfirm] = useState<'take' | 'clear' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const municipalities = useRemote(
    (signal) => get<Page<Municipality> | Municipality[]>('/municipalities', { signal }).then((v) => asPage(v).items),
    [],
  );
  const pendingCount = useRemote(
    (signal) =>
      get<Page<StaffAccount>>('/accounts', {
        query: { pending: 'true', municipality, school: schoolFilter, size: 1 },
        signal,
      }).then((p) => p.total),
    [municipality, schoolFilter, sheet],
  );

  // While passwords are on screen, a reload or closing the tab asks first (they cannot be fetched again).
  useEffect(() => {
    if (!sheet) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [sheet]);

  async function take() {
    setBusy(true);
    setError('');
    try {
      const list = await post<IssuedCredentials[]>('/accounts/credentials', undefined, {
        query: { municipality, school: school.trim() },
      });
      const name = municipalities.data?.find((m) => m.code === municipality)?.name;
      setSheet({
        entries: credentialSheet(Array.isArray(list) ? list : []),
        at: new Date().toISOString(),
        territory: school.trim()
          ? t('sheet.territorySchool', { code: school.trim() })
          : municipality
            ? t('sheet.territoryMunicipality', { name: name ?? municipality })
            : t('sheet.territoryAll'),
      });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      setConfirm(null);
    }
  }

  const loginUrl = `${location.origin}${href('')}`;
  return (
    <>
      <div class="no-print">
        <PageHeading title={t('sheet.title')} />
        <p>
          <a href={href('accounts')}>{t('sheet.backToAccounts')}</a>
        </p>
        <p class="warning">{t('sheet.warning')}</p>
        {!sheet && (
          <form
            class="wide-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              setConfirm('take');
            }}
          >
            <div class="form-grid">
              <SelectField
                id="sheet-municipality"
                label={t('sheet.municipality')}
                value={municipality}
                onValue={setMunicipality}
                options={[
                  { value: '', label: t('accounts.wholeTerritory') },
                  ...(municipalities.data ?? []).map((m) => ({ value: m.code, label: `${m.code} — ${m.name}` })),
                ]}
              />
              <TextField
                id="sheet-school"
                label={t('sheet.school')}
                value={school}
                onValue={setSchool}
                inputMode="numeric"
                autocomplete="off"
                spellcheck={false}
                hint={t('sheet.schoolHint')}
              />
            </div>
            <StatusMessage>
              {pendingCount.loading
                ? t('app.loading')
                : pendingCount.data !== undefined
                  ? t('sheet.pending', { count: pendingCount.data })
                  : ''}
            </StatusMessage>
            <ErrorMessage>{error || (pendingCount.error ? errorMessage(pendingCount.error) : '')}</ErrorMessage>
            <FormActions>
              <button type="submit" class="primary" disabled={busy || pendingCount.data === 0}>
                {busy ? t('sheet.taking') : t('sheet.take')}
              </button>
            </FormActions>
          </form>
        )}
        {sheet && (
          <>
            <StatusMessage>{t('sheet.ready', { count: sheet.entries.length })}</StatusMessage>
            <FormActions>
              <button type="button" class="primary" onClick={() => window.print()} disabled={sheet.entries.length === 0}>
                {t('common.print')}
              </button>
              <button type="button" onClick={() => (sheet.entries.length ? setConfirm('clear') : setSheet(null))}>
                {t('sheet.clear')}
              </button>
            </FormActions>
          </>
        )}
      </div>
      {sheet && sheet.entries.length > 0 && (
        <section class="sheet" aria-labelledby="sheet-heading">
          <header class="sheet-header">
            <h2 id="sheet-heading">{t('sheet.printTitle')}</h2>
            <p>{t('sheet.printMeta', { territory: sheet.territory, at: formatDateTime(sheet.at), count: sheet.entries.length })}</p>
          </header>
          <ol class="slips">
            {sheet.entries.map((e) => (
              <li key={e.login} class="slip">
                <dl class="slip-data">
                  <div>
                    <dt>{t('sheet.owner')}</dt>
                    <dd>{e.owner}</dd>
                  </div>
                  <div>
                    <dt>{t('sheet.roles')}</dt>
                    <dd>{e.roles.join('; ')}</dd>
                  </div>
                  <div>
                    <dt>{t('sheet.login')}</dt>
                    <dd class="mono">{e.login}</dd>
                  </div>
                  <div>
                    <dt>{t('sheet.password')}</dt>
                    <dd class="mono password">{readablePassword(e.password)}</dd>
                  </div>
                </dl>
                <p class="slip-instruction">{t('sheet.instruction', { url: loginUrl })}</p>
              </li>
            ))}
          </ol>
        </section>
      )}
      {sheet && sheet.entries.length === 0 && <p>{t('sheet.none')}</p>}
      <ConfirmDialog
        open={confirm !== null}
        title={confirm === 'clear' ? t('sheet.clearTitle') : t('sheet.takeTitle')}
        confirmLabel={confirm === 'clear' ? t('sheet.clearConfirm') : t('sheet.take')}
        danger={confirm === 'clear'}
        busy={busy}
        onConfirm={() => {
          if (confirm === 'clear') {
            setSheet(null);
            setConfirm(null);
          } else take();
        }}
        onCancel={() => setConfirm(null)}
      >
        <p>{confirm === 'clear' ? t('sheet.clearText') : t('sheet.takeText', { count: pendingCount.data ?? 0 })}</p>
      </ConfirmDialog>
    </>
  );
}
