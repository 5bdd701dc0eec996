import type { Role } from '../gql/graphql';

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisations: string[];
  departments: string[];
}

export interface Session {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

const KEY = 'carto.session';

/**
 * The login token is kept in sessionStorage: it survives a reload of the tab, not the closing of
 * the browser, and is never written to localStorage or a cookie.
 */
export function loadSession(storage: Pick<Storage, 'getItem' | 'removeItem'>, now = Date.now()): Session | null {
  const raw = storage.getItem(KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    if (!session.token || !session.user?.role || !(Date.parse(session.expiresAt) > now)) {
      storage.removeItem(KEY);
      return null;
    }
    return session;
  } catch {
    storage.removeItem(KEY);
    return null;
  }
}

export function saveSession(storage: Pick<Storage, 'setItem'>, session: Session): void {
  storage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(storage: Pick<Storage, 'removeItem'>): void {
  storage.removeItem(KEY);
}
