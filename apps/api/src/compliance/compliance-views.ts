import type {
  ActivityRecord,
  ActivityScreening,
  ProcessingRecordResult,
  ScreeningResult,
  Transfer,
} from '@cartographer/compliance';
import { assertPageSize } from '@cartographer/access';
import { RegistersError, RegistersErrorCode } from '@cartographer/registers';
import type { PageInfoModel } from '../inventory/models/common.model.js';
import type { ActivityRecordModel } from './models/processing-record.model.js';
import type { ComputedTransferModel } from './models/computed-transfer.model.js';
import type { DpiaActivityScreeningModel, DpiaThresholdsModel } from './models/dpia-screening.model.js';

/*
 * The rules' results as GraphQL outputs: the same values `carto transfers|register|dpia` print,
 * renamed only where GraphQL needs a list (record cells) or a flat member (titles, thresholds).
 */

export function transferView(t: Transfer): ComputedTransferModel {
  return {
    id: t.id,
    activity: t.activity,
    from: t.from,
    to: {
      kind: t.to.kind,
      key: t.to.key,
      name: t.to.name,
      country: t.to.country,
      countryNameEn: t.to.countryName.en,
      countryNameFr: t.to.countryName.fr,
      jurisdiction: t.to.jurisdiction,
      basis: t.to.basis,
    },
    access: t.access,
    paths: t.paths,
    dataCategories: t.dataCategories,
    specialCategories: t.specialCategories,
    declaredCategories: t.declaredCategories,
    exporterRole: t.roles.exporter,
    importerRole: t.roles.importer,
    mechanism: { ...t.mechanism, recorded: t.mechanism.recorded },
    // As in transfersJson: no module when adequacy or a derogation frames the transfer.
    sccModule:
      t.mechanism.applied === 'ADEQUACY' || t.mechanism.applied === 'DEROGATION' ? null : t.mechanism.sccModule,
    tia: t.tia,
    status: t.status,
    reasons: t.reasons,
  };
}

export function recordView(a: ActivityRecord): ActivityRecordModel {
  return {
    key: a.key,
    name: a.name,
    kind: a.kind,
    kindDeclared: a.kindDeclared,
    completeness: a.completeness,
    cells: Object.entries(a.cells).map(([item, cell]) => ({
      item,
      value: JSON.stringify(cell.value ?? null),
      evidence: cell.evidence,
      path: cell.path,
      required: cell.required,
    })),
    discrepancies: a.discrepancies,
  };
}

export function screeningView(a: ActivityScreening): DpiaActivityScreeningModel {
  const decision = (d: {
    justification: string;
    by: string | null;
    at: string | null;
    factsDigest: string;
    outdated: boolean;
  }) => ({
    justification: d.justification,
    by: d.by,
    at: d.at,
    factsDigest: d.factsDigest,
    outdated: d.outdated,
  });
  return {
    key: a.key,
    name: a.name,
    result: a.result,
    suggestedResult: a.suggestedResult,
    basis: a.basis,
    reasons: a.reasons,
    decided: a.decided ? { ...decision(a.decided), result: a.decided.result } : null,
    criteria: a.criteria.map((c) => ({
      id: c.id,
      titleFr: c.title.fr,
      titleEn: c.title.en,
      met: c.met,
      suggestedMet: c.suggested.met,
      reason: c.suggested.reason,
      evidence: c.suggested.evidence,
      decided: c.decided ? { ...decision(c.decided), met: c.decided.met } : null,
    })),
    metCount: a.metCount,
    unknownCount: a.unknownCount,
    couldBecomeRequired: a.couldBecomeRequired,
    art35_3: a.art35_3,
    cnilList: a.cnilList,
    exemptions: a.exemptions,
    factsDigest: a.factsDigest,
    overridden: a.overridden,
    outdated: a.outdated,
  };
}

export const thresholdsView = (t: ScreeningResult['thresholds']): DpiaThresholdsModel => ({
  largeScaleSubjects: t.largeScale.subjects,
  largeScaleRecords: t.largeScale.records,
  unknownThreshold: t.unknownThreshold,
});

export type RecordCompleteness = ProcessingRecordResult['completeness'];

const encodeCursor = (key: string) => Buffer.from(key, 'utf8').toString('base64url');

function decodeCursor(after: string): string {
  const key = Buffer.from(after, 'base64url').toString('utf8');
  if (key.length === 0 || encodeCursor(key) !== after)
    throw new RegistersError(
      RegistersErrorCode.INVALID_INPUT,
      'after',
      'not a cursor of this list (pass pageInfo.endCursor)',
    );
  return key;
}

/**
 * One bounded page of a computed list, ordered by a stable key (code-unit order, as the rules
 * sort): `after` is the key of the last item seen, so a page stays right when items come or go.
 */
export function pageOf<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  args: { first?: number | null; after?: string | null },
): { items: T[]; totalCount: number; pageInfo: PageInfoModel } {
  const size = assertPageSize(args.first);
  const keyed = items
    .map((item) => ({ key: keyOf(item), item }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const after = args.after ? decodeCursor(args.after) : null;
  const rest = after === null ? keyed : keyed.filter((entry) => entry.key > after);
  const page = rest.slice(0, size);
  return {
    items: page.map((entry) => entry.item),
    totalCount: items.length,
    pageInfo: {
      endCursor: page.length > 0 ? encodeCursor(page[page.length - 1].key) : null,
      hasNextPage: rest.length > size,
    },
  };
}
