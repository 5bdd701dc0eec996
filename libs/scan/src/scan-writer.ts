import type { ManagedTransaction } from 'neo4j-driver';
import type { DiscoveredSource } from '@cartographer/discovery';
import type { Neo4jService } from '@cartographer/graph';
import { upsertFindings } from '@cartographer/findings';
import {
  ACCESS_METHODS,
  type AccessMethod,
  compileInventory,
  type DatasetDoc,
  fieldLocalKey,
  graphKey,
  InventoryError,
  InventoryErrorCode,
  type InventoryDocument,
  Label,
  type ObservedInventory,
  Rel,
  type SourceDoc,
  validateInventoryDocument,
  writeBatch,
} from '@cartographer/inventory';
import { fieldNameFrom, keyFrom } from './scan-keys.js';
import type { ScanReport } from './scan.types.js';

export interface StoreScanTarget {
  organisation: string;
  /** The inventory key of the source; created when it does not exist. */
  sourceKey: string;
  sourceName?: string;
  /** Needed only when the source does not exist yet. */
  department?: string;
  /** Environment variable holding the connection URL, recorded instead of the URL itself. */
  connectionRef?: string;
  runId?: string;
}

interface ExistingSource {
  name: string;
  department: string;
  kind: SourceDoc['kind'];
  description: string | null;
  connectionRef: string | null;
  servers: string[];
}

const DATASET_KIND: Record<string, DatasetDoc['kind']> = {
  TABLE: 'TABLE',
  VIEW: 'VIEW',
  MATERIALIZED_VIEW: 'MATERIALIZED_VIEW',
  FILE: 'FILE',
  DOCUMENT: 'DOCUMENT',
};

/** The organisation's name (the scan's partial document needs it); fails when it does not exist. */
async function organisationName(tx: ManagedTransaction, organisation: string): Promise<string> {
  const orgs = await tx.run(`MATCH (o:${Label.Organisation} {key: $org}) RETURN o.name AS name`, { org: organisation });
  if (orgs.records.length === 0) {
    throw new InventoryError(
      InventoryErrorCode.NOT_FOUND,
      `organisation '${organisation}' does not exist: import or create it first`,
    );
  }
  return orgs.records[0].get('name') as string;
}

async function existingSource(
  tx: ManagedTransaction,
  organisation: string,
  sourceKey: string,
): Promise<ExistingSource | null> {
  const result = await tx.run(
    `MATCH (s:${Label.DataSource} {key: $key}) OPTIONAL MATCH (s)-[:${Rel.HOSTED_ON}]->(h:${Label.Server})
     RETURN s.name AS name, s.department AS department, s.kind AS kind, s.description AS description,
            s.connectionRef AS connectionRef, collect(h.localKey) AS servers`,
    { key: graphKey(organisation, sourceKey) },
  );
  const row = result.records[0];
  if (!row || row.get('name') === null) return null;
  return {
    name: row.get('name') as string,
    department: row.get('department') as string,
    kind: row.get('kind') as SourceDoc['kind'],
    description: row.get('description') as string | null,
    connectionRef: row.get('connectionRef') as string | null,
    servers: (row.get('servers') as string[]).sort(),
  };
}

/** The source's datasets and their fields as the graph has them, with their absence marks. */
async function knownDatasets(
  tx: ManagedTransaction,
  sourceKey: string,
): Promise<Map<string, { absentSince: string | null; fields: Map<string, string | null> }>> {
  const result = await tx.run(
    `MATCH (:${Label.DataSource} {key: $key})-[:${Rel.CONTAINS}]->(d:${Label.Dataset})
     OPTIONAL MATCH (d)-[:${Rel.HAS_FIELD}]->(f:${Label.Field})
     RETURN d.localKey AS key, d.absentSince AS absentSince,
            collect([f.name, f.absentSince]) AS fields`,
    { key: sourceKey },
  );
  return new Map(
    result.records.map((record) => [
      record.get('key') as string,
      {
        absentSince: record.get('absentSince') as string | null,
        fields: new Map(
          (record.get('fields') as [string | null, string | null][])
            .filter(([name]) => name !== null)
            .map(([name, since]) => [name!, since]),
        ),
      },
    ]),
  );
}

/**
 * Writes a scan through the inventory's own import path (same validation, same batched idempotent
 * upsert): the declared part (source, datasets, fields, foreign keys) as a document, what the scan
 * measured as its `observed` part, in one transaction with the findings (upsertFindings). Datasets
 * and fields that were there before and are not any more are kept, marked absent since the first
 * scan that missed them.
 */
export async function storeScan(
  neo4jService: Neo4jService,
  discovered: DiscoveredSource,
  report: ScanReport,
  target: StoreScanTarget,
): Promise<number> {
  return neo4jService.write((tx) => storeScanIn(tx, discovered, report, target));
}

/** storeScan inside the caller's transaction (the scan job adds propagation and its audit entry). */
export async function storeScanIn(
  tx: ManagedTransaction,
  discovered: DiscoveredSource,
  report: ScanReport,
  target: StoreScanTarget,
): Promise<number> {
  const now = new Date().toISOString();
  const name = await organisationName(tx, target.organisation);
  const existing = await existingSource(tx, target.organisation, target.sourceKey);
  const department = existing?.department ?? target.department;
  if (!department) {
    throw new InventoryError(
      InventoryErrorCode.INVALID_INPUT,
      `source '${target.sourceKey}' is new in organisation '${target.organisation}': name its department`,
    );
  }
  const datasetKeys = new Map(discovered.datasets.map((d) => [d.name, keyFrom(d.name, `${target.sourceKey}.`)]));
  const datasets: DatasetDoc[] = discovered.datasets.map((d) => ({
    key: datasetKeys.get(d.name)!,
    name: d.name.slice(0, 512),
    kind: DATASET_KIND[d.kind] ?? 'OTHER',
    ...(d.description ? { description: d.description.slice(0, 4000) } : {}),
    volume: { records: d.rowCount, bytes: d.bytes },
    fields: d.fields.map((f) => ({
      name: fieldNameFrom(f.name),
      dataType: f.dataType.slice(0, 128),
      nullable: f.nullable,
      ...(f.comment ? { description: f.comment.slice(0, 4000) } : {}),
    })),
    references: d.foreignKeys
      .filter((fk) => datasetKeys.has(fk.references.dataset))
      .map((fk) => ({
        name: fk.name.slice(0, 256),
        columns: fk.columns.map(fieldNameFrom),
        dataset: datasetKeys.get(fk.references.dataset)!,
        referencedColumns: fk.references.columns.map(fieldNameFrom),
      })),
  }));
  const connectionRef = target.connectionRef ?? existing?.connectionRef ?? undefined;
  const source: SourceDoc = {
    key: target.sourceKey,
    name: (existing?.name ?? target.sourceName ?? discovered.name).slice(0, 256),
    department,
    kind: existing?.kind ?? discovered.kind,
    structure: discovered.structure,
    ...(existing?.description ? { description: existing.description } : {}),
    servers: existing?.servers ?? [],
    volume: { records: discovered.metrics.rows, bytes: discovered.metrics.bytes },
    ...(discovered.metrics.rowsPerDay !== undefined
      ? { velocity: { recordsPerDay: discovered.metrics.rowsPerDay } }
      : {}),
    accessMethods: discovered.accessMethods.filter((m): m is AccessMethod =>
      (ACCESS_METHODS as readonly string[]).includes(m),
    ),
    ...(connectionRef ? { connectionRef } : {}),
    datasets,
  };
  const document: InventoryDocument = {
    version: 1,
    organisation: { key: target.organisation, name },
    sources: [source],
  };

  const known = await knownDatasets(tx, graphKey(target.organisation, target.sourceKey));
  const datasetResults = new Map(report.datasets.map((d) => [d.name, d]));
  const fieldResults = new Map(report.fields.map((f) => [`${f.dataset}\u0000${f.field}`, f]));
  const present = new Set(datasets.map((d) => d.key));
  const observed: ObservedInventory = {
    at: now,
    sources: [
      {
        key: target.sourceKey,
        engine: discovered.engine,
        scanRun: target.runId ?? null,
        typeMix: discovered.metrics.typeMix,
        datasets: discovered.datasets.map((d) => {
          const key = datasetKeys.get(d.name)!;
          const result = datasetResults.get(d.name);
          const names = new Set(d.fields.map((f) => fieldNameFrom(f.name)));
          return {
            key,
            rowCount: d.rowCount,
            rowCountExact: d.rowCountExact,
            bytes: d.bytes,
            format: d.format ?? null,
            velocityRowsPerDay: d.velocity?.rowsPerDay ?? null,
            velocityBasis: d.velocity?.basis ?? null,
            insertCounter: d.insertCounter ?? null,
            personalFields: result?.personalFields ?? null,
            kAnonymity: result?.reidentification?.k ?? null,
            uniqueShare: result?.reidentification?.uniqueShare ?? null,
            anonymous: result?.reidentification?.anonymous ?? null,
            textPersonal: result?.text?.personal ?? null,
            ...(result
              ? {
                  datasetRole: result.role,
                  dataSubjectKinds: [...result.subjectKinds],
                  personalDataCategories: [...result.personalDataCategories],
                  linkedDataCategories: [...result.linkedCategories],
                  specialCategories: [...result.specialCategories],
                }
              : {}),
            fields: d.fields.flatMap((field) => {
              const f = fieldResults.get(`${d.name}\u0000${field.name}`);
              if (!f) return [];
              return [
                {
                  name: fieldNameFrom(field.name),
                  typeFamily: f.typeFamily,
                  sampled: f.metrics.sampled,
                  nullRatio: f.metrics.nullRatio,
                  distinctEstimate: f.metrics.distinctEstimate,
                  minLength: f.metrics.minLength ?? null,
                  maxLength: f.metrics.maxLength ?? null,
                  personal: f.personal,
                  category: f.category,
                  specialCategory: f.specialCategory,
                  quasiIdentifier: f.quasiIdentifier,
                  treatment: f.treatment,
                  confidence: f.confidence,
                  tier: f.tier,
                  linkedCategory: f.linkedCategory,
                },
              ];
            }),
            absentFields: [...(known.get(key)?.fields ?? [])]
              .filter(([field]) => !names.has(field))
              .map(([field, since]) => ({ name: field, since: since ?? now })),
          };
        }),
        absentDatasets: [...known]
          .filter(([key]) => !present.has(key))
          .map(([key, { absentSince }]) => ({ key, since: absentSince ?? now })),
      },
    ],
  };
  const label = `scan of ${target.sourceKey}`;
  const batch = compileInventory(validateInventoryDocument(document, label), label, observed);
  const writes = await writeBatch(tx, batch, label);

  const findings = await upsertFindings(tx, {
    origin: 'SCAN',
    organisation: target.organisation,
    at: now,
    scanRun: target.runId ?? null,
    fields: report.fields.flatMap((f) => {
      const datasetKey = datasetKeys.get(f.dataset);
      if (!datasetKey) return [];
      return [
        {
          field: graphKey(target.organisation, fieldLocalKey(datasetKey, fieldNameFrom(f.field))),
          dataset: graphKey(target.organisation, datasetKey),
          source: graphKey(target.organisation, target.sourceKey),
          department,
          classification: f,
        },
      ];
    }),
  });
  return writes + findings.flagged * 2;
}
