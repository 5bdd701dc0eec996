/**
 * Throughput of the value detectors: scanText over ~50 MB of mixed text (French and English prose,
 * CSV lines, logs, with personal data sprinkled in), then hostile 256 KB and 1 MB inputs for both
 * scanText and classifyField, to show linear time (the 1 MB run should take about 4x the 256 KB one).
 * Single-threaded: the MB/s figure is per core. The last line is one JSON object.
 *
 * Run: npx swc apps libs migrations scripts -d dist --config-file .swcrc -q && node dist/scripts/bench-detectors.js
 */
import { classifyField, ibanCheckDigits, luhnCheckDigit, nirKey, scanText } from '@cartographer/classification';
import { rng } from './seeded-random.js';

const TARGET_MB = 50;

const r = rng(42);
const int = (min: number, max: number): number => min + Math.floor(r() * (max - min + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)];
const digits = (n: number): string => Array.from({ length: n }, () => String(int(0, 9))).join('');

const PROSE = [
  "Le comité de pilotage s'est réuni pour valider le calendrier de migration des applications métier vers la nouvelle plateforme.",
  'The quarterly report shows a steady increase in orders, with most of the growth coming from returning customers in the north.',
  'Les indicateurs de performance seront consolidés chaque mois et diffusés aux responsables de service avant la revue budgétaire.',
  'Please find attached the minutes of the meeting; the next session is planned for the second week of March in Lyon.',
  "Conformément au règlement intérieur, les demandes de congés doivent être déposées au moins quinze jours à l'avance.",
  'Version 2.4.1 fixes a memory leak in the export module and improves the performance of large queries by 30 percent.',
  "Le stock de pièces détachées est suffisant pour couvrir les interventions prévues jusqu'à la fin du trimestre.",
  'Our support team answered 1284 tickets last month with an average first response time of 3 hours and 12 minutes.',
];
const FIRST = ['Jean', 'Marie', 'Lucas', 'Chloé', 'Oliver', 'Emma', 'Karim', 'Aminata', 'Pierre', 'Sophie'];
const LAST = ['DUPONT', 'Martin', 'Lefèvre', 'Smith', 'Benali', 'Nguyen', 'Moreau', 'Taylor'];

function nir(): string {
  const first13 = `${pick(['1', '2'])}${digits(2)}${String(int(1, 12)).padStart(2, '0')}${String(int(1, 95)).padStart(2, '0')}${digits(3)}${String(int(1, 999)).padStart(3, '0')}`;
  return `${first13}${String(nirKey(first13)).padStart(2, '0')}`;
}

function iban(): string {
  const bban = digits(23);
  return `FR${ibanCheckDigits('FR', bban)}${bban}`.replace(/(.{4})/g, '$1 ').trim();
}

function card(): string {
  const partial = '4' + digits(14);
  return (partial + String(luhnCheckDigit(partial))).replace(/(.{4})/g, '$1 ').trim();
}

/** Prose with personal data here and there: what unstructured files (documents, mails, notes) look like. */
function documentPiece(): string {
  const x = r();
  if (x < 0.78) return pick(PROSE);
  if (x < 0.84)
    return `${pick(['M.', 'Mme', 'Dr', 'Mr'])} ${pick(LAST)} a appelé au 0${int(1, 9)} ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)} pour son dossier.`;
  if (x < 0.89)
    return `Contact: ${pick(FIRST).toLowerCase()}.${pick(LAST).toLowerCase()}@example.org, tel +33 6 ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}.`;
  if (x < 0.91) return `NIR ${nir()} ; IBAN ${iban()} ; carte ${card()}.`;
  if (x < 0.95)
    return `${pick(FIRST)} ${pick(LAST)} est né le ${String(int(1, 28)).padStart(2, '0')}/0${int(1, 9)}/19${int(40, 99)} à ${pick(['Lyon', 'Brest', 'Paris', 'Nantes'])}.`;
  return `Order #${digits(9)} total ${int(5, 900)}.${digits(2)} EUR, tracking 1Z${digits(16)}, batch 0${int(1, 9)}${digits(8)}.`;
}

/** Machine records: CSV lines and web-server logs, digits everywhere. */
function recordPiece(): string {
  const x = r();
  if (x < 0.4)
    return `${int(10, 250)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)} - - [12/Mar/2025:10:${digits(2)}:${digits(2)} +0100] "GET /api/v1/orders/${digits(6)} HTTP/1.1" 200 ${int(100, 90000)}`;
  if (x < 0.8)
    return `${digits(6)};${pick(['chaise', 'table', 'lampe', 'bureau'])};${int(1, 500)},${digits(2)};${int(1, 40)};2025-0${int(1, 9)}-1${int(0, 9)};REF-${digits(8)}`;
  return `${digits(6)};${pick(FIRST)};${pick(LAST)};${pick(FIRST).toLowerCase()}@example.org;0${int(1, 9)}${digits(8)};${nir()}`;
}

function buildCorpus(megabytes: number, piece: () => string): string {
  const parts: string[] = [];
  let size = 0;
  while (size < megabytes * 1024 * 1024) {
    const p = piece();
    parts.push(p);
    size += p.length + 1;
  }
  return parts.join('\n');
}

function timeIt(fn: () => void, repeat = 1): number {
  const start = performance.now();
  for (let i = 0; i < repeat; i++) fn();
  return (performance.now() - start) / repeat;
}

/** CPU milliseconds of this process for fn, best of `repeat`: per-core cost, unaffected by other processes' load. */
function cpuMs(fn: () => void, repeat = 5): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeat; i++) {
    const before = process.cpuUsage();
    fn();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** Scans a corpus in 1 MB documents, as a file scanner would; returns MB per CPU-second and findings. */
function throughput(corpus: string): {
  mb: number;
  cpu: number;
  wall: number;
  mbPerSecond: number;
  wallMbPerSecond: number;
  findings: number;
} {
  const bytes = Buffer.byteLength(corpus, 'utf8');
  const chunk = 1024 * 1024;
  // Each document is its own string, decoded from bytes as a file's text is: a slice of the corpus
  // would be a view into it, which V8 reads more slowly than the flat string a scanner gets.
  const documents: string[] = [];
  for (let i = 0; i < corpus.length; i += chunk) {
    documents.push(Buffer.from(corpus.slice(i, i + chunk), 'utf8').toString('utf8'));
  }
  let findings = 0;
  const run = (): void => {
    findings = 0;
    for (const document of documents) findings += scanText(document).findings;
  };
  run();
  const cpu = cpuMs(run);
  const wall = timeIt(run);
  const mb = bytes / 1048576;
  return { mb, cpu, wall, mbPerSecond: mb / (cpu / 1000), wallMbPerSecond: mb / (wall / 1000), findings };
}

function main(): void {
  const documents = throughput(buildCorpus(TARGET_MB, documentPiece));
  console.log(
    `scanText, mixed documents (${documents.mb.toFixed(1)} MB, prose with personal data): ${documents.mbPerSecond.toFixed(0)} MB/s per core (CPU time, best of 5; ${documents.wallMbPerSecond.toFixed(0)} MB/s wall clock), ${documents.findings} personal findings.`,
  );
  const records = throughput(buildCorpus(TARGET_MB / 5, recordPiece));
  console.log(
    `scanText, dense machine records (${records.mb.toFixed(1)} MB of CSV lines and web logs): ${records.mbPerSecond.toFixed(0)} MB/s per core (${records.wallMbPerSecond.toFixed(0)} MB/s wall clock), ${records.findings} personal findings.`,
  );
  const mbPerSecond = documents.mbPerSecond;
  const bytes = documents.mb * 1048576;
  const ms = documents.cpu;
  const findings = documents.findings;

  const hostile: Record<string, (size: number) => string> = {
    'a@a repeated': (n) => 'a@a'.repeat(Math.ceil(n / 3)).slice(0, n),
    'digits only': (n) => '7'.repeat(n),
    '"+33 " repeated': (n) => '+33 '.repeat(n / 4),
    '"1 " repeated (endless digit-group chain)': (n) => '1 '.repeat(n / 2),
    '"06 " repeated (phone-like groups)': (n) => '06 '.repeat(Math.ceil(n / 3)).slice(0, n),
    '"2A " repeated (Corsican NIR groups)': (n) => '2A '.repeat(Math.ceil(n / 3)).slice(0, n),
    'upper-case letters (IBAN/plate starts)': (n) => 'FR76'.repeat(n / 4),
    '"Jean " repeated (name checks)': (n) => 'Jean '.repeat(n / 5),
    'local part then one @': (n) => 'a'.repeat(n - 1) + '@',
    '@ then domain letters': (n) => '@' + 'a'.repeat(n - 1),
    '"fe80:" repeated (IPv6 path)': (n) => 'fe80:'.repeat(n / 5),
    '"1.2." repeated (IPv4 path)': (n) => '1.2.'.repeat(n / 4),
  };
  const rows: {
    input: string;
    scanText256KbMs: number;
    scanText1MbMs: number;
    classify256KbMs: number;
    classify1MbMs: number;
    ratio: number;
  }[] = [];
  console.log('');
  console.log('Hostile inputs (ms; 1 MB / 256 KB ratio near 4 means linear):');
  for (const [name, make] of Object.entries(hostile)) {
    const small = make(256 * 1024);
    const large = make(1024 * 1024);
    scanText(small);
    const s256 = timeIt(() => scanText(small), 5);
    const s1m = timeIt(() => scanText(large), 5);
    const c256 = timeIt(() => classifyField({ dataset: 'hostile', field: 'value', sample: [small] }), 3);
    const c1m = timeIt(() => classifyField({ dataset: 'hostile', field: 'value', sample: [large] }), 3);
    const ratio = s1m / Math.max(s256, 0.001);
    rows.push({
      input: name,
      scanText256KbMs: round(s256),
      scanText1MbMs: round(s1m),
      classify256KbMs: round(c256),
      classify1MbMs: round(c1m),
      ratio: round(ratio),
    });
    console.log(
      `  ${name.padEnd(44)} scanText 256 KB ${s256.toFixed(2).padStart(7)}  1 MB ${s1m.toFixed(2).padStart(7)}  (x${ratio.toFixed(1)})   classifyField 256 KB ${c256.toFixed(2).padStart(7)}  1 MB ${c1m.toFixed(2).padStart(7)}`,
    );
  }
  const worst1Mb = Math.max(...rows.map((row) => Math.max(row.scanText1MbMs, row.classify1MbMs)));
  console.log('');
  console.log(`Worst hostile 1 MB value: ${worst1Mb.toFixed(1)} ms.`);
  console.log(
    JSON.stringify({
      benchmark: 'detectors',
      corpusMB: round(bytes / 1048576),
      scanTextCpuMs: Math.round(ms),
      mbPerSecondPerCore: Math.round(mbPerSecond),
      wallMbPerSecond: Math.round(documents.wallMbPerSecond),
      denseRecordsMbPerSecondPerCore: Math.round(records.mbPerSecond),
      findings,
      hostile: rows,
      worstHostile1MbMs: round(worst1Mb),
    }),
  );
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

main();
