/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, or the inspector's Profiler as bench:api
 * records it): busy time, then the functions and the packages with the most self time.
 *
 *   node dist/scripts/cpu-profile-summary.js FILE.cpuprofile [--top 25]
 *
 * The last line is one JSON object.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/** The members of a `.cpuprofile` this summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** Sampled time, idle included. */
  totalMs: number;
  /** Time the thread was not idle (program and GC included). */
  busyMs: number;
  gcMs: number;
  functions: { name: string; where: string; selfMs: number; share: number }[];
  /** Our own functions (apps, libs, scripts) by total time: themselves and what they call. */
  ours: { name: string; where: string; totalMs: number; share: number }[];
  packages: { name: string; selfMs: number; share: number }[];
}

const META = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/** `node_modules/@scope/pkg` or `node_modules/pkg`, `node:internal`, or our own top folders. */
function packageOf(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.startsWith('node:') || url === '') return url === '' ? '(native)' : 'node';
  const ours = /\/dist\/((?:apps|libs)\/[^/]+|scripts)\//.exec(url);
  return ours ? ours[1] : url;
}

function shortWhere(url: string, line: number): string {
  const modules = url.lastIndexOf('node_modules/');
  const tail = modules >= 0 ? url.slice(modules + 'node_modules/'.length) : url.replace(/^.*\/dist\//, '');
  return `${tail}:${line + 1}`;
}

export function summariseProfile(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, index) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  let totalUs = 0;
  let idleUs = 0;
  let gcUs = 0;
  const functions = new Map<string, { name: string; where: string; us: number }>();
  const packages = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    totalUs += us;
    if (functionName === '(idle)') idleUs += us;
    if (functionName === '(garbage collector)') gcUs += us;
    if (functionName === '(idle)') continue;
    const name = functionName || '(anonymous)';
    const where = META.has(functionName) ? '' : shortWhere(url, lineNumber);
    const key = `${name}@${where}`;
    const entry = functions.get(key) ?? { name, where, us: 0 };
    entry.us += us;
    functions.set(key, entry);
    const pkg = META.has(functionName) ? functionName : packageOf(url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
  }
  // Total (inclusive) time of our functions: each sample counts once for every distinct function on its stack.
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inclusive = new Map<string, { name: string; where: string; us: number }>();
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const { functionName, url, lineNumber } = byId.get(at)!.callFrame;
      if (!/\/dist\/(apps|libs|scripts)\//.test(url) || url.includes('node_modules/')) continue;
      const where = shortWhere(url, lineNumber);
      const key = `${functionName}@${where}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = inclusive.get(key) ?? { name: functionName || '(anonymous)', where, us: 0 };
      entry.us += us;
      inclusive.set(key, entry);
    }
  }
  const busyUs = totalUs - idleUs;
  const ms = (us: number) => Math.round(us / 100) / 10;
  const share = (us: number) => (busyUs > 0 ? Math.round((1000 * us) / busyUs) / 10 : 0);
  return {
    totalMs: ms(totalUs),
    busyMs: ms(busyUs),
    gcMs: ms(gcUs),
    functions: [...functions.values()]
      .sort((a, b) => b.us - a.us)
      .map((f) => ({ name: f.name, where: f.where, selfMs: ms(f.us), share: share(f.us) })),
    ours: [...inclusive.values()]
      .sort((a, b) => b.us - a.us)
      .map((f) => ({ name: f.name, where: f.where, totalMs: ms(f.us), share: share(f.us) })),
    packages: [...packages.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({ name, selfMs: ms(us), share: share(us) })),
  };
}

export function formatSummary(summary: ProfileSummary, top: number): string {
  const lines = [
    `busy ${summary.busyMs} ms of ${summary.totalMs} ms sampled (GC ${summary.gcMs} ms)`,
    'self % of busy  function (where)',
    ...summary.functions
      .slice(0, top)
      .map((f) => `${String(f.share).padStart(6)} %  ${f.name}${f.where ? ` (${f.where})` : ''}`),
    'our functions, total % of busy (self and callees)',
    ...summary.ours.slice(0, top).map((f) => `${String(f.share).padStart(6)} %  ${f.name} (${f.where})`),
    'by package',
    ...summary.packages.slice(0, Math.ceil(top / 2)).map((p) => `${String(p.share).padStart(6)} %  ${p.name}`),
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string', default: '25' } },
  });
  const top = Number(values.top);
  for (const file of positionals) {
    const summary = summariseProfile(JSON.parse(await readFile(file, 'utf8')) as CpuProfile);
    console.log(`${file}\n${formatSummary(summary, top)}`);
    console.log(
      JSON.stringify({
        file,
        ...summary,
        functions: summary.functions.slice(0, top),
        ours: summary.ours.slice(0, top),
        packages: summary.packages.slice(0, top),
      }),
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
