import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { api, configureApi } from './api';
import type { Me, Permission } from './types';

type SessionValue = {
  /** undefined while the first check runs; null when nobody is signed in. */
  me: Me | null | undefined;
  /** Asks the server again (after login, enrolment, a profile change). */
  reload: () => Promise<Me | null>;
  signedIn: (me: Me) => void;
  logout: () => Promise<void>;
  can: (permission: Permission) => boolean;
};

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  const accept = useCallback((next: Me | null) => {
    configureApi({ csrfToken: next?.csrfToken ?? null });
    setMe(next);
  }, []);

  const reload = useCallback(async () => {
    try {
      const state = await api.get<{ authenticated: boolean; user: Me | null }>('/api/auth/session');
      const next = state.authenticated ? state.user : null;
      accept(next);
      return next;
    } catch {
      accept(null);
      return null;
    }
  }, [accept]);

  useEffect(() => {
    configureApi({
      onUnauthenticated: () => accept(null),
      onAccountSetupRequired: () => void reload(),
    });
    void reload();
  }, [accept, reload]);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      accept(null);
    }
  }, [accept]);

  const value = useMemo<SessionValue>(
    () => ({
      me,
      reload,
      signedIn: accept,
      logout,
      can: (permission) => Boolean(me?.permissions.includes(permission)),
    }),
    [me, reload, accept, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for components rendered inside the signed-in shell. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}
