import type { InventoryDocument } from '@cartographer/inventory';

/**
 * The benchmarks' synthetic inventory: 10 departments, one source per 100 datasets, `fieldsPerDataset`
 * fields each (10,000 x 100 = 1M fields). `compliance` adds what the compliance benchmark reads:
 * servers in and outside the EEA hosting the sources, recipients with every kind of safeguard, and
 * one processing activity per 100 datasets (each using its source's datasets and disclosing to a
 * recipient), with the DPIA facts of issue 11 declared on half of them.
 */
export function syntheticInventory(
  org: string,
  datasets: number,
  fieldsPerDataset: number,
  options: { compliance?: boolean } = {},
): InventoryDocument {
  if (options.compliance) return withComplianceFacts(syntheticInventory(org, datasets, fieldsPerDataset));
  const departments = Array.from({ length: 10 }, (_, d) => ({ key: `dept-${d}`, name: `Department ${d}` }));
  const sourcesCount = Math.max(1, Math.ceil(datasets / 100));
  const sources = Array.from({ length: sourcesCount }, (_, s) => ({
    key: `src-${s}`,
    name: `Source ${s}`,
    department: `dept-${s % 10}`,
    kind: 'RELATIONAL_DATABASE' as const,
    structure: 'STRUCTURED' as const,
    servers: ['srv-fr'],
    datasets: Array.from({ length: Math.min(100, datasets - s * 100) }, (_, t) => ({
      key: `ds-${s}-${t}`,
      name: `schema_${s}.table_${t}`,
      kind: 'TABLE' as const,
      fields: Array.from({ length: fieldsPerDataset }, (_, f) => ({
        name: `column_${f}`,
        dataType: f % 3 === 0 ? 'integer' : 'varchar',
      })),
    })),
  }));
  return {
    version: 1,
    organisation: { key: org, name: 'Benchmark organisation', country: 'FR' },
    departments,
    servers: [{ key: 'srv-fr', name: 'Server FR', hosting: 'ON_PREMISES', country: 'FR' }],
    sources,
  };
}

const SERVERS = [
  { key: 'srv-fr', name: 'Server FR', hosting: 'ON_PREMISES' as const, country: 'FR' },
  { key: 'srv-us', name: 'SaaS US', hosting: 'SAAS' as const, country: 'US', provider: 'Amazon Web Services' },
  { key: 'srv-us-dpf', name: 'SaaS US DPF', hosting: 'SAAS' as const, country: 'US', certifications: ['EU-US DPF'] },
  { key: 'srv-ch', name: 'Cloud CH', hosting: 'CLOUD' as const, country: 'CH' },
  { key: 'srv-in', name: 'Cloud IN', hosting: 'CLOUD' as const, country: 'IN', accessCountries: ['SG'] },
];

const RECIPIENTS = [
  { key: 'rcp-fr', name: 'Processor FR', role: 'PROCESSOR' as const, country: 'FR', safeguard: 'NONE' as const },
  {
    key: 'rcp-us-scc',
    name: 'Processor US (SCC)',
    role: 'PROCESSOR' as const,
    country: 'US',
    safeguard: 'SCC' as const,
    transferTool: { sccModule: 2 as const, tia: { assessedOn: '2026-01-10', reevaluateBy: '2027-01-10' } },
  },
  { key: 'rcp-in', name: 'Processor IN', role: 'PROCESSOR' as const, country: 'IN', safeguard: 'NONE' as const },
  { key: 'rcp-ca', name: 'Controller CA', role: 'CONTROLLER' as const, country: 'CA', safeguard: 'ADEQUACY' as const },
  {
    key: 'rcp-ma-derog',
    name: 'Partner MA',
    role: 'CONTROLLER' as const,
    country: 'MA',
    safeguard: 'DEROGATION' as const,
    transferTool: { derogation: 'CONTRACT_WITH_SUBJECT' as const },
  },
];

/** Adds servers, recipients and one activity per source to a synthetic inventory. */
export function withComplianceFacts(doc: InventoryDocument): InventoryDocument {
  const sources = (doc.sources ?? []).map((source, s) => ({ ...source, servers: [SERVERS[s % SERVERS.length].key] }));
  const processingActivities = sources.map((source, s) => ({
    key: `pa-${s}`,
    name: `Activity ${s}`,
    department: source.department,
    controller: { name: doc.organisation.name },
    purposes: [`Purpose ${s % 7}`],
    legalBases: ['PUBLIC_TASK' as const],
    dataSubjectCategories: [s % 5 === 0 ? 'Patients' : 'Usagers'],
    personalDataCategories: ['Identité', 'Coordonnées'],
    recipients: [RECIPIENTS[s % RECIPIENTS.length].key],
    retention: '5 ans',
    securityMeasures: ['Chiffrement'],
    datasets: (source.datasets ?? []).map((d) => d.key),
    ...(s % 2 === 0
      ? {
          organisationRole: 'CONTROLLER' as const,
          dataSubjectCount: 1000 * (s + 1),
          evaluationScoring: s % 4 === 0,
          automatedDecisions: { exists: false },
          monitoring: { systematic: s % 8 === 0 },
          innovativeTechnology: false,
          preventsRightOrService: false,
        }
      : {}),
  }));
  return { ...doc, servers: SERVERS, recipients: RECIPIENTS, sources, processingActivities };
}
