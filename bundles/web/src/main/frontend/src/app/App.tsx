import type { ComponentType } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { ErrorBoundary, LocationProvider, Route, Router, lazy, useLocation } from 'preact-iso';
import { get, onUnauthorized, post, setCsrfToken } from '../api/client';
import { ApiError, errorMessage } from '../api/problem';
import type { Account, SessionInfo } from '../api/types';
import { Layout } from '../components/Layout';
import { focusPageHeading, requestHeadingFocus } from '../components/PageHeading';
import { t } from '../i18n';
import { Login } from '../pages/Login';
import { BASE, SECTIONS, SUBPAGES, allowed, href, routePath } from './nav';
import { SessionContext, type SessionApi } from './session';

/** A page module that failed to load (for example after an upgrade): say so instead of hanging. */
function ChunkFailed() {
  return (
    <div class="error" role="alert">
      {t('app.chunkFailed')}
    </div>
  );
}
const page = <P,>(load: () => Promise<{ default: ComponentType<P> }>) =>
  lazy(() => load().catch(() => ({ default: ChunkFailed as ComponentType<P> })));

const Home = page(() => import('../pages/Home'));
const Participants = page(() => import('../pages/Participants'));
const Municipalities = page(() => import('../pages/Municipalities'));
const Schools = page(() => import('../pages/Schools'));
const SchoolCard = page(() => import('../pages/SchoolCard'));
const ParticipantCard = page(() => import('../pages/ParticipantCard'));
const ParticipantImport = page(() => import('../pages/ParticipantImport'));
const Venues = page(() => import('../pages/Venues'));
const VenueCard = page(() => import('../pages/VenueCard'));
const ExamDays = page(() => import('../pages/ExamDays'));
const SeatingPage = page(() => import('../pages/Seating'));
const Accounts = page(() => import('../pages/Accounts'));
const CredentialsSheet = page(() => import('../pages/CredentialsSheet'));
const Audit = page(() => import('../pages/Audit'));
const PasswordChange = page(() => import('../pages/PasswordChange'));
const NotFound = page(() => import('../pages/NotFound'));
const NoAccess = page(() => import('../pages/NoAccess'));

const PAGES: Record<string, ComponentType> = {
  home: Home,
  participants: Participants,
  import: ParticipantImport,
  municipalities: Municipalities,
  schools: Schools,
  venues: Venues,
  examDays: ExamDays,
  accounts: Accounts,
  audit: Audit,
  participantNew: ParticipantCard,
  participant: ParticipantCard,
  school: SchoolCard,
  venue: VenueCard,
  seating: SeatingPage,
  credentials: CredentialsSheet,
};

type State =
  | { status: 'loading' }
  | { status: 'anonymous'; notice?: string }
  | { status: 'signed-in'; session: SessionInfo };

function SignedIn({ account, forced }: { account: Account; forced: boolean }) {
  if (forced) return <PasswordChange forced />;
  return (
    <Router onRouteChange={focusPageHeading}>
      {[
        ...[...SUBPAGES, ...SECTIONS].map((s) => (
          <Route key={s.id} path={routePath(s.section)} component={allowed(s, account.permissions) ? PAGES[s.id] : NoAccess} />
        )),
        <Route key="password" path={routePath('password')} component={PasswordChange} />,
        <Route key="missing" default component={NotFound} />,
      ]}
    </Router>
  );
}

function Shell() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const location = useLocation();

  const apply = useCallback((session: SessionInfo | null, notice?: string) => {
    setCsrfToken(session?.csrfToken ?? null);
    setState(session ? { status: 'signed-in', session } : { status: 'anonymous', notice });
  }, []);

  useEffect(() => {
    onUnauthorized(() => apply(null, t('login.sessionExpired')));
    get<SessionInfo>('/auth/session', { unauthorizedIsAnswer: true }).then(
      (session) => apply(session),
      (e: unknown) => apply(null, e instanceof ApiError && e.status === 401 ? undefined : errorMessage(e)),
    );
    return () => onUnauthorized(null);
  }, [apply]);

  const api = useMemo<SessionApi | null>(() => {
    if (state.status !== 'signed-in') return null;
    return {
      account: state.session.account,
      update: (session) => apply(session),
      refresh: async () => apply(await get<SessionInfo>('/auth/session')),
      logout: async () => {
        try {
          await post('/auth/logout', undefined, { unauthorizedIsAnswer: true });
        } catch {
          // signed out on this side in any case
        }
        requestHeadingFocus();
        apply(null, t('login.loggedOut'));
        location.route(href(''));
      },
    };
  }, [state, apply]);

  if (state.status === 'loading') {
    return (
      <main id="main" class="loading" aria-busy="true">
        <p role="status">{t('app.loading')}</p>
      </main>
    );
  }
  if (state.status === 'anonymous' || !api) {
    return <Login notice={state.status === 'anonymous' ? state.notice : undefined} onSignedIn={(s) => {
          requestHeadingFocus();
          apply(s);
        }} />;
  }
  const forced = api.account.passwordChangeRequired;
  return (
    <SessionContext.Provider value={api}>
      <Layout account={api.account} restricted={forced} onLogout={api.logout}>
        <ErrorBoundary>
          <SignedIn account={api.account} forced={forced} />
        </ErrorBoundary>
      </Layout>
    </SessionContext.Provider>
  );
}

export function App() {
  return (
    <LocationProvider scope={`${BASE}/`}>
      <Shell />
    </LocationProvider>
  );
}
