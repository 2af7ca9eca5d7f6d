import { useState } from 'preact/hooks';
import { post } from '../api/client';
import { errorMessage } from '../api/problem';
import { useSession } from '../app/session';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { PageHeading } from '../components/PageHeading';
import { t } from '../i18n';
import { MIN_PASSWORD_LENGTH, passwordProblems } from '../lib/password';

/**
 * Password change: forced after the first sign-in with an issued password (then it is the
 * only page), otherwise reached from the user menu.
 */
export default function PasswordChange({ forced = false }: { forced?: boolean }) {
  const session = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [done, setDone] = useState('');

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    setDone('');
    const problems = passwordProblems(session.account.login, current, next, repeat);
    if (problems.length) {
      setErrors(problems.map((p) => t(`password.problems.${p}`, { min: MIN_PASSWORD_LENGTH })));
      return;
    }
    setBusy(true);
    setErrors([]);
    try {
      await post('/auth/password', { currentPassword: current, newPassword: next }, { unauthorizedIsAnswer: true });
      setCurrent('');
      setNext('');
      setRepeat('');
      setDone(t('password.done'));
      await session.refresh();
    } catch (e) {
      setErrors([errorMessage(e)]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading title={t('password.title')} />
      <p>{forced ? t('password.forcedIntro') : t('password.intro')}</p>
      <form class="narrow-form" method="post" onSubmit={submit} noValidate>
        {/* The login, for password managers; not shown. */}
        <input type="text" name="username" autocomplete="username" value={session.account.login} readOnly hidden />
        <div class="field">
          <label for="current-password">{t('password.current')}</label>
          <input
            id="current-password"
            type="password"
            autocomplete="current-password"
            required
            value={current}
            onInput={(e) => setCurrent(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="new-password">{t('password.new')}</label>
          <input
            id="new-password"
            type="password"
            autocomplete="new-password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            aria-describedby="password-rules"
            value={next}
            onInput={(e) => setNext(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="repeat-password">{t('password.repeat')}</label>
          <input
            id="repeat-password"
            type="password"
            autocomplete="new-password"
            required
            value={repeat}
            onInput={(e) => setRepeat(e.currentTarget.value)}
          />
        </div>
        <div id="password-rules" class="rules">
          <p>{t('password.rulesTitle')}:</p>
          <ul>
            <li>{t('password.ruleLength', { min: MIN_PASSWORD_LENGTH })}</li>
            <li>{t('password.ruleNotLogin')}</li>
            <li>{t('password.ruleRepeat')}</li>
          </ul>
        </div>
        <ErrorMessage>
          {errors.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </ErrorMessage>
        <StatusMessage>{done}</StatusMessage>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('password.submitting') : t('password.submit')}
        </button>
      </form>
    </>
  );
}
