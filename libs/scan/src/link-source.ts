import {
  ClassificationTier,
  classifySchema,
  type FieldClassification,
  type LinkageOptions,
  type SchemaLinkInput,
} from '@cartographer/classification';
import type { ScanDatasetResult, ScanFieldResult } from './scan.types.js';

/** The per-field result as classifyField returned it (the scan's result carries every member). */
function fieldClassification(f: ScanFieldResult): FieldClassification {
  return {
    personal: f.personal,
    category: f.category,
    specialCategory: f.specialCategory,
    specialCategoryKind: f.specialCategoryKind,
    quasiIdentifier: f.quasiIdentifier,
    confidence: f.confidence,
    treatment: f.treatment,
    treatmentReason: f.treatmentReason,
    evidence: f.evidence,
  } as FieldClassification;
}

/**
 * The dataset-level linkage pass over one scanned source (`classifySchema`), once every dataset is
 * classified: per field the tier, `linkedTo` paths, linked category and the pass's category,
 * treatment and evidence (appended to the per-field evidence); per dataset its role, subject kinds
 * and register inputs. `personal` becomes the GDPR reading (true for linked attributes). Its cost
 * depends on datasets and links only: no value is read. `descriptions`: dataset comments by name;
 * `links`: declared references and flows between datasets of the source (`schemaLinksOf`).
 * Re-identification keeps its per-field result, except that a dataset holding a column the pass
 * found to be a direct identifier (a key to a person) is not anonymous.
 */
export function linkSource(
  datasets: readonly ScanDatasetResult[],
  fields: readonly ScanFieldResult[],
  descriptions: ReadonlyMap<string, string | undefined>,
  links: readonly SchemaLinkInput[] = [],
  options: LinkageOptions = {},
): { datasets: ScanDatasetResult[]; fields: ScanFieldResult[] } {
  const byDataset = new Map<string, ScanFieldResult[]>(datasets.map((d) => [d.name, []]));
  for (const f of fields) byDataset.get(f.dataset)?.push(f);
  const result = classifySchema(
    {
      datasets: datasets.map((d) => {
        const description = descriptions.get(d.name);
        return {
          name: d.name,
          ...(description ? { description } : {}),
          primaryKey: d.primaryKey,
          foreignKeys: d.foreignKeys,
          fields: (byDataset.get(d.name) ?? []).map((f) => ({
            name: f.field,
            dataType: f.type,
            typeFamily: f.typeFamily,
            metrics: f.metrics,
            classification: fieldClassification(f),
          })),
        };
      }),
      links,
    },
    options,
  );

  const linkedFields = new Map<string, ScanFieldResult>();
  const linkedDatasets = datasets.map((d, i) => {
    const linkage = result.datasets[i];
    const own = new Map((byDataset.get(d.name) ?? []).map((f) => [f.field, f]));
    linkage.fields.forEach((l) => {
      const f = own.get(l.field)!;
      linkedFields.set(`${d.name}\u0000${f.field}`, {
        ...f,
        personal: l.personal,
        category: l.category,
        specialCategory: l.specialCategory,
        specialCategoryKind: l.specialCategoryKind,
        quasiIdentifier: l.quasiIdentifier,
        treatment: l.treatment,
        treatmentReason: l.treatmentReason,
        evidence: [...f.evidence, ...l.evidence],
        tier: l.tier,
        linkedTo: l.linkedTo.map((p) => p.explanation),
        linkedCategory: l.linkedCategory,
      });
    });
    const direct = linkage.fields.some((l) => l.tier === ClassificationTier.DIRECT_IDENTIFIER);
    return {
      ...d,
      personalFields: linkage.fields.filter((l) => l.personal).length,
      role: linkage.role,
      subjectKind: linkage.subjectKind,
      subjectKinds: [...linkage.subjectKinds],
      linkedTo: linkage.linkedTo.map((p) => p.explanation),
      personalDataCategories: [...linkage.register.personalDataCategories],
      linkedCategories: [...linkage.register.linkedCategories],
      specialCategories: [...linkage.register.specialCategories],
      ...(d.reidentification
        ? { reidentification: { ...d.reidentification, anonymous: d.reidentification.anonymous && !direct } }
        : {}),
    };
  });
  return {
    datasets: linkedDatasets,
    fields: fields.map((f) => linkedFields.get(`${f.dataset}\u0000${f.field}`) ?? f),
  };
}
