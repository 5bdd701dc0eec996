import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { MIN_PASSWORD_LENGTH } from '@cartographer/config';
import { AccessError, AccessErrorCode } from '../access.errors.js';
import { assertPageSize } from '../page-size.js';
import { ROLES, Role } from '../policy/policy.types.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuditActor } from '../audit/audit.types.js';
import type { Account, CreateAccountInput, UpdateAccountInput } from './account.types.js';
import { LOCAL_KEY_PATTERN, ORGANISATION_KEY_PATTERN, splitGraphKey } from '@cartographer/common';
import { PasswordService } from './password.service.js';

/** Kept in step with AuthService: no account may have a password login could not check. */
const MAX_PASSWORD_LENGTH = 1024;
import { UserEntity } from './user.entity.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function toAccount(user: UserEntity): Account {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    organisations: [...user.organisations],
    departments: [...user.departments],
    disabled: user.disabled,
    createdAt: user.createdAt,
  };
}

function invalid(message: string): AccessError {
  return new AccessError(AccessErrorCode.INVALID_INPUT, message);
}

function checkOrganisations(keys: string[]): string[] {
  for (const key of keys)
    if (!ORGANISATION_KEY_PATTERN.test(key)) throw invalid(`organisations: '${key}' is not a valid organisation key`);
  return [...new Set(keys)].sort();
}

/**
 * Departments are stored by their local key (what graph nodes carry); a full key
 * `<organisation>:<department>` is accepted too, and its organisation must be granted.
 */
function checkDepartments(keys: string[], organisations: readonly string[] | undefined): string[] {
  const locals = keys.map((key) => {
    const full = splitGraphKey(key);
    if (full && organisations && !organisations.includes(full.organisation)) {
      throw invalid(`departments: '${key}' is in organisation '${full.organisation}', which is not granted`);
    }
    const local = full ? full.local : key;
    if (!LOCAL_KEY_PATTERN.test(local)) throw invalid(`departments: '${key}' is not a valid department key`);
    return local;
  });
  return [...new Set(locals)].sort();
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw invalid(`password: must be at least ${MIN_PASSWORD_LENGTH} characters long`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw invalid(`password: must be at most ${MAX_PASSWORD_LENGTH} characters long`);
  }
}

function checkRole(role: Role): Role {
  if (!ROLES.includes(role)) throw invalid(`role: expected one of ${ROLES.join(', ')}, got '${String(role)}'`);
  return role;
}

function checkDisplayName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 200) throw invalid('displayName: expected 1 to 200 characters');
  return trimmed;
}

/**
 * Accounts in PostgreSQL. Every change commits together with its audit row. Authorization is the
 * caller's job (the API's policies; the CLI is an operator tool on the host).
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
  ) {}

  async findById(id: string): Promise<UserEntity | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }

  async findByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ email: normaliseEmail(email) });
  }

  async get(id: string): Promise<Account> {
    const user = await this.findById(id);
    if (!user) throw new AccessError(AccessErrorCode.NOT_FOUND, `no account with id '${id}'`);
    return toAccount(user);
  }

  /** Accounts ordered by email; `after` is the last email of the previous page. */
  async list(first?: number | null, after?: string | null): Promise<{ accounts: Account[]; hasNextPage: boolean }> {
    const size = assertPageSize(first);
    const query = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .orderBy('u.email')
      .limit(size + 1);
    if (after) query.where('u.email > :after', { after: normaliseEmail(after) });
    const users = await query.getMany();
    return { accounts: users.slice(0, size).map(toAccount), hasNextPage: users.length > size };
  }

  async create(input: CreateAccountInput, actor?: AuditActor): Promise<Account> {
    const email = normaliseEmail(input.email);
    if (!EMAIL.test(email) || email.length > 254) throw invalid(`email: '${input.email}' is not an email address`);
    checkPassword(input.password);
    const values = {
      email,
      displayName: checkDisplayName(input.displayName),
      role: checkRole(input.role),
      organisations: checkOrganisations(input.organisations),
      departments: checkDepartments(input.departments ?? [], input.organisations),
      passwordHash: await this.passwords.hash(input.password),
      disabled: false,
    };
    try {
      return await this.dataSource.transaction(async (manager) => {
        const saved = await manager.getRepository(UserEntity).save(manager.getRepository(UserEntity).create(values));
        const created = toAccount(await manager.getRepository(UserEntity).findOneByOrFail({ id: saved.id }));
        await this.audit.record(
          { action: 'user.create', entityType: 'User', entityKey: created.id, after: created, actor },
          { manager },
        );
        return created;
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string })?.code === '23505') {
        throw new AccessError(AccessErrorCode.CONFLICT, `an account with email '${email}' already exists`);
      }
      throw error;
    }
  }

  async update(id: string, input: UpdateAccountInput, actor?: AuditActor): Promise<Account> {
    const changes: Partial<UserEntity> = {};
    if (input.displayName !== undefined) changes.displayName = checkDisplayName(input.displayName);
    if (input.role !== undefined) changes.role = checkRole(input.role);
    if (input.organisations !== undefined) changes.organisations = checkOrganisations(input.organisations);
    if (input.departments !== undefined)
      changes.departments = checkDepartments(input.departments, input.organisations ?? undefined);
    if (input.disabled !== undefined) changes.disabled = input.disabled;
    if (input.password !== undefined) {
      checkPassword(input.password);
      changes.passwordHash = await this.passwords.hash(input.password);
    }
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockedUser(manager, id);
      await this.keepOneAdministrator(manager, before, changes);
      await manager.getRepository(UserEntity).update({ id }, { ...changes, updatedAt: new Date() });
      const after = toAccount(await manager.getRepository(UserEntity).findOneByOrFail({ id }));
      await this.audit.record(
        {
          action: input.disabled === true && Object.keys(changes).length === 1 ? 'user.disable' : 'user.update',
          entityType: 'User',
          entityKey: id,
          before: toAccount(before),
          after: { ...after, ...(input.password !== undefined ? { passwordChanged: true } : {}) },
          actor,
        },
        { manager },
      );
      return after;
    });
  }

  disable(id: string, actor?: AuditActor): Promise<Account> {
    return this.update(id, { disabled: true }, actor);
  }

  /** Refuses to disable or demote the last active ADMIN: nobody could manage accounts any more. */
  private async keepOneAdministrator(
    manager: EntityManager,
    user: UserEntity,
    changes: Partial<UserEntity>,
  ): Promise<void> {
    const losesAdmin = changes.disabled === true || (changes.role !== undefined && changes.role !== Role.ADMIN);
    if (user.role !== Role.ADMIN || user.disabled || !losesAdmin) return;
    // Locking every active admin row serialises two admins demoting each other at the same moment.
    const others = (await manager.query(
      `SELECT id FROM users WHERE role = 'ADMIN' AND NOT disabled AND id <> $1 FOR UPDATE`,
      [user.id],
    )) as unknown[];
    if (others.length === 0) {
      throw new AccessError(AccessErrorCode.CONFLICT, 'cannot disable or demote the last active administrator');
    }
  }

  private async lockedUser(manager: EntityManager, id: string): Promise<UserEntity> {
    const user = /^[0-9a-f-]{36}$/i.test(id)
      ? await manager.getRepository(UserEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!user) throw new AccessError(AccessErrorCode.NOT_FOUND, `no account with id '${id}'`);
    return user;
  }
}
