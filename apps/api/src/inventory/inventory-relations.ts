import { type InventoryRelation, Label, Rel } from '@cartographer/inventory';

const out = (from: Label, type: Rel, to: Label[], withRelProps = false): InventoryRelation => ({
  from,
  type,
  direction: 'out',
  to,
  withRelProps,
});

/** The relationships nested GraphQL fields follow (batched per request by InventoryLoaders). */
export const RELATIONS = {
  organisationDepartments: out(Label.Organisation, Rel.HAS_DEPARTMENT, [Label.Department]),
  organisationServers: out(Label.Organisation, Rel.HAS_SERVER, [Label.Server]),
  organisationRecipients: out(Label.Organisation, Rel.HAS_RECIPIENT, [Label.Recipient]),
  departmentSources: out(Label.Department, Rel.OWNS, [Label.DataSource]),
  departmentActivities: out(Label.Department, Rel.RUNS, [Label.ProcessingActivity]),
  departmentStakeholders: out(Label.Department, Rel.HAS_STAKEHOLDER, [Label.Stakeholder]),
  sourceStakeholders: out(Label.DataSource, Rel.HAS_STAKEHOLDER, [Label.Stakeholder]),
  sourceDatasets: out(Label.DataSource, Rel.CONTAINS, [Label.Dataset]),
  sourceServers: out(Label.DataSource, Rel.HOSTED_ON, [Label.Server]),
  serverSources: {
    from: Label.Server,
    type: Rel.HOSTED_ON,
    direction: 'in',
    to: [Label.DataSource],
  } satisfies InventoryRelation,
  datasetFields: out(Label.Dataset, Rel.HAS_FIELD, [Label.Field]),
  datasetReferences: out(Label.Dataset, Rel.REFERENCES, [Label.Dataset], true),
  activityDatasets: out(Label.ProcessingActivity, Rel.USES, [Label.Dataset]),
  activityFields: out(Label.ProcessingActivity, Rel.USES, [Label.Field]),
  activityRecipients: out(Label.ProcessingActivity, Rel.DISCLOSES_TO, [Label.Recipient]),
  activityTransfers: out(Label.ProcessingActivity, Rel.TRANSFERS_TO, [Label.Recipient], true),
  flowFrom: out(Label.DataFlow, Rel.FLOWS_FROM, [Label.DataSource, Label.Dataset]),
  flowTo: out(Label.DataFlow, Rel.FLOWS_TO, [Label.DataSource, Label.Dataset]),
} as const;
