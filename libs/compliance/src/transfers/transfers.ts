import { sanitiseFieldName } from '../compliance.errors.js';
import { type CountryCode, getCountryName, normaliseCountryCode } from '../jurisdictions/iso-3166.js';
import {
  Jurisdiction,
  JurisdictionBasis,
  type JurisdictionResult,
  resolveJurisdiction,
} from '../jurisdictions/jurisdictions.js';
import { asOfInstant, requireIsoDate } from '../facts/as-of.js';
import type {
  ActivityFacts,
  ComplianceFacts,
  DeclaredTransferFacts,
  FlowFacts,
  RecipientFacts,
  SccModule,
  TransferTool,
  TransferToolFacts,
} from '../facts/compliance-facts.js';
import {
  type FactsIndex,
  activityData,
  activityNode,
  buildFactsIndex,
  compareStrings,
  datasetNode,
  memoise,
  type CategoryNames,
  type DataPart,
  categoryNames,
  sortedUnique,
  usedParts,
} from '../facts/facts-index.js';
import { type Reason, reason } from '../facts/reason.js';
import { validateComplianceFacts } from '../facts/validate-facts.js';
import { type TiaRecord, tiaRecord } from './tia.js';
import { decideStatus, exporterReason, partialUnverified } from './transfer-status.js';

export type TransferStatus = 'COVERED' | 'MISSING_SAFEGUARD' | 'TO_VERIFY';
/** ADEQUACY: Art. 45 applies; ADEQUACY_OR_ART46: a partial decision may apply once its condition is checked. */
export type MechanismRequired = 'ADEQUACY' | 'ADEQUACY_OR_ART46' | 'ART46_OR_ART49';
/** HOSTING: a provider's server; DISCLOSURE: a recipient; REMOTE_ACCESS: staff or support abroad. */
export type TransferAccess = 'HOSTING' | 'DISCLOSURE' | 'REMOTE_ACCESS';
export type PartyRole = 'CONTROLLER' | 'PROCESSOR';

export interface TransferEnd {
  kind: 'SERVER' | 'RECIPIENT';
  key: string;
  name: string;
  country: CountryCode;
  countryName: { fr: string; en: string };
  jurisdiction: Jurisdiction;
  basis: JurisdictionBasis;
}

export interface AdequacyReference {
  decision: string;
  date: string;
  celex: string;
  url: string;
  scope: 'FULL' | 'PARTIAL';
  conditionMet: boolean | null;
}

export interface TransferMechanism {
  required: MechanismRequired;
  recorded: TransferTool;
  /** The tool that frames the transfer, when one does. */
  applied: 'ADEQUACY' | 'SCC' | 'BCR' | 'DEROGATION' | null;
  adequacy: AdequacyReference | null;
  /** Module of the SCCs 2021/914 the roles call for (C→C 1, C→P 2, P→P 3, P→C 4). */
  sccModule: SccModule;
  recordedSccModule: SccModule | null;
  bcrReference: string | null;
  derogation: string | null;
  /** Art. 49 derogations are exceptions, for occasional and non-repetitive transfers only. */
  exceptional: boolean;
  documentation: string | null;
}

export interface Transfer {
  /** Stable id: activity, origin, destination and country. */
  id: string;
  activity: string;
  from: { kind: 'SOURCE' | 'ORGANISATION'; key: string };
  to: TransferEnd;
  access: TransferAccess;
  /** Graph paths the personal data takes to the destination, sorted. */
  paths: string[];
  /** Categories found (non-rejected findings) on the data that travels. */
  dataCategories: string[];
  specialCategories: string[];
  /** The activity's declared categories, reported when no finding describes the data that travels. */
  declaredCategories: string[];
  roles: { exporter: PartyRole; importer: PartyRole; exporterDeclared: boolean };
  mechanism: TransferMechanism;
  tia: TiaRecord;
  status: TransferStatus;
  reasons: Reason[];
}

export interface TransfersResult {
  organisation: string;
  asOf: string;
  transfers: Transfer[];
  /** Dangling references met on the way (never an exception). */
  notes: Reason[];
}

export const SCC_DECISION = Object.freeze({
  title:
    'Commission Implementing Decision (EU) 2021/914 of 4 June 2021 on standard contractual clauses for the transfer of personal data to third countries pursuant to Regulation (EU) 2016/679',
  date: '2021-06-04',
  oj: 'OJ L 199, 7.6.2021, p. 31–61',
  celex: '32021D0914',
  eli: 'http://data.europa.eu/eli/dec_impl/2021/914/oj',
});

/** The SCC module the roles on the edge call for. */
export function sccModuleFor(exporter: PartyRole, importer: PartyRole): SccModule {
  if (exporter === 'CONTROLLER') return importer === 'CONTROLLER' ? 1 : 2;
  return importer === 'PROCESSOR' ? 3 : 4;
}

function importerRoleOf(recipient: RecipientFacts): PartyRole {
  return recipient.role === 'PROCESSOR' || recipient.role === 'SUB_PROCESSOR' ? 'PROCESSOR' : 'CONTROLLER';
}

type Part = DataPart;

/** What an activity's data reaches: sources (with the fields that get there) and the paths. */
interface Reached {
  sourceKey: string;
  parts: Part[];
  paths: string[];
}

/** Sources the activity's data sits in or flows to (transitively through flows), sorted by key. */
export function reachedSources(index: FactsIndex, activity: ActivityFacts, notes?: Reason[]): Map<string, Reached> {
  const reached = new Map<string, Reached>();
  const add = (sourceKey: string, parts: Part[], path: string) => {
    const entry = reached.get(sourceKey) ?? { sourceKey, parts: [], paths: [] };
    entry.parts.push(...parts);
    entry.paths.push(path);
    reached.set(sourceKey, entry);
  };
  const { used, dangling } = activityData(index, activity);
  for (const ref of dangling)
    notes?.push(
      reason(
        'DANGLING_REFERENCE',
        `Activité ${activity.key} : la référence ${ref} ne correspond à rien dans l'inventaire ; elle est ignorée.`,
        `Activity ${activity.key}: the reference ${ref} matches nothing in the inventory; it is ignored.`,
      ),
    );
  const queue: { key: string; path: string }[] = [];
  for (const u of used) {
    add(
      u.source.key,
      [{ datasetKey: u.dataset.key, fields: u.fields, whole: u.whole }],
      `${u.path} <-CONTAINS- source:${u.source.key}`,
    );
    queue.push({ key: u.dataset.key, path: u.path });
  }
  const seenFlows = new Set<string>();
  while (queue.length > 0) {
    const { key, path } = queue.shift() as { key: string; path: string };
    const fromDataset = index.datasets.get(key);
    const outgoing = [...(index.flowsFrom.get(key) ?? [])];
    if (fromDataset) outgoing.push(...(index.flowsFrom.get(fromDataset.source.key) ?? []));
    for (const flow of outgoing) {
      if (seenFlows.has(flow.key)) continue;
      seenFlows.add(flow.key);
      const parts = flowParts(index, flow.from, flow.fields);
      const target = index.datasets.get(flow.to);
      const targetSource = target?.source ?? index.sources.get(flow.to);
      if (!targetSource) {
        notes?.push(
          reason(
            'DANGLING_REFERENCE',
            `Flux ${flow.key} : la destination ${flow.to} ne correspond à aucun jeu de données ni aucune source ; elle est ignorée.`,
            `Flow ${flow.key}: the destination ${flow.to} matches no dataset or source; it is ignored.`,
          ),
        );
        continue;
      }
      const hop = `${path} <-FLOWS_FROM- flow:${flow.key} -FLOWS_TO-> ${target ? datasetNode(flow.to) : `source:${flow.to}`}`;
      add(targetSource.key, parts, target ? `${hop} <-CONTAINS- source:${targetSource.key}` : hop);
      queue.push({ key: flow.to, path: hop });
    }
  }
  return new Map([...reached.entries()].sort(([a], [b]) => compareStrings(a, b)));
}

function flowParts(index: FactsIndex, from: string, mapping: FlowFacts['fields']): Part[] {
  const dataset = index.datasets.get(from);
  if (dataset) {
    const all = dataset.dataset.fields ?? [];
    if (!mapping || mapping.length === 0) return [{ datasetKey: from, fields: all, whole: true }];
    const names = new Set(
      mapping.map((m) => {
        const ref = typeof m === 'string' ? m : m.from;
        return ref.includes('/') ? ref.slice(ref.indexOf('/') + 1) : ref;
      }),
    );
    return [{ datasetKey: from, fields: all.filter((f) => names.has(f.name)) }];
  }
  const source = index.sources.get(from);
  return (source?.datasets ?? []).map((d) => ({ datasetKey: d.key, fields: d.fields ?? [], whole: true }));
}

interface Candidate {
  activity: ActivityFacts;
  from: Transfer['from'];
  kind: 'SERVER' | 'RECIPIENT';
  key: string;
  name: string;
  country: CountryCode;
  access: TransferAccess;
  parts: Part[];
  paths: string[];
  jurisdiction: JurisdictionResult;
  importer: PartyRole;
  exporter: PartyRole;
  tool: { recorded: TransferTool; details: TransferToolFacts; subjectToGdpr: boolean | undefined };
}

export interface TransferOptions {
  /** Facts already validated and indexed by the caller (the screening and the record reuse them). */
  index?: FactsIndex;
}

/**
 * Transfers per edge (EDPB Guidelines 05/2021): for each activity, the servers hosting the sources
 * its data sits in or flows to, and the recipients it discloses to, wherever they are outside the
 * EEA and personal data (declared or found) gets there. Sorted by activity, then id.
 */
export function computeTransfers(facts: ComplianceFacts, asOf: string, options: TransferOptions = {}): TransfersResult {
  requireIsoDate(asOf, 'asOf');
  const index = options.index ?? prepareFacts(facts);
  const notes: Reason[] = [];
  const transfers: Transfer[] = [];
  for (const activity of index.activities) transfers.push(...activityTransfers(index, activity, asOf, notes));
  return { organisation: facts.organisation.key, asOf, transfers, notes: dedupe(notes) };
}

/** Validates the facts (throws on bad input) and indexes them; pass the index to several computations. */
export function prepareFacts(facts: ComplianceFacts): FactsIndex {
  validateComplianceFacts(facts);
  return buildFactsIndex(facts);
}

function dedupe(reasons: Reason[]): Reason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => (seen.has(r.en) ? false : (seen.add(r.en), true)));
}

/** The transfers of one activity, computed once per index and date. */
export function activityTransfers(
  index: FactsIndex,
  activity: ActivityFacts,
  asOf: string,
  notes: Reason[] = [],
): Transfer[] {
  const computed = memoise(index, `transfers:${asOf}:${activity.key}`, () => {
    const own: Reason[] = [];
    return { transfers: computeActivityTransfers(index, activity, asOf, own), notes: own };
  });
  notes.push(...computed.notes);
  return computed.transfers;
}

function computeActivityTransfers(
  index: FactsIndex,
  activity: ActivityFacts,
  asOf: string,
  notes: Reason[],
): Transfer[] {
  const at = asOfInstant(asOf);
  const { used } = activityData(index, activity);
  const allParts = usedParts(used);
  const declaredPersonal =
    (activity.personalDataCategories?.length ?? 0) > 0 || (activity.specialCategories?.length ?? 0) > 0;
  const exporter: PartyRole = activity.organisationRole === 'PROCESSOR' ? 'PROCESSOR' : 'CONTROLLER';
  const candidates = new Map<string, Candidate>();
  const offer = (
    c: Omit<Candidate, 'jurisdiction'> & {
      certifications?: readonly string[];
      sector?: RecipientFacts['sector'];
      field: string;
    },
  ) => {
    const jurisdiction = resolveJurisdiction({
      country: c.country,
      field: sanitiseFieldName(c.field, 'country'),
      certifications: c.certifications,
      sector: c.sector,
      at,
    });
    if (jurisdiction.jurisdiction === Jurisdiction.EU || jurisdiction.jurisdiction === Jurisdiction.EEA) return;
    const id = `${activity.key}|${c.from.kind}:${c.from.key}|${c.kind}:${c.key}|${c.country}`;
    const existing = candidates.get(id);
    if (existing) {
      existing.parts.push(...c.parts);
      existing.paths.push(...c.paths);
      if (existing.access !== c.access && c.access !== 'REMOTE_ACCESS') existing.access = c.access;
      return;
    }
    candidates.set(id, { ...c, jurisdiction });
  };

  // Hosting: the servers of every source the activity's data sits in or flows to.
  for (const reached of reachedSources(index, activity, notes).values()) {
    const source = index.sources.get(reached.sourceKey);
    for (const serverKey of sortedUnique(source?.servers ?? [])) {
      const server = index.servers.get(serverKey);
      if (!server) {
        notes.push(
          reason(
            'DANGLING_REFERENCE',
            `Source ${reached.sourceKey} : le serveur ${serverKey} n'existe pas dans l'inventaire ; il est ignoré.`,
            `Source ${reached.sourceKey}: the server ${serverKey} does not exist in the inventory; it is ignored.`,
          ),
        );
        continue;
      }
      // A server the organisation runs itself discloses nothing to another entity (EDPB 05/2021, criterion 2).
      if (server.hosting === 'ON_PREMISES') continue;
      const operator = server.operator ? index.recipients.get(server.operator) : undefined;
      const tool = operator
        ? recordedTool(activity, operator, undefined)
        : { recorded: 'NONE' as TransferTool, details: {}, subjectToGdpr: undefined };
      const certifications = [...(server.certifications ?? []), ...(operator?.certifications ?? [])];
      const countries = [server.country, ...(server.accessCountries ?? [])].map((c) => normaliseCountryCode(c));
      countries.forEach((country, i) =>
        offer({
          activity,
          from: { kind: 'SOURCE', key: reached.sourceKey },
          kind: 'SERVER',
          key: server.key,
          name: server.name,
          country,
          access: i === 0 ? 'HOSTING' : 'REMOTE_ACCESS',
          parts: [...reached.parts],
          paths: reached.paths.map((p) => `${p} -HOSTED_ON-> server:${server.key}`),
          importer: 'PROCESSOR',
          exporter,
          tool,
          certifications: server.certifications || operator?.certifications ? certifications : undefined,
          sector: operator?.sector,
          field: `servers ${server.key}.country`,
        }),
      );
    }
  }

  // Disclosure: recipients named by the activity, and declared transfers.
  const declared = activity.transfers ?? [];
  const recipientKeys = sortedUnique([...(activity.recipients ?? []), ...declared.map((t) => t.recipient)]);
  for (const key of recipientKeys) {
    const recipient = index.recipients.get(key);
    if (!recipient) {
      notes.push(
        reason(
          'DANGLING_REFERENCE',
          `Activité ${activity.key} : le destinataire ${key} n'existe pas dans l'inventaire ; il est ignoré.`,
          `Activity ${activity.key}: the recipient ${key} does not exist in the inventory; it is ignored.`,
        ),
      );
      continue;
    }
    // A service of the same legal entity is not "another" controller or processor.
    if (recipient.role === 'INTERNAL') continue;
    const named = (activity.recipients ?? []).includes(key);
    const path = `${activityNode(activity.key)} -${named ? 'DISCLOSES_TO' : 'TRANSFERS_TO'}-> recipient:${key}`;
    const countries: { country: CountryCode; access: TransferAccess }[] = [
      { country: normaliseCountryCode(recipient.country), access: 'DISCLOSURE' },
    ];
    if (recipient.establishmentCountry)
      countries.push({ country: normaliseCountryCode(recipient.establishmentCountry), access: 'DISCLOSURE' });
    for (const t of declared.filter((d) => d.recipient === key))
      countries.push({ country: normaliseCountryCode(t.country), access: 'DISCLOSURE' });
    for (const c of recipient.accessCountries ?? [])
      countries.push({ country: normaliseCountryCode(c), access: 'REMOTE_ACCESS' });
    for (const { country, access } of countries) {
      offer({
        activity,
        from: { kind: 'ORGANISATION', key: index.facts.organisation.key },
        kind: 'RECIPIENT',
        key,
        name: recipient.name,
        country,
        access,
        parts: [...allParts],
        paths: [path],
        importer: importerRoleOf(recipient),
        exporter: recipient.role === 'SUB_PROCESSOR' ? 'PROCESSOR' : exporter,
        tool: recordedTool(activity, recipient, country),
        certifications: recipient.certifications,
        sector: recipient.sector,
        field: `recipients ${key}.country`,
      });
    }
  }

  const result: Transfer[] = [];
  for (const [id, c] of [...candidates.entries()].sort(([a], [b]) => compareStrings(a, b))) {
    const found = categoryNames(c.parts, index);
    if (!found.personal && !declaredPersonal) continue;
    result.push(assess(index, id, c, found, asOf));
  }
  return result;
}

function recordedTool(
  activity: ActivityFacts,
  recipient: RecipientFacts,
  country: CountryCode | undefined,
): Candidate['tool'] {
  const declared = (activity.transfers ?? []).filter((t) => t.recipient === recipient.key);
  const match: DeclaredTransferFacts | undefined =
    declared.find((t) => country !== undefined && normaliseCountryCode(t.country) === country) ?? declared[0];
  if (match)
    return {
      recorded: match.safeguard,
      details: { ...recipient.transferTool, ...stripTransfer(match) },
      subjectToGdpr: recipient.subjectToGdpr,
    };
  return {
    recorded: recipient.safeguard,
    details: recipient.transferTool ?? {},
    subjectToGdpr: recipient.subjectToGdpr,
  };
}

function stripTransfer(t: DeclaredTransferFacts): TransferToolFacts {
  const out: TransferToolFacts = {};
  if (t.sccModule !== undefined) out.sccModule = t.sccModule;
  if (t.bcrReference !== undefined) out.bcrReference = t.bcrReference;
  if (t.derogation !== undefined) out.derogation = t.derogation;
  if (t.documentation !== undefined) out.documentation = t.documentation;
  if (t.tia !== undefined) out.tia = t.tia;
  return out;
}

function assess(index: FactsIndex, id: string, c: Candidate, found: CategoryNames, asOf: string): Transfer {
  const j = c.jurisdiction;
  const required: MechanismRequired =
    j.jurisdiction === Jurisdiction.ADEQUACY
      ? 'ADEQUACY'
      : partialUnverified(j)
        ? 'ADEQUACY_OR_ART46'
        : 'ART46_OR_ART49';
  const module = sccModuleFor(c.exporter, c.importer);
  const { details, recorded } = c.tool;
  // A TIA is owed for Art. 46 tools, recorded or still to put in place; not under adequacy or Art. 49.
  const tia = tiaRecord(
    details.tia,
    j.jurisdiction !== Jurisdiction.ADEQUACY && recorded !== 'DEROGATION',
    recorded,
    asOf,
  );
  const outcome = decideStatus({
    kind: c.kind,
    key: c.key,
    name: c.name,
    fromKey: c.from.key,
    access: c.access,
    exporter: c.exporter,
    importer: c.importer,
    jurisdiction: j,
    recorded,
    details,
    subjectToGdpr: c.tool.subjectToGdpr,
    module,
    tia,
    asOf,
  });
  let status = outcome.status;
  const reasons = [...outcome.reasons];
  const exporter = exporterReason(index.facts, asOf);
  if (exporter) {
    if (status === 'COVERED') status = 'TO_VERIFY';
    reasons.push(exporter);
  }
  return {
    id,
    activity: c.activity.key,
    from: c.from,
    to: {
      kind: c.kind,
      key: c.key,
      name: c.name,
      country: j.country,
      countryName: { fr: getCountryName(j.country, 'fr'), en: getCountryName(j.country, 'en') },
      jurisdiction: j.jurisdiction,
      basis: j.basis,
    },
    access: c.access,
    paths: sortedUnique(c.paths),
    dataCategories: found.categories,
    specialCategories: found.specialCategories,
    declaredCategories: found.categories.length === 0 ? sortedUnique(c.activity.personalDataCategories ?? []) : [],
    roles: { exporter: c.exporter, importer: c.importer, exporterDeclared: c.activity.organisationRole !== undefined },
    mechanism: {
      required,
      recorded,
      applied: outcome.applied,
      adequacy: j.adequacy
        ? {
            decision: j.adequacy.decision,
            date: j.adequacy.date,
            celex: j.adequacy.celex,
            url: j.adequacy.url,
            scope: j.adequacy.scope,
            conditionMet: j.adequacy.conditionMet,
          }
        : null,
      sccModule: module,
      recordedSccModule: details.sccModule ?? null,
      bcrReference: details.bcrReference ?? null,
      derogation: details.derogation ?? null,
      exceptional: recorded === 'DEROGATION',
      documentation: details.documentation ?? null,
    },
    tia,
    status,
    reasons,
  };
}
