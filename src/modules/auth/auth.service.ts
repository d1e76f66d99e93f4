// Signing up, in and out. A wrong username and a wrong password get the same answer in the same
// time, so that nobody learns which accounts exist.
import { hashPassword, verifyPassword } from './passwords.js';
import type { Principal } from '../../http/principal.js';
import type { ClientInfo, SessionService, SessionTokens } from './sessions.service.js';
import type { Database } from '../../db/database.js';
import type { CreateRecord } from '../../db/idempotency.js';
import { UnauthorizedError } from '../../errors.js';
import { findLoginAccount, findPasswordHash } from './credentials.queries.js';
import { normalizeUsername } from './credentials.schemas.js';
import type { LoginBody, RegisterBody } from './auth.schemas.js';

/** An account as the users module documents it (the User schema, which AuthResult names). */
interface Account {
  id: number;
}

export interface NewAccount {
  username: string;
  email: string;
  passwordHash: string;
  firstName?: string | undefined;
  lastName?: string | undefined;
}

/** The accounts this module signs up and in: the users module's (userAccounts), handed over by app.ts. */
export interface Accounts {
  /** Creates an account in the transaction; a taken username or e-mail is a 409 naming the field. */
  create(tx: Database, account: NewAccount): Promise<Account>;
  find(db: Database, userId: number): Promise<Account | undefined>;
}

export type AuthResult = SessionTokens & { user: Account };

export interface AuthServiceDeps {
  db: Database;
  accounts: Accounts;
  sessions: Pick<SessionService, 'startSession' | 'refresh' | 'sessionOfRefreshToken' | 'accountOfRefreshToken' | 'revoke'>;
}

export function createAuthService({ db, accounts, sessions }: AuthServiceDeps) {
  return {
    /** `created`: the request's Idempotency-Key, recorded with the account (never its tokens). */
    async register(body: RegisterBody, client: ClientInfo, created?: CreateRecord): Promise<AuthResult> {
      const passwordHash = await hashPassword(body.password);
      return db.transaction(async (tx) => {
        const user = await accounts.create(tx, {
          username: normalizeUsername(body.username),
          email: body.email.trim(),
          passwordHash,
          firstName: body.firstName,
          lastName: body.lastName,
        });
        await created?.record(tx, { userId: user.id });
        return { user, ...(await sessions.startSession(user.id, client, tx)) };
      });
    },

    /**
     * A repeated sign-up (same Idempotency-Key, same body) whose first answer was lost: its tokens
     * were never kept, so the account it made is signed in again, with the password of the body,
     * which must still be the account's.
     */
    async resumeRegistration(userId: number, password: string, client: ClientInfo): Promise<AuthResult> {
      const valid = await verifyPassword(await findPasswordHash(db, userId), password);
      const user = valid ? await accounts.find(db, userId) : undefined;
      if (!user) throw new UnauthorizedError('The account this sign-up made no longer signs in with this password: sign in instead.');
      return { user, ...(await sessions.startSession(user.id, client)) };
    },

    async login(body: LoginBody, client: ClientInfo): Promise<AuthResult> {
      const account = await findLoginAccount(db, body.login.trim());
      const valid = await verifyPassword(account?.passwordHash, body.password);
      if (!account || !valid) throw new UnauthorizedError('Wrong login or password.');
      const user = await accounts.find(db, account.userId);
      if (!user) throw new UnauthorizedError('Wrong login or password.');
      return { user, ...(await sessions.startSession(user.id, client)) };
    },

    async refresh(refreshToken: string, options: { lostAnswerGraceSeconds?: number } = {}): Promise<AuthResult> {
      const { userId, tokens } = await sessions.refresh(refreshToken, options);
      const user = await accounts.find(db, userId);
      if (!user) throw new UnauthorizedError('The account no longer exists.');
      return { user, ...tokens };
    },

    /** The account a refresh token names, for rate limits keyed by account (undefined: none). */
    accountOfRefreshToken: (refreshToken: string) => sessions.accountOfRefreshToken(refreshToken),

    /**
     * Revokes the caller's session, named by its access token or by its refresh token. Signing out
     * is idempotent: with neither (or a token that is no longer current) there is nothing to do.
     */
    async logout(principal: Principal | null, refreshToken: string | undefined): Promise<void> {
      const sessionId = principal?.sessionId ?? (refreshToken ? await sessions.sessionOfRefreshToken(refreshToken) : undefined);
      if (sessionId) await sessions.revoke(sessionId, 'signed out');
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
