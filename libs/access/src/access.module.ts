import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsBootstrapService } from './accounts/accounts-bootstrap.service.js';
import { ApiTokenEntity } from './accounts/api-token.entity.js';
import { AuthService } from './accounts/auth.service.js';
import { LoginThrottleService } from './accounts/login-throttle.service.js';
import { PasswordService } from './accounts/password.service.js';
import { TokensService } from './accounts/tokens.service.js';
import { UserEntity } from './accounts/user.entity.js';
import { UsersService } from './accounts/users.service.js';
import { AuditOutbox, AuditOutboxRelay } from './audit/audit-outbox.js';
import { AuditService } from './audit/audit.service.js';

/** TypeORM entities of this library (audit rows are written with SQL, see AuditService). */
export const ACCESS_ENTITIES = [UserEntity, ApiTokenEntity];

const SERVICES = [
  PasswordService,
  AuditService,
  AuditOutbox,
  AuditOutboxRelay,
  UsersService,
  TokensService,
  LoginThrottleService,
  AuthService,
  AccountsBootstrapService,
];

/**
 * Accounts, tokens and the audit log. Global, so any module can inject AuditService. Needs a
 * TypeORM DataSource (TypeOrmModule.forRoot), APP_CONFIG (ConfigModule.forRoot) and, for the audit
 * outbox relay, Neo4jService (GraphModule.forRoot).
 */
@Global()
@Module({})
export class AccessModule {
  static forRoot(): DynamicModule {
    return {
      module: AccessModule,
      imports: [TypeOrmModule.forFeature(ACCESS_ENTITIES)],
      providers: SERVICES,
      exports: SERVICES,
    };
  }
}
