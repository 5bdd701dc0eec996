import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cartographer/config';
import { AccessError, AccessErrorCode } from '../access.errors.js';
import { Role } from '../policy/policy.types.js';
import { UsersService } from './users.service.js';

const BOOT = { type: 'system' as const, label: 'boot' };

export interface DemoAccount {
  email: string;
  role: Role;
}

/**
 * First accounts: the administrator named by CARTO_ADMIN_EMAIL/CARTO_ADMIN_PASSWORD at boot, and,
 * only in CARTO_DEV_MODE, one demo account per role. No fixed password exists anywhere.
 */
@Injectable()
export class AccountsBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Accounts');

  constructor(
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureAdminFromConfig();
  }

  /** Creates the configured administrator when missing; an existing account is left as it is. */
  async ensureAdminFromConfig(): Promise<boolean> {
    const admin = this.config.auth.admin;
    if (!admin || (await this.users.findByEmail(admin.email))) return false;
    try {
      await this.users.create(
        {
          email: admin.email,
          displayName: 'Administrator',
          role: Role.ADMIN,
          organisations: [],
          password: admin.password,
        },
        BOOT,
      );
    } catch (error) {
      // Another instance booting at the same moment created it first.
      if (error instanceof AccessError && error.code === AccessErrorCode.CONFLICT) return false;
      throw error;
    }
    this.logger.log(`created administrator ${admin.email} from CARTO_ADMIN_EMAIL`);
    return true;
  }

  /**
   * Dev mode only: one account per role on the demo organisation (`<role>@<orgKey>.demo`), each with
   * a random password printed once, on the run that creates it. Returns the accounts created now.
   */
  async ensureDemoAccounts(orgKey: string, departments: string[]): Promise<DemoAccount[]> {
    if (!this.config.auth.devMode) return [];
    const created: (DemoAccount & { password: string })[] = [];
    for (const role of [Role.ADMIN, Role.DATA_LEAD, Role.DPO, Role.AUDITOR]) {
      const email = `${role.toLowerCase().replace('_', '-')}@${orgKey.toLowerCase()}.demo`;
      if (await this.users.findByEmail(email)) continue;
      const password = randomBytes(12).toString('base64url');
      try {
        await this.users.create(
          {
            email,
            displayName: `Demo ${role.toLowerCase().replace('_', ' ')}`,
            role,
            organisations: role === Role.ADMIN ? [] : [orgKey],
            departments: role === Role.DATA_LEAD ? departments : [],
            password,
          },
          BOOT,
        );
      } catch (error) {
        if (error instanceof AccessError && error.code === AccessErrorCode.CONFLICT) continue;
        throw error;
      }
      created.push({ email, role, password });
    }
    if (created.length > 0) {
      // Printed on stdout, not through the logger: shown once whatever the log level, never stored.
      process.stdout.write(
        `cartographer: demo accounts (CARTO_DEV_MODE), passwords shown only now:\n${created
          .map((account) => `  ${account.role.padEnd(9)} ${account.email}  ${account.password}`)
          .join('\n')}\n`,
      );
    }
    return created.map(({ email, role }) => ({ email, role }));
  }
}
