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
  FieldFacts,
  FlowFacts,
  RecipientFacts,
  SccModule,
  TiaFacts,
  TiaStep,
  TransferTool,
  TransferToolFacts,
} from '../facts/compliance-facts.js';
import { TIA_STEPS } from '../facts/compliance-facts.js';
import {
  type FactsIndex,
  activityData,
  activityNode,
  buildFactsIndex,
  compareStrings,
  datasetNode,
  foundData,
  sortedUnique,
  usedParts,
} from '../facts/facts-index.js';
import { type Reason, reason } from '../facts/reason.js';
import { validateComplianceFacts } from '../facts/validate-facts.js';

export type TransferStatus = 'COVERED' | 'MISSING_SAFEGUARD' | 'TO_VERIFY';
/** ADEQUACY: Art. 45 applies; ADEQUACY_OR_ART46: a partial decision may apply once its condition is checked. */
export type MechanismRequired = 'ADEQUACY' | 'ADEQUACY_OR_ART46' | 'ART46_OR_ART49';
/** HOSTING: a provider's server; DISCLOSURE: a recipient; REMOTE_ACCESS: staff or support abroad. */
export type TransferAccess = 'HOSTING' | 'DISCLOSURE' | 'REMOTE_ACCESS';
export type PartyRole = 'CONTROLLER' | 'PROCESSOR';
export type TiaStatus = 'NOT_REQUIRED' | 'MISSING' | 'IN_PROGRESS' | 'COMPLETED' | 'OUTDATED';

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

export interface TiaStepRecord {
  step: TiaStep;
  done: boolean;
  /** The graph already answers the step (the transfer is mapped; the tool is recorded). */
  prefilled: boolean;
}

/** Transfer impact assessment, EDPB Recommendations 01/2020: for Art. 46 tools only. */
export interface TiaRecord {
  required: boolean;
  status: TiaStatus;
  reference: string | null;
  assessedOn: string | null;
  reevaluateBy: string | null;
  conclusion: 'EFFECTIVE' | 'NOT_EFFECTIVE' | null;
  supplementaryMeasures: string[];
  steps: TiaStepRecord[];
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

const ROLE_FR: Record<PartyRole, string> = { CONTROLLER: 'responsable du traitement', PROCESSOR: 'sous-traitant' };
const ROLE_EN: Record<PartyRole, string> = { CONTROLLER: 'controller', PROCESSOR: 'processor' };

interface Part {
  datasetKey: string;
  fields: readonly FieldFacts[];
}

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
      [{ datasetKey: u.dataset.key, fields: u.fields }],
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
    if (!mapping || mapping.length === 0) return [{ datasetKey: from, fields: all }];
    const names = new Set(
      mapping.map((m) => {
        const ref = typeof m === 'string' ? m : m.from;
        return ref.includes('/') ? ref.slice(ref.indexOf('/') + 1) : ref;
      }),
    );
    return [{ datasetKey: from, fields: all.filter((f) => names.has(f.name)) }];
  }
  const source = index.sources.get(from);
  return (source?.datasets ?? []).map((d) => ({ datasetKey: d.key, fields: d.fields ?? [] }));
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

export function activityTransfers(
  index: FactsIndex,
  activity: ActivityFacts,
  asOf: string,
  notes: Reason[] = [],
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
    const found = foundData(c.parts);
    if (found.personalFields.length === 0 && !declaredPersonal) continue;
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

function assess(
  index: FactsIndex,
  id: string,
  c: Candidate,
  found: ReturnType<typeof foundData>,
  asOf: string,
): Transfer {
  const j = c.jurisdiction;
  const countryFr = `${j.countryNameFr}, ${j.country}`;
  const countryEn = `${j.countryName} (${j.country})`;
  const partial =
    j.adequacy !== undefined && j.adequacy.conditionMet !== true && j.basis !== JurisdictionBasis.ADEQUACY_EXPIRED;
  const required: MechanismRequired =
    j.jurisdiction === Jurisdiction.ADEQUACY ? 'ADEQUACY' : partial ? 'ADEQUACY_OR_ART46' : 'ART46_OR_ART49';
  const module = sccModuleFor(c.exporter, c.importer);
  const details = c.tool.details;
  const recorded = c.tool.recorded;
  const reasons: Reason[] = [];
  const dest =
    c.kind === 'SERVER'
      ? {
          au: `au serveur ${c.key} (${c.name})`,
          du: `du prestataire du serveur ${c.key} (${c.name})`,
          en: `server ${c.key} (${c.name})`,
        }
      : {
          au: `au destinataire ${c.key} (${c.name})`,
          du: `du destinataire ${c.key} (${c.name})`,
          en: `recipient ${c.key} (${c.name})`,
        };
  reasons.push(transferTestReason(c, dest, countryFr, countryEn));

  let status: TransferStatus;
  let applied: TransferMechanism['applied'] = null;
  const art46 = recorded === 'SCC' || recorded === 'BCR';
  const tia = tiaRecord(
    details.tia,
    j.jurisdiction !== Jurisdiction.ADEQUACY && (art46 || recorded === 'NONE' || recorded === 'ADEQUACY'),
    recorded,
    asOf,
  );

  if (j.jurisdiction === Jurisdiction.ADEQUACY && j.adequacy) {
    status = 'COVERED';
    applied = 'ADEQUACY';
    reasons.push(
      reason(
        'ADEQUACY_APPLIES',
        `Le pays de destination (${countryFr}) bénéficie d'une décision d'adéquation (${j.adequacy.decision}) qui couvre cet importateur : aucune garantie supplémentaire n'est requise (art. 45 RGPD).`,
        `${countryEn} benefits from an adequacy decision (${j.adequacy.decision}) covering this importer: no further safeguard is needed (GDPR Art. 45).`,
      ),
    );
  } else if (art46) {
    applied = recorded;
    const problems: Reason[] = [];
    let ineffective = false;
    if (recorded === 'SCC') {
      if (details.sccModule !== undefined && details.sccModule !== module)
        problems.push(
          reason(
            'SCC_MODULE_MISMATCH',
            `Les clauses enregistrées sont du module ${details.sccModule}, alors que les rôles (exportateur ${ROLE_FR[c.exporter]}, importateur ${ROLE_FR[c.importer]}) appellent le module ${module} de la décision 2021/914 : vérifier le contrat.`,
            `The recorded clauses are module ${details.sccModule}, but the roles (exporter ${ROLE_EN[c.exporter]}, importer ${ROLE_EN[c.importer]}) call for module ${module} of Decision 2021/914: check the contract.`,
          ),
        );
      if (c.tool.subjectToGdpr === true)
        problems.push(
          reason(
            'SCC_IMPORTER_SUBJECT_TO_GDPR',
            `L'importateur est lui-même soumis au RGPD (art. 3, paragraphe 2) : les clauses 2021/914 ne sont pas prévues pour ce cas (considérant 7) ; un autre outil de transfert est à prévoir.`,
            `The importer is itself subject to the GDPR (Art. 3(2)): the 2021/914 clauses are not meant for that case (recital 7); another transfer tool is needed.`,
          ),
        );
    }
    if (tia.status === 'MISSING' || tia.status === 'IN_PROGRESS' || tia.status === 'OUTDATED')
      problems.push(tiaReason(tia));
    if (tia.conclusion === 'NOT_EFFECTIVE') ineffective = true;
    const toolFr =
      recorded === 'SCC'
        ? `des clauses contractuelles types (décision 2021/914, module ${module})`
        : `des règles d'entreprise contraignantes${details.bcrReference ? ` (${details.bcrReference})` : ''}`;
    const toolEn =
      recorded === 'SCC'
        ? `standard contractual clauses (Decision 2021/914, module ${module})`
        : `binding corporate rules${details.bcrReference ? ` (${details.bcrReference})` : ''}`;
    if (ineffective) {
      status = 'MISSING_SAFEGUARD';
      reasons.push(
        reason(
          'TIA_NOT_EFFECTIVE',
          `Le transfert repose sur ${toolFr}, mais l'analyse d'impact du transfert conclut que l'outil n'est pas effectif dans ce pays : le transfert doit être suspendu ou des mesures supplémentaires adoptées (Recommandations 01/2020 du CEPD).`,
          `The transfer relies on ${toolEn}, but the transfer impact assessment concludes the tool is not effective in that country: suspend the transfer or adopt supplementary measures (EDPB Recommendations 01/2020).`,
        ),
      );
    } else {
      status = problems.length > 0 ? 'TO_VERIFY' : 'COVERED';
      reasons.push(
        reason(
          recorded === 'SCC' ? 'SCC_RECORDED' : 'BCR_RECORDED',
          `Le transfert est encadré par ${toolFr} (art. 46 RGPD).`,
          `The transfer is framed by ${toolEn} (GDPR Art. 46).`,
        ),
      );
      reasons.push(...problems);
    }
  } else if (recorded === 'DEROGATION') {
    applied = 'DEROGATION';
    const continuous = c.access !== 'DISCLOSURE';
    if (!details.derogation) {
      status = 'TO_VERIFY';
      reasons.push(
        reason(
          'DEROGATION_GROUND_MISSING',
          `Une dérogation de l'article 49 est indiquée sans préciser laquelle : l'enregistrer (consentement explicite, contrat, motif d'intérêt public…) et documenter son caractère exceptionnel.`,
          `An Art. 49 derogation is recorded without saying which one: record it (explicit consent, contract, public interest…) and document why the transfer is exceptional.`,
        ),
      );
    } else if (continuous) {
      status = 'TO_VERIFY';
      reasons.push(
        reason(
          'DEROGATION_REPETITIVE',
          `Une dérogation de l'article 49 (${details.derogation}) ne peut pas encadrer un ${c.access === 'HOSTING' ? 'hébergement' : 'accès à distance'}, transfert continu par nature : les dérogations sont réservées aux transferts occasionnels et non répétitifs (lignes directrices 2/2018 du CEPD). Prévoir un outil de l'article 46.`,
          `An Art. 49 derogation (${details.derogation}) cannot frame ${c.access === 'HOSTING' ? 'hosting' : 'remote access'}, which is continuous by nature: derogations are for occasional, non-repetitive transfers (EDPB Guidelines 2/2018). Use an Art. 46 tool.`,
        ),
      );
    } else {
      status = 'COVERED';
      reasons.push(
        reason(
          'DEROGATION_EXCEPTIONAL',
          `Le transfert repose sur une dérogation de l'article 49 (${details.derogation}) : régime d'exception, valable seulement pour des transferts occasionnels et non répétitifs ; à réexaminer si le transfert devient régulier.`,
          `The transfer relies on an Art. 49 derogation (${details.derogation}): an exception, valid only for occasional, non-repetitive transfers; revisit it if the transfer becomes regular.`,
        ),
      );
    }
  } else if (partial) {
    status = 'TO_VERIFY';
    reasons.push(
      reason(
        'PARTIAL_ADEQUACY_UNVERIFIED',
        `Le pays de destination (${countryFr}) ne bénéficie que d'une décision d'adéquation partielle (${j.adequacy?.decision}) dont la condition n'est pas établie pour cet importateur (${conditionFr(j)}) ; tant qu'elle ne l'est pas, le transfert exige une garantie de l'article 46 (par exemple des clauses contractuelles types, module ${module}).`,
        `${countryEn} benefits only from a partial adequacy decision (${j.adequacy?.decision}) whose condition is not established for this importer (${conditionEn(j)}); until it is, the transfer needs an Art. 46 safeguard (e.g. standard contractual clauses, module ${module}).`,
      ),
    );
  } else {
    status = 'MISSING_SAFEGUARD';
    reasons.push(
      recorded === 'ADEQUACY'
        ? reason(
            'ADEQUACY_RECORDED_NOT_APPLICABLE',
            `L'inventaire indique une adéquation, mais aucune décision d'adéquation ne couvre cet importateur dans le pays de destination (${countryFr}) à la date du ${asOf} : une garantie de l'article 46 (clauses contractuelles types, module ${module}) ou, exceptionnellement, une dérogation de l'article 49 est nécessaire.`,
            `The inventory records adequacy, but ${countryEn} has none for this importer as of ${asOf}: an Art. 46 safeguard (standard contractual clauses, module ${module}) or, exceptionally, an Art. 49 derogation is needed.`,
          )
        : reason(
            'NO_SAFEGUARD',
            `Aucune garantie n'est enregistrée pour ce transfert vers un pays tiers sans décision d'adéquation applicable (${countryFr}) : prévoir des clauses contractuelles types (décision 2021/914, module ${module}), des règles d'entreprise contraignantes ou, exceptionnellement, une dérogation de l'article 49.`,
            `No safeguard is recorded for this transfer to ${countryEn}, a third country without an applicable adequacy decision: put in place standard contractual clauses (Decision 2021/914, module ${module}), binding corporate rules or, exceptionally, an Art. 49 derogation.`,
          ),
    );
  }

  const orgCountry = index.facts.organisation.country;
  if (orgCountry !== undefined) {
    const home = resolveJurisdiction({ country: orgCountry, field: 'organisation.country', at: asOfInstant(asOf) });
    if (home.jurisdiction !== Jurisdiction.EU && home.jurisdiction !== Jurisdiction.EEA) {
      if (status === 'COVERED') status = 'TO_VERIFY';
      reasons.push(
        reason(
          'EXPORTER_OUTSIDE_EEA',
          `L'organisation est établie hors de l'EEE (${home.countryNameFr}) : vérifier qu'elle est soumise au RGPD pour ce traitement (art. 3, paragraphe 2), premier critère d'un transfert selon les lignes directrices 05/2021 du CEPD.`,
          `The organisation is established outside the EEA (${home.countryName}): check that it is subject to the GDPR for this processing (Art. 3(2)), the first criterion of a transfer under EDPB Guidelines 05/2021.`,
        ),
      );
    }
  }

  const declaredCategories = found.categories.length === 0 ? sortedUnique(c.activity.personalDataCategories ?? []) : [];
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
    dataCategories: found.categories.map((f) => f.category),
    specialCategories: found.specialCategories.map((f) => f.category),
    declaredCategories,
    roles: { exporter: c.exporter, importer: c.importer, exporterDeclared: c.activity.organisationRole !== undefined },
    mechanism: {
      required,
      recorded,
      applied,
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

function transferTestReason(
  c: Candidate,
  dest: { au: string; du: string; en: string },
  countryFr: string,
  countryEn: string,
): Reason {
  if (c.access === 'REMOTE_ACCESS')
    return reason(
      'TRANSFER_REMOTE_ACCESS',
      `Transfert (lignes directrices 05/2021 du CEPD) : le personnel ou le support ${dest.du} accède aux données depuis un pays hors de l'EEE (${countryFr}) ; un accès à distance vaut transfert.`,
      `Transfer (EDPB Guidelines 05/2021): the staff or support of ${dest.en} access the data from ${countryEn}, outside the EEA; remote access counts as a transfer.`,
    );
  if (c.access === 'HOSTING')
    return reason(
      'TRANSFER_HOSTING',
      `Transfert (lignes directrices 05/2021 du CEPD) : les données de la source ${c.from.key} sont confiées, pour hébergement, ${dest.au}, situé hors de l'EEE (${countryFr}).`,
      `Transfer (EDPB Guidelines 05/2021): the data of source ${c.from.key} is hosted by a provider on ${dest.en}, located in ${countryEn}, outside the EEA.`,
    );
  return reason(
    'TRANSFER_DISCLOSURE',
    `Transfert (lignes directrices 05/2021 du CEPD) : l'activité communique des données personnelles ${dest.au}, ${ROLE_FR[c.importer]} situé hors de l'EEE (${countryFr}).`,
    `Transfer (EDPB Guidelines 05/2021): the activity discloses personal data to ${dest.en}, a ${ROLE_EN[c.importer]}, in ${countryEn}, outside the EEA.`,
  );
}

function conditionFr(j: JurisdictionResult): string {
  switch (j.adequacy?.condition === undefined ? '' : j.country) {
    case 'US':
      return j.adequacy?.conditionMet === false
        ? "aucune certification au Data Privacy Framework UE–États-Unis n'est enregistrée : vérifier la liste DPF"
        : 'certification au Data Privacy Framework UE–États-Unis non renseignée : vérifier la liste DPF';
    case 'CA':
      return j.adequacy?.conditionMet === false
        ? "l'importateur est enregistré hors du champ commercial de la PIPEDA"
        : "l'assujettissement de l'importateur à la PIPEDA (activités commerciales) n'est pas renseigné";
    case 'JP':
      return j.adequacy?.conditionMet === false
        ? "l'importateur est enregistré hors du secteur privé couvert par l'APPI"
        : "l'appartenance de l'importateur au secteur privé soumis à l'APPI n'est pas renseignée";
    default:
      return 'condition non renseignée';
  }
}

function conditionEn(j: JurisdictionResult): string {
  switch (j.adequacy?.condition === undefined ? '' : j.country) {
    case 'US':
      return j.adequacy?.conditionMet === false
        ? 'no EU-U.S. Data Privacy Framework certification is recorded: check the DPF List'
        : 'EU-U.S. Data Privacy Framework certification not recorded: check the DPF List';
    case 'CA':
      return j.adequacy?.conditionMet === false
        ? 'the importer is recorded as outside the commercial scope of PIPEDA'
        : 'whether the importer is subject to PIPEDA (commercial activities) is not recorded';
    case 'JP':
      return j.adequacy?.conditionMet === false
        ? 'the importer is recorded as outside the private sector covered by the APPI'
        : 'whether the importer is a private-sector operator under the APPI is not recorded';
    default:
      return 'condition not recorded';
  }
}

const STEP_PREFILLED: Readonly<Record<TiaStep, boolean>> = {
  KNOW_TRANSFER: true,
  IDENTIFY_TOOL: true,
  ASSESS_LAW_AND_PRACTICE: false,
  SUPPLEMENTARY_MEASURES: false,
  PROCEDURAL_STEPS: false,
  REEVALUATE: false,
};

function tiaRecord(tia: TiaFacts | undefined, required: boolean, recorded: TransferTool, asOf: string): TiaRecord {
  const done = new Set(tia?.stepsDone ?? []);
  const steps = TIA_STEPS.map((step) => ({
    step,
    done: done.has(step),
    prefilled: STEP_PREFILLED[step] && (step === 'KNOW_TRANSFER' || recorded === 'SCC' || recorded === 'BCR'),
  }));
  let status: TiaStatus;
  if (!required) status = 'NOT_REQUIRED';
  else if (!tia) status = 'MISSING';
  else if (tia.reevaluateBy !== undefined && tia.reevaluateBy < asOf) status = 'OUTDATED';
  else if (TIA_STEPS.every((s) => done.has(s)) && tia.conclusion !== undefined) status = 'COMPLETED';
  else status = 'IN_PROGRESS';
  return {
    required,
    status,
    reference: tia?.reference ?? null,
    assessedOn: tia?.assessedOn ?? null,
    reevaluateBy: tia?.reevaluateBy ?? null,
    conclusion: tia?.conclusion ?? null,
    supplementaryMeasures: [...(tia?.supplementaryMeasures ?? [])].sort(compareStrings),
    steps,
  };
}

function tiaReason(tia: TiaRecord): Reason {
  if (tia.status === 'OUTDATED')
    return reason(
      'TIA_OUTDATED',
      `L'analyse d'impact du transfert devait être réévaluée au plus tard le ${tia.reevaluateBy} (étape 6 des Recommandations 01/2020 du CEPD) : la mettre à jour.`,
      `The transfer impact assessment was due for re-evaluation by ${tia.reevaluateBy} (step 6 of EDPB Recommendations 01/2020): update it.`,
    );
  if (tia.status === 'IN_PROGRESS') {
    const missing = tia.steps.filter((s) => !s.done).map((s) => s.step);
    return reason(
      'TIA_IN_PROGRESS',
      `L'analyse d'impact du transfert est incomplète (étapes restantes : ${missing.join(', ') || 'conclusion'}) : l'outil de l'article 46 n'est réputé effectif qu'une fois l'analyse conclue.`,
      `The transfer impact assessment is incomplete (steps left: ${missing.join(', ') || 'conclusion'}): the Art. 46 tool is only known to be effective once the assessment is concluded.`,
    );
  }
  return reason(
    'TIA_MISSING',
    `Aucune analyse d'impact du transfert n'est enregistrée : l'exportateur doit évaluer, en six étapes, si l'outil de l'article 46 est effectif au regard du droit et des pratiques du pays tiers (Recommandations 01/2020 du CEPD ; guide AITD de la CNIL).`,
    `No transfer impact assessment is recorded: the exporter must assess, in six steps, whether the Art. 46 tool is effective given the third country's law and practice (EDPB Recommendations 01/2020; CNIL TIA guide).`,
  );
}
