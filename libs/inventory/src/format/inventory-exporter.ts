import { type Neo4jService } from '@cartographer/graph';
import { isInt, type ManagedTransaction } from 'neo4j-driver';
import { InventoryError, InventoryErrorCode } from '../inventory.errors.js';
import { Label, Rel } from '../model/labels.js';
import type {
  DatasetDoc,
  FlowDoc,
  InventoryDocument,
  PartyDoc,
  ProcessingActivityDoc,
  SourceDoc,
  StakeholderDoc,
} from './inventory-document.js';

type Node = Record<string, unknown>;

/** Neo4j integers back to JS numbers; everything else as is. */
export function plain(value: unknown): unknown {
  if (isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

function props(node: unknown): Node {
  const raw = (node as { properties: Record<string, unknown> }).properties;
  const out: Node = {};
  for (const [key, value] of Object.entries(raw)) out[key] = plain(value);
  return out;
}

/** Drops undefined, null and empty lists, so an export reads like a hand-written file. */
function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) continue;
    if (typeof v === 'object' && !Array.isArray(v) && Object.keys(compact(v as object)).length === 0) continue;
    out[key] = typeof v === 'object' && !Array.isArray(v) ? compact(v as object) : v;
  }
  return out as T;
}

function party(node: Node, prefix: string): PartyDoc | undefined {
  const name = node[`${prefix}Name`] as string | undefined;
  if (!name) return undefined;
  return compact({ name, contact: node[`${prefix}Contact`] as string, country: node[`${prefix}Country`] as string });
}

const byKey = <T extends { key: string }>(a: T, b: T) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

async function rows(tx: ManagedTransaction, cypher: string, org: string): Promise<Record<string, unknown>[]> {
  const result = await tx.run(cypher, { org });
  return result.records.map((record) => record.toObject());
}

function stakeholdersOf(list: unknown[]): StakeholderDoc[] | undefined {
  const out = list
    .map((s) => props(s))
    .map((s) =>
      compact({ role: s.role as StakeholderDoc['role'], name: s.name as string, contact: s.contact as string }),
    )
    .sort((a, b) => `${a.role}${a.name}`.localeCompare(`${b.role}${b.name}`));
  return out.length ? out : undefined;
}

/** Reads one organisation's inventory back into the import format, sorted by key. */
export async function exportInventory(neo4j: Neo4jService, organisation: string): Promise<InventoryDocument> {
  return neo4j.read(async (tx) => {
    const [orgRow] = await rows(tx, `MATCH (o:${Label.Organisation} {key: $org}) RETURN o`, organisation);
    if (!orgRow)
      throw new InventoryError(InventoryErrorCode.NOT_FOUND, `organisation '${organisation}' does not exist`);
    const o = props(orgRow.o);
    const local = (key: string) => key.slice(organisation.length + 1);

    const departments = (
      await rows(
        tx,
        `MATCH (d:${Label.Department} {organisation: $org}) OPTIONAL MATCH (d)-[:${Rel.HAS_STAKEHOLDER}]->(s) RETURN d, collect(s) AS stakeholders`,
        organisation,
      )
    )
      .map((row) => {
        const d = props(row.d);
        return compact({
          key: d.localKey as string,
          name: d.name as string,
          description: d.description as string,
          stakeholders: stakeholdersOf(row.stakeholders as unknown[]),
        });
      })
      .sort(byKey);

    const servers = (await rows(tx, `MATCH (s:${Label.Server} {organisation: $org}) RETURN s`, organisation))
      .map((row) => {
        const s = props(row.s);
        return compact({
          key: s.localKey as string,
          name: s.name as string,
          provider: s.provider as string,
          hosting: s.hosting as never,
          country: s.country as string,
          region: s.region as string,
          certifications: s.certifications as string[],
          description: s.description as string,
        });
      })
      .sort(byKey);

    const recipients = (await rows(tx, `MATCH (r:${Label.Recipient} {organisation: $org}) RETURN r`, organisation))
      .map((row) => {
        const r = props(row.r);
        return compact({
          key: r.localKey as string,
          name: r.name as string,
          role: r.role as never,
          country: r.country as string,
          safeguard: r.safeguard as never,
          certifications: r.certifications as string[],
          description: r.description as string,
        });
      })
      .sort(byKey);

    const fieldsByDataset = new Map<string, DatasetDoc['fields']>();
    for (const row of await rows(
      tx,
      `MATCH (d:${Label.Dataset} {organisation: $org})-[:${Rel.HAS_FIELD}]->(f:${Label.Field}) RETURN d.key AS dataset, f ORDER BY f.key`,
      organisation,
    )) {
      const f = props(row.f);
      const list = fieldsByDataset.get(row.dataset as string) ?? [];
      list.push(
        compact({
          name: f.name as string,
          dataType: f.dataType as string,
          description: f.description as string,
          nullable: f.nullable as boolean,
        }),
      );
      fieldsByDataset.set(row.dataset as string, list);
    }
    const referencesByDataset = new Map<string, DatasetDoc['references']>();
    for (const row of await rows(
      tx,
      `MATCH (a:${Label.Dataset} {organisation: $org})-[r:${Rel.REFERENCES}]->(b:${Label.Dataset}) RETURN a.key AS from, b.key AS to, r ORDER BY a.key, b.key, r.name`,
      organisation,
    )) {
      const r = props(row.r);
      const list = referencesByDataset.get(row.from as string) ?? [];
      list.push(
        compact({
          name: r.name as string,
          columns: r.columns as string[],
          dataset: local(row.to as string),
          referencedColumns: r.referencedColumns as string[],
        }),
      );
      referencesByDataset.set(row.from as string, list);
    }

    const sources: SourceDoc[] = (
      await rows(
        tx,
        `MATCH (s:${Label.DataSource} {organisation: $org})
         OPTIONAL MATCH (s)-[:${Rel.HOSTED_ON}]->(h:${Label.Server})
         WITH s, collect(DISTINCT h.localKey) AS servers
         OPTIONAL MATCH (s)-[:${Rel.HAS_STAKEHOLDER}]->(st)
         WITH s, servers, collect(st) AS stakeholders
         OPTIONAL MATCH (s)-[:${Rel.CONTAINS}]->(d:${Label.Dataset})
         RETURN s, servers, stakeholders, collect(d) AS datasets`,
        organisation,
      )
    )
      .map((row) => {
        const s = props(row.s);
        const datasets = (row.datasets as unknown[])
          .map((node) => {
            const d = props(node);
            return compact({
              key: d.localKey as string,
              name: d.name as string,
              kind: d.kind as never,
              description: d.description as string,
              volume: { records: d.volumeRecords as number, bytes: d.volumeBytes as number },
              fields: fieldsByDataset.get(`${organisation}:${d.localKey as string}`),
              references: referencesByDataset.get(`${organisation}:${d.localKey as string}`),
            }) as DatasetDoc;
          })
          .sort(byKey);
        return compact({
          key: s.localKey as string,
          name: s.name as string,
          department: s.department as string,
          kind: s.kind as never,
          structure: s.structure as never,
          description: s.description as string,
          servers: (row.servers as string[]).sort(),
          volume: { records: s.volumeRecords as number, bytes: s.volumeBytes as number },
          velocity: { recordsPerDay: s.velocityRecordsPerDay as number, bytesPerDay: s.velocityBytesPerDay as number },
          accessMethods: s.accessMethods as never,
          connectionRef: s.connectionRef as string,
          stakeholders: stakeholdersOf(row.stakeholders as unknown[]),
          datasets,
        }) as SourceDoc;
      })
      .sort(byKey);

    const activities: ProcessingActivityDoc[] = (
      await rows(
        tx,
        `MATCH (a:${Label.ProcessingActivity} {organisation: $org})
         OPTIONAL MATCH (a)-[:${Rel.DISCLOSES_TO}]->(r:${Label.Recipient})
         WITH a, collect(DISTINCT r.localKey) AS recipients
         OPTIONAL MATCH (a)-[t:${Rel.TRANSFERS_TO}]->(tr:${Label.Recipient})
         WITH a, recipients, collect(CASE WHEN t IS NULL THEN NULL ELSE {recipient: tr.localKey, country: t.country, safeguard: t.safeguard, documentation: t.documentation} END) AS transfers
         OPTIONAL MATCH (a)-[:${Rel.USES}]->(d:${Label.Dataset})
         WITH a, recipients, transfers, collect(DISTINCT d.localKey) AS datasets
         OPTIONAL MATCH (a)-[:${Rel.USES}]->(f:${Label.Field})
         RETURN a, recipients, transfers, datasets, collect(DISTINCT f.key) AS fields`,
        organisation,
      )
    )
      .map((row) => {
        const a = props(row.a);
        return compact({
          key: a.localKey as string,
          name: a.name as string,
          department: a.department as string,
          description: a.description as string,
          controller: party(a, 'controller')!,
          jointControllers: (a.jointControllers as string[] | undefined)?.map((json) => JSON.parse(json) as PartyDoc),
          representative: party(a, 'representative'),
          dpo: party(a, 'dpo'),
          purposes: a.purposes as string[],
          legalBases: a.legalBases as never,
          legalBasisDetails: a.legalBasisDetails as string,
          dataSubjectCategories: a.dataSubjectCategories as string[],
          personalDataCategories: a.personalDataCategories as string[],
          specialCategories: a.specialCategories as string[],
          recipients: (row.recipients as string[]).sort(),
          transfers: (row.transfers as Record<string, string>[])
            .map((t) =>
              compact({
                recipient: t.recipient,
                country: t.country,
                safeguard: t.safeguard as never,
                documentation: t.documentation,
              }),
            )
            .sort((x, y) => `${x.recipient}|${x.country}`.localeCompare(`${y.recipient}|${y.country}`)),
          retention: a.retention as string,
          securityMeasures: a.securityMeasures as string[],
          datasets: (row.datasets as string[]).sort(),
          fields: (row.fields as string[]).map(local).sort(),
        }) as ProcessingActivityDoc;
      })
      .sort(byKey);

    const flows: FlowDoc[] = (
      await rows(
        tx,
        `MATCH (f:${Label.DataFlow} {organisation: $org})
         OPTIONAL MATCH (a:${Label.Field})-[r:${Rel.FEEDS} {flow: f.key}]->(b:${Label.Field})
         RETURN f, collect(CASE WHEN r IS NULL THEN NULL ELSE {from: a.key, to: b.key} END) AS fields`,
        organisation,
      )
    )
      .map((row) => {
        const f = props(row.f);
        return compact({
          key: f.localKey as string,
          name: f.name as string,
          from: f.from as string,
          to: f.to as string,
          fields: (row.fields as { from: string; to: string }[])
            .map((m) => ({ from: local(m.from), to: local(m.to) }))
            .sort((x, y) => `${x.from}|${x.to}`.localeCompare(`${y.from}|${y.to}`)),
          frequency: f.frequency as never,
          mechanism: f.mechanism as never,
          description: f.description as string,
        }) as FlowDoc;
      })
      .sort(byKey);

    return compact({
      version: 1 as const,
      organisation: compact({
        key: organisation,
        name: o.name as string,
        country: o.country as string,
        sector: o.sector as never,
        description: o.description as string,
        dpo: party(o, 'dpo'),
      }),
      departments,
      servers,
      recipients,
      sources,
      processingActivities: activities,
      flows,
    });
  });
}
