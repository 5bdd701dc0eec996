import type { ManagedTransaction } from 'neo4j-driver';
import type { DiscoveredSource } from '@cartographer/discovery';
import type { Neo4jService } from '@cartographer/graph';
import {
  compileInventory,
  type DatasetDoc,
  fieldLocalKey,
  graphKey,
  InventoryError,
  InventoryErrorCode,
  type InventoryDocument,
  Label,
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
  const orgs = await tx.run('MATCH (o:Organisation {key: $org}) RETURN o.name AS name', { org: organisation });
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
    `MATCH (s:DataSource {key: $key}) OPTIONAL MATCH (s)-[:HOSTED_ON]->(h:Server)
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

/**
 * Writes a scan through the inventory's own import path (same validation, same batched idempotent
 * upsert), adding the scan's aggregates (metrics, classification, findings) to the same
 * transaction. Fields that were there before and are not any more are marked absent, with the date.
 */
export async function storeScan(
  neo4jService: Neo4jService,
  discovered: DiscoveredSource,
  report: ScanReport,
  target: StoreScanTarget,
): Promise<number> {
  const now = new Date().toISOString();
  return neo4jService.write(async (tx) => {
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
      accessMethods: discovered.accessMethods.filter((m): m is NonNullable<SourceDoc['accessMethods']>[number] =>
        [
          'SQL',
          'REST_API',
          'GRAPHQL_API',
          'SFTP',
          'FILE_SYSTEM',
          'EXPORT',
          'MANUAL',
          'STREAMING',
          'WEB_UI',
          'OTHER',
        ].includes(m),
      ),
      ...(connectionRef ? { connectionRef } : {}),
      datasets,
    };
    const document: InventoryDocument = {
      version: 1,
      organisation: { key: target.organisation, name },
      sources: [source],
    };
    const batch = compileInventory(
      validateInventoryDocument(document, `scan of ${target.sourceKey}`),
      `scan of ${target.sourceKey}`,
    );
    // The organisation row of this partial document must not blank its declared attributes.
    batch.nodes.set(Label.Organisation, []);

    // Scan aggregates ride on the same node rows.
    const byKey = (label: Label) => new Map((batch.nodes.get(label) ?? []).map((row) => [row.key, row]));
    const sourceRow = byKey(Label.DataSource).get(graphKey(target.organisation, target.sourceKey))!;
    Object.assign(sourceRow.props, {
      engine: discovered.engine,
      lastScannedAt: now,
      lastScanRun: target.runId ?? null,
      typeMix: JSON.stringify(discovered.metrics.typeMix),
    });
    const datasetRows = byKey(Label.Dataset);
    const fieldRows = byKey(Label.Field);
    const datasetResults = new Map(report.datasets.map((d) => [d.name, d]));
    for (const d of discovered.datasets) {
      const key = graphKey(target.organisation, datasetKeys.get(d.name)!);
      const result = datasetResults.get(d.name);
      Object.assign(datasetRows.get(key)!.props, {
        rowCount: d.rowCount,
        rowCountExact: d.rowCountExact,
        bytes: d.bytes,
        format: d.format ?? null,
        velocityRowsPerDay: d.velocity?.rowsPerDay ?? null,
        velocityBasis: d.velocity?.basis ?? null,
        insertCounter: d.insertCounter ?? null,
        lastScannedAt: now,
        personalFields: result?.personalFields ?? null,
        kAnonymity: result?.reidentification?.k ?? null,
        uniqueShare: result?.reidentification?.uniqueShare ?? null,
        anonymous: result?.reidentification?.anonymous ?? null,
        textPersonal: result?.text?.personal ?? null,
      });
    }
    const findings: { key: string; field: string; props: Record<string, unknown> }[] = [];
    const notPersonal: string[] = [];
    for (const f of report.fields) {
      const datasetKey = datasetKeys.get(f.dataset);
      if (!datasetKey) continue;
      const fieldKey = graphKey(target.organisation, fieldLocalKey(datasetKey, fieldNameFrom(f.field)));
      const row = fieldRows.get(fieldKey);
      if (!row) continue;
      Object.assign(row.props, {
        typeFamily: f.typeFamily,
        sampled: f.metrics.sampled,
        nullRatio: f.metrics.nullRatio,
        distinctEstimate: f.metrics.distinctEstimate,
        minLength: f.metrics.minLength ?? null,
        maxLength: f.metrics.maxLength ?? null,
        lastScannedAt: now,
        absentSince: null,
        personal: f.personal,
        category: f.category,
        specialCategory: f.specialCategory,
        quasiIdentifier: f.quasiIdentifier,
        treatment: f.treatment,
        confidence: f.confidence,
      });
      if (f.personal || f.quasiIdentifier) {
        findings.push({
          key: `${fieldKey}#classification`,
          field: fieldKey,
          props: {
            organisation: target.organisation,
            department,
            field: fieldKey,
            dataset: graphKey(target.organisation, datasetKey),
            source: graphKey(target.organisation, target.sourceKey),
            origin: 'SCAN',
            personal: f.personal,
            category: f.category,
            specialCategory: f.specialCategory,
            specialCategoryKind: f.specialCategoryKind,
            quasiIdentifier: f.quasiIdentifier,
            treatment: f.treatment,
            treatmentReason: f.treatmentReason,
            confidence: f.confidence,
            evidence: JSON.stringify(f.evidence),
            maskedExemplar: f.maskedExemplar ?? null,
            lastDetectedAt: now,
            scanRun: target.runId ?? null,
          },
        });
      } else {
        notPersonal.push(fieldKey);
      }
    }

    const writes = await writeBatch(tx, batch, `scan of ${target.sourceKey}`);

    // Columns that disappeared are kept, marked absent since this scan.
    const presentByDataset = discovered.datasets.map((d) => ({
      dataset: graphKey(target.organisation, datasetKeys.get(d.name)!),
      fields: d.fields.map((f) => fieldNameFrom(f.name)),
    }));
    await tx.run(
      `UNWIND $rows AS row MATCH (:Dataset {key: row.dataset})-[:HAS_FIELD]->(f:Field)
       WHERE NOT f.name IN row.fields AND f.absentSince IS NULL SET f.absentSince = $now`,
      { rows: presentByDataset, now },
    );
    // Datasets of this source that the scan no longer sees are marked absent too.
    await tx.run(
      `MATCH (:DataSource {key: $source})-[:CONTAINS]->(d:Dataset) WHERE NOT d.key IN $present AND d.absentSince IS NULL SET d.absentSince = $now`,
      { source: graphKey(target.organisation, target.sourceKey), present: presentByDataset.map((p) => p.dataset), now },
    );
    await tx.run(`UNWIND $present AS key MATCH (d:Dataset {key: key}) SET d.absentSince = null`, {
      present: presentByDataset.map((p) => p.dataset),
    });

    // A finding a reviewer rejected stays rejected while the scan keeps finding the same category;
    // a new category reopens it. A field no longer flagged loses its unreviewed finding.
    await tx.run(
      `UNWIND $rows AS row
       MATCH (f:Field {key: row.field})
       MERGE (x:Finding {key: row.key})
       ON CREATE SET x.status = 'OPEN', x.createdAt = $now
       WITH f, x, row, (x.status IN ['REJECTED', 'CONFIRMED'] AND x.category = row.props.category
                        AND x.specialCategory = row.props.specialCategory) AS keepReview
       SET x += row.props, x.status = CASE WHEN keepReview THEN x.status ELSE 'OPEN' END
       MERGE (f)-[:HAS_FINDING]->(x)`,
      { rows: findings, now },
    );
    await tx.run(
      `UNWIND $keys AS key MATCH (:Field {key: key})-[:HAS_FINDING]->(x:Finding {origin: 'SCAN'}) WHERE x.status = 'OPEN' DETACH DELETE x`,
      { keys: notPersonal },
    );
    return writes + findings.length * 2;
  });
}
