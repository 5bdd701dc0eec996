import { InventoryError, InventoryErrorCode, type InventoryIssue, quote } from '../inventory.errors.js';
import type { GraphBatch, NodeRow, Props } from '../graph/graph-batch.js';
import { Label, Rel } from '../model/labels.js';
import type { InventoryDocument } from './inventory-document.js';

/**
 * What a scan observed of the sources of a document, next to what the document declares:
 * measurements (volumes, metrics, classification summaries) and absence marks, never a sampled
 * value. The compiler writes them on the same node rows as the declarations (see compileInventory).
 */
export interface ObservedInventory {
  /** When (ISO): `lastScannedAt` of everything observed, and the date of new absence marks. */
  at: string;
  sources: ObservedSource[];
}

export interface ObservedSource {
  /** Local key of a source of the document. */
  key: string;
  engine: string;
  scanRun: string | null;
  typeMix: Record<string, number>;
  datasets: ObservedDataset[];
  /**
   * Datasets of this source in the graph that the scan no longer sees: kept, marked absent
   * (`since`: the date of the first scan that missed it, or `at`).
   */
  absentDatasets: { key: string; since: string }[];
}

export interface ObservedDataset {
  /** Local key of a dataset of the source. */
  key: string;
  rowCount: number;
  rowCountExact: boolean;
  bytes: number;
  format: string | null;
  velocityRowsPerDay: number | null;
  velocityBasis: string | null;
  insertCounter: number | null;
  personalFields: number | null;
  kAnonymity: number | null;
  uniqueShare: number | null;
  anonymous: boolean | null;
  textPersonal: boolean | null;
  /**
   * Register inputs (Art. 30(1)(c)) from the dataset-level linkage pass, when the scan ran it: what
   * the dataset is (`datasetRole`: PERSON, LINKED, REFERENCE, UNRELATED), whose data it holds
   * (`dataSubjectKinds`, SubjectKind values) and which categories of personal data
   * (`personalDataCategories`: identifiers and recognised attributes; `linkedDataCategories`: linked
   * attributes; `specialCategories`: Art. 9/10 kinds), all sorted.
   */
  datasetRole?: string | null;
  dataSubjectKinds?: string[];
  personalDataCategories?: string[];
  linkedDataCategories?: string[];
  specialCategories?: string[];
  fields: ObservedField[];
  /** Fields of this dataset in the graph that the scan no longer sees (names), as absentDatasets. */
  absentFields: { name: string; since: string }[];
}

export interface ObservedField {
  /** Name of a field of the dataset. */
  name: string;
  typeFamily: string;
  sampled: number;
  nullRatio: number;
  distinctEstimate: number;
  minLength: number | null;
  maxLength: number | null;
  personal: boolean;
  category: string | null;
  specialCategory: boolean;
  quasiIdentifier: boolean;
  treatment: string;
  confidence: number;
  /** DIRECT_IDENTIFIER, QUASI_IDENTIFIER, LINKED_ATTRIBUTE or NONE (the linkage pass), when known. */
  tier?: string | null;
  /** Category of a linked attribute (BEHAVIOUR, FINANCIAL, LOCATION, PROFESSIONAL, METADATA). */
  linkedCategory?: string | null;
}

/**
 * Adds observations to a compiled batch. A document carrying observations is a scan's view of
 * some sources: its organisation header names the organisation and does not restate it (the
 * organisation row is dropped, so its declared attributes are kept). Observed members ride on the
 * rows of the declared source, datasets and fields (which are then no longer absent); absent ones
 * get rows holding only `absentSince`, added after the rows whose relationships the batch replaces,
 * so an absent dataset keeps its foreign keys. Observations of anything the document does not
 * declare are refused, all named at once.
 */
export function withObserved(
  batch: GraphBatch,
  doc: InventoryDocument,
  observed: ObservedInventory,
  file?: string,
): GraphBatch {
  const org = doc.organisation.key;
  const k = (local: string) => `${org}:${local}`;
  const rows = (label: Label) => new Map((batch.nodes.get(label) ?? []).map((row) => [row.key, row]));
  const sources = rows(Label.DataSource);
  const datasets = rows(Label.Dataset);
  const fields = rows(Label.Field);
  const issues: InventoryIssue[] = [];
  const absentDatasets: NodeRow[] = [];
  const absentFields: NodeRow[] = [];
  const absentFieldLinks: { from: string; to: string }[] = [];
  const observe = (row: NodeRow | undefined, path: string, what: string, props: Props) => {
    if (row) Object.assign(row.props, props);
    else issues.push({ path, reason: `${what} is not declared in the document` });
  };

  observed.sources.forEach((s, si) => {
    const path = `observed.sources[${si}]`;
    observe(sources.get(k(s.key)), path, `source ${quote(s.key)}`, {
      engine: s.engine,
      lastScannedAt: observed.at,
      lastScanRun: s.scanRun,
      typeMix: JSON.stringify(s.typeMix),
    });
    s.datasets.forEach((d, di) => {
      const dpath = `${path}.datasets[${di}]`;
      const { fields: observedFields, absentFields: absent, key, ...measured } = d;
      const datasetRow = datasets.get(k(key));
      observe(
        datasetRow?.props.source === s.key ? datasetRow : undefined,
        dpath,
        `dataset ${quote(key)} of source ${quote(s.key)}`,
        { ...measured, lastScannedAt: observed.at, absentSince: null },
      );
      observedFields.forEach((f, fi) => {
        const { name, ...metrics } = f;
        observe(
          fields.get(k(`${key}/${name}`)),
          `${dpath}.fields[${fi}]`,
          `field ${quote(name)} of dataset ${quote(key)}`,
          { ...metrics, lastScannedAt: observed.at, absentSince: null },
        );
      });
      absent.forEach((f, fi) => {
        const fieldKey = k(`${key}/${f.name}`);
        if (fields.has(fieldKey)) {
          issues.push({ path: `${dpath}.absentFields[${fi}]`, reason: `field ${quote(f.name)} is declared present` });
          return;
        }
        absentFields.push({ key: fieldKey, props: { absentSince: f.since } });
        absentFieldLinks.push({ from: k(key), to: fieldKey });
      });
    });
    s.absentDatasets.forEach((d, di) => {
      if (datasets.has(k(d.key))) {
        issues.push({ path: `${path}.absentDatasets[${di}]`, reason: `dataset ${quote(d.key)} is declared present` });
        return;
      }
      absentDatasets.push({ key: k(d.key), props: { absentSince: d.since } });
    });
  });
  if (issues.length > 0) throw InventoryError.of(InventoryErrorCode.INVALID_DOCUMENT, issues, file);

  const nodes = new Map(batch.nodes);
  nodes.set(Label.Organisation, []);
  nodes.set(Label.Dataset, [...(nodes.get(Label.Dataset) ?? []), ...absentDatasets]);
  nodes.set(Label.Field, [...(nodes.get(Label.Field) ?? []), ...absentFields]);
  // Fields are written with their HAS_FIELD: an absent field's row goes through its dataset too.
  const rels = batch.rels.map((group) =>
    group.type === Rel.HAS_FIELD && group.from === Label.Dataset && group.to === Label.Field
      ? { ...group, rows: [...group.rows, ...absentFieldLinks] }
      : group,
  );
  if (absentFieldLinks.length > 0 && !rels.some((group) => group.type === Rel.HAS_FIELD)) {
    rels.push({ type: Rel.HAS_FIELD, from: Label.Dataset, to: Label.Field, rows: absentFieldLinks });
  }
  return { ...batch, nodes, rels };
}
