import { Injectable } from '@nestjs/common';
import { AccessError, AccessErrorCode } from '../access.errors.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthenticatedPrincipal } from '../request-context.js';
import type { Account } from './account.types.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { PasswordService } from './password.service.js';
import { isApiToken, TokensService } from './tokens.service.js';
import { normaliseEmail, toAccount, UsersService } from './users.service.js';
import type { UserEntity } from './user.entity.js';

/** Longer passwords cannot exist (accounts refuse them): they fail without hashing a megabyte. */
export const MAX_PASSWORD_LENGTH = 1024;

/** The one answer for an unknown email, a wrong password and a disabled account. */
export const INVALID_CREDENTIALS = 'invalid email or password';

export interface LoginResult {
  token: string;
  expiresAt: Date;
  account: Account;
}

function principalOf(user: UserEntity, apiTokenId?: string): AuthenticatedPrincipal {
  return {
    userId: user.id,
    role: user.role,
    organisations: [...user.organisations],
    departments: [...user.departments],
    email: user.email,
    displayName: user.displayName,
    ...(apiTokenId ? { apiTokenId } : {}),
  };
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly tokens: TokensService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Unknown emails and wrong passwords take the same path: an argon2 verification (against a
   * dummy hash when there is no account), a counted failure, and the same error.
   */
  async login(email: string, password: string, ip: string): Promise<LoginResult> {
    const normalised = normaliseEmail(email);
    if (await this.throttle.isBlocked(normalised, ip)) {
      throw new AccessError(AccessErrorCode.RATE_LIMITED, 'too many failed logins; try again later');
    }
    const user = await this.users.findByEmail(normalised);
    const candidate = password.slice(0, MAX_PASSWORD_LENGTH);
    const valid =
      user && password.length <= MAX_PASSWORD_LENGTH
        ? await this.passwords.verify(user.passwordHash, candidate)
        : await this.passwords.verifyDummy(candidate);
    if (!user || !valid || user.disabled) {
      await this.throttle.recordFailure(normalised, ip);
      throw new AccessError(AccessErrorCode.UNAUTHENTICATED, INVALID_CREDENTIALS);
    }
    await this.throttle.clear(normalised);
    const { token, expiresAt } = await this.tokens.issueLoginToken(user.id);
    const account = toAccount(user);
    await this.audit.record({
      action: 'auth.login',
      entityType: 'User',
      entityKey: user.id,
      actor: { type: 'user', id: user.id, label: user.email },
    });
    return { token, expiresAt, account };
  }

  /**
   * The principal of an `Authorization: Bearer` value. The account is read on every request, so
   * a disabled account or a changed role takes effect at once, not when the token expires.
   */
  async authenticate(bearer: string): Promise<AuthenticatedPrincipal> {
    return (await this.authenticateAccount(bearer)).principal;
  }

  /** The principal and the account as read for this request (`me` answers it without reading again). */
  async authenticateAccount(bearer: string): Promise<{ principal: AuthenticatedPrincipal; account: Account }> {
    const { userId, tokenId } = isApiToken(bearer)
      ? await this.tokens.verifyApiToken(bearer)
      : { userId: await this.tokens.verifyLoginToken(bearer), tokenId: undefined };
    const user = await this.users.findById(userId);
    if (!user || user.disabled) throw new AccessError(AccessErrorCode.UNAUTHENTICATED, 'account disabled or removed');
    return { principal: principalOf(user, tokenId), account: toAccount(user) };
  }
}
