import { buildMapModel, type MapModel, type MapObservations } from '@cartographer/cartography';
import {
  type ComplianceFacts,
  computeProcessingRecord,
  computeTransfers,
  prepareFacts,
  type ProcessingRecordResult,
  screenDpia,
  type ScreeningResult,
  type TransfersResult,
} from '@cartographer/compliance';
import type { DatasetDoc, SourceDoc } from '@cartographer/inventory';
import type { Evidence, ReportLanguage } from '@cartographer/reports';
import type { FindingDetail, ReportInputs } from '../inputs/report-inputs.js';
import { byName, type Pick, picker } from '../text/report-text.js';

/*
 * Everything the cartography sections read, derived once from the inputs: the department scope,
 * the map model, the compliance results, the personal fields with the finding that speaks for
 * them, and the evidence items every section cites (one label per (kind, ref), as the engine asks).
 */

export interface PersonalField {
  /** `<dataset key>/<field name>` */
  key: string;
  field: string;
  dataType: string | null;
  source: SourceDoc;
  dataset: DatasetDoc;
  /** The finding the report relies on: confirmed first, then scan, declaration, propagation. */
  finding: FindingDetail;
  special: boolean;
}

export interface CartographyContext {
  language: ReportLanguage;
  pick: Pick;
  inputs: ReportInputs;
  asOf: string;
  department: { key: string; name: string } | null;
  /** The sources of the report (those of the department when one is asked), by name. */
  sources: SourceDoc[];
  facts: ComplianceFacts;
  map: MapModel;
  transfers: TransfersResult;
  record: ProcessingRecordResult;
  screening: ScreeningResult;
  personalFields: PersonalField[];
  /** Fields of the report's datasets, personal or not. */
  fieldCount: number;
  datasetCount: number;
  evidence: EvidenceCatalogue;
}

const ORIGIN_RANK: Record<FindingDetail['origin'], number> = { SCAN: 0, DECLARED: 1, PROPAGATED: 2 };

/** The finding a field's row shows: non-rejected with a category; confirmed before pending; scan before declaration. */
export function leadingFinding(findings: readonly FindingDetail[] | undefined): FindingDetail | null {
  const usable = (findings ?? []).filter((f) => f.status !== 'REJECTED' && f.category !== null);
  if (usable.length === 0) return null;
  return [...usable].sort(
    (a, b) =>
      (a.status === 'CONFIRMED' ? 0 : 1) - (b.status === 'CONFIRMED' ? 0 : 1) ||
      ORIGIN_RANK[a.origin] - ORIGIN_RANK[b.origin],
  )[0]!;
}

export class EvidenceCatalogue {
  constructor(
    private readonly pick: Pick,
    private readonly asOf: string,
  ) {}

  source(source: { key: string; name: string }): Evidence {
    return {
      kind: 'FACT',
      ref: `source:${source.key}`,
      label: this.pick({ fr: `Source « ${source.name} » (inventaire)`, en: `Source "${source.name}" (inventory)` }),
    };
  }

  dataset(dataset: { key: string; name: string }): Evidence {
    return {
      kind: 'FACT',
      ref: `dataset:${dataset.key}`,
      label: this.pick({
        fr: `Jeu de données « ${dataset.name} » (inventaire)`,
        en: `Dataset "${dataset.name}" (inventory)`,
      }),
    };
  }

  server(server: { key: string; name: string }): Evidence {
    return {
      kind: 'FACT',
      ref: `server:${server.key}`,
      label: this.pick({ fr: `Serveur « ${server.name} » (inventaire)`, en: `Server "${server.name}" (inventory)` }),
    };
  }

  recipient(recipient: { key: string; name: string }): Evidence {
    return {
      kind: 'FACT',
      ref: `recipient:${recipient.key}`,
      label: this.pick({
        fr: `Destinataire « ${recipient.name} » (inventaire)`,
        en: `Recipient "${recipient.name}" (inventory)`,
      }),
    };
  }

  activity(activity: { key: string; name: string }): Evidence {
    return {
      kind: 'DECLARATION',
      ref: `activity:${activity.key}`,
      label: this.pick({
        fr: `Activité de traitement « ${activity.name} » (déclaration)`,
        en: `Processing activity "${activity.name}" (declaration)`,
      }),
    };
  }

  /** The findings of one origin on one dataset (the classification that produced them). */
  findings(dataset: { key: string; name: string }, finding: FindingDetail): Evidence {
    if (finding.origin === 'SCAN' && finding.scanRun) return this.scanRun(finding.scanRun);
    const kind = finding.origin === 'DECLARED' ? 'DECLARATION' : finding.origin === 'SCAN' ? 'SCAN' : 'COMPUTED';
    const what = {
      SCAN: { fr: 'analyse', en: 'scan' },
      DECLARED: { fr: 'classification des champs déclarés', en: 'classification of the declared fields' },
      PROPAGATED: { fr: 'propagation le long du lignage', en: 'propagation along the lineage' },
    }[finding.origin];
    return {
      kind,
      ref: `findings:${dataset.key}#${finding.origin.toLowerCase()}`,
      label: this.pick({
        fr: `Constats de « ${dataset.name} » (${what.fr})`,
        en: `Findings of "${dataset.name}" (${what.en})`,
      }),
    };
  }

  scanRun(id: string): Evidence {
    return {
      kind: 'SCAN',
      ref: `scan-run:${id}`,
      label: this.pick({ fr: `Analyse ${id.slice(0, 8)}`, en: `Scan run ${id.slice(0, 8)}` }),
    };
  }

  computed(ref: string, label: { fr: string; en: string }): Evidence {
    return { kind: 'COMPUTED', ref, label: this.pick(label) };
  }

  mapModel(): Evidence {
    return this.computed('cartography:buildMapModel', {
      fr: 'Modèle de la carte (libs/cartography), calculé des faits de conformité',
      en: 'Map model (libs/cartography), computed from the compliance facts',
    });
  }

  transfers(): Evidence {
    return this.computed(`compliance:computeTransfers@${this.asOf}`, {
      fr: `Transferts calculés (chapitre V RGPD) au ${this.asOf}`,
      en: `Transfers computed (GDPR Chapter V) as of ${this.asOf}`,
    });
  }

  record(): Evidence {
    return this.computed(`compliance:computeProcessingRecord@${this.asOf}`, {
      fr: `Registre des activités calculé (art. 30 RGPD) au ${this.asOf}`,
      en: `Record of processing computed (GDPR Art. 30) as of ${this.asOf}`,
    });
  }

  dpia(): Evidence {
    return this.computed(`compliance:screenDpia@${this.asOf}`, {
      fr: `Examen de la nécessité d’une AIPD (art. 35, lignes directrices WP248, liste CNIL) au ${this.asOf}`,
      en: `DPIA screening (Art. 35, WP248 guidelines, CNIL list) as of ${this.asOf}`,
    });
  }

  jurisdictions(version: string): Evidence {
    return {
      kind: 'LEGAL_TABLE',
      ref: `jurisdictions@${version}`,
      label: this.pick({
        fr: `Table des juridictions et décisions d’adéquation (version ${version})`,
        en: `Jurisdiction and adequacy-decision table (version ${version})`,
      }),
    };
  }

  counted(ref: string, label: { fr: string; en: string }): Evidence {
    return this.computed(`count:${ref}`, label);
  }
}

/** Observations the map model reads (last scan per source and dataset), from the inputs. */
function observationsOf(inputs: ReportInputs): MapObservations {
  const sources: NonNullable<MapObservations['sources']> = {};
  for (const [key, o] of Object.entries(inputs.sources))
    if (o.lastScannedAt) sources[key] = { lastScan: o.lastScannedAt };
  const datasets: NonNullable<MapObservations['datasets']> = {};
  for (const [key, o] of Object.entries(inputs.datasets))
    if (o.lastScannedAt) datasets[key] = { lastScan: o.lastScannedAt };
  return { sources, datasets };
}

export function cartographyContext(
  inputs: ReportInputs,
  request: { language: ReportLanguage; asOf: string; departmentKey?: string },
): CartographyContext {
  const pick = picker(request.language);
  const deptKey = request.departmentKey;
  const department = deptKey ? (inputs.document.departments ?? []).find((d) => d.key === deptKey) : undefined;
  const inScope = (s: { department: string }) => deptKey === undefined || s.department === deptKey;
  const sources = (inputs.document.sources ?? []).filter(inScope).sort((a, b) => byName(a.name, b.name));
  const facts: ComplianceFacts = {
    ...inputs.facts,
    departments: (inputs.facts.departments ?? []).filter((d) => deptKey === undefined || d.key === deptKey),
    sources: (inputs.facts.sources ?? []).filter(inScope),
  };
  const index = prepareFacts(facts);
  const readable = new Set((facts.processingActivities ?? []).map((a) => a.key));
  const transfers = computeTransfers(facts, request.asOf, { index });
  const record = computeProcessingRecord(facts, request.asOf, { index });
  const screening = screenDpia(facts, request.asOf, {
    index,
    overrides: inputs.dpiaOverrides.filter((o) => readable.has(o.activity)),
  });
  const map = buildMapModel(facts, request.asOf, observationsOf(inputs));

  const personalFields: PersonalField[] = [];
  let fieldCount = 0;
  let datasetCount = 0;
  for (const source of sources)
    for (const dataset of source.datasets ?? []) {
      datasetCount += 1;
      for (const field of dataset.fields ?? []) {
        fieldCount += 1;
        const key = `${dataset.key}/${field.name}`;
        const finding = leadingFinding(inputs.findings[key]);
        if (!finding) continue;
        personalFields.push({
          key,
          field: field.name,
          dataType: field.dataType ?? null,
          source,
          dataset,
          finding,
          special: finding.specialCategory !== null,
        });
      }
    }
  return {
    language: request.language,
    pick,
    inputs,
    asOf: request.asOf,
    department: department ? { key: department.key, name: department.name } : null,
    sources,
    facts,
    map,
    transfers,
    record,
    screening,
    personalFields,
    fieldCount,
    datasetCount,
    evidence: new EvidenceCatalogue(pick, request.asOf),
  };
}
