import { type CountryCode, getCountryName, normaliseCountryCode } from '../jurisdictions/iso-3166.js';
import { requireIsoDate } from '../facts/as-of.js';
import type { ComplianceFacts, ServerFacts } from '../facts/compliance-facts.js';
import { type FactsIndex, compareStrings, sortedUnique } from '../facts/facts-index.js';
import { type Reason, reason } from '../facts/reason.js';
import { normaliseWords } from '../facts/vocabulary.js';
import { EXTRATERRITORIAL_LAWS, PROVIDER_TABLE, PROVIDER_TABLE_META, type ProviderEntry } from './provider-table.js';
import { prepareFacts, reachedSources } from './transfers.js';

export type ExposureStatus = 'EXPOSED' | 'NOT_EXPOSED' | 'UNKNOWN';
/** Where the parent came from: the server's own declaration, the user's providers, the built-in table. */
export type ParentBasis = 'DECLARED' | 'USER_TABLE' | 'BUILT_IN_TABLE' | 'OPERATED_BY_ORGANISATION';

export interface ServerExposure {
  server: string;
  name: string;
  provider: string | null;
  hostingCountry: CountryCode;
  parent: string | null;
  parentCountry: CountryCode | null;
  basis: ParentBasis | null;
  /** Source of the table entry used, when one was. */
  source: string | null;
  status: ExposureStatus;
  /** Ids of EXTRATERRITORIAL_LAWS that reach the parent, in force as of the date. */
  laws: string[];
  /** Activities whose data the server hosts, sorted. */
  activities: string[];
  reasons: Reason[];
}

export interface ExtraterritorialResult {
  organisation: string;
  asOf: string;
  tableVersion: string;
  servers: ServerExposure[];
}

function tokensMatch(provider: string[], alias: string[]): boolean {
  if (alias.length === 0 || alias.length > provider.length) return false;
  return alias.every((word, i) => provider[i] === word);
}

/** The table entry a provider name reads as: its first words equal the name or an alias. */
export function matchProvider(provider: string, table: readonly ProviderEntry[]): ProviderEntry | null {
  const words = normaliseWords(provider);
  let best: { entry: ProviderEntry; length: number } | null = null;
  for (const entry of table) {
    for (const alias of [entry.name, ...entry.aliases]) {
      const a = normaliseWords(alias);
      if (tokensMatch(words, a) && (!best || a.length > best.length)) best = { entry, length: a.length };
    }
  }
  return best?.entry ?? null;
}

/**
 * Flags, apart from Chapter V, servers whose provider's parent is subject to a third country's law
 * with extraterritorial reach (US CLOUD Act, FISA 702; PRC National Intelligence Law), whatever
 * the server's own country. Sorted by server key.
 */
export function computeExtraterritorialExposure(
  facts: ComplianceFacts,
  asOf: string,
  options: { index?: FactsIndex } = {},
): ExtraterritorialResult {
  requireIsoDate(asOf, 'asOf');
  const index = options.index ?? prepareFacts(facts);
  const userTable: ProviderEntry[] = (facts.providers ?? []).map((p) => ({
    name: p.name,
    aliases: p.aliases ?? [],
    parent: p.parent,
    parentCountry: normaliseCountryCode(p.parentCountry),
    source: p.source,
  }));
  const hostedBy = new Map<string, Set<string>>();
  for (const activity of index.activities)
    for (const reached of reachedSources(index, activity).values())
      for (const server of index.sources.get(reached.sourceKey)?.servers ?? []) {
        if (!hostedBy.has(server)) hostedBy.set(server, new Set());
        hostedBy.get(server)?.add(activity.key);
      }
  const servers = [...index.servers.values()]
    .sort((a, b) => compareStrings(a.key, b.key))
    .map((server) => exposureOf(server, userTable, asOf, sortedUnique(hostedBy.get(server.key) ?? [])));
  return { organisation: facts.organisation.key, asOf, tableVersion: PROVIDER_TABLE_META.version, servers };
}

function exposureOf(
  server: ServerFacts,
  userTable: ProviderEntry[],
  asOf: string,
  activities: string[],
): ServerExposure {
  const base = {
    server: server.key,
    name: server.name,
    provider: server.provider ?? null,
    hostingCountry: normaliseCountryCode(server.country),
    activities,
  };
  let parent: { name: string; country: CountryCode; basis: ParentBasis; source: string | null } | null = null;
  if (server.providerParent)
    parent = {
      name: server.providerParent.name,
      country: normaliseCountryCode(server.providerParent.country),
      basis: 'DECLARED',
      source: null,
    };
  else if (server.provider) {
    const user = matchProvider(server.provider, userTable);
    const entry = user ?? matchProvider(server.provider, PROVIDER_TABLE);
    if (entry)
      parent = {
        name: entry.parent,
        country: entry.parentCountry,
        basis: user ? 'USER_TABLE' : 'BUILT_IN_TABLE',
        source: entry.source,
      };
  }
  if (!parent && server.hosting === 'ON_PREMISES')
    return {
      ...base,
      parent: null,
      parentCountry: null,
      basis: 'OPERATED_BY_ORGANISATION',
      source: null,
      status: 'NOT_EXPOSED',
      laws: [],
      reasons: [
        reason(
          'OPERATED_BY_ORGANISATION',
          `Le serveur ${server.key} est exploité sur site par l'organisation elle-même : aucun prestataire n'est exposé à une loi étrangère à portée extraterritoriale.`,
          `Server ${server.key} is run on premises by the organisation itself: no provider is exposed to a foreign law with extraterritorial reach.`,
        ),
      ],
    };
  if (!parent)
    return {
      ...base,
      parent: null,
      parentCountry: null,
      basis: null,
      source: null,
      status: 'UNKNOWN',
      laws: [],
      reasons: [
        reason(
          'PROVIDER_PARENT_UNKNOWN',
          `Le prestataire du serveur ${server.key} (${server.provider ?? 'non renseigné'}) ne figure pas dans la table des fournisseurs : renseigner sa société mère et le pays de celle-ci pour savoir si une loi étrangère (CLOUD Act, FISA 702…) peut l'atteindre.`,
          `The provider of server ${server.key} (${server.provider ?? 'not recorded'}) is not in the provider table: record its parent company and the parent's country to know whether a foreign law (CLOUD Act, FISA 702…) can reach it.`,
        ),
      ],
    };
  const laws = EXTRATERRITORIAL_LAWS.filter((l) => l.country === parent.country && l.date <= asOf);
  const where = `${getCountryName(parent.country, 'fr')}, ${parent.country}`;
  const whereEn = `${getCountryName(parent.country, 'en')} (${parent.country})`;
  const common = {
    ...base,
    parent: parent.name,
    parentCountry: parent.country,
    basis: parent.basis,
    source: parent.source,
  };
  if (laws.length === 0)
    return {
      ...common,
      status: 'NOT_EXPOSED',
      laws: [],
      reasons: [
        reason(
          'PARENT_NOT_EXPOSED',
          `La société mère du prestataire (${parent.name}) relève du droit du pays de son siège (${where}), pour lequel aucune loi à portée extraterritoriale n'est recensée.`,
          `The provider's parent (${parent.name}) is governed by the law of ${whereEn}, which is not among the recorded laws with extraterritorial reach.`,
        ),
      ],
    };
  const titles = laws.map((l) => l.title);
  return {
    ...common,
    status: 'EXPOSED',
    laws: laws.map((l) => l.id),
    reasons: [
      reason(
        'PARENT_EXTRATERRITORIAL_LAW',
        `La société mère du prestataire (${parent.name}) relève du droit du pays de son siège (${where}) : ${titles.join(' ; ')} peuvent contraindre le fournisseur à communiquer les données qu'il détient, même hébergées dans l'Union. Ce n'est pas en soi un transfert au sens du chapitre V, mais un risque d'accès à évaluer (chiffrement avec clés maîtrisées dans l'EEE, offre qualifiée SecNumCloud).`,
        `The provider's parent (${parent.name}) is governed by the law of ${whereEn}: ${titles.join('; ')} can compel the provider to disclose the data it holds, even when hosted in the Union. This is not by itself a Chapter V transfer, but a risk of access to assess (encryption with keys held in the EEA, a SecNumCloud-qualified offer).`,
      ),
    ],
  };
}
