import { Module } from '@nestjs/common';
import { AuditLogResolver } from './audit-log.resolver.js';
import { MutationAuditPlugin } from './mutation-audit.plugin.js';

export const AUDIT_RESOLVERS = [AuditLogResolver];

/** Reading the audit log, and the safety net that audits a mutation which recorded nothing. */
// AccessModule is global and imported once, by AuthModule: a second forRoot() would make second services.
@Module({ providers: [...AUDIT_RESOLVERS, MutationAuditPlugin] })
export class AuditModule {}
