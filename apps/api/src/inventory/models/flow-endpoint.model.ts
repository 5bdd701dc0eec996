import { createUnionType } from '@nestjs/graphql';
import { Label } from '@cartographer/inventory';
import { DatasetModel, DataSourceModel } from './data-source.model.js';

/** A flow starts or ends at a whole data source or at one dataset. */
export const FlowEndpointUnion = createUnionType({
  name: 'FlowEndpoint',
  types: () => [DataSourceModel, DatasetModel] as const,
  resolveType: (value: { label?: Label }) => (value.label === Label.DataSource ? DataSourceModel : DatasetModel),
});
