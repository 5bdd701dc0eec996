import { Query, Resolver } from '@nestjs/graphql';
import { HealthModel } from './health.model.js';
import { HealthService } from './health.service.js';
import { Public } from '../auth/policy.decorators.js';

@Resolver(() => HealthModel)
export class HealthResolver {
  constructor(private readonly healthService: HealthService) {}

  @Public()
  @Query(() => HealthModel, { description: 'Whether Neo4j and PostgreSQL answer.' })
  async health(): Promise<HealthModel> {
    return (await this.healthService.check()) as HealthModel;
  }
}
