import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@cartographer/config';
import { AccessError, AccessErrorCode } from '../access.errors.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuditActor } from '../audit/audit.types.js';
import type { ApiTokenView } from './account.types.js';
import { ApiTokenEntity } from './api-token.entity.js';

const ISSUER = 'cartographer';
const AUDIENCE = 'cartographer-api';
/** API tokens look like `carto_<12 hex prefix>_<43 base64url secret>`. */
const API_TOKEN = /^carto_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
export const API_TOKEN_MAX_DAYS = 366;
export const API_TOKEN_DEFAULT_DAYS = 90;
/** last_used_at is written at most this often per token, not on every request. */
const LAST_USED_GRANULARITY_MS = 60_000;
/** Login tokens whose signature was verified, at most this many kept (oldest dropped first). */
export const VERIFIED_TOKENS_CACHE_SIZE = 10_000;

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function unauthenticated(message = 'invalid or expired token'): AccessError {
  return new AccessError(AccessErrorCode.UNAUTHENTICATED, message);
}

export function toApiTokenView(token: ApiTokenEntity): ApiTokenView {
  return {
    id: token.id,
    userId: token.userId,
    name: token.name,
    prefix: token.prefix,
    createdAt: token.createdAt,
    expiresAt: token.expiresAt,
    revokedAt: token.revokedAt,
    lastUsedAt: token.lastUsedAt,
  };
}

export function isApiToken(bearer: string): boolean {
  return bearer.startsWith('carto_');
}

/** Login tokens (JWT HS256, short-lived) and API tokens (random, hashed, revocable). */
@Injectable()
export class TokensService {
  private readonly key: Uint8Array;
  /**
   * Login tokens already verified by this process: their subject and expiry. A JWT's signature,
   * issuer and audience never change, so they are checked once per token; the expiry is checked
   * on every use. Per process by design (nothing to invalidate: a token is refused by its account,
   * which is read on every request, or by its expiry). Decision 0014 (docs/decisions/0014-per-request-cost.md).
   */
  private readonly verified = new Map<string, { sub: string; exp: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // Without a configured secret (never in production: config refuses it) tokens die with the process.
    this.key = config.auth.jwtSecret ? new TextEncoder().encode(config.auth.jwtSecret) : randomBytes(32);
  }

  async issueLoginToken(userId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresAt = new Date((issuedAt + this.config.auth.tokenTtlSeconds) * 1000);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setJti(randomUUID())
      .setIssuedAt(issuedAt)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  /** The user id of a valid login token. */
  async verifyLoginToken(token: string, now = Date.now()): Promise<string> {
    const known = this.verified.get(token);
    if (known) {
      // As jose decides it: expired once the current second reaches `exp`.
      if (known.exp <= Math.floor(now / 1000)) {
        this.verified.delete(token);
        throw unauthenticated('token expired');
      }
      return known.sub;
    }
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: new Date(now),
      });
      if (typeof payload.sub !== 'string' || typeof payload.exp !== 'number') throw unauthenticated();
      if (this.verified.size >= VERIFIED_TOKENS_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { sub: payload.sub, exp: payload.exp });
      return payload.sub;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('token expired');
      throw unauthenticated();
    }
  }

  /** Creates an API token; the returned secret is shown once and never stored. */
  async createApiToken(
    userId: string,
    name: string,
    expiresInDays: number = API_TOKEN_DEFAULT_DAYS,
    actor?: AuditActor,
  ): Promise<{ secret: string; token: ApiTokenView }> {
    const trimmed = name.trim();
    if (trimmed.length < 1 || trimmed.length > 100) {
      throw new AccessError(AccessErrorCode.INVALID_INPUT, 'name: expected 1 to 100 characters');
    }
    if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > API_TOKEN_MAX_DAYS) {
      throw new AccessError(
        AccessErrorCode.INVALID_INPUT,
        `expiresInDays: expected an integer from 1 to ${API_TOKEN_MAX_DAYS}, got ${expiresInDays}`,
      );
    }
    const prefix = randomBytes(6).toString('hex');
    const secret = `carto_${prefix}_${randomBytes(32).toString('base64url')}`;
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ApiTokenEntity);
      const saved = await repository.save(
        repository.create({
          userId,
          name: trimmed,
          prefix,
          secretHash: sha256(secret).toString('hex'),
          expiresAt: new Date(Date.now() + expiresInDays * 86_400_000),
          revokedAt: null,
          lastUsedAt: null,
        }),
      );
      const token = toApiTokenView(await repository.findOneByOrFail({ id: saved.id }));
      await this.audit.record(
        { action: 'apiToken.create', entityType: 'ApiToken', entityKey: token.id, after: token, actor },
        { manager },
      );
      return { secret, token };
    });
  }

  /** The owner's user id and the token id of a valid API token. */
  async verifyApiToken(bearer: string): Promise<{ userId: string; tokenId: string }> {
    const match = API_TOKEN.exec(bearer);
    if (!match) throw unauthenticated();
    const repository = this.dataSource.getRepository(ApiTokenEntity);
    const token = await repository.findOneBy({ prefix: match[1] });
    // Compared in constant time even though the prefix already matched: the hash is the secret check.
    if (!token || !timingSafeEqual(Buffer.from(token.secretHash, 'hex'), sha256(bearer))) throw unauthenticated();
    if (token.revokedAt) throw unauthenticated('token revoked');
    const now = new Date();
    if (token.expiresAt <= now) throw unauthenticated('token expired');
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
      await repository.update({ id: token.id }, { lastUsedAt: now });
    }
    return { userId: token.userId, tokenId: token.id };
  }

  async listApiTokens(userId: string): Promise<ApiTokenView[]> {
    const tokens = await this.dataSource
      .getRepository(ApiTokenEntity)
      .find({ where: { userId }, order: { createdAt: 'DESC', id: 'ASC' } });
    return tokens.map(toApiTokenView);
  }

  async findApiToken(id: string): Promise<ApiTokenView | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const token = await this.dataSource.getRepository(ApiTokenEntity).findOneBy({ id });
    return token ? toApiTokenView(token) : null;
  }

  /** Revokes a token (idempotent: revoking twice keeps the first date). */
  async revokeApiToken(id: string, actor?: AuditActor): Promise<ApiTokenView> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ApiTokenEntity);
      const token = /^[0-9a-f-]{36}$/i.test(id)
        ? await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!token) throw new AccessError(AccessErrorCode.NOT_FOUND, `no API token with id '${id}'`);
      if (token.revokedAt) return toApiTokenView(token);
      const before = toApiTokenView(token);
      await repository.update({ id }, { revokedAt: new Date() });
      const after = toApiTokenView(await repository.findOneByOrFail({ id }));
      await this.audit.record(
        { action: 'apiToken.revoke', entityType: 'ApiToken', entityKey: id, before, after, actor },
        { manager },
      );
      return after;
    });
  }
}
