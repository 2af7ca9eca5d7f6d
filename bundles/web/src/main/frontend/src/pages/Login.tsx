import { useEffect, useState } from 'preact/hooks';
import { post } from '../api/client';
import { ApiError, errorMessage } from '../api/problem';
import type { SessionInfo } from '../api/types';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { PageHeading } from '../components/PageHeading';
import { t } from '../i18n';
import { formatDuration } from '../lib/format';

/** Sign-in form. A lockout (429) disables the button for the time the server gave in Retry-After. */
export function Login({ notice, onSignedIn }: { notice?: string; onSignedIn: (session: SessionInfo) => void }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string[]>([]);
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);

  useEffect(() => {
    if (lockedUntil === null) return;
    const timer = setTimeout(() => setLockedUntil(null), Math.max(0, lockedUntil - Date.now()));
    return () => clearTimeout(timer);
  }, [lockedUntil]);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy || lockedUntil !== null) return;
    if (login.trim() === '' || password === '') {
      setError([t('login.required')]);
      return;
    }
    setBusy(true);
    setError([]);
    try {
      const session = await post<SessionInfo>(
        '/auth/login',
        { login: login.trim(), password },
        { unauthorizedIsAnswer: true },
      );
      setPassword('');
      onSignedIn(session);
    } catch (e) {
      setPassword('');
      if (e instanceof ApiError && e.status === 429) {
        const wait = e.retryAfterSeconds;
        const lines = wait === undefined ? [t('login.lockedOutNoTime')] : [t('login.lockedOut', { wait: formatDuration(wait) })];
        if (e.detail) lines.unshift(e.detail);
        setError(lines);
        if (wait !== undefined) setLockedUntil(Date.now() + wait * 1000);
      } else {
        setError([errorMessage(e)]);
      }
      setBusy(false);
    }
  }

  const locked = lockedUntil !== null;
  return (
    <main id="main" class="login-page" tabIndex={-1}>
      <div class="login-card">
        <p class="brand-name">{t('app.name')}</p>
        <PageHeading title={t('login.title')} />
        <p>{t('login.intro')}</p>
        <StatusMessage>{notice}</StatusMessage>
        <form method="post" onSubmit={submit} noValidate>
          <div class="field">
            <label for="login">{t('login.login')}</label>
            <input
              id="login"
              name="username"
              autocomplete="username"
              autocapitalize="none"
              spellcheck={false}
              required
              value={login}
              onInput={(e) => setLogin(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="password">{t('login.password')}</label>
            <input
              id="password"
              name="password"
              type="password"
              autocomplete="current-password"
              required
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </div>
          <ErrorMessage id="login-error">
            {error.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </ErrorMessage>
          <button type="submit" class="primary" disabled={busy || locked}>
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </div>
    </main>
  );
}
