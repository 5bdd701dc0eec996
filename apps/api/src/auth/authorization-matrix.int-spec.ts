import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  ALLOW_ALL,
  type InventoryDocument,
  InventoryCommandService,
  InventoryImportService,
} from '@cartographer/inventory';
import {
  activityRecord,
  connectionRefOf,
  fieldNames,
  MATRIX_ROLES,
  type MatrixFixture,
  type MatrixRole,
  type MatrixState,
  type RestoreStep,
  scanFailureOf,
  scanTargetOf,
  type Side,
  startMatrixFixture,
} from '../testing/authorization-fixture.js';
import { diffReportModels, type ReportSnapshot } from '@cartographer/reports';
import { READ_ALL, riskRegisterFor } from '@cartographer/registers';
import { MEASURE_CATALOGUE, type RiskRegister, riskMap } from '@cartographer/risks';
import { listEndpointPolicies } from './endpoint-policies.js';

const RISK_AS_OF = '2026-12-01';
const RISK_A = 'privacy/pa-a/ILLEGITIMATE_ACCESS';

/*
 * Authorization matrix: every query and mutation of the schema x every kind of caller, against the
 * booted API and the real stores. Two organisations hold the same inventory under the same local
 * keys (`main`, where every role but OTHER_* works, and `other`); OTHER_LEAD leads `dept-a` of
 * `other`, the same local department key LEAD_A has in `main`.
 *
 * ALLOW      the operation runs and answers exactly what an ADMIN gets (mutations: it is applied).
 * FILTERED   it runs, but the answer is narrowed to the caller's organisations; for an AUDITOR,
 *            restricted fields (connectionRef, maskedExemplar, evidence) are null and a scan run's
 *            target and failure text are hidden.
 * FORBIDDEN, UNAUTHENTICATED, NOT_FOUND
 *            refused with that code; a refused mutation writes nothing in Neo4j nor PostgreSQL.
 *            NOT_FOUND is the answer where the caller may not even learn that the target exists:
 *            an operation the role may do somewhere, on an entity or organisation it may not read
 *            (OTHER_LEAD editing `main`'s sources); a role that may not do it anywhere is FORBIDDEN.
 * CONFLICT   refused because of the target's state (approving an approved report); nothing written.
 * BAD_USER_INPUT  refused for its input (a report as of a date in the future); nothing written.
 *
 * Report snapshots are append-only (the database refuses to delete them): an allowed generate or
 * approve is not undone, so the "restored" check leaves them out, as it does the audit log; a
 * refused one must still write nothing, snapshots included.
 */
const ALLOW = 'ALLOW';
const FILTERED = 'FILTERED';
const FORBIDDEN = 'FORBIDDEN';
const UNAUTHENTICATED = 'UNAUTHENTICATED';
const NOT_FOUND = 'NOT_FOUND';
const CONFLICT = 'CONFLICT';
const BAD_INPUT = 'BAD_USER_INPUT';
type Verdict =
  | typeof ALLOW
  | typeof FILTERED
  | typeof FORBIDDEN
  | typeof UNAUTHENTICATED
  | typeof NOT_FOUND
  | typeof CONFLICT
  | typeof BAD_INPUT;
type Row = Record<MatrixRole, Verdict>;

/** Cells in the order of MATRIX_ROLES. */
const row = (...cells: [Verdict, Verdict, Verdict, Verdict, Verdict, Verdict, Verdict, Verdict]): Row =>
  Object.fromEntries(MATRIX_ROLES.map((role, i) => [role, cells[i]])) as Row;

// prettier-ignore
const QUERIES = {
  //                          ADMIN     LEAD_A    LEAD_B    DPO       AUDITOR   ANON             OTHER_LEAD OTHER_DPO
  apiTokens:            row(ALLOW,    ALLOW,    ALLOW,    ALLOW,    ALLOW,    UNAUTHENTICATED, ALLOW,     ALLOW),
  auditLog:             row(ALLOW,    FORBIDDEN,FORBIDDEN,FILTERED, FORBIDDEN,UNAUTHENTICATED, FORBIDDEN, FILTERED),
  dataFlow:             row(ALLOW,    FILTERED, FILTERED, FILTERED, FILTERED, UNAUTHENTICATED, FILTERED,  FILTERED),
  dataFlows:            row(ALLOW,    FILTERED, FILTERED, FILTERED, FILTERED, UNAUTHENTICATED, FILTERED,  FILTERED),
  dataSource:           row(ALLOW,    FILTERED, FILTERED, FILTERED, FILTERED, UNAUTHENTICATED, FILTERED,  FILTERED),
  dataSources:          row(ALLOW,    FILTERED, FILTERED, FILTERED, FILTERED, UNAUTHENTICATED, FILTERED,  FILTERED),
  dataset:              row(ALLOW,    FILTERED, FILTERED, FILTERED, FILTERED, UNAUTHENTICATED, FILTERED,  FILTERED),
  datasets:             row(ALLOW,    FILTERED, FILTERED, FILTERED, FILTERED, UNAUTHENTICATED, FILTERED,  FILTERED),
  department:           row(ALLOW,    FILTERED, FILTERED, FILTERED, FILTERED, UNAUTHENTICATED, FILTERED,  FILTERED),
  departments:          row(ALLOW,    FILTERED, FILTERED, FILTERED, FILTERED, UNAUTHENTICATED, FILTERED,  FILTERED),
  dpiaScreening:        row(ALLOW,    ALLOW,    ALLOW,    ALLOW,    ALLOW,    UNAUTHENTICATED, NOT_FOUND, NOT_FOUND),
  exportInventory:      row(ALLOW,    ALLOW,    ALLOW,    ALLOW,    FILTERED, UNAUTHENTICATED, NOT_FOUND, NOT_FOUND),
  field:                row(ALLOW,    FILTERED, FILTERED, FILTERED, FILTERED, UNAUTHENTICATED, FILTERED,  FILTERED),
  fields:               row(ALLOW,    FILTERED, FILTERED, FILTERED, FILTERED, UNAUTHENTICATED, FILTERED,  FILTERED),
  findings:             row(ALLOW,    FILTERED, FILTERED, FILTERED, FILTERED, UNAUTHENTICATED, FILTERED,  FILTERED),
  health:               row(ALLOW,    ALLOW,    ALLOW,    ALLOW,    ALLOW,    ALLOW,           ALLOW,     ALLOW),
  // The map carries no connection detail: an AUDITOR gets exactly the ADMIN's answer.
  map:                  row(ALLOW,    ALLOW,    ALLOW,    ALLOW,    ALLOW,    UNAUTHENTICATED, NOT_FOUND, NOT_FOUND),
  me:                   row(ALLOW,    ALLOW,    ALLOW,    ALLOW,    ALLOW,    UNAUTHENTICATED, ALLOW,     ALLOW),
  neighbourhood:        row(ALLOW,    ALLOW,    ALLOW,    ALLOW,    ALLOW,    UNAUTHENTICATED, NOT_FOUND, NOT_FOUND),
  organisation:         row(ALLOW,    FILTERED, FILTERED, FILTERED, FILTERED, UNAUTHENTICATED, FILTERED,  FILTERED),
  organisations:        row(ALLOW,    FILTERED, FILTERED, FILTERED, FILTERED, UNAUTHENTICATED, FILTERED,  FILTERED),
  processingActivities: row(ALLOW,    FILTERED, FILTERED, FILTERED, FILTERED, UNAUTHENTICATED, FILTERED,  FILTERED),
  processingActivity:   row(ALLOW,    FILTERED, FILTERED, FILTERED, FILTERED, UNAUTHENTICATED, FILTERED,  FILTERED),
  processingRecord:     row(ALLOW,    ALLOW,    ALLOW,    ALLOW,    ALLOW,    UNAUTHENTICATED, NOT_FOUND, NOT_FOUND),
  actionPlan:           row(ALLOW,    ALLOW,    ALLOW,    ALLOW,    ALLOW,    UNAUTHENTICATED, NOT_FOUND, NOT_FOUND),
  measures:             row(ALLOW,    ALLOW,    ALLOW,    ALLOW,    ALLOW,    UNAUTHENTICATED, ALLOW,     ALLOW),
  riskMap:              row(ALLOW,    ALLOW,    ALLOW,    ALLOW,    ALLOW,    UNAUTHENTICATED, NOT_FOUND, NOT_FOUND),
  risks:                row(ALLOW,    ALLOW,    ALLOW,    ALLOW,    ALLOW,    UNAUTHENTICATED, NOT_FOUND, NOT_FOUND),
  recipient:            row(ALLOW,    FILTERED, FILTERED, FILTERED, FILTERED, UNAUTHENTICATED, FILTERED,  FILTERED),
  recipients:           row(ALLOW,    FILTERED, FILTERED, FILTERED, FILTERED, UNAUTHENTICATED, FILTERED,  FILTERED),
  // main's two snapshots, older (draft) to newer (approved): an AUDITOR may not read the draft.
  reportDiff:           row(ALLOW,    ALLOW,    ALLOW,    ALLOW,    NOT_FOUND,UNAUTHENTICATED, NOT_FOUND, NOT_FOUND),
  // main's approved snapshot.
  reportSnapshot:       row(ALLOW,    ALLOW,    ALLOW,    ALLOW,    ALLOW,    UNAUTHENTICATED, NOT_FOUND, NOT_FOUND),
  reportSnapshots:      row(ALLOW,    FILTERED, FILTERED, FILTERED, FILTERED, UNAUTHENTICATED, FILTERED,  FILTERED),
  scanRun:              row(ALLOW,    FILTERED, FILTERED, FILTERED, FILTERED, UNAUTHENTICATED, FILTERED,  FILTERED),
  scanRuns:             row(ALLOW,    FILTERED, FILTERED, FILTERED, FILTERED, UNAUTHENTICATED, FILTERED,  FILTERED),
  server:               row(ALLOW,    FILTERED, FILTERED, FILTERED, FILTERED, UNAUTHENTICATED, FILTERED,  FILTERED),
  servers:              row(ALLOW,    FILTERED, FILTERED, FILTERED, FILTERED, UNAUTHENTICATED, FILTERED,  FILTERED),
  stakeholder:          row(ALLOW,    FILTERED, FILTERED, FILTERED, FILTERED, UNAUTHENTICATED, FILTERED,  FILTERED),
  stakeholders:         row(ALLOW,    FILTERED, FILTERED, FILTERED, FILTERED, UNAUTHENTICATED, FILTERED,  FILTERED),
  transfers:            row(ALLOW,    ALLOW,    ALLOW,    ALLOW,    ALLOW,    UNAUTHENTICATED, NOT_FOUND, NOT_FOUND),
  users:                row(ALLOW,    FORBIDDEN,FORBIDDEN,FORBIDDEN,FORBIDDEN,UNAUTHENTICATED, FORBIDDEN, FORBIDDEN),
} satisfies Record<string, Row>;

// Every mutation targets `main` (department A where it matters); see MUTATION_CASES for the inputs.
// prettier-ignore
const MUTATIONS = {
  //                          ADMIN     LEAD_A    LEAD_B    DPO       AUDITOR   ANON             OTHER_LEAD OTHER_DPO
  // A fresh draft of main each time.
  approveReport:            row(ALLOW, FORBIDDEN, FORBIDDEN, ALLOW,     FORBIDDEN, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND),
  // main's approved snapshot: approving twice is refused and writes nothing.
  'approveReport [twice]':  row(CONFLICT, FORBIDDEN, FORBIDDEN, CONFLICT, FORBIDDEN, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND),
  createApiToken:           row(ALLOW, ALLOW,     ALLOW,     ALLOW,     ALLOW,     UNAUTHENTICATED, ALLOW,     ALLOW),
  createDataFlow:           row(ALLOW, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, NOT_FOUND, FORBIDDEN),
  createDataSource:         row(ALLOW, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, NOT_FOUND, FORBIDDEN),
  createDataset:            row(ALLOW, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, NOT_FOUND, FORBIDDEN),
  createDepartment:         row(ALLOW, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, FORBIDDEN, FORBIDDEN),
  createField:              row(ALLOW, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, NOT_FOUND, FORBIDDEN),
  createOrganisation:       row(ALLOW, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, FORBIDDEN, FORBIDDEN),
  createProcessingActivity: row(ALLOW, FORBIDDEN, FORBIDDEN, ALLOW,     FORBIDDEN, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND),
  createRecipient:          row(ALLOW, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, FORBIDDEN, FORBIDDEN),
  createServer:             row(ALLOW, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, FORBIDDEN, FORBIDDEN),
  createUser:               row(ALLOW, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, FORBIDDEN, FORBIDDEN),
  deleteDataFlow:           row(ALLOW, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, NOT_FOUND, FORBIDDEN),
  deleteDataSource:         row(ALLOW, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, NOT_FOUND, FORBIDDEN),
  deleteDataset:            row(ALLOW, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, NOT_FOUND, FORBIDDEN),
  deleteDepartment:         row(ALLOW, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, FORBIDDEN, FORBIDDEN),
  deleteField:              row(ALLOW, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, NOT_FOUND, FORBIDDEN),
  deleteProcessingActivity: row(ALLOW, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, FORBIDDEN, FORBIDDEN),
  deleteRecipient:          row(ALLOW, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, FORBIDDEN, FORBIDDEN),
  deleteServer:             row(ALLOW, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, FORBIDDEN, FORBIDDEN),
  disableUser:              row(ALLOW, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, FORBIDDEN, FORBIDDEN),
  generateReport:           row(ALLOW, ALLOW,     ALLOW,     ALLOW,     FORBIDDEN, UNAUTHENTICATED, NOT_FOUND, NOT_FOUND),
  // The same, asked as of a date in the future: refused before anything is built, by every role.
  'generateReport [future]': row(BAD_INPUT, BAD_INPUT, BAD_INPUT, BAD_INPUT, FORBIDDEN, UNAUTHENTICATED, BAD_INPUT, BAD_INPUT),
  importInventory:          row(ALLOW, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, FORBIDDEN, FORBIDDEN),
  // The same operation re-declaring dept-b's source src-b in dept-a (an import moves it there).
  'importInventory [takeover]': row(ALLOW, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, FORBIDDEN, FORBIDDEN),
  login:                    row(ALLOW, ALLOW,     ALLOW,     ALLOW,     ALLOW,     ALLOW,           ALLOW,     ALLOW),
  recordTransferImpactAssessment: row(ALLOW, FORBIDDEN, FORBIDDEN, ALLOW, FORBIDDEN, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND),
  acceptRisk:               row(ALLOW, FORBIDDEN, FORBIDDEN, ALLOW,     FORBIDDEN, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND),
  overrideRiskScore:        row(ALLOW, FORBIDDEN, FORBIDDEN, ALLOW,     FORBIDDEN, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND),
  // An action on a risk of dept-a's activity: its lead may plan it, dept-b's may not.
  planRiskAction:           row(ALLOW, ALLOW,     FORBIDDEN, ALLOW,     FORBIDDEN, UNAUTHENTICATED, NOT_FOUND, NOT_FOUND),
  // An action on an organisational risk: no department lead may touch it.
  'planRiskAction [organisation-wide]': row(ALLOW, FORBIDDEN, FORBIDDEN, ALLOW, FORBIDDEN, UNAUTHENTICATED, NOT_FOUND, NOT_FOUND),
  updateRiskActionStatus:   row(ALLOW, ALLOW,     FORBIDDEN, ALLOW,     FORBIDDEN, UNAUTHENTICATED, NOT_FOUND, NOT_FOUND),
  reviewDatasetFindings:    row(ALLOW, FORBIDDEN, FORBIDDEN, ALLOW,     FORBIDDEN, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND),
  reviewFinding:            row(ALLOW, FORBIDDEN, FORBIDDEN, ALLOW,     FORBIDDEN, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND),
  revokeApiToken:           row(ALLOW, NOT_FOUND, NOT_FOUND, ALLOW,     NOT_FOUND, UNAUTHENTICATED, NOT_FOUND, NOT_FOUND),
  setDpiaOverride:          row(ALLOW, FORBIDDEN, FORBIDDEN, ALLOW,     FORBIDDEN, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND),
  setPropagationBlock:      row(ALLOW, FORBIDDEN, FORBIDDEN, ALLOW,     FORBIDDEN, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND),
  startScan:                row(ALLOW, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, NOT_FOUND, FORBIDDEN),
  updateDataFlow:           row(ALLOW, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, NOT_FOUND, NOT_FOUND),
  updateDataSource:         row(ALLOW, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, NOT_FOUND, NOT_FOUND),
  updateDataset:            row(ALLOW, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, NOT_FOUND, NOT_FOUND),
  updateDepartment:         row(ALLOW, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, FORBIDDEN, FORBIDDEN),
  updateField:              row(ALLOW, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, NOT_FOUND, NOT_FOUND),
  updateOrganisation:       row(ALLOW, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, FORBIDDEN, FORBIDDEN),
  updateProcessingActivity: row(ALLOW, FORBIDDEN, FORBIDDEN, ALLOW,     FORBIDDEN, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND),
  updateRecipient:          row(ALLOW, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND),
  updateServer:             row(ALLOW, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND),
  updateUser:               row(ALLOW, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, UNAUTHENTICATED, FORBIDDEN, FORBIDDEN),
} satisfies Record<string, Row>;

type QueryName = keyof typeof QUERIES;
type MutationName = keyof typeof MUTATIONS;
/** A row is named by its operation, or by its operation and a variant in brackets. */
const operationOf = (row: string) => row.split(' ')[0];

// ------------------------------------------------------------------------------------------------
// What a caller may see of the fixture: organisations, and whether restricted fields are hidden.

interface Viewer {
  role: MatrixRole;
  organisations: string[];
  redacted: boolean;
}

function viewerOf(fx: MatrixFixture, role: MatrixRole): Viewer {
  const organisations: Record<MatrixRole, string[]> = {
    ADMIN: [fx.main, fx.other],
    LEAD_A: [fx.main],
    LEAD_B: [fx.main],
    DPO: [fx.main],
    AUDITOR: [fx.main],
    ANON: [],
    OTHER_LEAD: [fx.other],
    OTHER_DPO: [fx.other],
  };
  return { role, organisations: organisations[role], redacted: role === 'AUDITOR' };
}

interface Context {
  fx: MatrixFixture;
  /** `main`'s risk register as the use case computes it (no stored decision). */
  register: RiskRegister;
  /** The unredacted export of `main`, as the import service writes it. */
  exported: InventoryDocument;
}

interface ReadCase {
  query: string;
  variables?: (fx: MatrixFixture) => Record<string, unknown>;
  /** The exact `data` of an allowed or filtered answer. */
  expected: (v: Viewer, ctx: Context) => unknown;
  /** Answers about the caller itself (ALLOW means "its own"), not comparable with the ADMIN's. */
  perCaller?: boolean;
}

const SIDES: Side[] = ['a', 'b'];
const SNAPSHOT_FIELDS = `id organisation department kind language asOf contentHash generatedBy
  approval { approvedBy comment } files { pdf html json }`;
const snapshotOf = (snapshot: ReportSnapshot) => ({
  id: snapshot.id,
  organisation: snapshot.organisation,
  department: null,
  kind: 'CARTOGRAPHY',
  language: 'fr',
  asOf: snapshot.asOf,
  contentHash: snapshot.contentHash,
  generatedBy: snapshot.generatedBy,
  approval: snapshot.approval ? { approvedBy: snapshot.approval.approvedBy, comment: snapshot.approval.comment } : null,
  files: {
    pdf: `/reports/${snapshot.id}/file.pdf`,
    html: `/reports/${snapshot.id}/file.html`,
    json: `/reports/${snapshot.id}/file.json`,
  },
});
const tagOf = (fx: MatrixFixture, organisation: string) => (organisation === fx.main ? 'main' : 'other');

/** Graph keys of the fixture (the same local keys in both organisations). */
function keysOf(fx: MatrixFixture, organisation: string) {
  const { email, nom } = fieldNames(fx.run);
  const k = (local: string) => `${organisation}:${local}`;
  return {
    k,
    field: (side: Side, name: 'email' | 'nom') => k(`ds-${side}/${name === 'email' ? email : nom}`),
    stakeholder: (side: Side) => k(`dept-${side}#OWNER#owner-${side}-${fx.run}`),
  };
}

/** Both organisations' items a viewer may see, `main` first (keys sort that way). */
const visible = <T>(fx: MatrixFixture, v: Viewer, each: (organisation: string) => T[]): T[] =>
  [fx.main, fx.other].filter((organisation) => v.organisations.includes(organisation)).flatMap(each);
const page = <T>(items: T[]) => ({ totalCount: items.length, items });
/** The same item in `main` (alias a) and in `other` (alias b): null where the viewer may not read it. */
const pair = (fx: MatrixFixture, v: Viewer, item: (organisation: string) => unknown) => ({
  a: v.organisations.includes(fx.main) ? item(fx.main) : null,
  b: v.organisations.includes(fx.other) ? item(fx.other) : null,
});
const refOf = (fx: MatrixFixture, v: Viewer, organisation: string, side: Side) =>
  v.redacted ? null : connectionRefOf(fx.run, tagOf(fx, organisation), side);
const searchRun = (fx: MatrixFixture) => ({ filter: { search: fx.run } });
/** A failed CLI scan: its target URL and failure text are connection details, hidden from an AUDITOR. */
const scanRunOf = (fx: MatrixFixture, v: Viewer, organisation: string) => ({
  id: fx.scanRuns[tagOf(fx, organisation)].id,
  organisation,
  sourceKey: `probe-${fx.run}`,
  status: 'FAILED',
  target: v.redacted ? `source probe-${fx.run}` : scanTargetOf(fx.run, tagOf(fx, organisation)),
  failure: v.redacted ? 'hidden' : scanFailureOf(fx.run, tagOf(fx, organisation)),
});
const pairKeys = (local: string) => (fx: MatrixFixture) => ({ a: `${fx.main}:${local}`, b: `${fx.other}:${local}` });
/** One item by key in each organisation (aliases a and b), with the fields of `fragment` (named F). */
const byKey = (fragment: string, field: string) =>
  `query ($a: ID!, $b: ID!) { a: ${field}(key: $a) { ...F } b: ${field}(key: $b) { ...F } } ${fragment}`;

const READ_CASES: Record<QueryName, ReadCase> = {
  apiTokens: {
    query: '{ apiTokens { name revokedAt } }',
    perCaller: true,
    expected: (v) => ({ apiTokens: [{ name: `token ${v.role}`, revokedAt: null }] }),
  },
  auditLog: {
    query: `query ($type: String) { auditLog(entityType: $type, first: 10) { nodes { action entityKey organisation } } }`,
    variables: (fx) => ({ type: `Matrix-${fx.run}` }),
    // Newest first: `other`'s row was recorded last.
    expected: (v, { fx }) => ({
      auditLog: {
        nodes: visible(fx, v, (organisation) => [
          { action: 'matrix.probe', entityKey: `${organisation}:probe`, organisation },
        ]).reverse(),
      },
    }),
  },
  dataFlow: {
    query: byKey(
      `fragment F on DataFlow { key departmentKey fromKey toKey fields { from to }
         from { ... on Dataset { key } } to { ... on Dataset { key } } }`,
      'dataFlow',
    ),
    variables: pairKeys('flow-ab'),
    expected: (v, { fx }) =>
      pair(fx, v, (organisation) => {
        const { k, field } = keysOf(fx, organisation);
        return {
          key: k('flow-ab'),
          departmentKey: k('dept-a'),
          fromKey: k('ds-a'),
          toKey: k('ds-b'),
          fields: [{ from: field('a', 'email'), to: field('b', 'email') }],
          from: { key: k('ds-a') },
          to: { key: k('ds-b') },
        };
      }),
  },
  dataFlows: {
    query: 'query ($filter: DataFlowFilter) { dataFlows(filter: $filter) { totalCount items { key } } }',
    variables: searchRun,
    expected: (v, { fx }) => ({
      dataFlows: page(visible(fx, v, (organisation) => [{ key: `${organisation}:flow-ab` }])),
    }),
  },
  dataSource: {
    query: byKey(
      `fragment F on DataSource { key connectionRef departmentKey department { key }
         servers(first: 5) { key } stakeholders(first: 5) { key }
         datasets(first: 5) { key fields(first: 5) { key } } }`,
      'dataSource',
    ),
    variables: pairKeys('src-a'),
    expected: (v, { fx }) =>
      pair(fx, v, (organisation) => {
        const { k, field } = keysOf(fx, organisation);
        return {
          key: k('src-a'),
          connectionRef: refOf(fx, v, organisation, 'a'),
          departmentKey: k('dept-a'),
          department: { key: k('dept-a') },
          servers: [{ key: k('srv-a') }],
          stakeholders: [],
          datasets: [{ key: k('ds-a'), fields: [{ key: field('a', 'email') }, { key: field('a', 'nom') }] }],
        };
      }),
  },
  dataSources: {
    query:
      'query ($filter: DataSourceFilter) { dataSources(filter: $filter) { totalCount items { key connectionRef } } }',
    variables: searchRun,
    expected: (v, { fx }) => ({
      dataSources: page(
        visible(fx, v, (organisation) =>
          SIDES.map((side) => ({
            key: `${organisation}:src-${side}`,
            connectionRef: refOf(fx, v, organisation, side),
          })),
        ),
      ),
    }),
  },
  dataset: {
    query: byKey(
      `fragment F on Dataset { key sourceKey departmentKey source { key connectionRef }
         fields(first: 5) { key } references(first: 5) { datasetKey } }`,
      'dataset',
    ),
    variables: pairKeys('ds-a'),
    expected: (v, { fx }) =>
      pair(fx, v, (organisation) => {
        const { k, field } = keysOf(fx, organisation);
        return {
          key: k('ds-a'),
          sourceKey: k('src-a'),
          departmentKey: k('dept-a'),
          source: { key: k('src-a'), connectionRef: refOf(fx, v, organisation, 'a') },
          fields: [{ key: field('a', 'email') }, { key: field('a', 'nom') }],
          references: [],
        };
      }),
  },
  datasets: {
    query: 'query ($filter: DatasetFilter) { datasets(filter: $filter) { totalCount items { key } } }',
    variables: searchRun,
    expected: (v, { fx }) => ({
      datasets: page(visible(fx, v, (organisation) => SIDES.map((side) => ({ key: `${organisation}:ds-${side}` })))),
    }),
  },
  department: {
    query: byKey(
      `fragment F on Department { key organisation stakeholders(first: 5) { key departmentKey }
         processingActivities(first: 5) { key }
         sources(first: 5) { key connectionRef datasets(first: 5) { key fields(first: 5) { key } } } }`,
      'department',
    ),
    variables: pairKeys('dept-a'),
    expected: (v, { fx }) =>
      pair(fx, v, (organisation) => {
        const { k, field, stakeholder } = keysOf(fx, organisation);
        return {
          key: k('dept-a'),
          organisation,
          stakeholders: [{ key: stakeholder('a'), departmentKey: k('dept-a') }],
          processingActivities: [{ key: k('pa-a') }],
          sources: [
            {
              key: k('src-a'),
              connectionRef: refOf(fx, v, organisation, 'a'),
              datasets: [{ key: k('ds-a'), fields: [{ key: field('a', 'email') }, { key: field('a', 'nom') }] }],
            },
          ],
        };
      }),
  },
  departments: {
    query: 'query ($filter: DepartmentFilter) { departments(filter: $filter) { totalCount items { key } } }',
    variables: searchRun,
    expected: (v, { fx }) => ({
      departments: page(
        visible(fx, v, (organisation) => SIDES.map((side) => ({ key: `${organisation}:dept-${side}` }))),
      ),
    }),
  },
  dpiaScreening: {
    // Computed for `main` only: a caller who may not read all of it gets NOT_FOUND (no partial answer).
    query: `query ($org: String!) { dpiaScreening(organisation: $org, asOf: "2026-12-01") {
      organisation totalCount items { key result basis overridden } } }`,
    variables: (fx) => ({ org: fx.main }),
    expected: (_v, { fx }) => ({
      dpiaScreening: {
        organisation: fx.main,
        totalCount: 2,
        items: SIDES.map((side) => ({
          key: `pa-${side}`,
          result: 'UNKNOWN',
          basis: 'TOO_MANY_UNKNOWNS',
          overridden: false,
        })),
      },
    }),
  },
  exportInventory: {
    query: 'query ($org: String!) { exportInventory(organisation: $org, format: JSON) }',
    variables: (fx) => ({ org: fx.main }),
    // Compared parsed: the whole organisation, without connection details for an AUDITOR.
    expected: (v, { exported }) => ({
      exportInventory: v.redacted
        ? {
            ...exported,
            sources: exported.sources!.map(({ connectionRef: _hidden, ...source }) => source),
          }
        : exported,
    }),
  },
  field: {
    query: byKey('fragment F on Field { key datasetKey departmentKey dataset { key } }', 'field'),
    variables: (fx) => ({
      a: keysOf(fx, fx.main).field('a', 'email'),
      b: keysOf(fx, fx.other).field('a', 'email'),
    }),
    expected: (v, { fx }) =>
      pair(fx, v, (organisation) => {
        const { k, field } = keysOf(fx, organisation);
        return {
          key: field('a', 'email'),
          datasetKey: k('ds-a'),
          departmentKey: k('dept-a'),
          dataset: { key: k('ds-a') },
        };
      }),
  },
  fields: {
    query: 'query ($filter: FieldFilter) { fields(filter: $filter) { totalCount items { key } } }',
    variables: searchRun,
    expected: (v, { fx }) => ({
      fields: page(
        visible(fx, v, (organisation) => {
          const { field } = keysOf(fx, organisation);
          return SIDES.flatMap((side) => [{ key: field(side, 'email') }, { key: field(side, 'nom') }]);
        }),
      ),
    }),
  },
  findings: {
    query: `query ($category: String) { findings(category: $category, first: 20) {
      totalCount hasNextPage nodes { key organisation department field status maskedExemplar evidence } } }`,
    variables: (fx) => ({ category: `cat-${fx.run}` }),
    expected: (v, { fx }) => {
      const nodes = visible(fx, v, (organisation) =>
        SIDES.map((side) => ({
          key: fx.findingKeys(organisation)[side],
          organisation,
          department: `dept-${side}`,
          field: keysOf(fx, organisation).field(side, 'email'),
          status: 'OPEN',
          maskedExemplar: v.redacted ? null : 'j***@e***.fr',
          evidence: v.redacted ? null : '{"detectors":["email"]}',
        })),
      );
      return { findings: { totalCount: nodes.length, hasNextPage: false, nodes } };
    },
  },
  risks: {
    query: `query ($org: String!) { risks(organisation: $org, asOf: "${RISK_AS_OF}", first: 100) {
      totalCount hasNextPage nodes { key severity { inherent current residual } likelihood { inherent current residual } }
      checks { code subject } } }`,
    variables: (fx) => ({ org: fx.main }),
    expected: (_v, { register }) => ({
      risks: {
        totalCount: register.risks.length,
        hasNextPage: false,
        nodes: register.risks.map((r) => ({ key: r.key, severity: r.severity, likelihood: r.likelihood })),
        checks: register.checks.map((c) => ({ code: c.code, subject: c.subject })),
      },
    }),
  },
  riskMap: {
    query: `query ($org: String!) { riskMap(organisation: $org, asOf: "${RISK_AS_OF}") {
      matrix cells { severity likelihood zone residual } } }`,
    variables: (fx) => ({ org: fx.main }),
    expected: (_v, { register }) => {
      const map = riskMap(register);
      return {
        riskMap: {
          matrix: map.matrix.id,
          cells: map.cells.map((c) => ({
            severity: c.severity,
            likelihood: c.likelihood,
            zone: c.zone,
            residual: c.residual,
          })),
        },
      };
    },
  },
  measures: {
    query: '{ measures { id acts } }',
    expected: () => ({ measures: MEASURE_CATALOGUE.map((m) => ({ id: m.id, acts: m.acts })) }),
  },
  actionPlan: {
    query: `query ($org: String!) { actionPlan(organisation: $org, asOf: "${RISK_AS_OF}") {
      totalCount nodes { key } } }`,
    variables: (fx) => ({ org: fx.main }),
    expected: (_v, { register }) => ({
      actionPlan: { totalCount: register.actions.length, nodes: register.actions.map((a) => ({ key: a.key })) },
    }),
  },
  health: {
    query: '{ health { status } }',
    expected: () => ({ health: { status: 'ok' } }),
  },
  map: {
    query: `query ($org: String!) { map(organisation: $org, asOf: "2026-12-01", query: "expand=department:dept-a") {
      organisation query nodes { id kind parent entityKey accessMethods } edges { kind from to count }
      table { rows { id level parent } } } }`,
    variables: (fx) => ({ org: fx.main }),
    expected: (_v, { fx }) => ({
      map: {
        organisation: fx.main,
        query: 'expand=department%3Adept-a',
        nodes: [
          {
            id: 'department:dept-a',
            kind: 'DEPARTMENT',
            parent: null,
            entityKey: `${fx.main}:dept-a`,
            accessMethods: [],
          },
          {
            id: 'source:src-a',
            kind: 'SOURCE',
            parent: 'department:dept-a',
            entityKey: `${fx.main}:src-a`,
            accessMethods: [],
          },
          {
            id: 'activity:pa-a',
            kind: 'ACTIVITY',
            parent: 'department:dept-a',
            entityKey: `${fx.main}:pa-a`,
            accessMethods: [],
          },
          {
            id: 'department:dept-b',
            kind: 'DEPARTMENT',
            parent: null,
            entityKey: `${fx.main}:dept-b`,
            accessMethods: [],
          },
          { id: 'group:jurisdiction:EU', kind: 'GROUP', parent: null, entityKey: null, accessMethods: [] },
        ],
        edges: [
          { kind: 'DISCLOSURE', from: 'activity:pa-a', to: 'group:jurisdiction:EU', count: 1 },
          { kind: 'DISCLOSURE', from: 'department:dept-b', to: 'group:jurisdiction:EU', count: 1 },
          { kind: 'FLOW', from: 'source:src-a', to: 'department:dept-b', count: 1 },
          { kind: 'HOSTED_ON', from: 'department:dept-b', to: 'group:jurisdiction:EU', count: 1 },
          { kind: 'HOSTED_ON', from: 'source:src-a', to: 'group:jurisdiction:EU', count: 1 },
          { kind: 'USES', from: 'activity:pa-a', to: 'source:src-a', count: 2 },
        ],
        table: {
          rows: [
            { id: 'department:dept-a', level: 1, parent: null },
            { id: 'source:src-a', level: 2, parent: 'department:dept-a' },
            { id: 'activity:pa-a', level: 2, parent: 'department:dept-a' },
            { id: 'department:dept-b', level: 1, parent: null },
            { id: 'group:jurisdiction:EU', level: 1, parent: null },
          ],
        },
      },
    }),
  },
  me: {
    query: '{ me { email role organisations departments } }',
    perCaller: true,
    expected: (v, { fx }) => {
      const account = fx.accounts[v.role as Exclude<MatrixRole, 'ANON'>];
      return {
        me: {
          email: account.email,
          role: account.role,
          organisations: account.organisations,
          departments: account.departments,
        },
      };
    },
  },
  neighbourhood: {
    query: `query ($key: ID!) { neighbourhood(key: $key, depth: 1) {
      truncated nodes { key label depth } edges { from type to } } }`,
    variables: (fx) => ({ key: `${fx.main}:ds-a` }),
    expected: (_v, { fx }) => {
      const { k, field } = keysOf(fx, fx.main);
      return {
        neighbourhood: {
          truncated: false,
          nodes: [
            { key: k('ds-a'), label: 'Dataset', depth: 0 },
            { key: field('a', 'email'), label: 'Field', depth: 1 },
            { key: field('a', 'nom'), label: 'Field', depth: 1 },
            { key: k('flow-ab'), label: 'DataFlow', depth: 1 },
            { key: k('pa-a'), label: 'ProcessingActivity', depth: 1 },
            { key: k('src-a'), label: 'DataSource', depth: 1 },
          ],
          edges: [
            { from: k('ds-a'), type: 'HAS_FIELD', to: field('a', 'email') },
            { from: k('ds-a'), type: 'HAS_FIELD', to: field('a', 'nom') },
            { from: k('flow-ab'), type: 'FLOWS_FROM', to: k('ds-a') },
            { from: k('pa-a'), type: 'USES', to: k('ds-a') },
            { from: k('pa-a'), type: 'USES', to: field('a', 'email') },
            { from: k('src-a'), type: 'CONTAINS', to: k('ds-a') },
          ],
        },
      };
    },
  },
  organisation: {
    query: byKey(
      `fragment F on Organisation { key organisation departments(first: 5) { key sources(first: 5) { key } }
         servers(first: 5) { key sources(first: 5) { key connectionRef } } recipients(first: 5) { key } }`,
      'organisation',
    ),
    variables: (fx) => ({ a: fx.main, b: fx.other }),
    expected: (v, { fx }) =>
      pair(fx, v, (organisation) => {
        const { k } = keysOf(fx, organisation);
        return {
          key: organisation,
          organisation,
          departments: SIDES.map((side) => ({ key: k(`dept-${side}`), sources: [{ key: k(`src-${side}`) }] })),
          servers: SIDES.map((side) => ({
            key: k(`srv-${side}`),
            sources: [{ key: k(`src-${side}`), connectionRef: refOf(fx, v, organisation, side) }],
          })),
          recipients: SIDES.map((side) => ({ key: k(`rcp-${side}`) })),
        };
      }),
  },
  organisations: {
    query: 'query ($filter: OrganisationFilter) { organisations(filter: $filter) { totalCount items { key } } }',
    variables: searchRun,
    expected: (v, { fx }) => ({ organisations: page(visible(fx, v, (organisation) => [{ key: organisation }])) }),
  },
  processingActivities: {
    query: `query ($filter: ProcessingActivityFilter) {
      processingActivities(filter: $filter) { totalCount items { key } } }`,
    variables: searchRun,
    expected: (v, { fx }) => ({
      processingActivities: page(
        visible(fx, v, (organisation) => SIDES.map((side) => ({ key: `${organisation}:pa-${side}` }))),
      ),
    }),
  },
  processingActivity: {
    query: byKey(
      `fragment F on ProcessingActivity { key departmentKey datasets(first: 5) { key } fields(first: 5) { key }
         recipients(first: 5) { key } transfers(first: 5) { recipientKey } }`,
      'processingActivity',
    ),
    variables: pairKeys('pa-a'),
    expected: (v, { fx }) =>
      pair(fx, v, (organisation) => {
        const { k, field } = keysOf(fx, organisation);
        return {
          key: k('pa-a'),
          departmentKey: k('dept-a'),
          datasets: [{ key: k('ds-a') }],
          fields: [{ key: field('a', 'email') }],
          recipients: [{ key: k('rcp-a') }],
          transfers: [],
        };
      }),
  },
  processingRecord: {
    query: `query ($org: String!) { processingRecord(organisation: $org, asOf: "2026-12-01") {
      organisation totalCount completeness { filled required percent } items { key kind completeness { percent } } } }`,
    variables: (fx) => ({ org: fx.main }),
    expected: (_v, { fx }) => ({
      processingRecord: {
        organisation: fx.main,
        totalCount: 2,
        completeness: { filled: 16, required: 16, percent: 100 },
        items: SIDES.map((side) => ({ key: `pa-${side}`, kind: 'CONTROLLER', completeness: { percent: 100 } })),
      },
    }),
  },
  recipient: {
    query: byKey('fragment F on Recipient { key organisation name }', 'recipient'),
    variables: pairKeys('rcp-a'),
    expected: (v, { fx }) =>
      pair(fx, v, (organisation) => ({
        key: `${organisation}:rcp-a`,
        organisation,
        name: `Recipient A ${fx.run}`,
      })),
  },
  recipients: {
    query: 'query ($filter: RecipientFilter) { recipients(filter: $filter) { totalCount items { key } } }',
    variables: searchRun,
    expected: (v, { fx }) => ({
      recipients: page(visible(fx, v, (organisation) => SIDES.map((side) => ({ key: `${organisation}:rcp-${side}` })))),
    }),
  },
  reportDiff: {
    // Newer first: the answer is older to newer whatever the order given.
    query: `query ($a: String!, $b: String!) { reportDiff(a: $a, b: $b) {
      older { id } newer { id } counts { added removed changed } entries { path change } } }`,
    variables: (fx) => ({ a: fx.reports.main.approved.id, b: fx.reports.main.draft.id }),
    expected: (_v, { fx }) => {
      const { draft, approved } = fx.reports.main;
      const diff = diffReportModels(draft.model, approved.model);
      return {
        reportDiff: {
          older: { id: draft.id },
          newer: { id: approved.id },
          counts: diff.counts,
          entries: diff.entries.map((entry) => ({ path: entry.path, change: entry.change })),
        },
      };
    },
  },
  reportSnapshot: {
    query: `query ($id: String!) { reportSnapshot(id: $id) { ${SNAPSHOT_FIELDS} } }`,
    variables: (fx) => ({ id: fx.reports.main.approved.id }),
    expected: (_v, { fx }) => ({ reportSnapshot: snapshotOf(fx.reports.main.approved) }),
  },
  reportSnapshots: {
    query: `query ($a: String!, $b: String!) {
      a: reportSnapshots(organisation: $a, first: 10) { nodes { ${SNAPSHOT_FIELDS} } hasNextPage }
      b: reportSnapshots(organisation: $b, first: 10) { nodes { ${SNAPSHOT_FIELDS} } hasNextPage } }`,
    variables: (fx) => ({ a: fx.main, b: fx.other }),
    // Newest first: the approved one was generated last. An AUDITOR sees approved ones only.
    expected: (v, { fx }) => {
      const of = (organisation: string, tag: 'main' | 'other') => {
        if (!v.organisations.includes(organisation)) return { nodes: [], hasNextPage: false };
        const { draft, approved } = fx.reports[tag];
        const nodes = v.role === 'AUDITOR' ? [approved] : [approved, draft];
        return { nodes: nodes.map(snapshotOf), hasNextPage: false };
      };
      return { a: of(fx.main, 'main'), b: of(fx.other, 'other') };
    },
  },
  scanRun: {
    query: `query ($a: String!, $b: String!) { a: scanRun(id: $a) { ...R } b: scanRun(id: $b) { ...R } }
      fragment R on ScanRun { id organisation sourceKey status target failure }`,
    variables: (fx) => ({ a: fx.scanRuns.main.id, b: fx.scanRuns.other.id }),
    expected: (v, { fx }) => pair(fx, v, (organisation) => scanRunOf(fx, v, organisation)),
  },
  scanRuns: {
    query:
      'query ($source: String) { scanRuns(source: $source, first: 10) { id organisation sourceKey status target failure } }',
    variables: (fx) => ({ source: `probe-${fx.run}` }),
    // Newest first: `other`'s run was created last.
    expected: (v, { fx }) => ({
      scanRuns: visible(fx, v, (organisation) => [scanRunOf(fx, v, organisation)]).reverse(),
    }),
  },
  server: {
    query: byKey('fragment F on Server { key organisation sources(first: 5) { key connectionRef } }', 'server'),
    variables: pairKeys('srv-a'),
    expected: (v, { fx }) =>
      pair(fx, v, (organisation) => ({
        key: `${organisation}:srv-a`,
        organisation,
        sources: [{ key: `${organisation}:src-a`, connectionRef: refOf(fx, v, organisation, 'a') }],
      })),
  },
  servers: {
    query: 'query ($filter: ServerFilter) { servers(filter: $filter) { totalCount items { key } } }',
    variables: searchRun,
    expected: (v, { fx }) => ({
      servers: page(visible(fx, v, (organisation) => SIDES.map((side) => ({ key: `${organisation}:srv-${side}` })))),
    }),
  },
  stakeholder: {
    query: byKey('fragment F on Stakeholder { key departmentKey organisation role }', 'stakeholder'),
    variables: (fx) => ({ a: keysOf(fx, fx.main).stakeholder('a'), b: keysOf(fx, fx.other).stakeholder('a') }),
    expected: (v, { fx }) =>
      pair(fx, v, (organisation) => ({
        key: keysOf(fx, organisation).stakeholder('a'),
        departmentKey: `${organisation}:dept-a`,
        organisation,
        role: 'OWNER',
      })),
  },
  stakeholders: {
    query: 'query ($filter: StakeholderFilter) { stakeholders(filter: $filter) { totalCount items { key } } }',
    variables: searchRun,
    expected: (v, { fx }) => ({
      stakeholders: page(
        visible(fx, v, (organisation) => SIDES.map((side) => ({ key: keysOf(fx, organisation).stakeholder(side) }))),
      ),
    }),
  },
  transfers: {
    // The fixture stays in France: the computation runs and finds no transfer.
    query: `query ($org: String!) { transfers(organisation: $org, asOf: "2026-12-01") {
      organisation asOf totalCount items { id } notes { code } } }`,
    variables: (fx) => ({ org: fx.main }),
    expected: (_v, { fx }) => ({
      transfers: { organisation: fx.main, asOf: '2026-12-01', totalCount: 0, items: [], notes: [] },
    }),
  },
  users: {
    // Accounts are not scoped by organisation: the page after the run's prefix holds exactly its accounts.
    query: 'query ($after: String) { users(after: $after, first: 20) { nodes { email role } } }',
    variables: (fx) => ({ after: fx.run }),
    expected: (_v, { fx }) => ({
      users: {
        nodes: Object.values(fx.accounts)
          .map((account) => ({ email: account.email, role: account.role }))
          .sort((a, b) => (a.email < b.email ? -1 : 1)),
      },
    }),
  },
};

// ------------------------------------------------------------------------------------------------
// Mutations: each targets `main`; allowed calls are undone (fx.restore) and checked undone.

interface MutationCase {
  query: string;
  variables: (fx: MatrixFixture, role: MatrixRole) => Record<string, unknown>;
  expected: (fx: MatrixFixture, role: MatrixRole) => unknown;
  /** Makes sure the target exists before each call (delete rows); true when it had to create it. */
  prepare?: (fx: MatrixFixture) => Promise<boolean>;
  /** The restore steps that undo an allowed call (all by default); the test checks they did. */
  undo?: readonly RestoreStep[];
  /** What the allowed call changed, where its answer does not show it, and its expected value. */
  effect?: {
    read: (fx: MatrixFixture, role: MatrixRole) => Promise<unknown>;
    expected: (fx: MatrixFixture, role: MatrixRole) => unknown;
  };
}

const CHANGED = 'changed by the matrix';
const NEW_NAME = 'Matrix new item';
const emailOf = (fx: MatrixFixture, role: MatrixRole) => fx.accounts[role as Exclude<MatrixRole, 'ANON'>].email;

/** The draft approveReport approves: a new one before each call (an approval is once and for all). */
let freshDraft = '';
const generateQuery = (asOf: string) => `mutation ($organisation: String!) {
  generateReport(kind: CARTOGRAPHY, organisation: $organisation, language: "fr", asOf: "${asOf}") {
    organisation department kind language asOf contentHash generatedBy approval { approvedBy } } }`;

const create = (field: string, type: string, selection: string, input: (fx: MatrixFixture) => object) => ({
  query: `mutation ($input: ${type}!) { ${field}(input: $input) { ${selection} } }`,
  variables: (fx: MatrixFixture) => ({ input: input(fx) }),
  undo: ['extras'] as const,
});
const update = (field: string, type: string, key: (fx: MatrixFixture) => string): MutationCase => ({
  query: `mutation ($key: ID!, $input: ${type}!) { ${field}(key: $key, input: $input) { key description } }`,
  variables: (fx) => ({ key: key(fx), input: { description: CHANGED } }),
  expected: (fx) => ({ [field]: { key: key(fx), description: CHANGED } }),
  undo: ['declarations'],
});

/** A delete of a throw-away item of `main`, created (by the command service, unchecked) when missing. */
function remove(
  field: string,
  label: string,
  key: (fx: MatrixFixture) => string,
  make: (commands: InventoryCommandService, fx: MatrixFixture) => Promise<unknown>,
): MutationCase {
  return {
    query: `mutation ($key: ID!) { ${field}(key: $key) { key deleted { label key } } }`,
    variables: (fx) => ({ key: key(fx) }),
    expected: (fx) => ({ [field]: { key: key(fx), deleted: [{ label, key: key(fx) }] } }),
    prepare: async (fx) => {
      const [found] = await fx.neo4j.queryRead<{ n: { toNumber(): number } }>(
        `MATCH (n:${label} {key: $key}) RETURN count(n) AS n`,
        { key: key(fx) },
      );
      if (found.n.toNumber() > 0) return false;
      await make(fx.api.app.get(InventoryCommandService), fx);
      return true;
    },
    undo: ['extras'],
  };
}

const activity = () => ({ controller: { name: 'Matrix' }, ...activityRecord() });

const MUTATION_CASES: Record<MutationName, MutationCase> = {
  approveReport: {
    query: `mutation ($id: String!) { approveReport(id: $id, comment: "Lu et approuvé") {
      id approval { approvedBy comment } } }`,
    prepare: async (fx) => {
      freshDraft = (await fx.freshDraft()).id;
      return true;
    },
    variables: () => ({ id: freshDraft }),
    expected: (fx, role) => ({
      approveReport: { id: freshDraft, approval: { approvedBy: emailOf(fx, role), comment: 'Lu et approuvé' } },
    }),
    // Nothing to undo: approvals are append-only (see the header).
    undo: [],
  },
  'approveReport [twice]': {
    query: `mutation ($id: String!) { approveReport(id: $id, comment: "Encore") { id } }`,
    variables: (fx) => ({ id: fx.reports.main.approved.id }),
    expected: () => null,
    undo: [],
  },
  createApiToken: {
    query: 'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { apiToken { name revokedAt } } }',
    variables: () => ({ input: { name: 'matrix created', expiresInDays: 1 } }),
    expected: () => ({ createApiToken: { apiToken: { name: 'matrix created', revokedAt: null } } }),
    undo: ['accounts'],
    effect: {
      // The token belongs to the caller, whoever asks.
      read: async (fx) =>
        fx.db.query(
          `SELECT u.email FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.name = 'matrix created'
             AND u.email LIKE $1`,
          [`${fx.run}%`],
        ),
      expected: (fx, role) => [{ email: emailOf(fx, role) }],
    },
  },
  createDataFlow: {
    ...create('createDataFlow', 'CreateDataFlowInput', 'key departmentKey fromKey toKey name', (fx) => ({
      key: 'flow-new',
      name: NEW_NAME,
      from: `${fx.main}:ds-a`,
      to: `${fx.main}:ds-b`,
    })),
    expected: (fx) => ({
      createDataFlow: {
        key: `${fx.main}:flow-new`,
        departmentKey: `${fx.main}:dept-a`,
        fromKey: `${fx.main}:ds-a`,
        toKey: `${fx.main}:ds-b`,
        name: NEW_NAME,
      },
    }),
  },
  createDataSource: {
    ...create('createDataSource', 'CreateDataSourceInput', 'key departmentKey connectionRef name', (fx) => ({
      key: 'src-new',
      name: NEW_NAME,
      department: `${fx.main}:dept-a`,
      kind: 'SAAS_APPLICATION',
      structure: 'STRUCTURED',
      connectionRef: 'CARTO_MX_NEW_SOURCE',
    })),
    expected: (fx) => ({
      createDataSource: {
        key: `${fx.main}:src-new`,
        departmentKey: `${fx.main}:dept-a`,
        connectionRef: 'CARTO_MX_NEW_SOURCE',
        name: NEW_NAME,
      },
    }),
  },
  createDataset: {
    ...create('createDataset', 'CreateDatasetInput', 'key sourceKey departmentKey name', (fx) => ({
      key: 'ds-new',
      name: NEW_NAME,
      kind: 'TABLE',
      source: `${fx.main}:src-a`,
    })),
    expected: (fx) => ({
      createDataset: {
        key: `${fx.main}:ds-new`,
        sourceKey: `${fx.main}:src-a`,
        departmentKey: `${fx.main}:dept-a`,
        name: NEW_NAME,
      },
    }),
  },
  createDepartment: {
    ...create('createDepartment', 'CreateDepartmentInput', 'key organisation name', (fx) => ({
      organisation: fx.main,
      key: 'dept-new',
      name: NEW_NAME,
    })),
    expected: (fx) => ({ createDepartment: { key: `${fx.main}:dept-new`, organisation: fx.main, name: NEW_NAME } }),
  },
  createField: {
    ...create('createField', 'CreateFieldInput', 'key datasetKey departmentKey name', (fx) => ({
      dataset: `${fx.main}:ds-a`,
      name: 'new_field',
    })),
    expected: (fx) => ({
      createField: {
        key: `${fx.main}:ds-a/new_field`,
        datasetKey: `${fx.main}:ds-a`,
        departmentKey: `${fx.main}:dept-a`,
        name: 'new_field',
      },
    }),
  },
  createOrganisation: {
    ...create('createOrganisation', 'CreateOrganisationInput', 'key organisation name', (fx) => ({
      key: fx.spareOrganisation,
      name: NEW_NAME,
    })),
    expected: (fx) => ({
      createOrganisation: { key: fx.spareOrganisation, organisation: fx.spareOrganisation, name: NEW_NAME },
    }),
  },
  createProcessingActivity: {
    ...create('createProcessingActivity', 'CreateProcessingActivityInput', 'key departmentKey name', (fx) => ({
      ...activity(),
      key: 'pa-new',
      name: NEW_NAME,
      department: `${fx.main}:dept-a`,
    })),
    expected: (fx) => ({
      createProcessingActivity: { key: `${fx.main}:pa-new`, departmentKey: `${fx.main}:dept-a`, name: NEW_NAME },
    }),
  },
  createRecipient: {
    ...create('createRecipient', 'CreateRecipientInput', 'key organisation name', (fx) => ({
      organisation: fx.main,
      key: 'rcp-new',
      name: NEW_NAME,
      role: 'PROCESSOR',
      country: 'FR',
      safeguard: 'NONE',
    })),
    expected: (fx) => ({ createRecipient: { key: `${fx.main}:rcp-new`, organisation: fx.main, name: NEW_NAME } }),
  },
  createServer: {
    ...create('createServer', 'CreateServerInput', 'key organisation name', (fx) => ({
      organisation: fx.main,
      key: 'srv-new',
      name: NEW_NAME,
      hosting: 'CLOUD',
      country: 'FR',
    })),
    expected: (fx) => ({ createServer: { key: `${fx.main}:srv-new`, organisation: fx.main, name: NEW_NAME } }),
  },
  createUser: {
    ...create('createUser', 'CreateUserInput', 'email role organisations departments disabled', (fx) => ({
      email: `${fx.run}created@matrix.test`,
      displayName: 'Created by the matrix',
      role: 'AUDITOR',
      organisations: [fx.main],
      password: fx.password,
    })),
    undo: ['accounts'],
    expected: (fx) => ({
      createUser: {
        email: `${fx.run}created@matrix.test`,
        role: 'AUDITOR',
        organisations: [fx.main],
        departments: [],
        disabled: false,
      },
    }),
  },
  deleteDataFlow: remove(
    'deleteDataFlow',
    'DataFlow',
    (fx) => `${fx.main}:flow-tmp`,
    (commands, fx) =>
      commands.createDataFlow(
        { key: 'flow-tmp', from: `${fx.main}:ds-a`, to: `${fx.main}:ds-b` },
        { authorize: ALLOW_ALL },
      ),
  ),
  deleteDataSource: remove(
    'deleteDataSource',
    'DataSource',
    (fx) => `${fx.main}:src-tmp`,
    (commands, fx) =>
      commands.createDataSource(
        {
          key: 'src-tmp',
          name: 'Throw-away',
          department: `${fx.main}:dept-a`,
          kind: 'SAAS_APPLICATION',
          structure: 'STRUCTURED',
        },
        { authorize: ALLOW_ALL },
      ),
  ),
  deleteDataset: remove(
    'deleteDataset',
    'Dataset',
    (fx) => `${fx.main}:ds-tmp`,
    (commands, fx) =>
      commands.createDataset(
        { key: 'ds-tmp', name: 'Throw-away', kind: 'TABLE', source: `${fx.main}:src-a` },
        { authorize: ALLOW_ALL },
      ),
  ),
  deleteDepartment: remove(
    'deleteDepartment',
    'Department',
    (fx) => `${fx.main}:dept-tmp`,
    (commands, fx) =>
      commands.createDepartment(
        { organisation: fx.main, key: 'dept-tmp', name: 'Throw-away' },
        { authorize: ALLOW_ALL },
      ),
  ),
  deleteField: remove(
    'deleteField',
    'Field',
    (fx) => `${fx.main}:ds-a/tmp_field`,
    (commands, fx) => commands.createField({ dataset: `${fx.main}:ds-a`, name: 'tmp_field' }, { authorize: ALLOW_ALL }),
  ),
  deleteProcessingActivity: remove(
    'deleteProcessingActivity',
    'ProcessingActivity',
    (fx) => `${fx.main}:pa-tmp`,
    (commands, fx) =>
      commands.createProcessingActivity(
        {
          ...activity(),
          key: 'pa-tmp',
          name: 'Throw-away',
          department: `${fx.main}:dept-a`,
        },
        { authorize: ALLOW_ALL },
      ),
  ),
  deleteRecipient: remove(
    'deleteRecipient',
    'Recipient',
    (fx) => `${fx.main}:rcp-tmp`,
    (commands, fx) =>
      commands.createRecipient(
        {
          organisation: fx.main,
          key: 'rcp-tmp',
          name: 'Throw-away',
          role: 'PROCESSOR',
          country: 'FR',
          safeguard: 'NONE',
        },
        { authorize: ALLOW_ALL },
      ),
  ),
  deleteServer: remove(
    'deleteServer',
    'Server',
    (fx) => `${fx.main}:srv-tmp`,
    (commands, fx) =>
      commands.createServer(
        {
          organisation: fx.main,
          key: 'srv-tmp',
          name: 'Throw-away',
          hosting: 'CLOUD',
          country: 'FR',
        },
        { authorize: ALLOW_ALL },
      ),
  ),
  disableUser: {
    query: 'mutation ($id: ID!) { disableUser(id: $id) { email disabled } }',
    variables: (fx) => ({ id: fx.accounts.SPARE.id }),
    expected: (fx) => ({ disableUser: { email: fx.accounts.SPARE.email, disabled: true } }),
    undo: ['accounts'],
  },
  generateReport: {
    query: generateQuery('2026-11-30'),
    variables: (fx) => ({ organisation: fx.main }),
    // The same inventory as the fixture's approved snapshot, as of the same date: the same content.
    expected: (fx, role) => ({
      generateReport: {
        organisation: fx.main,
        department: null,
        kind: 'CARTOGRAPHY',
        language: 'fr',
        asOf: '2026-11-30',
        contentHash: fx.reports.main.approved.contentHash,
        generatedBy: emailOf(fx, role),
        approval: null,
      },
    }),
    undo: [],
  },
  'generateReport [future]': {
    query: generateQuery('2999-01-01'),
    variables: (fx) => ({ organisation: fx.main }),
    expected: () => null,
    undo: [],
  },
  importInventory: {
    query: `mutation ($document: String!) {
      importInventory(document: $document, format: JSON) { organisation writes nodes { label count } } }`,
    // The organisation header as stored (importing it needs no right on the organisation) and a source of dept-a.
    variables: (fx) => ({
      document: JSON.stringify({
        version: 1,
        organisation: fx.documents.main.organisation,
        sources: [
          { key: 'src-imp', name: NEW_NAME, department: 'dept-a', kind: 'SAAS_APPLICATION', structure: 'STRUCTURED' },
        ],
      }),
    }),
    undo: ['extras'],
    expected: (fx) => ({
      importInventory: {
        organisation: fx.main,
        writes: 3,
        nodes: [
          { label: 'DataSource', count: 1 },
          { label: 'Organisation', count: 1 },
        ],
      },
    }),
  },
  'importInventory [takeover]': {
    query: `mutation ($document: String!) {
      importInventory(document: $document, format: JSON) { organisation writes nodes { label count } } }`,
    // As declared by the fixture but for its department: only a caller who may update it where it is may move it.
    variables: (fx) => {
      const { datasets: _datasets, ...source } = fx.documents.main.sources!.find((s) => s.key === 'src-b')!;
      return {
        document: JSON.stringify({
          version: 1,
          organisation: fx.documents.main.organisation,
          sources: [{ ...source, department: 'dept-a' }],
        }),
      };
    },
    // An import classifies the organisation's declared fields: its findings are extras to remove.
    undo: ['extras', 'declarations'],
    expected: (fx) => ({
      importInventory: {
        organisation: fx.main,
        writes: 4,
        nodes: [
          { label: 'DataSource', count: 1 },
          { label: 'Organisation', count: 1 },
        ],
      },
    }),
    effect: {
      read: async (fx) =>
        fx.neo4j.queryRead('MATCH (d:Department)-[:OWNS]->(s:DataSource {key: $key}) RETURN d.key AS owner', {
          key: `${fx.main}:src-b`,
        }),
      expected: (fx) => [{ owner: `${fx.main}:dept-a` }],
    },
  },
  login: {
    query: `mutation ($email: String!, $password: String!) {
      login(email: $email, password: $password) { user { email role organisations } } }`,
    variables: (fx) => ({ email: fx.accounts.PROBE.email, password: fx.password }),
    expected: (fx) => ({
      login: { user: { email: fx.accounts.PROBE.email, role: 'AUDITOR', organisations: [fx.main] } },
    }),
    undo: [],
  },
  recordTransferImpactAssessment: {
    query: `mutation ($input: RecordTransferImpactAssessmentInput!) { recordTransferImpactAssessment(input: $input) {
      recipient tia { reference stepsDone } transfers { id } } }`,
    variables: (fx) => ({
      input: {
        organisation: fx.main,
        recipient: 'rcp-a',
        asOf: '2026-12-01',
        tia: { reference: 'TIA matrix', stepsDone: ['KNOW_TRANSFER'] },
      },
    }),
    expected: (fx) => ({
      recordTransferImpactAssessment: {
        recipient: `${fx.main}:rcp-a`,
        tia: { reference: 'TIA matrix', stepsDone: ['KNOW_TRANSFER'] },
        transfers: [],
      },
    }),
    // The recipient's declaration is re-stated (the import clears the transfer tool it does not declare).
    undo: ['declarations'],
  },
  overrideRiskScore: {
    query: `mutation ($org: String!) { overrideRiskScore(organisation: $org, risk: "${RISK_A}", dimension: "SEVERITY",
      state: "INHERENT", score: 1, justification: "Matrix decision", asOf: "${RISK_AS_OF}") {
      key overridden severity { inherent } } }`,
    variables: (fx) => ({ org: fx.main }),
    expected: () => ({ overrideRiskScore: { key: RISK_A, overridden: true, severity: { inherent: 1 } } }),
    undo: ['risks'],
  },
  acceptRisk: {
    query: `mutation ($org: String!) { acceptRisk(organisation: $org, risk: "${RISK_A}",
      justification: "Matrix acceptance", asOf: "${RISK_AS_OF}") { key acceptance { justification } } }`,
    variables: (fx) => ({ org: fx.main }),
    expected: () => ({ acceptRisk: { key: RISK_A, acceptance: { justification: 'Matrix acceptance' } } }),
    undo: ['risks'],
  },
  planRiskAction: {
    query: `mutation ($org: String!) { planRiskAction(organisation: $org, key: "act-matrix", measure: "M-LOGGING",
      owner: "Matrix owner", dueDate: "2027-01-31", risks: ["${RISK_A}"], asOf: "${RISK_AS_OF}") {
      key measure status overdue risks } }`,
    variables: (fx) => ({ org: fx.main }),
    expected: () => ({
      planRiskAction: { key: 'act-matrix', measure: 'M-LOGGING', status: 'PLANNED', overdue: false, risks: [RISK_A] },
    }),
    undo: ['risks'],
  },
  'planRiskAction [organisation-wide]': {
    query: `mutation ($org: String!) { planRiskAction(organisation: $org, key: "act-matrix-org", measure: "M-BACKUP",
      owner: "Matrix owner", dueDate: "2027-01-31", risks: ["organisational/BACKUP"], asOf: "${RISK_AS_OF}") {
      key risks } }`,
    variables: (fx) => ({ org: fx.main }),
    expected: () => ({ planRiskAction: { key: 'act-matrix-org', risks: ['organisational/BACKUP'] } }),
    undo: ['risks'],
  },
  updateRiskActionStatus: {
    query: `mutation ($org: String!) { updateRiskActionStatus(organisation: $org, key: "act-matrix-done",
      status: "DONE", asOf: "${RISK_AS_OF}") { key status } }`,
    variables: (fx) => ({ org: fx.main }),
    expected: () => ({ updateRiskActionStatus: { key: 'act-matrix-done', status: 'DONE' } }),
    // The action exists before each call (planned on dept-a's risk, stored as the API would).
    prepare: async (fx) => {
      const rows = (await fx.db.query(
        `INSERT INTO risk_actions (organisation, key, measure, owner, due_date, status, risks, departments,
           updated_by, updated_on)
         VALUES ($1, 'act-matrix-done', 'M-LOGGING', 'Matrix owner', '2027-01-31', 'PLANNED', $2, '{dept-a}',
           'matrix', '2026-12-01')
         ON CONFLICT DO NOTHING RETURNING key`,
        [fx.main, [RISK_A]],
      )) as unknown[];
      return rows.length > 0;
    },
    undo: ['risks'],
  },
  reviewDatasetFindings: {
    query: `mutation ($dataset: String!) { reviewDatasetFindings(dataset: $dataset, decision: REJECT, comment: "bulk") {
      reviewed findings { key status reviewComment reviewedBy maskedExemplar } } }`,
    variables: (fx) => ({ dataset: `${fx.main}:ds-a` }),
    undo: ['extras', 'findings'],
    expected: (fx, role) => ({
      reviewDatasetFindings: {
        reviewed: 1,
        findings: [
          {
            key: fx.findingKeys(fx.main).a,
            status: 'REJECTED',
            reviewComment: 'bulk',
            reviewedBy: emailOf(fx, role),
            maskedExemplar: 'j***@e***.fr',
          },
        ],
      },
    }),
  },
  reviewFinding: {
    query: `mutation ($key: String!) { reviewFinding(key: $key, decision: CONFIRM, comment: "checked") {
      key status reviewComment reviewedBy maskedExemplar } }`,
    variables: (fx) => ({ key: fx.findingKeys(fx.main).a }),
    undo: ['extras', 'findings'],
    expected: (fx, role) => ({
      reviewFinding: {
        key: fx.findingKeys(fx.main).a,
        status: 'CONFIRMED',
        reviewComment: 'checked',
        reviewedBy: emailOf(fx, role),
        maskedExemplar: 'j***@e***.fr',
      },
    }),
  },
  revokeApiToken: {
    // The DPO's token: its owner and an ADMIN may revoke it; to anyone else it does not exist.
    query: 'mutation ($id: ID!) { revokeApiToken(id: $id) { id name } }',
    variables: (fx) => ({ id: fx.tokens.DPO.id }),
    expected: (fx) => ({ revokeApiToken: { id: fx.tokens.DPO.id, name: 'token DPO' } }),
    undo: ['accounts'],
    effect: {
      read: async (fx) =>
        fx.db.query('SELECT revoked_at IS NOT NULL AS revoked FROM api_tokens WHERE id = $1', [fx.tokens.DPO.id]),
      expected: () => [{ revoked: true }],
    },
  },
  setDpiaOverride: {
    query: `mutation ($input: SetDpiaOverrideInput!) { setDpiaOverride(input: $input) { key result basis overridden } }`,
    variables: (fx) => ({
      input: {
        organisation: fx.main,
        activity: 'pa-a',
        result: 'REQUIRED',
        justification: 'Decided by the matrix',
        at: '2026-12-01',
      },
    }),
    expected: () => ({ setDpiaOverride: { key: 'pa-a', result: 'REQUIRED', basis: 'OVERRIDE', overridden: true } }),
    // The override node is an extra of `main` (its relationship goes with it).
    undo: ['extras'],
  },
  setPropagationBlock: {
    query: `mutation ($from: String!, $to: String!) {
      setPropagationBlock(from: $from, to: $to, blocked: true, reason: "pseudonymised by the flow") { propagated } }`,
    variables: (fx) => ({
      from: keysOf(fx, fx.main).field('a', 'email'),
      to: keysOf(fx, fx.main).field('b', 'email'),
    }),
    // The downstream field has its own finding: nothing is propagated either way.
    expected: () => ({ setPropagationBlock: { propagated: 0 } }),
    undo: ['extras', 'lineage'],
    effect: {
      read: async (fx) =>
        fx.neo4j.queryRead(
          'MATCH (:Field {key: $from})-[r:FEEDS]->(:Field {key: $to}) RETURN r.blocked AS blocked, r.blockReason AS reason',
          { from: keysOf(fx, fx.main).field('a', 'email'), to: keysOf(fx, fx.main).field('b', 'email') },
        ),
      expected: () => [{ blocked: true, reason: 'pseudonymised by the flow' }],
    },
  },
  startScan: {
    query: `mutation ($organisation: String!) { startScan(organisation: $organisation, source: "src-a") {
      organisation sourceKey status requestedBy target } }`,
    variables: (fx) => ({ organisation: fx.main }),
    undo: ['scans'],
    expected: (fx, role) => ({
      startScan: {
        organisation: fx.main,
        sourceKey: 'src-a',
        status: 'QUEUED',
        requestedBy: `user:${emailOf(fx, role)}`,
        target: 'source src-a',
      },
    }),
  },
  updateDataFlow: update('updateDataFlow', 'UpdateDataFlowInput', (fx) => `${fx.main}:flow-ab`),
  updateDataSource: update('updateDataSource', 'UpdateDataSourceInput', (fx) => `${fx.main}:src-a`),
  updateDataset: update('updateDataset', 'UpdateDatasetInput', (fx) => `${fx.main}:ds-a`),
  updateDepartment: update('updateDepartment', 'UpdateDepartmentInput', (fx) => `${fx.main}:dept-a`),
  updateField: update('updateField', 'UpdateFieldInput', (fx) => keysOf(fx, fx.main).field('a', 'email')),
  updateOrganisation: update('updateOrganisation', 'UpdateOrganisationInput', (fx) => fx.main),
  updateProcessingActivity: update(
    'updateProcessingActivity',
    'UpdateProcessingActivityInput',
    (fx) => `${fx.main}:pa-a`,
  ),
  updateRecipient: update('updateRecipient', 'UpdateRecipientInput', (fx) => `${fx.main}:rcp-a`),
  updateServer: update('updateServer', 'UpdateServerInput', (fx) => `${fx.main}:srv-a`),
  updateUser: {
    query: 'mutation ($input: UpdateUserInput!) { updateUser(input: $input) { email displayName } }',
    variables: (fx) => ({ input: { id: fx.accounts.SPARE.id, displayName: 'Renamed by the matrix' } }),
    expected: (fx) => ({ updateUser: { email: fx.accounts.SPARE.email, displayName: 'Renamed by the matrix' } }),
    undo: ['accounts'],
  },
};

// ------------------------------------------------------------------------------------------------

type Answer = Awaited<ReturnType<MatrixFixture['api']['graphql']>>;

/** A refusal as the matrix writes it: its code(s), and `data` with nothing in it. */
function refusal(answer: Answer) {
  const data = answer.data as Record<string, unknown> | null | undefined;
  return {
    codes: [...new Set((answer.errors ?? []).map((error) => error.extensions?.code))],
    data: data == null || Object.values(data).every((value) => value === null) ? null : data,
  };
}

/** What changed between two states of the run's data, line by line (empty: nothing). */
function changes(before: MatrixState, after: MatrixState, withAudit = true): string[] {
  const lines = (a: string[], b: string[]) => [
    ...a.filter((line) => !b.includes(line)).map((line) => `- ${line}`),
    ...b.filter((line) => !a.includes(line)).map((line) => `+ ${line}`),
  ];
  const out = [...lines(before.graph.nodes, after.graph.nodes), ...lines(before.graph.rels, after.graph.rels)];
  const parts: (keyof Omit<MatrixState, 'graph'>)[] = ['users', 'tokens', 'scanRuns', 'scanJobs', 'riskDecisions'];
  // The audit log and report snapshots are append-only: compared for refusals, not after an undo.
  for (const part of withAudit ? [...parts, 'audit' as const, 'reports' as const] : parts) {
    if (!isDeepStrictEqual(before[part], after[part])) {
      out.push(`${part}: ${JSON.stringify(before[part])} -> ${JSON.stringify(after[part])}`);
    }
  }
  return out;
}

describe('authorization matrix: every operation x every role (booted API, real Neo4j and PostgreSQL)', () => {
  let fx: MatrixFixture;
  let ctx: Context;
  let baseline: MatrixState;

  beforeAll(async () => {
    fx = await startMatrixFixture();
    ctx = {
      fx,
      exported: await fx.api.app.get(InventoryImportService).export(fx.main),
      register: await riskRegisterFor(fx.neo4j, { organisation: fx.main, asOf: RISK_AS_OF, scope: READ_ALL }),
    };
    baseline = await fx.probe();
  }, 180_000);

  afterAll(async () => {
    await fx?.close();
  });

  const call = (role: MatrixRole, query: string, variables: Record<string, unknown>) =>
    fx.api.graphql(query, variables, fx.headers[role]);

  describe('the table', () => {
    it('has a row for every query and mutation of the live schema, and a case for every row', () => {
      const schema = fx.api.app.get(GraphQLSchemaHost).schema;
      const served = {
        queries: Object.keys(schema.getQueryType()!.getFields()).sort(),
        mutations: Object.keys(schema.getMutationType()!.getFields()).sort(),
      };
      const mutations = [...new Set(Object.keys(MUTATIONS).map(operationOf))].sort();
      expect({ queries: Object.keys(QUERIES).sort(), mutations }).toEqual(served);
      // Every operation has its own row; variants come on top.
      expect(served.mutations.filter((name) => !(name in MUTATIONS))).toEqual([]);
      expect({ queries: Object.keys(READ_CASES).sort(), mutations: Object.keys(MUTATION_CASES).sort() }).toEqual({
        queries: Object.keys(QUERIES).sort(),
        mutations: Object.keys(MUTATIONS).sort(),
      });
    });

    it('lets anonymous callers in exactly where the endpoint is declared public', () => {
      const policies = listEndpointPolicies(fx.api.app);
      const rows: Record<string, Row> = {
        ...Object.fromEntries(Object.entries(QUERIES).map(([name, cells]) => [`Query.${name}`, cells])),
        ...Object.fromEntries(Object.entries(MUTATIONS).map(([name, cells]) => [`Mutation.${name}`, cells])),
      };
      const anonymous = Object.entries(rows).map(([name, cells]) => [name, cells.ANON]);
      expect(anonymous).toEqual(
        Object.keys(rows).map((name) => [name, policies[operationOf(name)] === 'public' ? ALLOW : UNAUTHENTICATED]),
      );
    });

    it('labels ALLOW only answers equal to the ADMIN one, FILTERED only narrower ones', () => {
      const labels: Record<string, Verdict> = {};
      const implied: Record<string, Verdict> = {};
      for (const [name, cells] of Object.entries(QUERIES) as [QueryName, Row][]) {
        if (READ_CASES[name].perCaller) continue;
        const full = READ_CASES[name].expected(viewerOf(fx, 'ADMIN'), ctx);
        for (const role of MATRIX_ROLES) {
          if (cells[role] !== ALLOW && cells[role] !== FILTERED) continue;
          labels[`${name} ${role}`] = cells[role];
          const same = isDeepStrictEqual(READ_CASES[name].expected(viewerOf(fx, role), ctx), full);
          implied[`${name} ${role}`] = same ? ALLOW : FILTERED;
        }
      }
      expect(labels).toEqual(implied);
    });
  });

  describe('queries', () => {
    // Reads change nothing: all cells are asked at once (a few at a time), then checked row by row.
    const answers = new Map<QueryName, Answer[]>();
    beforeAll(async () => {
      const cells = (Object.keys(QUERIES) as QueryName[]).flatMap((name) =>
        MATRIX_ROLES.map((role, i) => ({ name, role, i })),
      );
      const ask = async () => {
        for (let cell = cells.shift(); cell; cell = cells.shift()) {
          const spec = READ_CASES[cell.name];
          const answer = await call(cell.role, spec.query, spec.variables?.(fx) ?? {});
          if (!answers.has(cell.name)) answers.set(cell.name, []);
          answers.get(cell.name)![cell.i] = answer;
        }
      };
      await Promise.all(Array.from({ length: 12 }, ask));
      // Every cell of every query row: about 300 requests, some computing whole registers.
    }, 300_000);

    it.each(Object.keys(QUERIES) as QueryName[])('%s', (name) => {
      const spec = READ_CASES[name];
      const actual: Record<string, unknown> = {};
      const expected: Record<string, unknown> = {};
      MATRIX_ROLES.forEach((role, i) => {
        const verdict = QUERIES[name][role];
        const answer = answers.get(name)![i];
        if (verdict === ALLOW || verdict === FILTERED) {
          let data = answer.data as Record<string, unknown> | undefined;
          if (name === 'exportInventory' && typeof data?.exportInventory === 'string') {
            data = { exportInventory: JSON.parse(data.exportInventory) as unknown };
          }
          actual[role] = { errors: answer.errors, data };
          expected[role] = { errors: undefined, data: spec.expected(viewerOf(fx, role), ctx) };
        } else {
          actual[role] = refusal(answer);
          expected[role] = { codes: [verdict], data: null };
        }
      });
      expect(actual).toEqual(expected);
    });
  });

  describe('mutations', () => {
    it.each(Object.keys(MUTATIONS) as MutationName[])('%s', async (name) => {
      const spec = MUTATION_CASES[name];
      const cells = MUTATIONS[name];
      // Refusals first, each against the state just before it; then the allowed calls, each undone.
      const order = [...MATRIX_ROLES].sort(
        (a, b) =>
          Number(cells[a] === ALLOW) - Number(cells[b] === ALLOW) || MATRIX_ROLES.indexOf(a) - MATRIX_ROLES.indexOf(b),
      );
      const actual: Record<string, unknown> = {};
      const expected: Record<string, unknown> = {};
      let before = await fx.probe();
      for (const role of order) {
        if (await spec.prepare?.(fx)) before = await fx.probe();
        const answer = await call(role, spec.query, spec.variables(fx, role));
        if (cells[role] === ALLOW) {
          const effect = spec.effect ? await spec.effect.read(fx, role) : undefined;
          await fx.restore(spec.undo);
          before = await fx.probe();
          actual[role] = {
            errors: answer.errors,
            data: answer.data,
            effect,
            restored: changes(baseline, before, false),
          };
          expected[role] = {
            errors: undefined,
            data: spec.expected(fx, role),
            effect: spec.effect?.expected(fx, role),
            restored: [],
          };
        } else {
          // The state after a refusal is the state before the next call.
          const after = await fx.probe();
          actual[role] = { ...refusal(answer), written: changes(before, after) };
          expected[role] = { codes: [cells[role]], data: null, written: [] };
          before = after;
        }
      }
      expect(actual).toEqual(expected);
    });
  });
});
