import { asPage, get } from '../api/client';
import { errorMessage } from '../api/problem';
import type { ComponentChildren } from 'preact';
import type { ExamDay, Page } from '../api/types';
import { href } from '../app/nav';
import { hasPermission, useSession } from '../app/session';
import { useRemote } from '../app/useRemote';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { PageHeading } from '../components/PageHeading';
import { t } from '../i18n';
import { daysUntilText, formatCount, formatLongDate, grantLabel, lastExamDay, localIsoDate, nextExamDay } from '../lib/format';

/** A count from a list's total (size=1: one row travels, the server counts). */
function Count({ path, query, render }: { path: string; query: Record<string, string | number>; render: (n: number) => ComponentChildren }) {
  const remote = useRemote((signal) => get<Page<unknown>>(path, { query: { ...query, size: 1 }, signal }).then((p) => p.total), []);
  if (remote.error) return <span class="error-text">{errorMessage(remote.error)}</span>;
  if (remote.data === undefined) return <span>{t('app.loading')}</span>;
  return <>{render(remote.data)}</>;
}

/** What needs doing, for those who may see it: passwords not handed over, participants in the registry. */
function Tasks({ permissions }: { permissions: readonly string[] }) {
  const items = [];
  if (permissions.includes('ACCOUNTS_READ')) {
    items.push(
      <li key="pending">
        <Count
          path="/accounts"
          query={{ pending: 'true' }}
          render={(n) =>
            n === 0 ? (
              t('home.noPending')
            ) : (
              <>
                <strong>{t('home.pending', { count: n, n: formatCount(n) })}</strong>{' '}
                <a href={`${href('accounts')}?pending=true`}>{t('home.pendingLink')}</a>
              </>
            )
          }
        />
      </li>,
    );
  }
  if (permissions.includes('PARTICIPANTS_READ')) {
    items.push(
      <li key="participants">
        <Count
          path="/participants"
          query={{}}
          render={(n) => (
            <>
              {t('home.participants', { count: n, n: formatCount(n) })} <a href={href('participants')}>{t('home.participantsLink')}</a>
            </>
          )}
        />
      </li>,
    );
  }
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="tasks-title" class="panel">
      <h2 id="tasks-title">{t('home.tasksTitle')}</h2>
      <ul class="due-list">{items}</ul>
    </section>
  );
}


function NextExamDay() {
  const remote = useRemote(
    (signal) => get<Page<ExamDay> | ExamDay[]>('/exam-days', { signal }).then((v) => asPage(v).items),
    [],
  );
  if (remote.error) return <ErrorMessage>{errorMessage(remote.error)}</ErrorMessage>;
  if (!remote.data) return <StatusMessage>{t('app.loading')}</StatusMessage>;
  const today = localIsoDate();
  const next = nextExamDay(remote.data, today);
  if (!next) {
    const last = lastExamDay(remote.data, today);
    return <StatusMessage>{last ? t('home.noUpcoming', { date: formatLongDate(last.date) }) : t('home.noExamDays')}</StatusMessage>;
  }
  const kind = t(`examDayKind.${next.day.kind}`);
  return (
    <StatusMessage>
      <span class="due-date">
        {t('home.nextExamDay', { date: formatLongDate(next.day.date), kind, year: next.day.schoolYear })}
      </span>{' '}
      <strong>{daysUntilText(next.daysUntil)}</strong>
    </StatusMessage>
  );
}

/** The start page: who you are, in which territory, and what is coming up. */
export default function Home() {
  const { account } = useSession();
  return (
    <>
      <PageHeading title={t('home.title')}>{t('home.greeting', { name: account.displayName || account.login })}</PageHeading>
      <section aria-labelledby="roles-title" class="panel">
        <h2 id="roles-title">{t('home.rolesTitle')}</h2>
        {account.grants.length ? (
          <ul class="roles">
            {account.grants.map((g) => (
              <li key={`${g.role}:${g.scope.level}:${g.scope.code ?? ''}`}>{grantLabel(g)}</li>
            ))}
          </ul>
        ) : (
          <p>{t('home.noRoles')}</p>
        )}
      </section>
      <Tasks permissions={account.permissions} />
      <section aria-labelledby="due-title" class="panel">
        <h2 id="due-title">{t('home.dueTitle')}</h2>
        {hasPermission(account, 'REGISTRY_READ') ? <NextExamDay /> : <p>{t('home.noExamDayAccess')}</p>}
      </section>
    </>
  );
}
