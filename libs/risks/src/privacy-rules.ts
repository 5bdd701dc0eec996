import {
  categoriesOfLabel,
  vulnerableGroupsOf,
  type ActivityFacts,
  type FactsIndex,
  type Transfer,
} from '@cartographer/compliance';
import type { FearedEvent } from './catalogue.js';
import type { RiskInput, RegisterThresholds } from './risk-model.js';
import type { IncidentFacts, Score, ServerSecurityFacts, ActivitySecurityFacts } from './risk-facts.js';

/** What the privacy rules know of one activity, gathered once for its three risks. */
export interface ActivityContext {
  activity: ActivityFacts;
  categories: Set<string>;
  specials: Set<string>;
  /** Categories come from findings or declarations: false = nothing describes the data. */
  described: boolean;
  groups: string[];
  subjects: { count: number; from: 'DECLARED' | 'RECORDS' } | null;
  sources: string[];
  servers: string[];
  serverSecurity: (ServerSecurityFacts | undefined)[];
  security: ActivitySecurityFacts | undefined;
  transfers: readonly Transfer[];
  externalRecipients: number | null;
  incidents: IncidentFacts[];
}

interface DatasetSummary {
  categories: Set<string>;
  specials: Set<string>;
  records: number | undefined;
}

/** Categories and Art. 9/10 kinds found (non-rejected findings) on a dataset, memoised per index. */
export function datasetSummary(
  index: FactsIndex,
  key: string,
  fields?: ReadonlySet<string>,
): DatasetSummary | undefined {
  const entry = index.datasets.get(key);
  if (!entry) return undefined;
  const memoKey = `risks:dataset:${key}`;
  let whole = fields === undefined ? (index.memo.get(memoKey) as DatasetSummary | undefined) : undefined;
  if (whole) return whole;
  const categories = new Set<string>();
  const specials = new Set<string>();
  for (const field of entry.dataset.fields ?? []) {
    if (fields && !fields.has(field.name)) continue;
    for (const f of field.findings ?? []) {
      if (f.status === 'REJECTED') continue;
      categories.add(f.category);
      if (f.specialCategory) specials.add(f.specialCategory);
    }
  }
  whole = { categories, specials, records: entry.dataset.volume?.records };
  if (fields === undefined) index.memo.set(memoKey, whole);
  return whole;
}

function normaliseWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

const CRIMINAL_WORDS = [
  'infraction',
  'condamnation',
  'penal',
  'penale',
  'judiciaire',
  'criminal',
  'offence',
  'offense',
  'conviction',
];

/** A declared special category label read as Art. 10 (offences, convictions) or else Art. 9. */
export function declaredSpecialKind(label: string): 'CRIMINAL_OFFENCE' | 'ART9' {
  const words = normaliseWords(label);
  return words.some((w) => CRIMINAL_WORDS.some((c) => w.startsWith(c))) ? 'CRIMINAL_OFFENCE' : 'ART9';
}

export function buildActivityContext(
  index: FactsIndex,
  activity: ActivityFacts,
  lookups: {
    serverSecurity: ReadonlyMap<string, ServerSecurityFacts>;
    activitySecurity: ReadonlyMap<string, ActivitySecurityFacts>;
    transfers: readonly Transfer[];
    incidents: readonly IncidentFacts[];
  },
): ActivityContext {
  const categories = new Set<string>();
  const specials = new Set<string>();
  const sources = new Set<string>();
  let records: number | undefined;
  const byDataset = new Map<string, Set<string> | 'ALL'>();
  for (const d of activity.datasets ?? []) byDataset.set(d, 'ALL');
  for (const f of activity.fields ?? []) {
    const slash = f.indexOf('/');
    if (slash < 0) continue;
    const [d, name] = [f.slice(0, slash), f.slice(slash + 1)];
    const current = byDataset.get(d);
    if (current === 'ALL') continue;
    if (current) current.add(name);
    else byDataset.set(d, new Set([name]));
  }
  for (const [d, fields] of byDataset) {
    const summary = datasetSummary(index, d, fields === 'ALL' ? undefined : fields);
    if (!summary) continue;
    sources.add(index.datasets.get(d)!.source.key);
    summary.categories.forEach((c) => categories.add(c));
    summary.specials.forEach((s) => specials.add(s));
    if (summary.records !== undefined) records = Math.max(records ?? 0, summary.records);
  }
  for (const label of activity.personalDataCategories ?? []) categoriesOfLabel(label).forEach((c) => categories.add(c));
  for (const label of activity.specialCategories ?? [])
    specials.add(declaredSpecialKind(label) === 'CRIMINAL_OFFENCE' ? 'CRIMINAL_OFFENCE' : 'DECLARED_ART9');
  const labels = [
    ...(activity.dataSubjectCategories ?? []),
    ...[...byDataset.keys()].flatMap((d) => index.datasets.get(d)?.dataset.dataSubjectKinds ?? []),
  ];
  const groups = [...new Set(labels.flatMap((l) => vulnerableGroupsOf(l)))].sort();
  const servers = [...new Set([...sources].flatMap((s) => index.sources.get(s)?.servers ?? []))]
    .filter((s) => index.servers.has(s))
    .sort();
  const recipients = activity.recipients;
  const external =
    recipients === undefined
      ? null
      : new Set(recipients.filter((r) => index.recipients.get(r)?.role !== 'INTERNAL')).size;
  const incidents = lookups.incidents.filter(
    (n) =>
      (n.activities ?? []).includes(activity.key) || (n.sources ?? []).some((s) => sources.has(s) || byDataset.has(s)),
  );
  return {
    activity,
    categories,
    specials,
    described: categories.size > 0 || specials.size > 0,
    groups,
    subjects:
      activity.dataSubjectCount !== undefined
        ? { count: activity.dataSubjectCount, from: 'DECLARED' }
        : records !== undefined
          ? { count: records, from: 'RECORDS' }
          : null,
    sources: [...sources].sort(),
    servers,
    serverSecurity: servers.map((s) => lookups.serverSecurity.get(s)),
    security: lookups.activitySecurity.get(activity.key),
    transfers: lookups.transfers,
    externalRecipients: external,
    incidents,
  };
}

function input(
  rule: string,
  dimension: RiskInput['dimension'],
  state: RiskInput['state'],
  facts: string[],
  fr: string,
  en: string,
): RiskInput {
  return { rule, dimension, state, facts, fr, en };
}

const ALL: readonly FearedEvent[] = ['ILLEGITIMATE_ACCESS', 'UNWANTED_MODIFICATION', 'DISAPPEARANCE'];
const AM: readonly FearedEvent[] = ['ILLEGITIMATE_ACCESS', 'UNWANTED_MODIFICATION'];

/**
 * Severity rules. A level rule sets a floor (the highest floor wins, base 2); a bump rule adds one
 * level. Severity = min(4, max(2, floors) + bumps). `events`: the feared events a rule applies to.
 */
export const SEVERITY_RULES = Object.freeze({
  S_BASE: { kind: 'LEVEL', level: 2, events: ALL },
  S_SPECIAL_CATEGORY: { kind: 'LEVEL', level: 3, events: ALL },
  S_CRIMINAL_DATA: { kind: 'LEVEL', level: 3, events: ALL },
  S_NATIONAL_ID: { kind: 'LEVEL', level: 3, events: AM },
  S_FINANCIAL: { kind: 'LEVEL', level: 3, events: AM },
  S_LOCATION: { kind: 'LEVEL', level: 3, events: ['ILLEGITIMATE_ACCESS'] as readonly FearedEvent[] },
  S_VULNERABLE_SUBJECTS: { kind: 'BUMP', level: 1, events: ALL },
  S_LARGE_SCALE: { kind: 'BUMP', level: 1, events: ALL },
} as const);

/** Thousands grouped without ICU (same text on every machine): 10 000 in French, 10,000 in English. */
function grouped(n: number, separator: string): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

export function severityInputs(
  ctx: ActivityContext,
  event: FearedEvent,
  t: RegisterThresholds,
): { score: Score; inputs: RiskInput[] } {
  const a = `activity:${ctx.activity.key}`;
  const inputs: RiskInput[] = [];
  let floor = 2;
  let bumps = 0;
  const level = (rule: keyof typeof SEVERITY_RULES, met: boolean, facts: string[], fr: string, en: string) => {
    const spec = SEVERITY_RULES[rule];
    if (!met || !(spec.events as readonly string[]).includes(event)) return;
    if (spec.kind === 'LEVEL') floor = Math.max(floor, spec.level);
    else bumps += spec.level;
    inputs.push(input(rule, 'SEVERITY', 'MET', facts, fr, en));
  };
  inputs.push(
    input(
      'S_BASE',
      'SEVERITY',
      ctx.described ? 'MET' : 'UNKNOWN',
      ctx.described ? [`${a}.categories=${[...ctx.categories].sort().join(',')}`] : [`${a}.categories`],
      ctx.described
        ? 'Données personnelles traitées : gravité au moins limitée'
        : 'Aucune catégorie de données décrite (ni analyse, ni déclaration) : gravité limitée par défaut, à compléter',
      ctx.described
        ? 'Personal data processed: severity at least limited'
        : 'No data category described (no scan, no declaration): limited severity by default, to complete',
    ),
  );
  const art9 = [...ctx.specials].filter((s) => s !== 'CRIMINAL_OFFENCE').sort();
  level(
    'S_SPECIAL_CATEGORY',
    art9.length > 0,
    [`${a}.specialCategories=${art9.join(',')}`],
    'Catégories particulières de données (art. 9 RGPD) : gravité importante',
    'Special categories of data (GDPR Art. 9): significant severity',
  );
  level(
    'S_CRIMINAL_DATA',
    ctx.specials.has('CRIMINAL_OFFENCE'),
    [`${a}.specialCategories=CRIMINAL_OFFENCE`],
    'Données d’infractions ou de condamnations (art. 10 RGPD) : gravité importante',
    'Criminal offence or conviction data (GDPR Art. 10): significant severity',
  );
  level(
    'S_NATIONAL_ID',
    ctx.categories.has('NATIONAL_ID'),
    [`${a}.categories=NATIONAL_ID`],
    'Identifiant national (NIR ou autre) : usurpation d’identité possible, gravité importante',
    'National identifier (NIR or other): identity theft possible, significant severity',
  );
  level(
    'S_FINANCIAL',
    ctx.categories.has('FINANCIAL'),
    [`${a}.categories=FINANCIAL`],
    'Données financières : fraude possible, gravité importante',
    'Financial data: fraud possible, significant severity',
  );
  level(
    'S_LOCATION',
    ctx.categories.has('LOCATION'),
    [`${a}.categories=LOCATION`],
    'Données de localisation : suivi des personnes possible, gravité importante',
    'Location data: people can be tracked, significant severity',
  );
  const vulnerable = ctx.groups.filter((g) => g === 'CHILDREN' || g === 'PUPILS' || g === 'PATIENTS');
  level(
    'S_VULNERABLE_SUBJECTS',
    vulnerable.length > 0,
    [`${a}.dataSubjects=${vulnerable.join(',')}`],
    'Personnes vulnérables (mineurs, élèves ou patients) : gravité relevée d’un niveau',
    'Vulnerable data subjects (minors, pupils or patients): severity raised one level',
  );
  if (ctx.subjects === null) {
    if ((SEVERITY_RULES.S_LARGE_SCALE.events as readonly string[]).includes(event))
      inputs.push(
        input(
          'S_LARGE_SCALE',
          'SEVERITY',
          'UNKNOWN',
          [`${a}.dataSubjectCount`],
          'Nombre de personnes concernées non déclaré (ni volume des jeux de données)',
          'Number of data subjects not declared (nor dataset volumes)',
        ),
      );
  } else {
    const threshold = ctx.subjects.from === 'DECLARED' ? t.largeScaleSubjects : t.largeScaleRecords;
    const fact =
      ctx.subjects.from === 'DECLARED'
        ? `${a}.dataSubjectCount=${ctx.subjects.count}`
        : `${a}.largestDatasetRecords=${ctx.subjects.count}`;
    level(
      'S_LARGE_SCALE',
      ctx.subjects.count >= threshold,
      [fact],
      `Grande échelle (au moins ${grouped(threshold, '\u202f')} ${ctx.subjects.from === 'DECLARED' ? 'personnes' : 'enregistrements'}) : gravité relevée d’un niveau`,
      `Large scale (at least ${grouped(threshold, ',')} ${ctx.subjects.from === 'DECLARED' ? 'data subjects' : 'records'}): severity raised one level`,
    );
  }
  return { score: Math.min(4, floor + bumps) as Score, inputs };
}

/** Likelihood rules: each one that fires adds a level to 1; likelihood = min(4, 1 + fired). */
export const LIKELIHOOD_RULES = Object.freeze({
  L_THIRD_COUNTRY_HOSTING: { events: ['ILLEGITIMATE_ACCESS'] as readonly FearedEvent[] },
  L_TRANSFER_UNFRAMED: { events: ['ILLEGITIMATE_ACCESS'] as readonly FearedEvent[] },
  L_INTERNET_EXPOSURE: { events: ALL },
  L_ADMIN_EXPOSED: { events: ALL },
  L_MANY_RECIPIENTS: { events: ['ILLEGITIMATE_ACCESS'] as readonly FearedEvent[] },
  L_RECENT_INCIDENT: { events: ALL },
} as const);

const INCIDENT_EVENT: Readonly<Record<string, FearedEvent>> = {
  CONFIDENTIALITY: 'ILLEGITIMATE_ACCESS',
  INTEGRITY: 'UNWANTED_MODIFICATION',
  AVAILABILITY: 'DISAPPEARANCE',
};

export function threeYearsBefore(asOf: string): string {
  return `${String(Number(asOf.slice(0, 4)) - 3).padStart(4, '0')}${asOf.slice(4)}`;
}

export function oneYearBefore(asOf: string): string {
  return `${String(Number(asOf.slice(0, 4)) - 1).padStart(4, '0')}${asOf.slice(4)}`;
}

export function likelihoodInputs(
  ctx: ActivityContext,
  event: FearedEvent,
  t: RegisterThresholds,
  asOf: string,
): { score: Score; inputs: RiskInput[] } {
  const a = `activity:${ctx.activity.key}`;
  const inputs: RiskInput[] = [];
  let fired = 0;
  const rule = (
    name: keyof typeof LIKELIHOOD_RULES,
    state: RiskInput['state'],
    facts: string[],
    fr: string,
    en: string,
  ) => {
    if (!(LIKELIHOOD_RULES[name].events as readonly string[]).includes(event)) return;
    if (state === 'NOT_MET') return;
    if (state === 'MET') fired += 1;
    inputs.push(input(name, 'LIKELIHOOD', state, facts, fr, en));
  };
  const hosting = ctx.transfers.filter((x) => x.access !== 'DISCLOSURE');
  rule(
    'L_THIRD_COUNTRY_HOSTING',
    hosting.length > 0 ? 'MET' : 'NOT_MET',
    [...new Set(hosting.map((x) => `server:${x.to.key}.country=${x.to.country}`))].sort(),
    'Données hébergées ou accessibles depuis un pays tiers : accès par des autorités ou le prestataire étranger',
    'Data hosted in or reachable from a third country: access by foreign authorities or the provider',
  );
  const unframed = ctx.transfers.filter((x) => x.status !== 'COVERED');
  rule(
    'L_TRANSFER_UNFRAMED',
    unframed.length > 0 ? 'MET' : 'NOT_MET',
    [...new Set(unframed.map((x) => `${x.to.kind.toLowerCase()}:${x.to.key}.transfer=${x.status}`))].sort(),
    'Transfert hors UE sans garantie établie (moteur de conformité : garantie manquante ou à vérifier)',
    'Transfer outside the EU without an established safeguard (compliance engine: missing or to verify)',
  );
  const exposure = ctx.servers.map((s, i) => [s, ctx.serverSecurity[i]?.exposure] as const);
  const facing = exposure
    .filter(([, e]) => e === 'INTERNET_FACING')
    .map(([s]) => `server:${s}.exposure=INTERNET_FACING`);
  const exposureUnknown = ctx.servers.length === 0 || exposure.some(([, e]) => e === undefined);
  rule(
    'L_INTERNET_EXPOSURE',
    facing.length > 0 ? 'MET' : exposureUnknown ? 'UNKNOWN' : 'NOT_MET',
    facing.length > 0
      ? facing
      : ctx.servers.length === 0
        ? [`${a}.servers`]
        : exposure.filter(([, e]) => e === undefined).map(([s]) => `server:${s}.exposure`),
    facing.length > 0
      ? 'Serveur exposé sur Internet'
      : ctx.servers.length === 0
        ? 'Aucun serveur connu pour les données du traitement : exposition inconnue'
        : 'Exposition d’un serveur non déclarée',
    facing.length > 0
      ? 'Server reachable from the Internet'
      : ctx.servers.length === 0
        ? 'No server known for the data: exposure unknown'
        : 'Exposure of a server not declared',
  );
  const admin = ctx.servers.map((s, i) => [s, ctx.serverSecurity[i]?.adminInterfaceExposed] as const);
  const adminExposed = admin.filter(([, e]) => e === true).map(([s]) => `server:${s}.adminInterfaceExposed=true`);
  const adminUnknown = ctx.servers.length > 0 && admin.some(([, e]) => e === undefined);
  rule(
    'L_ADMIN_EXPOSED',
    adminExposed.length > 0 ? 'MET' : adminUnknown ? 'UNKNOWN' : 'NOT_MET',
    adminExposed.length > 0
      ? adminExposed
      : admin.filter(([, e]) => e === undefined).map(([s]) => `server:${s}.adminInterfaceExposed`),
    adminExposed.length > 0
      ? 'Interface d’administration accessible depuis Internet'
      : 'Exposition de l’interface d’administration non déclarée',
    adminExposed.length > 0
      ? 'Administration interface reachable from the Internet'
      : 'Exposure of the administration interface not declared',
  );
  rule(
    'L_MANY_RECIPIENTS',
    ctx.externalRecipients === null ? 'UNKNOWN' : ctx.externalRecipients >= t.manyRecipients ? 'MET' : 'NOT_MET',
    [ctx.externalRecipients === null ? `${a}.recipients` : `${a}.externalRecipients=${ctx.externalRecipients}`],
    ctx.externalRecipients === null
      ? 'Destinataires non déclarés'
      : `Au moins ${t.manyRecipients} destinataires externes : plus d’occasions de fuite`,
    ctx.externalRecipients === null
      ? 'Recipients not declared'
      : `At least ${t.manyRecipients} external recipients: more chances of a leak`,
  );
  const since = threeYearsBefore(asOf);
  const recent = ctx.incidents.filter((n) => n.date >= since && n.date <= asOf && INCIDENT_EVENT[n.kind] === event);
  rule(
    'L_RECENT_INCIDENT',
    recent.length > 0 ? 'MET' : 'NOT_MET',
    recent.map((n) => `incident:${n.key}.date=${n.date}`).sort(),
    'Incident de même nature dans les trois dernières années : la menace s’est déjà réalisée',
    'Incident of the same kind in the last three years: the threat has already materialised',
  );
  return { score: Math.min(4, 1 + fired) as Score, inputs };
}

export interface DerivedMeasure {
  measure: string;
  input: RiskInput;
}

/**
 * Measures derived from the security facts, for one activity. A server fact is in place when every
 * server holding the activity's data has it (weakest link); one server declared without it makes it
 * NOT_MET, one undeclared (and none without) makes it UNKNOWN.
 */
export function derivedMeasures(ctx: ActivityContext, asOf: string): DerivedMeasure[] {
  const out: DerivedMeasure[] = [];
  const a = `activity:${ctx.activity.key}`;
  const servers = (
    measure: string,
    member: string,
    test: (s: ServerSecurityFacts) => boolean | undefined,
    fr: string,
    en: string,
  ) => {
    const states = ctx.servers.map((s, i) => {
      const sec = ctx.serverSecurity[i];
      return [s, sec === undefined ? undefined : test(sec)] as const;
    });
    const missing = states.filter(([, v]) => v === false).map(([s]) => `server:${s}.${member}`);
    const unknown = states.filter(([, v]) => v === undefined).map(([s]) => `server:${s}.${member}`);
    const state: RiskInput['state'] =
      ctx.servers.length === 0 ? 'UNKNOWN' : missing.length > 0 ? 'NOT_MET' : unknown.length > 0 ? 'UNKNOWN' : 'MET';
    const facts =
      ctx.servers.length === 0
        ? [`${a}.servers`]
        : state === 'NOT_MET'
          ? missing
          : state === 'UNKNOWN'
            ? unknown
            : states.map(([s]) => `server:${s}.${member}`);
    const prefix = state === 'MET' ? '' : state === 'NOT_MET' ? 'Absent : ' : 'Non déclaré : ';
    const prefixEn = state === 'MET' ? '' : state === 'NOT_MET' ? 'Missing: ' : 'Not declared: ';
    out.push({ measure, input: input(measure, 'MEASURE', state, facts, `${prefix}${fr}`, `${prefixEn}${en}`) });
  };
  const year = oneYearBefore(asOf);
  servers(
    'M-ENC-REST',
    'encryptionAtRest',
    (s) => s.encryptionAtRest,
    'chiffrement des données stockées sur chaque serveur',
    'encryption at rest on every server',
  );
  servers(
    'M-ENC-TRANSIT',
    'encryptionInTransit',
    (s) => s.encryptionInTransit,
    'chiffrement des échanges avec chaque serveur',
    'encryption in transit on every server',
  );
  servers(
    'M-AUTH-MFA',
    'adminMfa',
    (s) => s.adminMfa,
    'authentification multifacteur des administrateurs',
    'multi-factor authentication of administrators',
  );
  servers(
    'M-BACKUP',
    'backup.frequency',
    (s) => (s.backup?.frequency === undefined ? undefined : s.backup.frequency !== 'NONE'),
    'sauvegarde de chaque serveur',
    'backup of every server',
  );
  servers(
    'M-BACKUP-OFFSITE',
    'backup.offSite',
    (s) => s.backup?.offSite,
    'copie de sauvegarde hors site',
    'off-site backup copy',
  );
  servers(
    'M-BACKUP-RESTORE-TEST',
    'backup.lastRestoreTest',
    (s) =>
      s.backup?.lastRestoreTest === undefined
        ? s.backup?.frequency === 'NONE'
          ? false
          : undefined
        : s.backup.lastRestoreTest >= year,
    'test de restauration depuis moins d’un an',
    'restore test within the last year',
  );
  servers(
    'M-REDUNDANCY',
    'redundancy',
    (s) => (s.redundancy === undefined ? undefined : s.redundancy !== 'SINGLE'),
    'redondance de chaque serveur',
    'redundancy of every server',
  );
  const sec = ctx.security;
  const own = (measure: string, member: string, value: boolean | undefined, shown: string, fr: string, en: string) => {
    const state: RiskInput['state'] = value === undefined ? 'UNKNOWN' : value ? 'MET' : 'NOT_MET';
    const prefix = state === 'MET' ? '' : state === 'NOT_MET' ? 'Absent : ' : 'Non déclaré : ';
    const prefixEn = state === 'MET' ? '' : state === 'NOT_MET' ? 'Missing: ' : 'Not declared: ';
    out.push({
      measure,
      input: input(
        measure,
        'MEASURE',
        state,
        [value === undefined ? `${a}.${member}` : `${a}.${member}=${shown}`],
        `${prefix}${fr}`,
        `${prefixEn}${en}`,
      ),
    });
  };
  const model = sec?.accessControl;
  own(
    'M-ACCESS-PROFILES',
    'accessControl',
    model === undefined ? undefined : model === 'ROLE_BASED',
    model ?? '',
    'habilitations par profil',
    'access rights by profile',
  );
  own(
    'M-AUTH-INDIVIDUAL',
    'accessControl',
    model === undefined ? undefined : model === 'ROLE_BASED' || model === 'INDIVIDUAL_ACCOUNTS',
    model ?? '',
    'comptes individuels, pas de compte partagé',
    'individual accounts, no shared account',
  );
  own('M-LOGGING', 'logging', sec?.logging, String(sec?.logging), 'journalisation des accès', 'access logging');
  own(
    'M-PSEUDONYMISATION',
    'pseudonymisation',
    sec?.pseudonymisation,
    String(sec?.pseudonymisation),
    'pseudonymisation des données',
    'pseudonymisation of the data',
  );
  return out;
}

/** The method's description of each feared event: impacts on people, threats, risk sources. */
export const FEARED_EVENT_TABLE: Readonly<
  Record<
    FearedEvent,
    { title: { fr: string; en: string }; impacts: { fr: string; en: string }[]; threats: { fr: string; en: string }[] }
  >
> = Object.freeze({
  ILLEGITIMATE_ACCESS: {
    title: { fr: 'Accès illégitime à des données', en: 'Illegitimate access to data' },
    impacts: [
      {
        fr: 'Atteinte à la vie privée, divulgation d’informations intimes',
        en: 'Invasion of privacy, disclosure of intimate information',
      },
      { fr: 'Usurpation d’identité, fraude, hameçonnage ciblé', en: 'Identity theft, fraud, targeted phishing' },
      {
        fr: 'Discrimination, atteinte à la réputation des personnes',
        en: 'Discrimination, damage to the people’s reputation',
      },
    ],
    threats: [
      { fr: 'Intrusion informatique, vol de comptes', en: 'Intrusion, stolen accounts' },
      {
        fr: 'Consultation par un utilisateur sans besoin d’en connaître',
        en: 'Consultation by a user without a need to know',
      },
      {
        fr: 'Accès par un sous-traitant ou une autorité étrangère',
        en: 'Access by a processor or a foreign authority',
      },
    ],
  },
  UNWANTED_MODIFICATION: {
    title: { fr: 'Modification non désirée de données', en: 'Unwanted modification of data' },
    impacts: [
      {
        fr: 'Décision prise sur des données fausses (soins, droits, paiements)',
        en: 'Decisions taken on wrong data (care, rights, payments)',
      },
      { fr: 'Perte de confiance, démarches pour faire corriger', en: 'Loss of trust, steps to get the data corrected' },
    ],
    threats: [
      { fr: 'Erreur de saisie ou de traitement', en: 'Input or processing error' },
      { fr: 'Altération malveillante, rançongiciel', en: 'Malicious alteration, ransomware' },
    ],
  },
  DISAPPEARANCE: {
    title: { fr: 'Disparition de données', en: 'Disappearance of data' },
    impacts: [
      { fr: 'Service ou soin interrompu, droits non exercés', en: 'Service or care interrupted, rights not exercised' },
      { fr: 'Démarches à refaire, preuves perdues', en: 'Steps to redo, evidence lost' },
    ],
    threats: [
      { fr: 'Panne, sinistre (incendie, dégât des eaux)', en: 'Failure, disaster (fire, flood)' },
      {
        fr: 'Suppression accidentelle ou malveillante, rançongiciel',
        en: 'Accidental or malicious deletion, ransomware',
      },
    ],
  },
});
