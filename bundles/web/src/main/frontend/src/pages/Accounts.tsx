import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { asPage, get, post } from '../api/client';
import { errorMessage } from '../api/problem';
import type {
  BulkIssueResult,
  IssuedCredentials,
  Municipality,
  Page,
  ScopeLevel,
  StaffAccount,
} from '../api/types';
import { href } from '../app/nav';
import { hasPermission, useSession } from '../app/session';
import { useAddressSearch } from '../app/useAddressSearch';
import { useRemote } from '../app/useRemote';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorSummary, FormActions, RequiredNote, SelectField, TextField } from '../components/Form';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { ListStatus } from '../components/ListStatus';
import { PageHeading } from '../components/PageHeading';
import { Pager } from '../components/Pager';
import { TableRegion } from '../components/TableRegion';
import { addMessages, t } from '../i18n';
import {
  BULK_ROLES,
  ROLES,
  accountStatus,
  grantFor,
  issuableLevels,
  issuableRoles,
  scopeLevels,
  validLogin,
} from '../lib/accountForm';
import { NO_ERRORS, fieldErrors, type FieldErrors } from '../lib/fieldErrors';
import { formatDateTime, grantLabel, roleLabel } from '../lib/format';
import { listAddress, pageNumber } from '../lib/listQuery';
import { readablePassword } from '../lib/credentials';
import accountsTexts from 'virtual:messages/accounts';
import formTexts from 'virtual:messages/form';

addMessages(accountsTexts, formTexts);

const SIZE = 50;

type Action = 'reveal' | 'reset' | 'disable' | 'enable';

const ISSUE_ALIASES = {
  login: [],
  displayName: [],
  role: ['grants', 'roles'],
  code: ['scope', 'scope.code', 'municipality', 'school', 'schoolCode'],
};

function useMunicipalities() {
  return useRemote(
    (signal) => get<Page<Municipality> | Municipality[]>('/municipalities', { signal }).then((v) => asPage(v).items),
    [],
  );
}

/** Issue one account: login, the owner's name, one role bound to a territory. */
function IssueOne({ municipalities, onIssued }: { municipalities: Municipality[]; onIssued: (login: string) => void }) {
  const { account } = useSession();
  const roles = issuableRoles(account.grants);
  const allowedLevels = issuableLevels(account.grants);
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<string>(roles.includes('RESPONSIBLE_ORGANIZER') ? 'RESPONSIBLE_ORGANIZER' : roles[0] ?? '');
  const levels = scopeLevels(role).filter((l) => allowedLevels.includes(l));
  const [level, setLevel] = useState<ScopeLevel>(levels[0] ?? 'SCHOOL');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const effectiveLevel = levels.includes(level) ? level : levels[0] ?? 'SCHOOL';
  const labels = {
    login: t('accounts.login'),
    displayName: t('accounts.owner'),
    role: t('accounts.role'),
    level: t('accounts.scopeLevel'),
    code: effectiveLevel === 'MUNICIPALITY' ? t('accounts.municipality') : t('accounts.schoolCode'),
  };

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const fields: Record<string, string[]> = {};
    if (!validLogin(login)) fields.login = [t('accounts.loginRule')];
    if (displayName.trim() === '') fields.displayName = [t('form.required', { field: labels.displayName })];
    if (effectiveLevel !== 'REGION' && code.trim() === '') fields.code = [t('form.required', { field: labels.code })];
    if (Object.keys(fields).length) {
      setErrors({ fields, other: [] });
      return;
    }
    setBusy(true);
    try {
      const created = await post<StaffAccount>('/accounts', {
        login: login.trim().toLowerCase(),
        displayName: displayName.trim(),
        grants: [grantFor(role, effectiveLevel, code)],
      });
      setErrors(NO_ERRORS);
      setLogin('');
      setDisplayName('');
      onIssued(created.login);
    } catch (err) {
      setErrors(fieldErrors(err, ISSUE_ALIASES));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details class="panel disclosure">
      <summary>{t('accounts.issueOne')}</summary>
      <form class="wide-form" onSubmit={submit} noValidate aria-label={t('accounts.issueOne')}>
        <RequiredNote />
        <ErrorSummary errors={errors} labels={labels} fieldId={(f) => `issue-${f}`} />
        <div class="form-grid">
          <TextField
            id="issue-login"
            label={labels.login}
            value={login}
            onValue={setLogin}
            errors={errors.fields.login}
            required
            autocomplete="off"
            autocapitalize="none"
            spellcheck={false}
            hint={t('accounts.loginRule')}
          />
          <TextField
            id="issue-displayName"
            label={labels.displayName}
            value={displayName}
            onValue={setDisplayName}
            errors={errors.fields.displayName}
            required
            autocomplete="off"
            hint={t('accounts.ownerHint')}
          />
          <SelectField
            id="issue-role"
            label={labels.role}
            value={role}
            onValue={(r) => {
              setRole(r);
              setCode('');
            }}
            options={roles.map((r) => ({ value: r, label: roleLabel(r) }))}
            errors={errors.fields.role}
            required
          />
          {levels.length > 1 && (
            <SelectField
              id="issue-level"
              label={labels.level}
              value={effectiveLevel}
              onValue={(l) => {
                setLevel(l as ScopeLevel);
                setCode('');
              }}
              options={levels.map((l) => ({ value: l, label: t(`accounts.level.${l}`) }))}
            />
          )}
          {effectiveLevel === 'MUNICIPALITY' && (
            <SelectField
              id="issue-code"
              label={labels.code}
              value={code}
              onValue={setCode}
              options={[{ value: '', label: t('accounts.chooseMunicipality') }, ...municipalities.map((m) => ({ value: m.code, label: `${m.code} — ${m.name}` }))]}
              errors={errors.fields.code}
              required
            />
          )}
          {effectiveLevel === 'SCHOOL' && (
            <TextField
              id="issue-code"
              label={labels.code}
              value={code}
              onValue={setCode}
              errors={errors.fields.code}
              required
              inputMode="numeric"
              autocomplete="off"
              spellcheck={false}
              hint={t('accounts.schoolCodeHint')}
            />
          )}
        </div>
        {effectiveLevel === 'REGION' && <p class="hint">{t('accounts.regionScope')}</p>}
        <FormActions>
          <button type="submit" class="primary" disabled={busy || roles.length === 0}>
            {busy ? t('common.saving') : t('accounts.issue')}
          </button>
        </FormActions>
      </form>
    </details>
  );
}

/** Accounts for every municipality and school of a territory, with the roles chosen. */
function IssueBulk({ municipalities, onIssued }: { municipalities: Municipality[]; onIssued: (r: BulkIssueResult) => void }) {
  const { account } = useSession();
  const levels = issuableLevels(account.grants);
  const bulkRoles = BULK_ROLES.filter((r) => scopeLevels(r).some((l) => levels.includes(l)));
  const [roles, setRoles] = useState<string[]>(bulkRoles.filter((r) => r !== 'SCHOOL_HEAD'));
  const [municipality, setMunicipality] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    if (roles.length === 0) {
      setError(t('accounts.bulkChooseRoles'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      onIssued(await post<BulkIssueResult>('/accounts/bulk', { roles, municipalityCode: municipality || null }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details class="panel disclosure">
      <summary>{t('accounts.issueBulk')}</summary>
      <form class="wide-form" onSubmit={submit} noValidate aria-label={t('accounts.issueBulk')}>
        <p>{t('accounts.bulkIntro')}</p>
        <fieldset class="field">
          <legend>{t('accounts.bulkRoles')}</legend>
          {bulkRoles.map((r) => (
            <div class="checkbox-line" key={r}>
              <input
                id={`bulk-${r}`}
                type="checkbox"
                checked={roles.includes(r)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setRoles((list) => (on ? [...list, r] : list.filter((x) => x !== r)));
                }}
              />
              <label for={`bulk-${r}`}>{t(`accounts.bulkRole.${r}`)}</label>
            </div>
          ))}
        </fieldset>
        <div class="form-grid">
          <SelectField
            id="bulk-municipality"
            label={t('accounts.bulkTerritory')}
            value={municipality}
            onValue={setMunicipality}
            options={[{ value: '', label: t('accounts.wholeTerritory') }, ...municipalities.map((m) => ({ value: m.code, label: `${m.code} — ${m.name}` }))]}
          />
        </div>
        <ErrorMessage>{error}</ErrorMessage>
        <FormActions>
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('common.saving') : t('accounts.bulkSubmit')}
          </button>
        </FormActions>
      </form>
    </details>
  );
}

/** The one-time password, shown once in a modal; gone from memory when the dialog closes. */
function PasswordDialog({ credentials, onClose }: { credentials: IssuedCredentials | null; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (credentials && !d.open) {
      d.showModal();
      closeRef.current?.focus();
    } else if (!credentials && d.open) d.close();
  }, [credentials]);
  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby="password-dialog-title"
      aria-describedby="password-dialog-warning"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id="password-dialog-title">{t('accounts.passwordTitle')}</h2>
      {credentials && (
        <>
          <p id="password-dialog-warning" class="warning">
            {t('accounts.passwordShownOnce')}
          </p>
          <dl class="details">
            <div class="details-row">
              <dt>{t('accounts.login')}</dt>
              <dd class="mono">{credentials.login}</dd>
            </div>
            <div class="details-row">
              <dt>{t('accounts.owner')}</dt>
              <dd>{credentials.displayName}</dd>
            </div>
            <div class="details-row">
              <dt>{t('accounts.oneTimePassword')}</dt>
              <dd class="mono password">{readablePassword(credentials.oneTimePassword)}</dd>
            </div>
          </dl>
          <p class="hint">{t('accounts.passwordInstruction')}</p>
        </>
      )}
      <div class="form-actions">
        <button type="button" class="primary" ref={closeRef} onClick={onClose}>
          {t('accounts.passwordDone')}
        </button>
      </div>
    </dialog>
  );
}

/**
 * Staff accounts of the caller's territory: search, issue one or for the territory, reset,
 * disable, enable, and the one-time password shown once. Passwords live only in this page's
 * state while the dialog is open; nothing is stored.
 */
export default function Accounts() {
  const { query } = useRoute();
  const { route } = useLocation();
  const { account } = useSession();
  const canManage = hasPermission(account, 'ACCOUNTS_MANAGE');
  const q = query.q ?? '';
  const municipality = query.municipality ?? '';
  const role = query.role ?? '';
  const pending = query.pending === 'true';
  const page = pageNumber(query.page);
  const [reload, setReload] = useState(0);
  const [notice, setNotice] = useState('');
  const [actionError, setActionError] = useState('');
  const [pendingAction, setPendingAction] = useState<{ action: Action; account: Pick<StaffAccount, 'login' | 'displayName'> } | null>(null);
  const [busy, setBusy] = useState(false);
  const [credentials, setCredentials] = useState<IssuedCredentials | null>(null);
  const [justIssued, setJustIssued] = useState<string | null>(null);

  // The password is held in `credentials` only: it goes with the dialog's close or with the page.

  const filters = { q, municipality, role, pending: pending ? 'true' : '' };
  const { text, setText, search } = useAddressSearch(q, (value) =>
    listAddress(href('accounts'), { ...filters, q: value }));
  const go = (change: Record<string, string>) => {
    search.cancel();
    route(listAddress(href('accounts'), { ...filters, q: text, ...change }), true);
  };

  const municipalities = useMunicipalities();
  const remote = useRemote(
    (signal) =>
      get<Page<StaffAccount>>('/accounts', {
        query: { q, municipality, role, pending: pending ? 'true' : undefined, page, size: SIZE },
        signal,
      }),
    [q, municipality, role, pending, page, reload],
  );
  const items = remote.data?.items ?? [];
  const total = remote.data?.total ?? 0;

  async function run() {
    if (!pendingAction) return;
    const { action, account: target } = pendingAction;
    const login = encodeURIComponent(target.login);
    setBusy(true);
    setActionError('');
    setNotice('');
    try {
      if (action === 'reveal') {
        const c = await post<IssuedCredentials>(`/accounts/${login}/credentials`);
        setPendingAction(null);
        setJustIssued(null);
        setCredentials(c);
      } else {
        await post<StaffAccount>(`/accounts/${login}/${action}`);
        setPendingAction(null);
        setNotice(t(`accounts.done.${action}`, { login: target.login }));
      }
      setReload((n) => n + 1);
    } catch (e) {
      setPendingAction(null);
      setActionError(errorMessage(e));
      setReload((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  const ask = (action: Action, a: Pick<StaffAccount, 'login' | 'displayName'>) => {
    setActionError('');
    setPendingAction({ action, account: a });
  };

  return (
    <>
      <PageHeading title={t('accounts.title')} />
      {canManage && (
        <>
          <section class="panel" aria-labelledby="handover-title">
            <h2 id="handover-title">{t('accounts.handoverTitle')}</h2>
            <p>{t('accounts.handoverText')}</p>
            <p>
              <a href={href('accounts/credentials')}>{t('accounts.handoverLink')}</a>
            </p>
          </section>
          <IssueOne
            municipalities={municipalities.data ?? []}
            onIssued={(login) => {
              setNotice(t('accounts.issued', { login }));
              setJustIssued(login);
              setReload((n) => n + 1);
            }}
          />
          <IssueBulk
            municipalities={municipalities.data ?? []}
            onIssued={(r) => {
              setNotice(t('accounts.bulkDone', { issued: r.issued, existing: r.existing }));
              setReload((n) => n + 1);
            }}
          />
        </>
      )}
      <StatusMessage>{notice}</StatusMessage>
      {justIssued && (
        <p>
          <button type="button" onClick={() => ask('reveal', { login: justIssued, displayName: '' })}>
            {t('accounts.revealFor', { login: justIssued })}
          </button>
        </p>
      )}
      <ErrorMessage>{actionError}</ErrorMessage>
      <form
        role="search"
        class="filters"
        aria-label={t('accounts.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          go({});
        }}
      >
        <div class="field">
          <label for="account-search">{t('accounts.search')}</label>
          <input
            id="account-search"
            type="search"
            autocomplete="off"
            spellcheck={false}
            value={text}
            onInput={(e) => {
              setText(e.currentTarget.value);
              search(e.currentTarget.value);
            }}
          />
        </div>
        <div class="field">
          <label for="account-municipality">{t('accounts.municipality')}</label>
          <select id="account-municipality" value={municipality} onChange={(e) => go({ municipality: e.currentTarget.value })}>
            <option value="">{t('schools.allMunicipalities')}</option>
            {(municipalities.data ?? []).map((m) => (
              <option key={m.code} value={m.code}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="account-role">{t('accounts.role')}</label>
          <select id="account-role" value={role} onChange={(e) => go({ role: e.currentTarget.value })}>
            <option value="">{t('accounts.allRoles')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </div>
        <div class="field checkbox-field filter-checkbox">
          <div class="checkbox-line">
            <input
              id="account-pending"
              type="checkbox"
              checked={pending}
              onChange={(e) => go({ pending: e.currentTarget.checked ? 'true' : '' })}
            />
            <label for="account-pending">{t('accounts.pendingOnly')}</label>
          </div>
        </div>
      </form>
      <ListStatus remote={remote} page={page} size={SIZE} empty={t('accounts.empty')} />
      {items.length > 0 && (
        <TableRegion captionId="accounts-caption" busy={remote.loading}>
          <table class="data">
            <caption id="accounts-caption">{t('accounts.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('accounts.login')}</th>
                <th scope="col">{t('accounts.owner')}</th>
                <th scope="col">{t('accounts.roles')}</th>
                <th scope="col">{t('accounts.status')}</th>
                <th scope="col">{t('accounts.lastLogin')}</th>
                {canManage && <th scope="col">{t('accounts.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((a) => {
                const status = accountStatus(a);
                return (
                  <tr key={a.id}>
                    <th scope="row" class="mono nowrap">
                      {a.login}
                    </th>
                    <td>{a.displayName}</td>
                    <td>
                      <ul class="plain-list">
                        {a.grants.map((g) => (
                          <li key={`${g.role}:${g.scope.code ?? ''}`}>{grantLabel(g)}</li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      <span class={`state state-${status}`}>{t(`accounts.state.${status}`)}</span>
                    </td>
                    <td class="nowrap">{a.lastLoginAt ? formatDateTime(a.lastLoginAt) : t('accounts.never')}</td>
                    {canManage && (
                      <td>
                        <div class="row-actions" role="group" aria-label={t('accounts.actionsFor', { login: a.login })}>
                          {a.credentialsPending && a.state === 'ACTIVE' && (
                            <button type="button" class="small" onClick={() => ask('reveal', a)}>
                              {t('accounts.reveal')}
                            </button>
                          )}
                          <button type="button" class="small" onClick={() => ask('reset', a)}>
                            {t('accounts.reset')}
                          </button>
                          {a.state === 'ACTIVE' ? (
                            <button type="button" class="small danger" onClick={() => ask('disable', a)}>
                              {t('accounts.disable')}
                            </button>
                          ) : (
                            <button type="button" class="small" onClick={() => ask('enable', a)}>
                              {t('accounts.enable')}
                            </button>
                          )}
                        </div>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Pager
        page={page}
        size={SIZE}
        total={total}
        shown={items.length}
        onPage={(p) => route(listAddress(href('accounts'), { ...filters, page: p }))}
      />
      <ConfirmDialog
        open={pendingAction !== null}
        title={pendingAction ? t(`accounts.confirm.${pendingAction.action}.title`, { login: pendingAction.account.login }) : ''}
        confirmLabel={pendingAction ? t(`accounts.confirm.${pendingAction.action}.button`) : ''}
        danger={pendingAction?.action === 'disable'}
        busy={busy}
        onConfirm={run}
        onCancel={() => setPendingAction(null)}
      >
        {pendingAction && <p>{t(`accounts.confirm.${pendingAction.action}.text`, { login: pendingAction.account.login })}</p>}
      </ConfirmDialog>
      <PasswordDialog credentials={credentials} onClose={() => setCredentials(null)} />
    </>
  );
}
