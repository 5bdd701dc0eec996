import { Jurisdiction, resolveJurisdiction } from '../jurisdictions/jurisdictions.js';
import { normaliseCountryCode } from '../jurisdictions/iso-3166.js';
import { asOfInstant, requireIsoDate } from '../facts/as-of.js';
import type { ActivityFacts, ComplianceFacts, PartyFacts } from '../facts/compliance-facts.js';
import {
  type FactsIndex,
  type FoundData,
  activityData,
  activityNode,
  compareStrings,
  foundData,
  sortedUnique,
  usedParts,
} from '../facts/facts-index.js';
import { categoryLabel, categoryList } from '../facts/labels.js';
import { type Reason, reason } from '../facts/reason.js';
import { categoriesOfLabel } from '../facts/vocabulary.js';
import { type Transfer, activityTransfers, prepareFacts } from '../transfers/transfers.js';

/** Where a cell's value comes from. */
export type Evidence = 'DECLARED' | 'SCANNED' | 'INFERRED' | 'MISSING';

export interface RecordCell {
  value: unknown;
  evidence: Evidence;
  /** The graph path(s) the value came from, `; `-separated when several. */
  path: string;
  /** Counts in completeness: Art. 30 items. Extra cells (special categories, legal bases) do not. */
  required: boolean;
}

/** Art. 30(1) items of the controller's record, then Art. 30(2) items of the processor's. */
export const CONTROLLER_ITEMS = [
  'a_controller',
  'b_purposes',
  'c_data_subjects',
  'c_personal_data',
  'd_recipients',
  'e_transfers',
  'f_retention',
  'g_security',
] as const;
export const PROCESSOR_ITEMS = ['a_processor', 'b_processing_categories', 'c_transfers', 'd_security'] as const;
export const EXTRA_ITEMS = ['special_categories', 'legal_bases'] as const;

export type RecordKind = 'CONTROLLER' | 'PROCESSOR';

export interface Completeness {
  filled: number;
  required: number;
  /** filled / required × 100, rounded to two decimals; exactly 100 when nothing required is missing. */
  percent: number;
}

export interface Discrepancy extends Reason {
  paths: string[];
}

export interface ActivityRecord {
  key: string;
  name: string;
  kind: RecordKind;
  /** Whether the kind comes from a declared organisation role (else: controller, inferred). */
  kindDeclared: boolean;
  cells: Record<string, RecordCell>;
  completeness: Completeness;
  discrepancies: Discrepancy[];
}

export interface ProcessingRecordResult {
  organisation: string;
  asOf: string;
  completeness: Completeness;
  activities: ActivityRecord[];
}

export function completenessOf(filled: number, required: number): Completeness {
  return { filled, required, percent: required === 0 ? 100 : Math.round((filled * 10000) / required) / 100 };
}

const has = (list: readonly unknown[] | undefined): list is unknown[] => list !== undefined && list.length > 0;

function party(p: PartyFacts | undefined): PartyFacts | null {
  if (!p) return null;
  const out: PartyFacts = { name: p.name };
  if (p.contact !== undefined) out.contact = p.contact;
  if (p.country !== undefined) out.country = p.country;
  return out;
}

const cell = (value: unknown, evidence: Evidence, path: string, required = true): RecordCell => ({
  value: evidence === 'MISSING' ? null : value,
  evidence,
  path,
  required,
});

/**
 * The record of processing activities computed from the facts: for each activity the controller's
 * record (Art. 30(1)(a)–(g)) or, when the organisation is declared processor for it, the
 * processor's record (Art. 30(2)(a)–(d)), cell by cell with evidence and path; completeness; and
 * the discrepancies between what is declared and what the graph shows.
 */
export function computeProcessingRecord(
  facts: ComplianceFacts,
  asOf: string,
  options: { index?: FactsIndex } = {},
): ProcessingRecordResult {
  requireIsoDate(asOf, 'asOf');
  const index = options.index ?? prepareFacts(facts);
  const activities = index.activities.map((a) => activityRecord(index, a, asOf));
  const filled = activities.reduce((n, a) => n + a.completeness.filled, 0);
  const required = activities.reduce((n, a) => n + a.completeness.required, 0);
  return { organisation: facts.organisation.key, asOf, completeness: completenessOf(filled, required), activities };
}

function activityRecord(index: FactsIndex, activity: ActivityFacts, asOf: string): ActivityRecord {
  const node = activityNode(activity.key);
  const org = index.facts.organisation;
  const { used } = activityData(index, activity);
  const found = foundData(usedParts(used), index);
  const transfers = activityTransfers(index, activity, asOf);
  const kind: RecordKind = activity.organisationRole === 'PROCESSOR' ? 'PROCESSOR' : 'CONTROLLER';
  const cells: Record<string, RecordCell> = {};
  const dpo = activity.dpo
    ? { value: party(activity.dpo), path: `${node}.dpo` }
    : org.dpo
      ? { value: party(org.dpo), path: `organisation:${org.key}.dpo` }
      : { value: null, path: '' };
  const representative = party(activity.representative ?? org.representative);

  const security = has(activity.securityMeasures)
    ? cell([...activity.securityMeasures], 'DECLARED', `${node}.securityMeasures`)
    : cell(null, 'MISSING', `${node}.securityMeasures`);
  const transferCell = transfersCell(activity, transfers, node);

  if (kind === 'CONTROLLER') {
    const controller = activity.controller
      ? { value: party(activity.controller), evidence: 'DECLARED' as Evidence, path: `${node}.controller` }
      : { value: { name: org.name }, evidence: 'INFERRED' as Evidence, path: `organisation:${org.key}` };
    cells.a_controller = cell(
      {
        controller: controller.value,
        jointControllers: (activity.jointControllers ?? []).map(party),
        representative,
        dpo: dpo.value,
      },
      controller.evidence,
      [controller.path, dpo.path].filter(Boolean).join('; '),
    );
    cells.b_purposes = has(activity.purposes)
      ? cell([...activity.purposes], 'DECLARED', `${node}.purposes`)
      : cell(null, 'MISSING', `${node}.purposes`);
    cells.c_data_subjects = dataSubjectsCell(activity, used, node);
    cells.c_personal_data = has(activity.personalDataCategories)
      ? cell([...activity.personalDataCategories], 'DECLARED', `${node}.personalDataCategories`)
      : found.categories.length > 0
        ? cell(
            found.categories.map((c) => c.category),
            'SCANNED',
            foundPaths(node, found.categories),
          )
        : cell(null, 'MISSING', `${node}.personalDataCategories`);
    cells.d_recipients =
      activity.recipients !== undefined
        ? cell(
            sortedUnique(activity.recipients).map((key) => {
              const r = index.recipients.get(key);
              return r
                ? { key, name: r.name, role: r.role, country: normaliseCountryCode(r.country) }
                : { key, name: null, role: null, country: null };
            }),
            'DECLARED',
            sortedUnique(activity.recipients)
              .map((k) => `${node} -DISCLOSES_TO-> recipient:${k}`)
              .join('; ') || `${node}.recipients`,
          )
        : cell(null, 'MISSING', `${node}.recipients`);
    cells.e_transfers = transferCell;
    cells.f_retention = retentionCell(activity, node);
    cells.g_security = security;
  } else {
    cells.a_processor = activity.controller
      ? cell(
          {
            processor: { name: org.name },
            controllers: [activity.controller, ...(activity.jointControllers ?? [])].map(party),
            representative,
            dpo: dpo.value,
          },
          'DECLARED',
          [`${node}.controller`, dpo.path].filter(Boolean).join('; '),
        )
      : cell(null, 'MISSING', `${node}.controller`);
    cells.b_processing_categories = has(activity.purposes)
      ? cell([...activity.purposes], 'DECLARED', `${node}.purposes`)
      : activity.description
        ? cell([activity.description], 'DECLARED', `${node}.description`)
        : cell(null, 'MISSING', `${node}.purposes`);
    cells.c_transfers = transferCell;
    cells.d_security = security;
  }
  cells.special_categories = has(activity.specialCategories)
    ? cell([...activity.specialCategories], 'DECLARED', `${node}.specialCategories`, false)
    : found.specialCategories.length > 0
      ? cell(
          found.specialCategories.map((c) => c.category),
          'SCANNED',
          foundPaths(node, found.specialCategories),
          false,
        )
      : used.some((u) => u.fields.some((f) => (f.findings ?? []).length > 0))
        ? cell([], 'SCANNED', `${node}.specialCategories (none found by scans)`, false)
        : cell(null, 'MISSING', `${node}.specialCategories`, false);
  cells.legal_bases = has(activity.legalBases)
    ? cell([...activity.legalBases], 'DECLARED', `${node}.legalBases`, false)
    : cell(null, 'MISSING', `${node}.legalBases`, false);

  const requiredCells = Object.values(cells).filter((c) => c.required);
  const filled = requiredCells.filter((c) => c.evidence !== 'MISSING').length;
  return {
    key: activity.key,
    name: activity.name,
    kind,
    kindDeclared: activity.organisationRole !== undefined,
    cells: Object.fromEntries(Object.entries(cells).sort(([a], [b]) => compareStrings(a, b))),
    completeness: completenessOf(filled, requiredCells.length),
    discrepancies: discrepancies(
      index,
      activity,
      used.map((u) => u.dataset.key),
      found,
      transfers,
      asOf,
    ),
  };
}

/** Messages name at most this many fields, paths list at most this many: the rest is counted. */
export const MAX_LISTED_FIELDS = 5;
export const MAX_LISTED_PATHS = 20;

function fieldPath(node: string, ref: string): string {
  return `${node} -USES-> dataset:${ref.split('/')[0]} -HAS_FIELD-> field:${ref}`;
}

function fieldList(fields: readonly string[], lang: 'fr' | 'en'): string {
  const shown = fields.slice(0, MAX_LISTED_FIELDS).join(', ');
  const more = fields.length - MAX_LISTED_FIELDS;
  if (more <= 0) return shown;
  return lang === 'fr' ? `${shown} et ${more} autres champs` : `${shown} and ${more} more fields`;
}

function foundPaths(node: string, categories: FoundData['categories']): string {
  const refs = sortedUnique(categories.flatMap((c) => c.fields));
  const paths = refs.slice(0, MAX_LISTED_PATHS).map((f) => fieldPath(node, f));
  if (refs.length > MAX_LISTED_PATHS) paths.push(`… ${refs.length - MAX_LISTED_PATHS} more fields`);
  return paths.join('; ');
}

function dataSubjectsCell(
  activity: ActivityFacts,
  used: ReturnType<typeof activityData>['used'],
  node: string,
): RecordCell {
  if (has(activity.dataSubjectCategories))
    return cell([...activity.dataSubjectCategories], 'DECLARED', `${node}.dataSubjectCategories`);
  const withKinds = used.filter((u) => has(u.dataset.dataSubjectKinds));
  if (withKinds.length > 0)
    return cell(
      sortedUnique(withKinds.flatMap((u) => u.dataset.dataSubjectKinds ?? [])),
      'INFERRED',
      withKinds.map((u) => `${u.path}.dataSubjectKinds`).join('; '),
    );
  return cell(null, 'MISSING', `${node}.dataSubjectCategories`);
}

function retentionCell(activity: ActivityFacts, node: string): RecordCell {
  const perCategory = activity.retentionByCategory ?? [];
  if (activity.retention && activity.retention.trim().length > 0)
    return cell(
      { general: activity.retention, byCategory: perCategory.map((r) => ({ ...r })) },
      'DECLARED',
      `${node}.retention`,
    );
  if (perCategory.length > 0)
    return cell(
      { general: null, byCategory: perCategory.map((r) => ({ ...r })) },
      'DECLARED',
      `${node}.retentionByCategory`,
    );
  return cell(null, 'MISSING', `${node}.retention`);
}

function transferSummary(t: Transfer) {
  return {
    to: { kind: t.to.kind, key: t.to.key, country: t.to.country },
    mechanism: t.mechanism.applied ?? t.mechanism.recorded,
    status: t.status,
  };
}

function transfersCell(activity: ActivityFacts, transfers: Transfer[], node: string): RecordCell {
  const computed = transfers.map(transferSummary);
  if (activity.transfers !== undefined)
    return cell(
      {
        declared: activity.transfers.map((t) => ({
          recipient: t.recipient,
          country: normaliseCountryCode(t.country),
          safeguard: t.safeguard,
          documentation: t.documentation ?? null,
        })),
        computed,
      },
      'DECLARED',
      `${node}.transfers`,
    );
  return cell(
    { declared: null, computed },
    'INFERRED',
    sortedUnique(transfers.flatMap((t) => t.paths)).join('; ') || `${node} (no path leaves the EEA)`,
  );
}

interface DiscrepancyInput {
  index: FactsIndex;
  activity: ActivityFacts;
  datasetKeys: string[];
  found: FoundData;
  transfers: Transfer[];
  asOf: string;
  node: string;
}

function discrepancies(
  index: FactsIndex,
  activity: ActivityFacts,
  datasetKeys: string[],
  found: FoundData,
  transfers: Transfer[],
  asOf: string,
): Discrepancy[] {
  const input: DiscrepancyInput = {
    index,
    activity,
    datasetKeys,
    found,
    transfers,
    asOf,
    node: activityNode(activity.key),
  };
  return [
    ...categoryDiscrepancies(input),
    ...declaredTransferDiscrepancies(input),
    ...undeclaredTransfers(input),
    ...basisAndRetentionDiscrepancies(input),
  ];
}

/** Categories and special categories found by scans but not declared. */
function categoryDiscrepancies(input: DiscrepancyInput): Discrepancy[] {
  const { activity, found, node } = input;
  const out: Discrepancy[] = [];
  const declaredCategories = new Set(
    [...(activity.personalDataCategories ?? []), ...(activity.specialCategories ?? [])].flatMap(categoriesOfLabel),
  );
  const declaredSpecial = new Set((activity.specialCategories ?? []).flatMap(categoriesOfLabel));
  const special = new Set(found.specialCategories.map((c) => c.category));
  for (const c of found.categories) {
    if (!c.scanned || special.has(c.category) || declaredCategories.has(c.category)) continue;
    out.push({
      ...reason(
        'UNDECLARED_CATEGORY',
        `Catégorie « ${categoryLabel(c.category, 'fr')} » (${c.category}) trouvée par les analyses dans ${fieldList(c.fields, 'fr')}, mais aucune catégorie déclarée de l'activité ne s'y rapporte : compléter le registre ou revoir les constats.`,
        `Category "${categoryLabel(c.category, 'en')}" (${c.category}) found by scans in ${fieldList(c.fields, 'en')}, but no declared category of the activity reads as it: complete the record or review the findings.`,
      ),
      paths: c.fields.slice(0, MAX_LISTED_PATHS).map((f) => fieldPath(node, f)),
    });
  }
  for (const c of found.specialCategories) {
    if (!c.scanned || declaredSpecial.has(c.category)) continue;
    out.push({
      ...reason(
        'UNDECLARED_SPECIAL_CATEGORY',
        `Donnée sensible « ${categoryLabel(c.category, 'fr')} » (${c.category}, art. 9 ou 10 RGPD) trouvée par les analyses dans ${fieldList(c.fields, 'fr')}, mais non déclarée pour l'activité : déclarer la catégorie et l'exception de l'article 9, paragraphe 2, qui permet de la traiter, ou revoir les constats.`,
        `Special category "${categoryLabel(c.category, 'en')}" (${c.category}, GDPR Art. 9 or 10) found by scans in ${fieldList(c.fields, 'en')}, but not declared for the activity: declare it with the Art. 9(2) exception that allows it, or review the findings.`,
      ),
      paths: c.fields.slice(0, MAX_LISTED_PATHS).map((f) => fieldPath(node, f)),
    });
  }
  return out;
}

/** Declared transfers the graph contradicts. */
function declaredTransferDiscrepancies(input: DiscrepancyInput): Discrepancy[] {
  const { index, activity, transfers, asOf, node } = input;
  const out: Discrepancy[] = [];
  const at = asOfInstant(asOf);
  for (const [i, declared] of (activity.transfers ?? []).entries()) {
    const path = `${node} -TRANSFERS_TO-> recipient:${declared.recipient}`;
    const country = normaliseCountryCode(declared.country);
    const recipient = index.recipients.get(declared.recipient);
    const home = resolveJurisdiction({ country, field: `transfers[${i}].country`, at });
    if (!recipient) {
      out.push({
        ...reason(
          'TRANSFER_RECIPIENT_UNKNOWN',
          `Transfert déclaré vers ${declared.recipient}, destinataire absent de l'inventaire.`,
          `Declared transfer to ${declared.recipient}, a recipient absent from the inventory.`,
        ),
        paths: [path],
      });
      continue;
    }
    if (home.jurisdiction === Jurisdiction.EU || home.jurisdiction === Jurisdiction.EEA) {
      out.push({
        ...reason(
          'TRANSFER_NOT_OUTSIDE_EEA',
          `Transfert déclaré vers ${declared.recipient} dans un pays de l'EEE (${home.countryNameFr}, ${country}) : ce n'est pas un transfert au sens du chapitre V.`,
          `Declared transfer to ${declared.recipient} in ${home.countryName} (${country}): that country is in the EEA, so this is not a Chapter V transfer.`,
        ),
        paths: [path],
      });
      continue;
    }
    const places = [recipient.country, recipient.establishmentCountry, ...(recipient.accessCountries ?? [])]
      .filter((c): c is string => c !== undefined)
      .map((c) => normaliseCountryCode(c));
    if (!places.includes(country))
      out.push({
        ...reason(
          'TRANSFER_COUNTRY_CONTRADICTED',
          `Transfert déclaré vers ${declared.recipient} (pays déclaré : ${country}), alors que l'inventaire situe ce destinataire ailleurs (${sortedUnique(places).join(', ')}).`,
          `Declared transfer to ${declared.recipient} in ${country}, but the inventory places that recipient in ${sortedUnique(places).join(', ')}.`,
        ),
        paths: [path, `recipient:${declared.recipient}.country`],
      });
    const computed = transfers.find(
      (t) => t.to.kind === 'RECIPIENT' && t.to.key === declared.recipient && t.to.country === country,
    );
    if (declared.safeguard === 'ADEQUACY' && computed && computed.mechanism.applied !== 'ADEQUACY')
      out.push({
        ...reason(
          'TRANSFER_ADEQUACY_CONTRADICTED',
          `Transfert déclaré sous adéquation vers ${declared.recipient} (${country}), mais aucune décision d'adéquation ne le couvre à la date du ${asOf}.`,
          `Transfer to ${declared.recipient} (${country}) declared under adequacy, but no adequacy decision covers it as of ${asOf}.`,
        ),
        paths: [path],
      });
  }
  return out;
}

/** Transfers the graph shows and the record does not declare. */
function undeclaredTransfers(input: DiscrepancyInput): Discrepancy[] {
  const { index, activity, transfers } = input;
  const out: Discrepancy[] = [];
  for (const t of transfers) {
    const operator = t.to.kind === 'SERVER' ? index.servers.get(t.to.key)?.operator : undefined;
    const matched = (activity.transfers ?? []).some(
      (d) =>
        (d.recipient === t.to.key || (operator !== undefined && d.recipient === operator)) &&
        normaliseCountryCode(d.country) === t.to.country,
    );
    if (!matched)
      out.push({
        ...reason(
          'UNDECLARED_TRANSFER',
          `Le graphe montre un transfert vers ${t.to.kind === 'SERVER' ? 'le serveur' : 'le destinataire'} ${t.to.key} (${t.to.country}) que le registre ne déclare pas (art. 30, paragraphe 1, point e)).`,
          `The graph shows a transfer to ${t.to.kind === 'SERVER' ? 'server' : 'recipient'} ${t.to.key} (${t.to.country}) that the record does not declare (Art. 30(1)(e)).`,
        ),
        paths: t.paths,
      });
  }
  return out;
}

/** No legal basis for the datasets used; retention absent or partial. */
function basisAndRetentionDiscrepancies(input: DiscrepancyInput): Discrepancy[] {
  const { activity, datasetKeys, found, node } = input;
  const out: Discrepancy[] = [];
  if (!has(activity.legalBases) && datasetKeys.length > 0)
    out.push({
      ...reason(
        'NO_LEGAL_BASIS',
        `L'activité utilise ${datasetKeys.join(', ')} sans base légale déclarée (art. 6 RGPD).`,
        `The activity uses ${datasetKeys.join(', ')} with no declared legal basis (GDPR Art. 6).`,
      ),
      paths: datasetKeys.map((d) => `${node} -USES-> dataset:${d}`),
    });

  const general = activity.retention !== undefined && activity.retention.trim().length > 0;
  const perCategory = activity.retentionByCategory ?? [];
  if (!general && perCategory.length === 0)
    out.push({
      ...reason(
        'RETENTION_ABSENT',
        `Aucune durée de conservation n'est déclarée pour l'activité (art. 30, paragraphe 1, point f), et art. 5, paragraphe 1, point e)).`,
        `No retention period is declared for the activity (Art. 30(1)(f) and Art. 5(1)(e)).`,
      ),
      paths: [`${node}.retention`],
    });
  if (perCategory.length > 0) {
    const covered = new Set(perCategory.flatMap((r) => categoriesOfLabel(r.category)));
    const present = sortedUnique([
      ...found.categories.map((c) => c.category),
      ...(activity.personalDataCategories ?? []).flatMap(categoriesOfLabel),
    ]);
    const uncovered = present.filter((c) => !covered.has(c));
    if (uncovered.length > 0 && !general)
      out.push({
        ...reason(
          'RETENTION_CATEGORY_MISSING',
          `Durées de conservation déclarées par catégorie, mais aucune pour : ${categoryList(uncovered, 'fr')} ; ni durée générale.`,
          `Retention periods are declared per category, but none for: ${categoryList(uncovered, 'en')}; and no general period.`,
        ),
        paths: [`${node}.retentionByCategory`],
      });
  }
  return out;
}
