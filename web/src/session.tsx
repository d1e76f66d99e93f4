// Who is signed in. On start the app trades its refresh cookie (if it has one) for an access
// token; a flag in localStorage, which holds no secret, spares anonymous visitors that request.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { type AuthResult, type User, api, refreshSession, rememberTokens, setSessionLostHandler, unwrap } from './api/client';
import { callerChanged } from './api/queries';

const SIGNED_IN_FLAG = 'moviedb.signedIn';

export type SessionStatus = 'loading' | 'signed-in' | 'anonymous';

export interface Session {
  status: SessionStatus;
  user: User | null;
  /** True once a session ended by itself (revoked or expired), until the next sign-in. */
  expired: boolean;
  signIn(login: string, password: string): Promise<User>;
  signUp(fields: { username: string; email: string; password: string; firstName?: string; lastName?: string }): Promise<User>;
  signOut(): Promise<void>;
  /** After the profile changed. */
  setUser(user: User): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUserState] = useState<User | null>(null);
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [expired, setExpired] = useState(false);

  const begin = useCallback((result: AuthResult) => {
    rememberTokens(result);
    localStorage.setItem(SIGNED_IN_FLAG, '1');
    setUserState(result.user);
    setStatus('signed-in');
    setExpired(false);
    return result.user;
  }, []);

  const end = useCallback(() => {
    rememberTokens(null);
    localStorage.removeItem(SIGNED_IN_FLAG);
    setUserState(null);
    setStatus('anonymous');
  }, []);

  useEffect(() => {
    setSessionLostHandler(() => {
      end();
      setExpired(true);
    });
    if (!localStorage.getItem(SIGNED_IN_FLAG)) {
      setStatus('anonymous');
      return;
    }
    // Refused: signed out. Unreachable: anonymous for now, and the next load tries again.
    refreshSession().then(
      (result) => (result ? begin(result) : end()),
      () => setStatus('anonymous'),
    );
  }, [begin, end]);

  // The cached answers follow who asks for them.
  const userId = user?.id ?? null;
  const lastUserId = useRef<number | null>(null);
  useEffect(() => {
    if (lastUserId.current === userId) return;
    lastUserId.current = userId;
    callerChanged(userId !== null);
  }, [userId]);

  const session = useMemo<Session>(
    () => ({
      status,
      user,
      expired,
      signIn: async (login, password) => begin(await unwrap(api.POST('/api/v1/auth/login', { body: { login, password, cookie: true } }))),
      signUp: async (fields) => begin(await unwrap(api.POST('/api/v1/auth/register', { body: { ...fields, cookie: true } }))),
      signOut: async () => {
        try {
          await unwrap(api.POST('/api/v1/auth/logout', { body: {} }));
        } finally {
          end();
        }
      },
      setUser: setUserState,
    }),
    [status, user, expired, begin, end],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

const RANK = { user: 0, editor: 1, admin: 2 } as const;

/** Whether the signed-in user has at least this role. */
export function hasRole(user: User | null, role: keyof typeof RANK): boolean {
  return user !== null && RANK[user.role] >= RANK[role];
}
