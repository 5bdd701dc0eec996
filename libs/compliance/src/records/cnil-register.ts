import { getCountryName, normaliseCountryCode } from '../jurisdictions/iso-3166.js';
import { requireIsoDate } from '../facts/as-of.js';
import type { ActivityFacts, ComplianceFacts, PartyFacts, RecipientFacts } from '../facts/compliance-facts.js';
import { ComplianceRulesError, ComplianceRulesErrorCode } from '../facts/compliance-rules.errors.js';
import {
  type FactsIndex,
  type FoundData,
  activityData,
  foundData,
  sortedUnique,
  usedParts,
} from '../facts/facts-index.js';
import { type Label, capitalise, categoryLabel } from '../facts/labels.js';
import { categoriesOfLabel, containsPhrase, normaliseWords } from '../facts/vocabulary.js';
import { type Transfer, activityTransfers, prepareFacts } from '../transfers/transfers.js';
import { type ActivityRecord, type Evidence, computeProcessingRecord } from './processing-record.js';

/*
 * The register in the layout of the CNIL's model ("registre des activités de traitement", basic
 * model): a header page (organisation or its representative, DPO, list of activities) and one
 * "fiche de registre" per activity (description, actors, purposes, security measures, categories of
 * data with their retention, sensitive data, data subjects, recipients, transfers outside the EU).
 * A typed model: the CSV and XLSX renderers only lay it out. See docs/compliance.md.
 */

export type RegisterLang = 'fr' | 'en';

export interface RegisterRow {
  section: string;
  item: string;
  value: string;
  /** Where the value comes from, translated; empty for headings and derived lists. */
  evidence: string;
  path: string;
}

export interface ActivitySheet {
  key: string;
  name: string;
  /** A worksheet name: at most 31 characters, none of []:*?/\, unique in the workbook. */
  sheetName: string;
  completeness: number;
  rows: RegisterRow[];
}

export interface RegisterWorkbook {
  lang: RegisterLang;
  title: string;
  organisation: string;
  asOf: string;
  header: RegisterRow[];
  /** The list of activities of the header page. */
  activities: { key: string; name: string; sheetName: string; completeness: number }[];
  sheets: ActivitySheet[];
}

const L = {
  title: { fr: 'Registre des activités de traitement', en: 'Record of processing activities (GDPR Art. 30)' },
  organisationSection: { fr: 'Organisme', en: 'Organisation' },
  organisation: { fr: 'Nom de l’organisme', en: 'Name of the organisation' },
  controller: { fr: 'Coordonnées du responsable de l’organisme', en: 'Controller' },
  representative: {
    fr: 'Représentant (si l’organisme est établi hors de l’UE)',
    en: 'Representative (if established outside the EU)',
  },
  dpo: { fr: 'Délégué à la protection des données', en: 'Data protection officer' },
  asOf: { fr: 'Date du registre', en: 'Date of the record' },
  description: { fr: 'Description du traitement', en: 'Description of the processing' },
  nameItem: { fr: 'Nom / sigle', en: 'Name' },
  reference: { fr: 'N° / référence', en: 'Reference' },
  completeness: { fr: 'Complétude (art. 30)', en: 'Completeness (Art. 30)' },
  actors: { fr: 'Acteurs', en: 'Actors' },
  activityController: { fr: 'Responsable du traitement', en: 'Controller' },
  jointControllers: { fr: 'Responsables conjoints', en: 'Joint controllers' },
  processor: { fr: 'Sous-traitant (l’organisme)', en: 'Processor (the organisation)' },
  onBehalf: {
    fr: 'Responsables du traitement pour le compte desquels l’organisme agit',
    en: 'Controllers on whose behalf the organisation acts',
  },
  purposes: { fr: 'Finalité(s) du traitement effectué', en: 'Purposes of the processing' },
  mainPurpose: { fr: 'Finalité principale', en: 'Main purpose' },
  subPurposes: { fr: 'Sous-finalités', en: 'Other purposes' },
  legalBases: { fr: 'Bases légales', en: 'Legal bases' },
  security: { fr: 'Mesures de sécurité', en: 'Security measures' },
  securityItem: { fr: 'Mesures techniques et organisationnelles', en: 'Technical and organisational measures' },
  dataSection: { fr: 'Catégories de données personnelles concernées', en: 'Categories of personal data' },
  retention: { fr: 'Durée de conservation', en: 'Retention period' },
  sensitiveSection: { fr: 'Données sensibles', en: 'Special categories of data' },
  sensitiveQuestion: {
    fr: 'Des données sensibles sont-elles traitées ?',
    en: 'Are special categories of data processed?',
  },
  subjectsSection: { fr: 'Catégories de personnes concernées', en: 'Categories of data subjects' },
  subjects: { fr: 'Personnes concernées', en: 'Data subjects' },
  recipientsSection: { fr: 'Destinataires', en: 'Recipients' },
  internal: { fr: 'Destinataires internes', en: 'Internal recipients' },
  external: { fr: 'Organismes externes', en: 'External bodies' },
  processors: { fr: 'Sous-traitants', en: 'Processors' },
  transfersSection: { fr: 'Transferts des données hors UE', en: 'Transfers outside the EU' },
  transfer: { fr: 'Transfert', en: 'Transfer' },
  none: { fr: 'Aucun', en: 'None' },
  noneFeminine: { fr: 'Aucune', en: 'None' },
  yes: { fr: 'Oui', en: 'Yes' },
  no: { fr: 'Non', en: 'No' },
  notStated: { fr: 'Non renseigné', en: 'Not recorded' },
  activitiesList: {
    fr: 'Activités de l’organisme impliquant le traitement de données personnelles',
    en: 'Processing activities',
  },
} satisfies Record<string, Label>;

const EVIDENCE: Record<Evidence, Label> = {
  DECLARED: { fr: 'Déclaré', en: 'Declared' },
  SCANNED: { fr: 'Analyse des données', en: 'Scanned' },
  INFERRED: { fr: 'Déduit du graphe', en: 'Inferred' },
  MISSING: { fr: 'Manquant', en: 'Missing' },
};

/** The CNIL model's data typology (basic register model, fiche "catégories de données"). */
const TYPOLOGY = [
  {
    id: 'IDENTITY',
    fr: 'État civil, identité, données d’identification, images',
    en: 'Civil status, identity, identification data, images',
    categories: ['IDENTITY', 'INTERNAL_ID', 'NATIONAL_ID', 'BIRTH_DATE', 'CONTACT', 'VEHICLE'],
    words: [],
  },
  {
    id: 'PERSONAL_LIFE',
    fr: 'Vie personnelle (habitudes de vie, situation familiale, etc.)',
    en: 'Personal life (lifestyle, family situation, etc.)',
    categories: ['DEMOGRAPHIC'],
    words: ['vie personnelle', 'situation familiale', 'habitudes', 'personal life', 'family'],
  },
  {
    id: 'PROFESSIONAL_LIFE',
    fr: 'Vie professionnelle (CV, scolarité, formation professionnelle, distinctions, etc.)',
    en: 'Professional life (CV, education, training, awards, etc.)',
    categories: [],
    words: [
      'vie professionnelle',
      'professionnel',
      'professionnelle',
      'carriere',
      'formation',
      'scolarite',
      'scolaire',
      'affectation',
      'evaluation professionnelle',
      'cv',
      'professional',
      'career',
      'training',
    ],
  },
  {
    id: 'ECONOMIC',
    fr: 'Informations d’ordre économique et financier (revenus, situation financière, situation fiscale, etc.)',
    en: 'Economic and financial information (income, financial and tax situation, etc.)',
    categories: ['FINANCIAL'],
    words: [],
  },
  {
    id: 'CONNECTION',
    fr: 'Données de connexion (adresse IP, logs, etc.)',
    en: 'Connection data (IP address, logs, etc.)',
    categories: ['ONLINE_ID', 'CREDENTIAL'],
    words: [],
  },
  {
    id: 'LOCATION',
    fr: 'Données de localisation (déplacements, données GPS, GSM, etc.)',
    en: 'Location data (movements, GPS, GSM, etc.)',
    categories: ['LOCATION'],
    words: [],
  },
] as const;

const SPECIAL_CODES: ReadonlySet<string> = new Set([
  'HEALTH',
  'GENETIC',
  'BIOMETRIC',
  'RACIAL_ETHNIC_ORIGIN',
  'POLITICAL_OPINION',
  'RELIGIOUS_BELIEF',
  'TRADE_UNION',
  'SEX_LIFE_ORIENTATION',
  'CRIMINAL_OFFENCE',
]);

const ACCESS_LABELS: Record<Transfer['access'], Label> = {
  HOSTING: { fr: 'hébergement', en: 'hosting' },
  DISCLOSURE: { fr: 'destinataire', en: 'recipient' },
  REMOTE_ACCESS: { fr: 'accès à distance', en: 'remote access' },
};

const TOOL_LABELS: Record<string, Label> = {
  ADEQUACY: { fr: 'Décision d’adéquation', en: 'Adequacy decision' },
  SCC: { fr: 'Clauses contractuelles types', en: 'Standard contractual clauses' },
  BCR: { fr: 'Règles d’entreprise contraignantes', en: 'Binding corporate rules' },
  DEROGATION: { fr: 'Dérogation (art. 49)', en: 'Derogation (Art. 49)' },
  NONE: { fr: 'Aucune garantie', en: 'No safeguard' },
};

const STATUS_LABELS: Record<string, Label> = {
  COVERED: { fr: 'couvert', en: 'covered' },
  MISSING_SAFEGUARD: { fr: 'garantie manquante', en: 'missing safeguard' },
  TO_VERIFY: { fr: 'à vérifier', en: 'to verify' },
};

const LEGAL_BASIS_LABELS: Record<string, Label> = {
  CONSENT: { fr: 'Consentement (art. 6.1.a)', en: 'Consent (Art. 6(1)(a))' },
  CONTRACT: { fr: 'Exécution d’un contrat (art. 6.1.b)', en: 'Contract (Art. 6(1)(b))' },
  LEGAL_OBLIGATION: { fr: 'Obligation légale (art. 6.1.c)', en: 'Legal obligation (Art. 6(1)(c))' },
  VITAL_INTERESTS: { fr: 'Sauvegarde des intérêts vitaux (art. 6.1.d)', en: 'Vital interests (Art. 6(1)(d))' },
  PUBLIC_TASK: { fr: 'Mission d’intérêt public (art. 6.1.e)', en: 'Public task (Art. 6(1)(e))' },
  LEGITIMATE_INTERESTS: { fr: 'Intérêt légitime (art. 6.1.f)', en: 'Legitimate interests (Art. 6(1)(f))' },
};

const FORBIDDEN_SHEET_CHARS = /[[\]:*?/\\]/g;

export interface RegisterOptions {
  lang?: RegisterLang;
  index?: FactsIndex;
}

/** The register model in the CNIL layout (French) or as an English Art. 30 view. */
export function cnilRegisterWorkbook(
  facts: ComplianceFacts,
  asOf: string,
  options: RegisterOptions = {},
): RegisterWorkbook {
  requireIsoDate(asOf, 'asOf');
  const lang = options.lang ?? 'fr';
  if (lang !== 'fr' && lang !== 'en')
    throw new ComplianceRulesError(
      ComplianceRulesErrorCode.INVALID_OPTION,
      'options.lang',
      `${String(lang)} is not one of fr, en`,
    );
  const index = options.index ?? prepareFacts(facts);
  const record = computeProcessingRecord(facts, asOf, { index });
  const t = (label: Label) => label[lang];
  const org = facts.organisation;
  const header: RegisterRow[] = [
    row(t(L.organisationSection), t(L.organisation), org.name, '', `organisation:${org.key}`),
    row(t(L.organisationSection), t(L.controller), org.name, '', `organisation:${org.key}`),
    row(
      t(L.organisationSection),
      t(L.representative),
      partyText(org.representative) || t(L.notStated),
      '',
      `organisation:${org.key}.representative`,
    ),
    row(t(L.organisationSection), t(L.dpo), partyText(org.dpo) || t(L.notStated), '', `organisation:${org.key}.dpo`),
    row(t(L.organisationSection), t(L.asOf), asOf, '', ''),
  ];
  const used = new Set<string>();
  const sheets = record.activities.map((a, i) => {
    const activity = index.activities.find((x) => x.key === a.key) as ActivityFacts;
    return {
      key: a.key,
      name: a.name,
      sheetName: sheetName(i + 1, a.name, used),
      completeness: a.completeness.percent,
      rows: ficheRows(index, activity, a, asOf, lang),
    };
  });
  return {
    lang,
    title: `${t(L.title)} — ${org.name}`,
    organisation: org.key,
    asOf,
    header,
    activities: sheets.map((s) => ({ key: s.key, name: s.name, sheetName: s.sheetName, completeness: s.completeness })),
    sheets,
  };
}

/** French typography puts a space before the colon. */
function colon(lang: RegisterLang): string {
  return lang === 'fr' ? ' : ' : ': ';
}

function row(section: string, item: string, value: string, evidence: string, path: string): RegisterRow {
  return { section, item, value, evidence, path };
}

function partyText(p: PartyFacts | null | undefined): string {
  if (!p) return '';
  return [p.name, p.contact, p.country].filter((x) => x !== undefined && x.length > 0).join(', ');
}

function sheetName(n: number, name: string, used: Set<string>): string {
  const base = `${n}. ${name.replace(FORBIDDEN_SHEET_CHARS, ' ').replace(/\s+/g, ' ').trim()}`.replace(/^'+|'+$/g, '');
  let candidate = Array.from(base).slice(0, 31).join('').trim();
  for (let k = 2; used.has(candidate.toLowerCase()); k += 1)
    candidate = `${Array.from(base).slice(0, 27).join('').trim()} (${k})`;
  used.add(candidate.toLowerCase());
  return candidate;
}

interface Fiche {
  index: FactsIndex;
  activity: ActivityFacts;
  record: ActivityRecord;
  asOf: string;
  lang: RegisterLang;
  t: (label: Label) => string;
  ev: (e: Evidence) => string;
  cells: ActivityRecord['cells'];
  node: string;
  /** Categories found on the data the activity uses. */
  found: FoundData;
}

function ficheRows(
  index: FactsIndex,
  activity: ActivityFacts,
  record: ActivityRecord,
  asOf: string,
  lang: RegisterLang,
): RegisterRow[] {
  const t = (label: Label) => label[lang];
  const { used } = activityData(index, activity);
  const fiche: Fiche = {
    index,
    activity,
    record,
    asOf,
    lang,
    t,
    ev: (e: Evidence) => t(EVIDENCE[e]),
    cells: record.cells,
    node: `activity:${activity.key}`,
    found: foundData(usedParts(used), index),
  };
  return [
    ...descriptionRows(fiche),
    ...actorRows(fiche),
    ...purposeRows(fiche),
    ...securityRows(fiche),
    ...dataRows(fiche),
    ...sensitiveRows(fiche),
    ...subjectRows(fiche),
    ...recipientRows(fiche),
    ...transferRows(fiche),
  ];
}

/** Description: name, reference, completeness. */
function descriptionRows(fiche: Fiche): RegisterRow[] {
  const { activity, record, t, ev, node } = fiche;
  const rows: RegisterRow[] = [];
  const desc = t(L.description);
  rows.push(row(desc, t(L.nameItem), activity.name, ev('DECLARED'), `${node}.name`));
  rows.push(row(desc, t(L.reference), activity.key, ev('DECLARED'), node));
  rows.push(
    row(
      desc,
      t(L.completeness),
      `${record.completeness.percent} % (${record.completeness.filled}/${record.completeness.required})`,
      ev('INFERRED'),
      node,
    ),
  );
  return rows;
}

/** Actors: controller (or processor and its controllers), representative, DPO. */
function actorRows(fiche: Fiche): RegisterRow[] {
  const { index, record, t, ev, cells } = fiche;
  const rows: RegisterRow[] = [];
  const actors = t(L.actors);
  const a = cells.a_controller ?? cells.a_processor;
  const av = (a?.value ?? null) as {
    controller?: PartyFacts | null;
    controllers?: PartyFacts[];
    jointControllers?: PartyFacts[];
    representative?: PartyFacts | null;
    dpo?: PartyFacts | null;
  } | null;
  if (record.kind === 'CONTROLLER') {
    rows.push(
      row(
        actors,
        t(L.activityController),
        partyText(av?.controller) || t(L.notStated),
        ev(a?.evidence ?? 'MISSING'),
        a?.path ?? '',
      ),
    );
    rows.push(
      row(
        actors,
        t(L.jointControllers),
        (av?.jointControllers ?? []).map(partyText).join(' ; ') || t(L.none),
        ev(a?.evidence ?? 'MISSING'),
        a?.path ?? '',
      ),
    );
  } else {
    rows.push(
      row(
        actors,
        t(L.processor),
        index.facts.organisation.name,
        ev('DECLARED'),
        `organisation:${index.facts.organisation.key}`,
      ),
    );
    rows.push(
      row(
        actors,
        t(L.onBehalf),
        (av?.controllers ?? []).map(partyText).join(' ; ') || t(L.notStated),
        ev(a?.evidence ?? 'MISSING'),
        a?.path ?? '',
      ),
    );
  }
  rows.push(row(actors, t(L.representative), partyText(av?.representative) || t(L.notStated), '', a?.path ?? ''));
  rows.push(row(actors, t(L.dpo), partyText(av?.dpo) || t(L.notStated), '', a?.path ?? ''));
  return rows;
}

/** Purposes and legal bases. */
function purposeRows(fiche: Fiche): RegisterRow[] {
  const { activity, lang, t, ev, cells } = fiche;
  const rows: RegisterRow[] = [];
  const purposes = activity.purposes ?? [];
  const pc = cells.b_purposes ?? cells.b_processing_categories;
  rows.push(
    row(t(L.purposes), t(L.mainPurpose), purposes[0] ?? t(L.notStated), ev(pc?.evidence ?? 'MISSING'), pc?.path ?? ''),
  );
  rows.push(
    row(
      t(L.purposes),
      t(L.subPurposes),
      purposes.slice(1).join(' ; ') || t(L.noneFeminine),
      ev(pc?.evidence ?? 'MISSING'),
      pc?.path ?? '',
    ),
  );
  const lb = cells.legal_bases;
  rows.push(
    row(
      t(L.purposes),
      t(L.legalBases),
      (activity.legalBases ?? []).map((b) => LEGAL_BASIS_LABELS[b]?.[lang] ?? b).join(' ; ') || t(L.notStated),
      ev(lb?.evidence ?? 'MISSING'),
      lb?.path ?? '',
    ),
  );
  return rows;
}

/** Security measures. */
function securityRows(fiche: Fiche): RegisterRow[] {
  const { activity, t, ev, cells } = fiche;
  const rows: RegisterRow[] = [];
  const sec = cells.g_security ?? cells.d_security;
  rows.push(
    row(
      t(L.security),
      t(L.securityItem),
      (activity.securityMeasures ?? []).join(' ; ') || t(L.notStated),
      ev(sec?.evidence ?? 'MISSING'),
      sec?.path ?? '',
    ),
  );
  return rows;
}

/** Categories of data in the CNIL typology, each with its retention. */
function dataRows(fiche: Fiche): RegisterRow[] {
  const { activity, lang, t, ev, node, found } = fiche;
  const rows: RegisterRow[] = [];
  // Categories of data, in the CNIL typology, each with its retention.
  const declared = activity.personalDataCategories ?? [];
  const retention = activity.retention?.trim() || '';
  for (const type of TYPOLOGY) {
    const labels = declared.filter((label) => {
      const cats = categoriesOfLabel(label);
      const words = normaliseWords(label);
      return (
        cats.some((c) => (type.categories as readonly string[]).includes(c)) ||
        type.words.some((w) => containsPhrase(words, w))
      );
    });
    const scanned = found.categories
      .filter((c) => c.scanned && (type.categories as readonly string[]).includes(c.category))
      .filter((c) => !labels.some((l) => categoriesOfLabel(l).includes(c.category)))
      .map((c) => c.category);
    if (labels.length === 0 && scanned.length === 0) continue;
    const value = [
      labels.join(' ; '),
      scanned.length > 0
        ? `${lang === 'fr' ? 'trouvé par les analyses' : 'found by scans'}${colon(lang)}${scanned.map((c) => categoryLabel(c, lang)).join(', ')}`
        : '',
    ]
      .filter(Boolean)
      .join(' — ');
    rows.push(
      row(
        t(L.dataSection),
        type[lang],
        value,
        labels.length > 0 ? ev('DECLARED') : ev('SCANNED'),
        labels.length > 0 ? `${node}.personalDataCategories` : `${node} -USES-> dataset`,
      ),
    );
    const perCategory = (activity.retentionByCategory ?? []).filter((r) => {
      const cats = categoriesOfLabel(r.category);
      return (
        cats.some((c) => (type.categories as readonly string[]).includes(c)) ||
        type.words.some((w) => containsPhrase(normaliseWords(r.category), w))
      );
    });
    rows.push(
      row(
        t(L.dataSection),
        `${type[lang]} — ${t(L.retention)}`,
        perCategory.map((r) => r.retention).join(' ; ') || retention || t(L.notStated),
        perCategory.length > 0 || retention ? ev('DECLARED') : ev('MISSING'),
        perCategory.length > 0 ? `${node}.retentionByCategory` : `${node}.retention`,
      ),
    );
  }
  const other = declared.filter(
    (label) =>
      !TYPOLOGY.some(
        (type) =>
          categoriesOfLabel(label).some((c) => (type.categories as readonly string[]).includes(c)) ||
          type.words.some((w) => containsPhrase(normaliseWords(label), w)),
      ),
  );
  if (other.length > 0)
    rows.push(
      row(
        t(L.dataSection),
        lang === 'fr' ? 'Autres catégories de données' : 'Other categories of data',
        other.join(' ; '),
        ev('DECLARED'),
        `${node}.personalDataCategories`,
      ),
    );
  return rows;
}

/** Sensitive data: yes or no, and which. */
function sensitiveRows(fiche: Fiche): RegisterRow[] {
  const { activity, lang, t, ev, cells, found } = fiche;
  const rows: RegisterRow[] = [];
  const special = sortedUnique([
    ...found.specialCategories.map((c) => c.category),
    ...(activity.specialCategories ?? []).flatMap(categoriesOfLabel).filter((c) => SPECIAL_CODES.has(c)),
  ]);
  const sc = cells.special_categories;
  rows.push(
    row(
      t(L.sensitiveSection),
      t(L.sensitiveQuestion),
      special.length > 0
        ? `${t(L.yes)}${colon(lang)}${special.map((s) => capitalise(categoryLabel(s, lang))).join(' ; ')}`
        : sc?.evidence === 'MISSING'
          ? t(L.notStated)
          : t(L.no),
      ev(sc?.evidence ?? 'MISSING'),
      sc?.path ?? '',
    ),
  );
  return rows;
}

/** Data subjects. */
function subjectRows(fiche: Fiche): RegisterRow[] {
  const { t, ev, cells } = fiche;
  const rows: RegisterRow[] = [];
  const ds = cells.c_data_subjects;
  rows.push(
    row(
      t(L.subjectsSection),
      t(L.subjects),
      ((ds?.value as string[] | null) ?? []).join(' ; ') || t(L.notStated),
      ev(ds?.evidence ?? 'MISSING'),
      ds?.path ?? '',
    ),
  );
  return rows;
}

/** Recipients: internal, external bodies, processors. */
function recipientRows(fiche: Fiche): RegisterRow[] {
  const { index, activity, record, lang, t, ev, cells } = fiche;
  const rows: RegisterRow[] = [];
  const recipients = sortedUnique(activity.recipients ?? [])
    .map((k) => index.recipients.get(k))
    .filter((r): r is RecipientFacts => r !== undefined);
  const rc = cells.d_recipients;
  const list = (filter: (r: RecipientFacts) => boolean) =>
    recipients
      .filter(filter)
      .map((r) => `${r.name} (${getCountryName(normaliseCountryCode(r.country), lang)})`)
      .join(' ; ') || t(L.none);
  const recEvidence = rc ? ev(rc.evidence) : '';
  if (record.kind === 'CONTROLLER' || activity.recipients !== undefined) {
    rows.push(
      row(
        t(L.recipientsSection),
        t(L.internal),
        list((r) => r.role === 'INTERNAL'),
        recEvidence,
        rc?.path ?? '',
      ),
    );
    rows.push(
      row(
        t(L.recipientsSection),
        t(L.external),
        list((r) => ['CONTROLLER', 'JOINT_CONTROLLER', 'PUBLIC_AUTHORITY'].includes(r.role)),
        recEvidence,
        rc?.path ?? '',
      ),
    );
    rows.push(
      row(
        t(L.recipientsSection),
        t(L.processors),
        list((r) => r.role === 'PROCESSOR' || r.role === 'SUB_PROCESSOR'),
        recEvidence,
        rc?.path ?? '',
      ),
    );
  }
  return rows;
}

/** Transfers outside the EU, one row per computed transfer. */
function transferRows(fiche: Fiche): RegisterRow[] {
  const { index, activity, asOf, lang, t, ev, node } = fiche;
  const rows: RegisterRow[] = [];
  const transfers = activityTransfers(index, activity, asOf);
  if (transfers.length === 0) rows.push(row(t(L.transfersSection), t(L.transfer), t(L.none), ev('INFERRED'), node));
  transfers.forEach((tr, i) => rows.push(transferRow(tr, i + 1, lang)));
  return rows;
  return rows;
}

function transferRow(tr: Transfer, n: number, lang: RegisterLang): RegisterRow {
  const tool = tr.mechanism.applied ?? tr.mechanism.recorded;
  const toolText =
    tool === 'ADEQUACY' && tr.mechanism.adequacy
      ? `${TOOL_LABELS.ADEQUACY?.[lang]} (${tr.mechanism.adequacy.decision})`
      : tool === 'SCC'
        ? `${TOOL_LABELS.SCC?.[lang]} (2021/914, module ${tr.mechanism.recordedSccModule ?? tr.mechanism.sccModule})`
        : (TOOL_LABELS[tool]?.[lang] ?? tool);
  const parts = [
    `${tr.to.name} (${ACCESS_LABELS[tr.access][lang]})`,
    tr.to.countryName[lang],
    toolText,
    tr.mechanism.documentation ?? '',
    `${lang === 'fr' ? 'statut' : 'status'}${colon(lang)}${STATUS_LABELS[tr.status]?.[lang] ?? tr.status}`,
  ].filter((p) => p.length > 0);
  return row(
    L.transfersSection[lang],
    `${L.transfer[lang]} ${n}`,
    parts.join(' — '),
    EVIDENCE.INFERRED[lang],
    tr.paths.join('; '),
  );
}
