import { Args, Query, Resolver } from '@nestjs/graphql';
import { accessFilterFor, type AppAbility, AuditService } from '@cartographer/access';
import { CurrentAbility } from '../auth/current-principal.decorator.js';
import { AuditLogArgs } from './dto/audit-log.args.js';
import { AuditLogPageModel } from './models/audit-log.model.js';
import { RequirePolicy } from '../auth/policy.decorators.js';

@Resolver()
export class AuditLogResolver {
  constructor(private readonly audit: AuditService) {}

  @RequirePolicy('read', 'AuditLog')
  @Query(() => AuditLogPageModel, {
    description: 'The audit log, newest first: every row for an ADMIN, rows of their organisations for a DPO.',
  })
  async auditLog(@Args() args: AuditLogArgs, @CurrentAbility() ability: AppAbility): Promise<AuditLogPageModel> {
    const allowed = accessFilterFor(ability, 'read', 'AuditLog').organisations;
    const organisations = args.organisation
      ? allowed === null || allowed.includes(args.organisation)
        ? [args.organisation]
        : []
      : allowed;
    const page = await this.audit.list({
      first: args.first,
      after: args.after,
      entityType: args.entityType,
      entityKey: args.entityKey,
      organisations,
    });
    return {
      nodes: page.entries.map((entry) => ({
        ...entry,
        before: entry.before === null ? null : JSON.stringify(entry.before),
        after: entry.after === null ? null : JSON.stringify(entry.after),
      })),
      endCursor: page.endCursor,
      hasNextPage: page.hasNextPage,
    };
  }
}
