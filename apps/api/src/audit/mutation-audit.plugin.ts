import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import { Kind } from 'graphql';
import { AuditService, currentRequestContext } from '@cartographer/access';

/**
 * Safety net for "every mutation is audited": a mutation that succeeded without appending any
 * audit row (its module forgot AuditService.record) still leaves one naming who ran which mutation.
 * Variables are not recorded: they may hold passwords or values.
 */
@Plugin()
export class MutationAuditPlugin implements ApolloServerPlugin {
  private readonly logger = new Logger('MutationAudit');

  constructor(private readonly audit: AuditService) {}

  async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    const { audit, logger } = this;
    return {
      async willSendResponse({ operation, response, errors }) {
        const context = currentRequestContext();
        if (operation?.operation !== 'mutation' || !context || context.auditCount > 0) return;
        const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
        if (!body?.data || (errors?.length ?? 0) > 0) return;
        const fields = operation.selectionSet.selections
          .filter((selection) => selection.kind === Kind.FIELD)
          .map((selection) => selection.name.value);
        logger.warn(`mutation ${fields.join(', ')} wrote no audit entry; recording a generic one`);
        await audit.record({
          action: 'graphql.mutation',
          entityType: 'GraphQL',
          entityKey: fields.join(','),
          after: { fields },
        });
      },
    };
  }
}
