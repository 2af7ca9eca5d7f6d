import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Account, SessionInfo } from '../api/types';

export interface SessionApi {
  account: Account;
  /** Replace the session after the server issued a new one (login, password change). */
  update(session: SessionInfo): void;
  /** Ask the server for the session again (fresh CSRF token and flags). */
  refresh(): Promise<void>;
  logout(): Promise<void>;
}

export const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession outside a signed-in page');
  return api;
}

export function hasPermission(account: Account, permission: string): boolean {
  return account.permissions.includes(permission);
}
