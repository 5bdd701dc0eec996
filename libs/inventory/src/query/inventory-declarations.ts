import type { ManagedTransaction } from 'neo4j-driver';
import type {
  DatasetDoc,
  DepartmentDoc,
  FieldDoc,
  FlowDoc,
  OrganisationDoc,
  PartyDoc,
  ProcessingActivityDoc,
  RecipientDoc,
  ReferenceDoc,
  ServerDoc,
  SourceDoc,
  StakeholderDoc,
  TransferDoc,
} from '../format/inventory-document.js';
import { Label, Rel } from '../model/labels.js';
import { plainProps } from './inventory-cypher.js';

/**
 * Reads the declared content of single entities back in the import format, so that a change made
 * through the API can be written as a small document through the one import path. The mapping
 * mirrors the exporter (a declaration re-imported as read leaves the graph unchanged).
 */
type Props = Record<string, unknown>;

/** Drops undefined, null, empty lists and empty objects, like a hand-written file. */
export function compactDoc<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) continue;
    if (Array.isArray(v)) {
      out[key] = v.map((item: unknown) => (item !== null && typeof item === 'object' ? compactDoc(item) : item));
    } else if (typeof v === 'object') {
      const inner = compactDoc(v as object);
      if (Object.keys(inner).length === 0) continue;
      out[key] = inner;
    } else {
      out[key] = v;
    }
  }
  return out as T;
}

function party(node: Props, prefix: string): PartyDoc | undefined {
  const name = node[`${prefix}Name`] as string | undefined;
  if (!name) return undefined;
  return compactDoc({ name, contact: node[`${prefix}Contact`] as string, country: node[`${prefix}Country`] as string });
}

function stakeholders(list: Props[]): StakeholderDoc[] | undefined {
  const out = list
    .map((s) =>
      compactDoc({ role: s.role as StakeholderDoc['role'], name: s.name as string, contact: s.contact as string }),
    )
    .sort((a, b) => `${a.role}${a.name}`.localeCompare(`${b.role}${b.name}`));
  return out.length > 0 ? out : undefined;
}

const local = (organisation: string, key: string) => key.slice(organisation.length + 1);

async function rows(tx: ManagedTransaction, cypher: string, params: Props): Promise<Props[]> {
  const result = await tx.run(cypher, params);
  return result.records.map((record) => plainProps(record.toObject() as Props));
}

export function organisationDoc(o: Props): OrganisationDoc {
  return compactDoc({
    key: o.key as string,
    name: o.name as string,
    country: o.country as string,
    sector: o.sector as OrganisationDoc['sector'],
    description: o.description as string,
    dpo: party(o, 'dpo'),
  });
}

export async function readOrganisation(tx: ManagedTransaction, key: string): Promise<OrganisationDoc | null> {
  const [row] = await rows(tx, `MATCH (o:${Label.Organisation} {key: $key}) RETURN properties(o) AS o`, { key });
  return row ? organisationDoc(row.o as Props) : null;
}

export interface Declared<T> {
  organisation: string;
  department: string | null;
  doc: T;
}

export async function readDepartment(tx: ManagedTransaction, key: string): Promise<Declared<DepartmentDoc> | null> {
  const [row] = await rows(
    tx,
    `MATCH (d:${Label.Department} {key: $key})
     OPTIONAL MATCH (d)-[:${Rel.HAS_STAKEHOLDER}]->(s:${Label.Stakeholder})
     RETURN properties(d) AS d, collect(properties(s)) AS stakeholders`,
    { key },
  );
  if (!row) return null;
  const d = row.d as Props;
  return {
    organisation: d.organisation as string,
    department: d.localKey as string,
    doc: compactDoc({
      key: d.localKey as string,
      name: d.name as string,
      description: d.description as string,
      stakeholders: stakeholders(row.stakeholders as Props[]),
    }),
  };
}

export async function readServer(tx: ManagedTransaction, key: string): Promise<Declared<ServerDoc> | null> {
  const [row] = await rows(tx, `MATCH (s:${Label.Server} {key: $key}) RETURN properties(s) AS s`, { key });
  if (!row) return null;
  const s = row.s as Props;
  return {
    organisation: s.organisation as string,
    department: null,
    doc: compactDoc({
      key: s.localKey as string,
      name: s.name as string,
      provider: s.provider as string,
      hosting: s.hosting as ServerDoc['hosting'],
      country: s.country as string,
      region: s.region as string,
      certifications: s.certifications as string[],
      description: s.description as string,
    }),
  };
}

export async function readRecipient(tx: ManagedTransaction, key: string): Promise<Declared<RecipientDoc> | null> {
  const [row] = await rows(tx, `MATCH (r:${Label.Recipient} {key: $key}) RETURN properties(r) AS r`, { key });
  if (!row) return null;
  const r = row.r as Props;
  return {
    organisation: r.organisation as string,
    department: null,
    doc: compactDoc({
      key: r.localKey as string,
      name: r.name as string,
      role: r.role as RecipientDoc['role'],
      country: r.country as string,
      safeguard: r.safeguard as RecipientDoc['safeguard'],
      certifications: r.certifications as string[],
      description: r.description as string,
    }),
  };
}

/** Which datasets of a source to read with it: none, all, or those keys (graph keys). */
export type DatasetSelection = 'none' | 'all' | readonly string[];

export async function readSource(
  tx: ManagedTransaction,
  key: string,
  datasets: DatasetSelection = 'none',
): Promise<Declared<SourceDoc> | null> {
  const [row] = await rows(
    tx,
    `MATCH (s:${Label.DataSource} {key: $key})
     OPTIONAL MATCH (s)-[:${Rel.HOSTED_ON}]->(h:${Label.Server})
     WITH s, collect(DISTINCT h.localKey) AS servers
     OPTIONAL MATCH (s)-[:${Rel.HAS_STAKEHOLDER}]->(st:${Label.Stakeholder})
     RETURN properties(s) AS s, servers, collect(properties(st)) AS stakeholders`,
    { key },
  );
  if (!row) return null;
  const s = row.s as Props;
  const organisation = s.organisation as string;
  const datasetDocs = datasets === 'none' ? [] : await readDatasetsOf(tx, key, organisation, datasets);
  return {
    organisation,
    department: s.department as string,
    doc: compactDoc({
      key: s.localKey as string,
      name: s.name as string,
      department: s.department as string,
      kind: s.kind as SourceDoc['kind'],
      structure: s.structure as SourceDoc['structure'],
      description: s.description as string,
      servers: (row.servers as string[]).sort(),
      volume: { records: s.volumeRecords as number, bytes: s.volumeBytes as number },
      velocity: { recordsPerDay: s.velocityRecordsPerDay as number, bytesPerDay: s.velocityBytesPerDay as number },
      accessMethods: s.accessMethods as SourceDoc['accessMethods'],
      connectionRef: s.connectionRef as string,
      stakeholders: stakeholders(row.stakeholders as Props[]),
      datasets: datasetDocs,
    }),
  };
}

async function readDatasetsOf(
  tx: ManagedTransaction,
  source: string,
  organisation: string,
  selection: 'all' | readonly string[],
): Promise<DatasetDoc[]> {
  const found = await rows(
    tx,
    `MATCH (:${Label.DataSource} {key: $source})-[:${Rel.CONTAINS}]->(d:${Label.Dataset})
     WHERE $all OR d.key IN $keys
     OPTIONAL MATCH (d)-[:${Rel.HAS_FIELD}]->(f:${Label.Field})
     WITH d, f ORDER BY f.key
     WITH d, collect(properties(f)) AS fields
     OPTIONAL MATCH (d)-[r:${Rel.REFERENCES}]->(t:${Label.Dataset})
     WITH d, fields, r, t ORDER BY t.key, r.name
     RETURN properties(d) AS d, fields,
            collect(CASE WHEN r IS NULL THEN NULL ELSE {name: r.name, columns: r.columns, dataset: t.key, referencedColumns: r.referencedColumns} END) AS references
     ORDER BY d.key`,
    { source, all: selection === 'all', keys: selection === 'all' ? [] : [...selection] },
  );
  return found.map((row) => {
    const d = row.d as Props;
    return compactDoc({
      key: d.localKey as string,
      name: d.name as string,
      kind: d.kind as DatasetDoc['kind'],
      description: d.description as string,
      volume: { records: d.volumeRecords as number, bytes: d.volumeBytes as number },
      fields: (row.fields as Props[]).map(fieldDoc),
      references: (row.references as Props[]).map((r): ReferenceDoc =>
        compactDoc({
          name: r.name as string,
          columns: r.columns as string[],
          dataset: local(organisation, r.dataset as string),
          referencedColumns: r.referencedColumns as string[],
        }),
      ),
    });
  });
}

export function fieldDoc(f: Props): FieldDoc {
  return compactDoc({
    name: f.name as string,
    dataType: f.dataType as string,
    description: f.description as string,
    nullable: f.nullable as boolean,
  });
}

/** The data source containing a dataset (graph key), or null. */
export async function sourceOfDataset(tx: ManagedTransaction, dataset: string): Promise<string | null> {
  const [row] = await rows(
    tx,
    `MATCH (s:${Label.DataSource})-[:${Rel.CONTAINS}]->(:${Label.Dataset} {key: $dataset}) RETURN s.key AS key`,
    { dataset },
  );
  return row ? (row.key as string) : null;
}

export async function readActivity(
  tx: ManagedTransaction,
  key: string,
): Promise<Declared<ProcessingActivityDoc> | null> {
  const [row] = await rows(
    tx,
    `MATCH (a:${Label.ProcessingActivity} {key: $key})
     OPTIONAL MATCH (a)-[:${Rel.DISCLOSES_TO}]->(r:${Label.Recipient})
     WITH a, collect(DISTINCT r.localKey) AS recipients
     OPTIONAL MATCH (a)-[t:${Rel.TRANSFERS_TO}]->(tr:${Label.Recipient})
     WITH a, recipients, collect(CASE WHEN t IS NULL THEN NULL ELSE {recipient: tr.localKey, country: t.country, safeguard: t.safeguard, documentation: t.documentation} END) AS transfers
     OPTIONAL MATCH (a)-[:${Rel.USES}]->(d:${Label.Dataset})
     WITH a, recipients, transfers, collect(DISTINCT d.localKey) AS datasets
     OPTIONAL MATCH (a)-[:${Rel.USES}]->(f:${Label.Field})
     RETURN properties(a) AS a, recipients, transfers, datasets, collect(DISTINCT f.key) AS fields`,
    { key },
  );
  if (!row) return null;
  const a = row.a as Props;
  const organisation = a.organisation as string;
  return {
    organisation,
    department: a.department as string,
    doc: compactDoc({
      key: a.localKey as string,
      name: a.name as string,
      department: a.department as string,
      description: a.description as string,
      controller: party(a, 'controller')!,
      jointControllers: (a.jointControllers as string[] | undefined)?.map((json) => JSON.parse(json) as PartyDoc),
      representative: party(a, 'representative'),
      dpo: party(a, 'dpo'),
      purposes: a.purposes as string[],
      legalBases: a.legalBases as ProcessingActivityDoc['legalBases'],
      legalBasisDetails: a.legalBasisDetails as string,
      dataSubjectCategories: a.dataSubjectCategories as string[],
      personalDataCategories: a.personalDataCategories as string[],
      specialCategories: a.specialCategories as string[],
      recipients: (row.recipients as string[]).sort(),
      transfers: (row.transfers as Props[])
        .map((t) =>
          compactDoc({
            recipient: t.recipient as string,
            country: t.country as string,
            safeguard: t.safeguard as TransferDoc['safeguard'],
            documentation: t.documentation as string,
          }),
        )
        .sort((x, y) => `${x.recipient}|${x.country}`.localeCompare(`${y.recipient}|${y.country}`)),
      retention: a.retention as string,
      securityMeasures: a.securityMeasures as string[],
      datasets: (row.datasets as string[]).sort(),
      fields: (row.fields as string[]).map((f) => local(organisation, f)).sort(),
    }),
  };
}

export async function readFlows(tx: ManagedTransaction, keys: readonly string[]): Promise<Declared<FlowDoc>[]> {
  if (keys.length === 0) return [];
  const found = await rows(
    tx,
    `UNWIND $keys AS key
     MATCH (f:${Label.DataFlow} {key: key})
     OPTIONAL MATCH (a:${Label.Field})-[r:${Rel.FEEDS} {flow: f.key}]->(b:${Label.Field})
     RETURN properties(f) AS f, collect(CASE WHEN r IS NULL THEN NULL ELSE {from: a.key, to: b.key} END) AS fields
     ORDER BY f.key`,
    { keys: [...keys] },
  );
  return found.map((row) => {
    const f = row.f as Props;
    const organisation = f.organisation as string;
    return {
      organisation,
      department: (f.department as string | null) ?? null,
      doc: compactDoc({
        key: f.localKey as string,
        name: f.name as string,
        from: f.from as string,
        to: f.to as string,
        fields: (row.fields as { from: string; to: string }[])
          .map((m) => ({ from: local(organisation, m.from), to: local(organisation, m.to) }))
          .sort((x, y) => `${x.from}|${x.to}`.localeCompare(`${y.from}|${y.to}`)),
        frequency: f.frequency as FlowDoc['frequency'],
        mechanism: f.mechanism as FlowDoc['mechanism'],
        description: f.description as string,
      }),
    };
  });
}

/** Flows leaving a data source or any of its datasets, or leaving one dataset (graph keys). */
export async function flowsLeaving(
  tx: ManagedTransaction,
  label: Label.DataSource | Label.Dataset,
  key: string,
): Promise<string[]> {
  const cypher =
    label === Label.DataSource
      ? `MATCH (s:${Label.DataSource} {key: $key})
         OPTIONAL MATCH (s)-[:${Rel.CONTAINS}]->(d:${Label.Dataset})
         WITH s, collect(d) AS datasets
         WITH [s] + datasets AS ends
         UNWIND ends AS e
         MATCH (f:${Label.DataFlow})-[:${Rel.FLOWS_FROM}]->(e)
         RETURN DISTINCT f.key AS key ORDER BY key`
      : `MATCH (f:${Label.DataFlow})-[:${Rel.FLOWS_FROM}]->(:${Label.Dataset} {key: $key}) RETURN DISTINCT f.key AS key ORDER BY key`;
  return (await rows(tx, cypher, { key })).map((row) => row.key as string);
}

/** Whether a node with this key exists under one of the labels. */
export async function existingLabels(tx: ManagedTransaction, key: string, labels: readonly Label[]): Promise<Label[]> {
  const found: Label[] = [];
  for (const label of labels) {
    const result = await tx.run(`MATCH (n:${label} {key: $key}) RETURN count(n) AS n`, { key });
    if ((result.records[0].get('n') as { toNumber(): number }).toNumber() > 0) found.push(label);
  }
  return found;
}
