/**
 * Column-level benchmark of @cartographer/classification on the labelled databases of
 * examples/classification-benchmark: generates 1,000 made-up rows per table with a fixed seed,
 * classifies every column, and prints precision, recall and F1 for "personal or not", per category,
 * for special categories and for quasi-identifiers. Then it runs the dataset-level linkage pass
 * (classifySchema) over each database's keys and scores both readings — strict (direct and
 * quasi-identifiers) and GDPR (every column relating to a person, linked attributes included) —
 * overall and per tier, before (per-field results alone) and after the pass. The last line is one
 * JSON object.
 *
 * Run: npx swc apps libs migrations scripts -d dist --config-file .swcrc -q && node dist/scripts/bench-classify.js
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ClassificationTier,
  classifyField,
  classifySchema,
  ibanCheckDigits,
  luhnCheckDigit,
  nirKey,
} from '@cartographer/classification';
import type { FieldClassification, SchemaDatasetInput, SchemaFieldInput } from '@cartographer/classification';
import { rng } from './seeded-random.js';

// ------------------------------------------------------------------ benchmark definitions

interface Expected {
  /** Strict reading: a direct or quasi-identifier, or an attribute personal on its own. */
  personal: boolean;
  category: string | null;
  specialCategory: boolean;
  quasiIdentifier: boolean;
  /** GDPR reading: the column relates to a person (its row is a person's row or linked to one). */
  gdpr: boolean;
}

interface Generator {
  kind: string;
  nullRate?: number;
  [key: string]: unknown;
}

interface ColumnDef {
  name: string;
  type: string;
  comment?: string;
  generator: Generator;
  expected: Expected;
  note?: string;
}

interface TableDef {
  name: string;
  comment?: string;
  primaryKey?: string[];
  foreignKeys?: { columns: string[]; references: { table: string; columns: string[] } }[];
  columns: ColumnDef[];
}

interface DatabaseDef {
  name: string;
  description: string;
  language: 'fr' | 'en';
  tables: TableDef[];
}

const ROWS = 1000;
const REFERENCE_DATE = '2025-06-30';

function benchmarkDir(): string {
  const candidates = [
    resolve(process.cwd(), 'examples/classification-benchmark'),
    resolve(dirname(fileURLToPath(import.meta.url)), '../../examples/classification-benchmark'),
    resolve(dirname(fileURLToPath(import.meta.url)), '../examples/classification-benchmark'),
  ];
  const found = candidates.find((c) => existsSync(c));
  if (found === undefined) throw new Error('examples/classification-benchmark not found; run from the repository root');
  return found;
}

function loadDatabases(): DatabaseDef[] {
  const dir = benchmarkDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as DatabaseDef);
}

// ------------------------------------------------------------------ seeded generator

function hashSeed(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

// Name lists of the generator: common names plus rarer ones absent from the library's dictionaries,
// so that dictionary hit ratios stay realistic.
const FR_FIRST = `Jean Marie Pierre Nathalie Julien Camille Léa Hugo Chloé Lucas Manon Théo Inès Nicolas Sophie Thomas
Isabelle Philippe Sandrine Michel Élodie Mathieu Aurélie Christophe Céline Laurent Émilie Sébastien Caroline Vincent
Anaïs Romain Pauline Guillaume Justine Maxime Océane Kévin Clémence Yannick Gaëlle Loïc Maëlle Erwan Soizic Maïwenn
Enora Gwenn Tifenn Elouan Nolhan Maddy Anne-Sophie Jean-Baptiste Marie-Noëlle Aymeric Bertille Capucine Félicien
Séraphin Philomène Yasmine Karim Fatima Mehdi Sofiane Aïcha Moussa Aminata João Ana Kenza Wassim Yanis Naël Ilyès
Rayane Lyam Timothé Héloïse Apolline Ysaline Clélia Gaspard Baptiste Louison Anatole Eliott Margaux Prune Swann
Loeva Maylis Thaïs Ruben Naïm Gabin Ambroise Clarisse Odile Gérard Josiane Bernadette Raymond`.split(/\s+/);
const FR_LAST =
  `Martin Bernard Dubois Thomas Robert Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel Garcia David
Bertrand Roux Vincent Fournier Morel Girard André Mercier Dupont Lambert Bonnet François Martinez Legrand Garnier Faure
Rousseau Blanc Guérin Muller Henry Roussel Nicolas Perrin Morin Kerbrat Le Guennec Quéré Tréguier Abgrall Cadiou Jégou
Lozach Philippot Vermorel Chapuis Bouveresse Descours Miquel Estève Ribeyre Fages Salvat Castel Pujol Bardou Teyssier
Viguier Lafargue Cazenave Laborde Etcheverry Irigoyen Olivares Benhamou Zerrouki Bouaziz Haddad Konaté Diallo Traoré
Da Costa Ferreira Lopes Santos Ribeiro Weber Schmitt Klein Hoffmann Zimmermann Braun Meyer Kovacs Nowak Popescu Wojcik
Rossi Esposito Bianchi Gallo Colombo Peyrefitte Lacombe Vidal Rigal Cabanes Marcillac Duchesne Le Corre Hamon Prigent`.split(
    /\s+/,
  );
const EN_FIRST =
  `Oliver Jack Harry George Noah Charlie Jacob Alfie Freddie Oscar Olivia Amelia Isla Ava Emily Sophia Grace
Mia Poppy Ella James William Thomas Daniel Matthew Emma Sarah Jessica Hannah Lauren Chloe Megan Rebecca Michael David
Christopher Andrew Paul Mark Stephen Laura Rachel Claire Nicola Amy Siobhan Niamh Callum Rhys Dylan Kayden Tyrone Jaxon
Brooklyn Zainab Priya Aarav Ifeoma Chidi Oluwaseun Declan Arjun Saoirse Tadhg Bronwen Euan Keira Maisie Reggie Ezra`.split(
    /\s+/,
  );
const EN_LAST =
  `Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson Wright Walker
White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood Turner Martin Cooper Hill Ward Morris Moore Clark
Lee King Baker Harrison Morgan Allen James Scott Phillips Watson Davis Parker Price Bennett Young Griffiths Mitchell
Kelly Cook Carter Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Khan Marshall Anderson Simpson Ellis
Adams Singh Begum Wilkinson Foster Chapman Powell Webb Rogers Gray Mason Ali Hunt Hussain Campbell Matthews Owen Palmer
Okafor Adeyemi Nwosu Kowalczyk Fitzpatrick McAllister Ó Súilleabháin Abernethy Pemberton Whitlock Thistlewood`.split(
    /\s+/,
  );
const FR_CITIES =
  `Paris Lyon Marseille Toulouse Nice Nantes Strasbourg Montpellier Bordeaux Lille Rennes Reims Saint-Étienne
Toulon Le Havre Grenoble Dijon Angers Nîmes Villeurbanne Clermont-Ferrand Le Mans Aix-en-Provence Brest Tours Amiens
Limoges Annecy Perpignan Metz Besançon Orléans Rouen Mulhouse Caen Nancy Argenteuil Saint-Denis Quimper Vannes Lorient
Saint-Brieuc Ajaccio Bastia Pau Bayonne La Rochelle Poitiers Saint-André Cayenne Albi Rodez Millau Castres`.split(
    /\s+/,
  );
const EN_CITIES =
  `London Manchester Birmingham Leeds Glasgow Liverpool Bristol Sheffield Edinburgh Cardiff Leicester Coventry
Bradford Belfast Nottingham Hull Newcastle Southampton Derby Portsmouth Brighton Plymouth Reading Northampton Luton
Wolverhampton Bolton Aberdeen Norwich York Oxford Cambridge Exeter Bath Chester Dublin Cork Swansea Dundee Inverness`.split(
    /\s+/,
  );
const FR_STREETS = [
  'de la République',
  'Victor Hugo',
  'Jean Jaurès',
  'des Lilas',
  'du Moulin',
  'Pasteur',
  'de la Gare',
  'des Écoles',
  'Gambetta',
  'du Général de Gaulle',
  'Émile Zola',
  'de Verdun',
  'des Acacias',
  'Jules Ferry',
  'du Stade',
  'de Bretagne',
];
const FR_STREET_TYPES = ['rue', 'rue', 'avenue', 'boulevard', 'impasse', 'allée', 'chemin', 'place'];
const EN_STREETS = [
  'High',
  'Station',
  'Church',
  'Victoria',
  'Green',
  'Manor',
  'Park',
  "Queen's",
  'King',
  'Mill',
  'Albert',
  'York',
  'Windsor',
  'Grange',
];
const EN_STREET_TYPES = ['Street', 'Road', 'Lane', 'Avenue', 'Close', 'Drive', 'Way', 'Crescent'];
const FR_MAIL = [
  'gmail.com',
  'orange.fr',
  'free.fr',
  'hotmail.fr',
  'laposte.net',
  'sfr.fr',
  'wanadoo.fr',
  'yahoo.fr',
  'outlook.fr',
];
const EN_MAIL = ['gmail.com', 'yahoo.co.uk', 'hotmail.co.uk', 'outlook.com', 'btinternet.com', 'icloud.com', 'sky.com'];
const PRODUCTS = [
  'Organic Cotton T-Shirt',
  'Rose Garden Candle',
  'Jade Ceramic Vase',
  'Oscar Dog Bed',
  'Linen Cushion Cover',
  'Bamboo Chopping Board',
  'Wool Throw',
  'Grace Tea Set',
  'Stainless Steel Bottle',
  'Wooden Train Set',
  'Garden Hose 20m',
  'Cast Iron Skillet',
  'Olive Oil Dispenser',
  'Denim Jacket',
  'Ruby Silk Scarf',
];
const AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_{v2} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.{v2} Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:{v}.0) Gecko/20100101 Firefox/{v}.0',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Mobile Safari/537.36',
];
const SIV_LETTERS = 'ABCDEFGHJKLMNPQRSTVWXYZ';

class ValueGenerator {
  constructor(
    private readonly r: () => number,
    private readonly lang: 'fr' | 'en',
  ) {}

  int(min: number, max: number): number {
    return min + Math.floor(this.r() * (max - min + 1));
  }

  pick<T>(items: readonly T[], weights?: readonly number[]): T {
    if (weights === undefined) return items[Math.floor(this.r() * items.length)];
    const total = weights.reduce((a, b) => a + b, 0);
    let x = this.r() * total;
    for (let i = 0; i < items.length; i++) {
      x -= weights[i];
      if (x < 0) return items[i];
    }
    return items[items.length - 1];
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }

  pad(n: number, width: number): string {
    return String(n).padStart(width, '0');
  }

  first(lang = this.lang): string {
    return this.pick(lang === 'fr' ? FR_FIRST : EN_FIRST);
  }

  last(lang = this.lang): string {
    return this.pick(lang === 'fr' ? FR_LAST : EN_LAST);
  }

  ascii(s: string): string {
    return s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '')
      .toLowerCase();
  }

  email(lang: 'fr' | 'en', domains?: string[]): string {
    const f = this.ascii(this.first(lang));
    const l = this.ascii(this.last(lang));
    const d = this.pick(domains ?? (lang === 'fr' ? FR_MAIL : EN_MAIL));
    const style = this.int(0, 4);
    const local = [
      `${f}.${l}`,
      `${f[0]}.${l}`,
      `${f}_${l}${this.int(1, 99)}`,
      `${l}.${f}`,
      `${f}${l[0]}${this.int(70, 99)}`,
    ][style];
    return `${local}@${d}`;
  }

  phoneFr(format: string): string {
    const prefix = this.pick(['06', '07', '06', '01', '02', '03', '04', '05', '09']);
    const pairs = [prefix, this.digits(2), this.digits(2), this.digits(2), this.digits(2)];
    const f = format === 'mixed' ? this.pick(['spaced', 'dotted', 'compact', 'intl']) : format;
    if (f === 'dotted') return pairs.join('.');
    if (f === 'compact') return pairs.join('');
    if (f === 'intl') return `+33 ${prefix[1]} ${pairs.slice(1).join(' ')}`;
    return pairs.join(' ');
  }

  phoneIntl(): string {
    const x = this.r();
    if (x < 0.6) return `+44 7${this.digits(3)} ${this.digits(6)}`;
    if (x < 0.8) return `07${this.digits(3)} ${this.digits(6)}`;
    return `+1 (${this.int(201, 989)}) ${this.int(200, 999)}-${this.digits(4)}`;
  }

  nir(format: string): string {
    const sex = this.pick(['1', '2']);
    const yy = this.pad(this.int(0, 99), 2);
    const mm = this.r() < 0.02 ? String(this.int(30, 42)) : this.pad(this.int(1, 12), 2);
    const x = this.r();
    let dept: string;
    let commune: string;
    if (x < 0.05) {
      dept = this.pick(['2A', '2B']);
      commune = this.pad(this.int(1, 366), 3);
    } else if (x < 0.12) {
      dept = '99';
      commune = this.pad(this.int(100, 450), 3);
    } else {
      dept = this.pad(this.int(1, 95), 2);
      if (dept === '20') dept = '21';
      commune = this.pad(this.int(1, 800), 3);
    }
    const order = this.pad(this.int(1, 999), 3);
    const first13 = sex + yy + mm + dept + commune + order;
    const key = this.pad(nirKey(first13), 2);
    const s = first13 + key;
    if (format === 'compact') return s;
    return `${s[0]} ${s.slice(1, 3)} ${s.slice(3, 5)} ${s.slice(5, 7)} ${s.slice(7, 10)} ${s.slice(10, 13)} ${s.slice(13)}`;
  }

  iban(countries: string[], grouped: boolean): string {
    const country = this.pick(countries);
    const letters = (n: number): string =>
      Array.from({ length: n }, () => this.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''))).join('');
    const bban =
      country === 'FR'
        ? this.digits(5) + this.digits(5) + this.digits(11) + this.digits(2)
        : country === 'DE'
          ? this.digits(18)
          : country === 'NL'
            ? letters(4) + this.digits(10)
            : letters(4) + this.digits(14);
    const iban = country + ibanCheckDigits(country, bban) + bban;
    return grouped ? iban.replace(/(.{4})/g, '$1 ').trim() : iban;
  }

  luhn(prefix: string, length: number): string {
    const partial = prefix + this.digits(length - prefix.length - 1);
    return partial + String(luhnCheckDigit(partial));
  }

  card(grouped: boolean): string {
    const x = this.r();
    const pan =
      x < 0.55
        ? this.luhn('4' + this.digits(5), 16)
        : x < 0.9
          ? this.luhn(String(this.int(51, 55)), 16)
          : this.luhn(this.pick(['34', '37']), 15);
    return grouped && pan.length === 16 ? pan.replace(/(.{4})/g, '$1 ').trim() : pan;
  }

  siret(): string {
    const siren = this.luhn(String(this.int(3, 9)), 9);
    return this.luhn(siren + this.digits(2), 14);
  }

  ipv4(): string {
    return [this.int(11, 223), this.int(0, 255), this.int(0, 255), this.int(1, 254)].join('.');
  }

  ipv6(): string {
    const groups = Array.from({ length: 8 }, () => this.int(0, 65535).toString(16));
    groups[0] = '2a01';
    if (this.r() < 0.5) return `${groups.slice(0, 4).join(':')}::${groups[7]}`;
    return groups.join(':');
  }

  postalFr(): string {
    let d = this.int(1, 95);
    if (d === 20) d = 21;
    return (
      this.pad(d, 2) + this.pick(['000', '100', '200', '300', '110', '120', '400', '500', '600', '800', '160', '210'])
    );
  }

  postcodeUk(): string {
    const area = this.pick([
      'SW',
      'SE',
      'N',
      'E',
      'W',
      'NW',
      'M',
      'B',
      'LS',
      'G',
      'EH',
      'CF',
      'BS',
      'L',
      'NE',
      'OX',
      'CB',
    ]);
    return `${area}${this.int(1, 20)} ${this.int(1, 9)}${this.pick(SIV_LETTERS.split(''))}${this.pick(SIV_LETTERS.split(''))}`;
  }

  street(lang: string): string {
    if (lang === 'fr') {
      const bis = this.r() < 0.1 ? ' bis' : '';
      const flat = this.r() < 0.15 ? `Bât ${this.pick(['A', 'B', 'C'])}, ` : '';
      return `${flat}${this.int(1, 180)}${bis} ${this.pick(FR_STREET_TYPES)} ${this.pick(FR_STREETS)}`;
    }
    const flat = this.r() < 0.2 ? `Flat ${this.int(1, 40)}, ` : '';
    return `${flat}${this.int(1, 300)} ${this.pick(EN_STREETS)} ${this.pick(EN_STREET_TYPES)}`;
  }

  isoDate(year: number, month: number, day: number): string {
    return `${year}-${this.pad(month, 2)}-${this.pad(day, 2)}`;
  }

  date(fromIso: string, toIso: string, format: string): string {
    const from = Date.parse(fromIso);
    const to = Date.parse(toIso);
    const t = new Date(from + this.r() * (to - from));
    const y = t.getUTCFullYear();
    const m = t.getUTCMonth() + 1;
    const d = t.getUTCDate();
    if (format === 'fr') return `${this.pad(d, 2)}/${this.pad(m, 2)}/${y}`;
    if (format === 'datetime')
      return `${this.isoDate(y, m, d)} ${this.pad(this.int(0, 23), 2)}:${this.pad(this.int(0, 59), 2)}:${this.pad(this.int(0, 59), 2)}`;
    return this.isoDate(y, m, d);
  }

  dateBirth(format: string, minAge: number, maxAge: number): string {
    const ref = Date.parse(REFERENCE_DATE);
    const year = 365.25 * 24 * 3600 * 1000;
    const t = new Date(ref - (minAge + this.r() * (maxAge - minAge)) * year - 86400000);
    const y = t.getUTCFullYear();
    const m = t.getUTCMonth() + 1;
    const d = t.getUTCDate();
    return format === 'fr' ? `${this.pad(d, 2)}/${this.pad(m, 2)}/${y}` : this.isoDate(y, m, d);
  }

  pattern(p: string): string {
    let out = '';
    for (const ch of p) {
      if (ch === '#') out += String(this.int(0, 9));
      else if (ch === 'A') out += this.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''));
      else if (ch === '?') out += this.pick('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'.split(''));
      else out += ch;
    }
    return out;
  }

  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[this.int(0, 15)];
    return s;
  }

  plate(): string {
    const l = (): string => this.pick(SIV_LETTERS.split(''));
    let left = l() + l();
    while (left === 'SS' || left === 'WW') left = l() + l();
    let right = l() + l();
    while (right === 'SS' || right === 'WW') right = l() + l();
    return `${left}-${this.pad(this.int(1, 999), 3)}-${right}`;
  }

  text(templates: string[]): string {
    const t = this.pick(templates);
    return t.replace(/\{(\w+)\}/g, (_, key: string) => {
      switch (key) {
        case 'phone':
          return this.phoneFr('spaced');
        case 'phoneUk':
          return `+44 7700 900${this.digits(3)}`;
        case 'LAST':
          return this.last().toUpperCase();
        case 'LASTcap':
          return this.last();
        case 'first':
        case 'first2':
          return this.first();
        case 'email':
          return this.email(this.lang);
        case 'street':
          return this.street(this.lang);
        case 'cityEn':
          return this.pick(EN_CITIES);
        case 'product':
          return this.pick(PRODUCTS).toLowerCase();
        default:
          return key;
      }
    });
  }

  fullName(lang: 'fr' | 'en', format: string): string {
    const f = this.first(lang);
    const l = this.last(lang);
    switch (format) {
      case 'dr':
        return this.r() < 0.5 ? `Dr ${l}` : `Dr ${f} ${l.toUpperCase()}`;
      case 'UPPER':
        return `${f} ${l}`.toUpperCase();
      case 'LAST first':
        return `${l.toUpperCase()} ${f}`;
      case 'first LAST':
        return `${f} ${l.toUpperCase()}`;
      default:
        return `${f} ${l}`;
    }
  }

  value(g: Generator, row: number): string | null {
    if (g.nullRate !== undefined && this.r() < g.nullRate) return null;
    const lang = (g.lang as 'fr' | 'en' | undefined) ?? this.lang;
    switch (g.kind) {
      case 'seq': {
        const n = ((g.start as number | undefined) ?? 1) + row;
        return `${(g.prefix as string | undefined) ?? ''}${g.pad !== undefined ? this.pad(n, g.pad as number) : n}`;
      }
      case 'fk': {
        const n = ((g.start as number | undefined) ?? 1) + this.int(0, (g.max as number) - 1);
        return `${(g.prefix as string | undefined) ?? ''}${g.pad !== undefined ? this.pad(n, g.pad as number) : n}`;
      }
      case 'int':
        return String(this.int(g.min as number, g.max as number));
      case 'decimal': {
        const x = (g.min as number) + this.r() * ((g.max as number) - (g.min as number));
        return x.toFixed(g.dp as number);
      }
      case 'enum':
        return this.pick(g.values as string[], g.weights as number[] | undefined);
      case 'pattern':
        return this.pattern(g.pattern as string);
      case 'firstName':
        return g.compound === true && this.r() < 0.6 ? `${this.first(lang)} ${this.first(lang)}` : this.first(lang);
      case 'lastName': {
        const l = this.last(lang);
        return g.upper === true ? l.toUpperCase() : l;
      }
      case 'fullName':
        return this.fullName(lang, g.format as string);
      case 'email':
        return this.email(lang, g.domains as string[] | undefined);
      case 'roleEmail':
        return `${this.pick(['contact', 'info', 'sales', 'compta', 'commandes', 'accueil'])}@${this.pick(['textiles-nord.fr', 'atelierbois.fr', 'greengarden.co.uk', 'kitchenpro.de', 'jouets-martin.fr'])}`;
      case 'phoneFr':
        return this.phoneFr(g.format as string);
      case 'phoneIntl':
        return this.phoneIntl();
      case 'phoneLike':
        return `0${this.int(1, 9)}${this.digits(8)}`;
      case 'nir':
        return this.nir(g.format as string);
      case 'iban':
        return this.iban(g.countries as string[], g.grouped === true);
      case 'card':
        return this.card(g.grouped === true);
      case 'cardExpiry':
        return `${this.pad(this.int(1, 12), 2)}/${this.int(25, 31)}`;
      case 'siret':
        return this.siret();
      case 'luhnish16':
        return String(this.int(1, 9)) + this.digits(15);
      case 'ipv4':
        return this.ipv4();
      case 'ipMixed':
        return this.r() < 0.8 ? this.ipv4() : this.ipv6();
      case 'postalFr':
        return this.postalFr();
      case 'postcodeUk':
        return this.postcodeUk();
      case 'cityFr':
        return this.pick(FR_CITIES);
      case 'cityEn':
        return this.pick(EN_CITIES);
      case 'street':
        return this.street(lang);
      case 'date':
        return this.date(g.from as string, g.to as string, g.format as string);
      case 'dateBirth':
        return this.dateBirth(g.format as string, g.minAge as number, g.maxAge as number);
      case 'hex':
        return this.hex(g.len as number);
      case 'bcrypt':
        return `$2b$12$${Array.from({ length: 53 }, () => this.pick('./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'.split(''))).join('')}`;
      case 'userAgent':
        return this.pick(AGENTS)
          .replace(/\{v\}/g, String(this.int(110, 126)))
          .replace(/\{v2\}/g, String(this.int(0, 6)));
      case 'url':
        return `https://www.northbridge.co.uk/${this.pick(['products', 'cart', 'checkout', 'search', 'account', 'blog'])}/${this.hex(6)}?ref=${this.int(1, 999)}`;
      case 'productName':
        return this.pick(PRODUCTS);
      case 'plate':
        return this.plate();
      case 'text':
        return this.text(g.templates as string[]);
      default:
        throw new Error(`unknown generator kind ${g.kind}`);
    }
  }
}

// ------------------------------------------------------------------ metrics

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });

function prf(c: Counts): { precision: number; recall: number; f1: number; support: number } {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const r3 = (x: number): number => Math.round(x * 1000) / 1000;
  return { precision: r3(precision), recall: r3(recall), f1: r3(f1), support: c.tp + c.fn };
}

function tally(c: Counts, expected: boolean, predicted: boolean): void {
  if (expected && predicted) c.tp++;
  else if (!expected && predicted) c.fp++;
  else if (expected && !predicted) c.fn++;
  else c.tn++;
}

// ------------------------------------------------------------------ main

type Tier = `${ClassificationTier}`;
const TIERS: readonly Tier[] = ['DIRECT_IDENTIFIER', 'QUASI_IDENTIFIER', 'LINKED_ATTRIBUTE'];

function expectedTier(e: Expected): Tier {
  if (e.personal) return e.quasiIdentifier ? 'QUASI_IDENTIFIER' : 'DIRECT_IDENTIFIER';
  return e.gdpr ? 'LINKED_ATTRIBUTE' : 'NONE';
}

function perFieldTier(r: FieldClassification): Tier {
  if (!r.personal) return 'NONE';
  return r.quasiIdentifier ? 'QUASI_IDENTIFIER' : 'DIRECT_IDENTIFIER';
}

/** Strict, GDPR and per-tier counts of one way of predicting tiers. */
class Readings {
  readonly strict = zero();
  readonly gdpr = zero();
  readonly tiers = new Map<Tier, Counts>(TIERS.map((t) => [t, zero()]));
  readonly gdprPerDatabase = new Map<string, Counts>();

  add(db: string, expected: Tier, predicted: Tier): void {
    const strict = (t: Tier): boolean => t === 'DIRECT_IDENTIFIER' || t === 'QUASI_IDENTIFIER';
    tally(this.strict, strict(expected), strict(predicted));
    tally(this.gdpr, expected !== 'NONE', predicted !== 'NONE');
    if (!this.gdprPerDatabase.has(db)) this.gdprPerDatabase.set(db, zero());
    tally(this.gdprPerDatabase.get(db) as Counts, expected !== 'NONE', predicted !== 'NONE');
    for (const t of TIERS) tally(this.tiers.get(t) as Counts, expected === t, predicted === t);
  }

  summary(): Record<string, ReturnType<typeof prf>> {
    const out: Record<string, ReturnType<typeof prf>> = { strict: prf(this.strict), gdpr: prf(this.gdpr) };
    for (const [t, c] of this.tiers) out[t] = prf(c);
    return out;
  }
}

function line(label: string, m: ReturnType<typeof prf>): string {
  return `  ${label.padEnd(22)} precision ${m.precision.toFixed(3)}  recall ${m.recall.toFixed(3)}  F1 ${m.f1.toFixed(3)}  support ${m.support}`;
}

function metricsOf(sample: readonly (string | null)[]): NonNullable<SchemaFieldInput['metrics']> {
  const nonNull = sample.filter((v): v is string => v !== null);
  return {
    sampled: sample.length,
    distinctEstimate: new Set(nonNull).size,
    nullRatio: sample.length === 0 ? 0 : (sample.length - nonNull.length) / sample.length,
  };
}

/**
 * Cost of the linkage pass alone on a large synthetic schema: `tables` tables of 20 columns, one in ten
 * a table of persons, each other table referencing a person table and the previous table.
 */
function linkageAtScale(tables: number): { tables: number; columns: number; ms: number } {
  const name = classifyField({ dataset: 'person', field: 'last_name' });
  const plain = classifyField({ dataset: 'orders', field: 'quantity' });
  const datasets: SchemaDatasetInput[] = [];
  for (let t = 0; t < tables; t++) {
    const person = t % 10 === 0;
    const fields: SchemaFieldInput[] = [{ name: 'id', dataType: 'int', classification: plain }];
    for (let c = 1; c < 20; c++) {
      fields.push({ name: `c${c}`, dataType: 'text', classification: person && c <= 3 ? name : plain });
    }
    datasets.push({
      name: `s.t${t}`,
      primaryKey: ['id'],
      foreignKeys: person
        ? []
        : [
            { columns: ['c1'], references: { dataset: `s.t${t - (t % 10)}`, columns: ['id'] } },
            { columns: ['c2'], references: { dataset: `s.t${t - 1}`, columns: ['id'] } },
          ],
      fields,
    });
  }
  const started = performance.now();
  classifySchema({ datasets });
  return { tables, columns: tables * 20, ms: Math.round(performance.now() - started) };
}

function main(): void {
  const databases = loadDatabases();
  const overall = zero();
  const special = zero();
  const quasi = zero();
  const perCategory = new Map<string, Counts>();
  const perDatabase = new Map<string, Counts>();
  const before = new Readings();
  const after = new Readings();
  // The same pass over per-field results from names and types alone (declared fields, no sample).
  const namesOnly = new Readings();
  const errors: string[] = [];
  const linkageErrors: string[] = [];
  let columns = 0;
  let rows = 0;
  let tables = 0;
  let classifyMs = 0;
  let linkageMs = 0;

  for (const db of databases) {
    const dbCounts = zero();
    perDatabase.set(db.name, dbCounts);
    const schema: SchemaDatasetInput[] = [];
    const namesOnlySchema: SchemaDatasetInput[] = [];
    const expectedOf = new Map<string, Expected>();
    for (const table of db.tables) {
      tables++;
      rows += ROWS;
      const fields: SchemaFieldInput[] = [];
      for (const column of table.columns) {
        columns++;
        const gen = new ValueGenerator(rng(hashSeed(`${db.name}.${table.name}.${column.name}`)), db.language);
        const sample: (string | null)[] = [];
        for (let r = 0; r < ROWS; r++) sample.push(gen.value(column.generator, r));
        const started = performance.now();
        const result: FieldClassification = classifyField(
          { dataset: table.name, field: column.name, dataType: column.type, comment: column.comment, sample },
          { referenceDate: REFERENCE_DATE },
        );
        classifyMs += performance.now() - started;
        fields.push({ name: column.name, dataType: column.type, metrics: metricsOf(sample), classification: result });
        const e = column.expected;
        expectedOf.set(`${table.name}.${column.name}`, e);
        before.add(db.name, expectedTier(e), perFieldTier(result));
        tally(overall, e.personal, result.personal);
        tally(dbCounts, e.personal, result.personal);
        tally(special, e.specialCategory, result.specialCategory);
        tally(quasi, e.quasiIdentifier, result.quasiIdentifier);
        const categories = new Set([e.category, result.category].filter((c): c is string => c !== null));
        for (const c of categories) {
          if (!perCategory.has(c)) perCategory.set(c, zero());
          tally(perCategory.get(c) as Counts, e.category === c, result.category === c);
        }
        const wrong =
          e.personal !== result.personal ||
          e.category !== result.category ||
          e.quasiIdentifier !== result.quasiIdentifier;
        if (wrong) {
          const top = result.evidence[0];
          errors.push(
            `  ${db.name}.${table.name}.${column.name}: expected ${e.personal ? `${e.category}${e.quasiIdentifier ? '+QI' : ''}` : 'not personal'}, got ${result.personal ? `${result.category}${result.quasiIdentifier ? '+QI' : ''}` : 'not personal'} (${result.confidence})${top ? ` — ${top.rule ?? top.detector}` : ''}`,
          );
        }
      }
      const keys = {
        name: table.name,
        description: table.comment,
        primaryKey: table.primaryKey ?? [],
        foreignKeys: (table.foreignKeys ?? []).map((fk) => ({
          columns: fk.columns,
          references: { dataset: fk.references.table, columns: fk.references.columns },
        })),
      };
      schema.push({ ...keys, fields });
      namesOnlySchema.push({
        ...keys,
        fields: table.columns.map((column) => ({
          name: column.name,
          dataType: column.type,
          classification: classifyField(
            { dataset: table.name, field: column.name, dataType: column.type, comment: column.comment },
            { referenceDate: REFERENCE_DATE },
          ),
        })),
      });
    }
    for (const dataset of classifySchema({ datasets: namesOnlySchema }).datasets) {
      for (const field of dataset.fields) {
        namesOnly.add(
          db.name,
          expectedTier(expectedOf.get(`${dataset.dataset}.${field.field}`) as Expected),
          field.tier,
        );
      }
    }
    const started = performance.now();
    const linkage = classifySchema({ datasets: schema }, { maxHops: 2 });
    linkageMs += performance.now() - started;
    for (const dataset of linkage.datasets) {
      for (const field of dataset.fields) {
        const e = expectedOf.get(`${dataset.dataset}.${field.field}`) as Expected;
        const expected = expectedTier(e);
        after.add(db.name, expected, field.tier);
        if (expected !== field.tier) {
          linkageErrors.push(
            `  ${db.name}.${dataset.dataset}.${field.field} (${dataset.role}): expected ${expected}, got ${field.tier}${field.linkedCategory ? ` ${field.linkedCategory}` : ''}${field.evidence[0] ? ` — ${field.evidence[0].rule}` : ''}`,
          );
        }
      }
    }
  }

  const o = prf(overall);
  console.log(
    `Classification benchmark: ${databases.length} databases, ${tables} tables, ${columns} columns, ${rows} rows per run (${ROWS} per table), seed fixed.`,
  );
  console.log('');
  console.log('Per-field classification (classifyField):');
  console.log(
    `Personal yes/no   precision ${o.precision}  recall ${o.recall}  F1 ${o.f1}  (TP ${overall.tp}, FP ${overall.fp}, FN ${overall.fn}, TN ${overall.tn})`,
  );
  for (const [name, c] of perDatabase) {
    const m = prf(c);
    console.log(`  ${name.padEnd(22)} precision ${m.precision}  recall ${m.recall}  F1 ${m.f1}`);
  }
  const s = prf(special);
  const q = prf(quasi);
  console.log(`Special category  precision ${s.precision}  recall ${s.recall}  F1 ${s.f1}`);
  console.log(`Quasi-identifier  precision ${q.precision}  recall ${q.recall}  F1 ${q.f1}`);
  console.log('');
  console.log('Per category (a column counts for its expected and its predicted category):');
  const categories: Record<string, ReturnType<typeof prf>> = {};
  for (const [name, c] of [...perCategory.entries()].sort()) {
    const m = prf(c);
    categories[name] = m;
    console.log(
      `  ${name.padEnd(22)} precision ${m.precision.toFixed(3)}  recall ${m.recall.toFixed(3)}  F1 ${m.f1.toFixed(3)}  support ${m.support}`,
    );
  }
  console.log('');
  console.log(`Columns with any per-field difference (${errors.length}):`);
  for (const l of errors) console.log(l);
  console.log('');
  const b = before.summary();
  const a = after.summary();
  const n = namesOnly.summary();
  for (const [title, r] of [
    ['Readings before the linkage pass (per-field results alone):', b],
    ['Readings after the linkage pass (classifySchema, maxHops 2):', a],
    ['Readings after the pass over names-only per-field results (no sample):', n],
  ] as const) {
    console.log(title);
    console.log(line('strict (DIRECT+QUASI)', r.strict));
    console.log(line('GDPR (any tier)', r.gdpr));
    for (const t of TIERS) console.log(line(`tier ${t}`, r[t]));
  }
  console.log('GDPR reading per database after the pass:');
  for (const [name, c] of after.gdprPerDatabase) console.log(line(name, prf(c)));
  console.log('');
  console.log(`Columns whose tier differs from the label after the pass (${linkageErrors.length}):`);
  for (const l of linkageErrors) console.log(l);
  console.log('');
  console.log(
    `Classification time: ${classifyMs.toFixed(0)} ms for ${columns} columns (${(classifyMs / columns).toFixed(2)} ms per 1,000-value column); linkage pass ${linkageMs.toFixed(1)} ms for ${tables} tables.`,
  );
  const scale = linkageAtScale(2000);
  console.log(
    `Linkage pass at scale: ${scale.ms} ms for ${scale.tables} synthetic tables (${scale.columns} columns, 1 in 10 a table of persons).`,
  );
  console.log(
    JSON.stringify({
      benchmark: 'classify',
      databases: databases.length,
      tables,
      columns,
      rowsPerTable: ROWS,
      personal: { ...o, tp: overall.tp, fp: overall.fp, fn: overall.fn, tn: overall.tn },
      specialCategory: s,
      quasiIdentifier: q,
      categories,
      mismatches: errors.length,
      readings: { before: b, after: a, namesOnly: n },
      tierMismatches: linkageErrors.length,
      classifyMs: Math.round(classifyMs),
      linkageMs: Math.round(linkageMs * 10) / 10,
      linkageAtScale: scale,
    }),
  );
}

main();
