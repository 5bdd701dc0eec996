import { assessReidentification, ClassificationTier, classifyField, scanText } from '@cartographer/classification';
import type { FindingClassification } from '@cartographer/findings';
import type { DiscoveredDataset } from '@cartographer/discovery';
import type { ScanDatasetResult, ScanFieldResult } from './scan.types.js';

export interface ClassifyOptions {
  /** Target k for the k-anonymity assessment (default 5). */
  k?: number;
  now?: Date;
}

/**
 * The tier of a column from its per-field result alone, before the dataset-level pass (the pass
 * starts from the same rule): quasi-identifiers, other personal columns are direct identifiers.
 */
export function perFieldTier(c: Pick<FindingClassification, 'personal' | 'quasiIdentifier'>): ClassificationTier {
  if (!c.personal) return ClassificationTier.NONE;
  return c.quasiIdentifier ? ClassificationTier.QUASI_IDENTIFIER : ClassificationTier.DIRECT_IDENTIFIER;
}

/**
 * Classifies one discovered dataset while its sample is still in memory. What it returns holds
 * aggregates and masked exemplars only; the sample itself is dropped by the caller afterwards.
 */
export function classifyDataset(
  dataset: DiscoveredDataset,
  options: ClassifyOptions = {},
): { dataset: ScanDatasetResult; fields: ScanFieldResult[] } {
  const sample = dataset.sample;
  const columnIndex = new Map((sample?.columns ?? []).map((name, index) => [name, index]));
  const fields: ScanFieldResult[] = dataset.fields.map((field) => {
    const index = columnIndex.get(field.name);
    const values = sample && index !== undefined ? sample.rows.map((row) => row[index] ?? null) : undefined;
    const result = classifyField(
      { dataset: dataset.name, field: field.name, dataType: field.dataType, comment: field.comment, sample: values },
      { referenceDate: options.now ?? new Date() },
    );
    return {
      dataset: dataset.name,
      field: field.name,
      type: field.dataType,
      typeFamily: field.typeFamily,
      metrics: field.metrics,
      personal: result.personal,
      category: result.category,
      specialCategory: result.specialCategory,
      specialCategoryKind: result.specialCategoryKind,
      quasiIdentifier: result.quasiIdentifier,
      treatment: result.treatment,
      treatmentReason: result.treatmentReason,
      confidence: result.confidence,
      evidence: result.evidence,
      tier: perFieldTier(result),
      linkedTo: [],
      linkedCategory: null,
      ...(result.maskedExemplar ? { maskedExemplar: result.maskedExemplar } : {}),
    };
  });

  const quasiIdentifiers = fields.filter((f) => f.quasiIdentifier).map((f) => f.field);
  // Direct identifiers only, by tier: `personal` alone would also be true for linked attributes
  // once the dataset-level pass has run (the GDPR reading), and those do not identify anyone.
  const directIdentifiers = fields
    .filter((f) => perFieldTier(f) === ClassificationTier.DIRECT_IDENTIFIER)
    .map((f) => f.field);
  let reidentification: ScanDatasetResult['reidentification'];
  if (sample && sample.rows.length > 0 && quasiIdentifiers.length > 0) {
    const assessed = assessReidentification({
      columns: sample.columns,
      rows: sample.rows,
      quasiIdentifiers: quasiIdentifiers.filter((name) => columnIndex.has(name)),
      directIdentifiers: directIdentifiers.filter((name) => columnIndex.has(name)),
      k: options.k ?? 5,
    });
    reidentification = {
      k: assessed.k,
      uniqueShare: assessed.uniqueShare,
      anonymous: assessed.anonymous,
      targetK: assessed.targetK,
      quasiIdentifiers,
      generalisation: assessed.generalisation,
    };
  }
  const text = dataset.text !== undefined ? scanText(dataset.text) : undefined;

  return {
    dataset: {
      name: dataset.name,
      kind: dataset.kind,
      ...(dataset.format ? { format: dataset.format } : {}),
      rowCount: dataset.rowCount,
      rowCountExact: dataset.rowCountExact,
      bytes: dataset.bytes,
      primaryKey: dataset.primaryKey,
      foreignKeys: dataset.foreignKeys,
      ...(dataset.velocity ? { velocity: dataset.velocity } : {}),
      fields: fields.length,
      personalFields: fields.filter((f) => f.personal).length,
      // Set by the dataset-level pass (linkSource), once every dataset of the source is classified.
      role: null,
      subjectKind: null,
      subjectKinds: [],
      linkedTo: [],
      personalDataCategories: [],
      linkedCategories: [],
      specialCategories: [],
      ...(reidentification ? { reidentification } : {}),
      ...(text ? { text: { personal: text.personal, counts: { ...text.byDetector } } } : {}),
    },
    fields,
  };
}
