/**
 * API speed under load: starts the API on local stores (a fresh Neo4j and embedded PostgreSQL in a
 * temporary folder) with the demo organisation, logs in a DPO of that organisation, and runs
 * autocannon against a fixed set of operations at 1, 10 and 50 connections. `--compare` also runs a
 * bare Apollo server answering the same light query in the same process and machine, so the
 * overhead is a ratio rather than an absolute figure.
 *
 *   npm run bench:api -- [--duration 10] [--connections 1,10,50] [--only me,nested] [--compare]
 *                        [--profile DIR]
 *
 * `--profile DIR` records a V8 CPU profile of the server's thread (the load generator has its own)
 * during each measured cell, `DIR/<operation>-<connections>.cpuprofile`, and prints the top
 * self-time functions of each (scripts/cpu-profile-summary.ts).
 *
 * Every operation is first sent once and must answer without GraphQL errors. Prints a table per
 * operation (req/s, p50/p97.5/p99 latency in ms, errors); the last line is one JSON object.
 */
import 'reflect-metadata';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { fork } from 'node:child_process';
import type autocannon from 'autocannon';
import { Role, TokensService, UsersService } from '@cartographer/access';
import { loadConfig } from '@cartographer/config';
import { preflight, startStores } from '@cartographer/runtime';
import { createApiApp } from '../apps/api/src/bootstrap.js';
import { type CpuProfile, formatSummary, summariseProfile } from './cpu-profile-summary.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '1,10,50' },
    only: { type: 'string' },
    compare: { type: 'boolean', default: false },
    profile: { type: 'string' },
  },
});
const duration = Number(values.duration);
const connectionSteps = values.connections.split(',').map(Number);

interface Operation {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Sent without the bearer token. */
  anonymous?: boolean;
  /** Sent as the administrator (a DPO may not declare data sources). */
  asAdmin?: boolean;
}

interface Measure {
  operation: string;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p97_5: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** CPU time of the API process (user + system) per answered request, in ms. */
  cpuMsPerRequest: number;
}

const SMALL_DOCUMENT = (org: string) =>
  JSON.stringify({
    version: 1,
    organisation: { key: org, name: 'Bench import', country: 'FR' },
    departments: [{ key: 'rh', name: 'Ressources humaines' }],
    servers: [{ key: 'srv', name: 'Baie locale', hosting: 'ON_PREMISES', country: 'FR' }],
    sources: [
      {
        key: 'paie',
        name: 'Paie',
        department: 'rh',
        kind: 'RELATIONAL_DATABASE',
        structure: 'STRUCTURED',
        servers: ['srv'],
        datasets: [
          { key: 'agents', name: 'agents', kind: 'TABLE', fields: [{ name: 'matricule' }, { name: 'service' }] },
        ],
      },
    ],
  });

function operations(org: string, sourceKey: string, email: string, password: string): Operation[] {
  return [
    { name: 'me', query: '{ me { email } }' },
    {
      name: 'list',
      query: '{ dataSources(first: 20) { totalCount items { key name kind structure } } }',
    },
    {
      name: 'nested',
      query: '{ dataSources(first: 20) { items { key datasets(first: 10) { key fields(first: 20) { name } } } } }',
    },
    {
      name: 'neighbourhood',
      query:
        'query ($key: ID!) { neighbourhood(key: $key, depth: 2, limit: 200) { nodes { key label } edges { from to type } } }',
      variables: { key: sourceKey },
    },
    {
      name: 'findings',
      query:
        'query ($org: String) { findings(organisation: $org, first: 50) { totalCount nodes { key category status } } }',
      variables: { org },
    },
    {
      name: 'import',
      query: 'mutation ($doc: String!) { importInventory(document: $doc, format: JSON) { writes } }',
      variables: { doc: SMALL_DOCUMENT(`${org}-bench`) },
      asAdmin: true,
    },
    {
      name: 'login',
      query: 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { expiresAt } }',
      variables: { e: email, p: password },
      anonymous: true,
    },
  ];
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers, body });
  return response.json();
}

async function measure(
  url: string,
  operation: Operation,
  tokens: { dpo: string; admin: string } | undefined,
  connections: number,
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const token = operation.asAdmin ? tokens?.admin : tokens?.dpo;
  if (token && !operation.anonymous) headers.authorization = `Bearer ${token}`;
  const body = JSON.stringify({ query: operation.query, variables: operation.variables ?? {} });
  const probe = (await post(url, body, headers)) as { errors?: { message: string }[] };
  if (probe.errors?.length) throw new Error(`${operation.name}: ${probe.errors[0].message}`);
  const profiler = values.profile ? await startProfiler() : undefined;
  // The load generator runs in its own process: this process's CPU time is then the server's alone,
  // a cost per request that holds on a loaded machine better than req/s does.
  const cpuBefore = process.cpuUsage();
  const result = await load({ url, method: 'POST', headers, body, connections, duration });
  const cpu = process.cpuUsage(cpuBefore);
  if (profiler) await profiler.stop(`${operation.name}-${connections}`);
  return {
    operation: operation.name,
    connections,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    cpuMsPerRequest: Number(((cpu.user + cpu.system) / 1000 / Math.max(result.requests.total, 1)).toFixed(3)),
  } satisfies Measure;
}

function load(options: autocannon.Options): Promise<autocannon.Result> {
  const child = fork(new URL('./bench-api-load.js', import.meta.url));
  return new Promise((resolve, reject) => {
    child.once('message', (result) => resolve(result as autocannon.Result));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load generator exited with ${code}`));
    });
    child.send(options);
  });
}

/** A CPU profile of this thread (the server's; autocannon runs in its own worker thread). */
async function startProfiler(): Promise<{ stop: (name: string) => Promise<void> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop(name) {
      const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
      session.disconnect();
      await mkdir(values.profile!, { recursive: true });
      await writeFile(join(values.profile!, `${name}.cpuprofile`), JSON.stringify(profile));
      console.log(`${name}: top self time\n${formatSummary(summariseProfile(profile), 15)}`);
    },
  };
}

/** The same light query on a bare Apollo server: what the framework costs without our layers. */
async function bareApollo(): Promise<{ url: string; stop: () => Promise<void> }> {
  // The nested page's shape too, answered from memory: what graphql-js alone costs for that answer.
  const list = (n: number, make: (i: number) => object) => Array.from({ length: n }, (_, i) => make(i));
  const server = new ApolloServer({
    typeDefs: `type User { email: String! }
      type Field { name: String! }
      type Dataset { key: String! fields(first: Int): [Field!]! }
      type DataSource { key: String! datasets(first: Int): [Dataset!]! }
      type DataSourcePage { totalCount: Int! items: [DataSource!]! }
      type Query { me: User! dataSources(first: Int): DataSourcePage! }`,
    resolvers: {
      Query: {
        me: () => ({ email: 'dpo@example.org' }),
        dataSources: (_: unknown, { first }: { first: number }) => ({
          totalCount: first,
          items: list(first, (i) => ({ key: `org:source-${i}` })),
        }),
      },
      DataSource: {
        datasets: (s: { key: string }, { first }: { first: number }) =>
          list(first, (i) => ({ key: `${s.key}-dataset-${i}` })),
      },
      Dataset: { fields: (_: unknown, { first }: { first: number }) => list(first, (i) => ({ name: `field_${i}` })) },
    },
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}

function print(rows: Measure[]): void {
  console.log('operation       conn    req/s     p50   p97.5     p99  errors  non2xx  cpu ms/req');
  for (const r of rows) {
    console.log(
      `${r.operation.padEnd(14)} ${String(r.connections).padStart(5)} ${String(r.requestsPerSecond).padStart(8)} ${String(r.p50).padStart(7)} ${String(r.p97_5).padStart(7)} ${String(r.p99).padStart(7)} ${String(r.errors).padStart(7)} ${String(r.non2xx).padStart(7)} ${String(r.cpuMsPerRequest).padStart(11)}`,
    );
  }
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'carto-bench-api-'));
  // Under root, PostgreSQL runs as the postgres user, which must be able to enter this folder.
  await chmod(dataDir, 0o755);
  const password = 'bench-api-password-1234';
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'development',
    CARTO_DATA_DIR: dataDir,
    CARTO_LOAD_DEMO: 'true',
    CARTO_SCAN_WORKERS: '0',
    LOG_LEVEL: 'error',
  });
  const stores = await startStores(config, () => undefined);
  let app: Awaited<ReturnType<typeof createApiApp>> | undefined;
  let bare: { url: string; stop: () => Promise<void> } | undefined;
  try {
    await preflight(stores);
    app = await createApiApp(config, stores);
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as AddressInfo).port;
    const url = `http://127.0.0.1:${port}/graphql`;

    const neo4j = (await import('@cartographer/graph')).Neo4jService;
    const graph = app.get(neo4j);
    const [demo] = await graph.queryRead<{ key: string; source: string }>(
      'MATCH (o:Organisation)-[:HAS_DEPARTMENT]->(:Department)-[:OWNS]->(s:DataSource) RETURN o.key AS key, min(s.key) AS source',
    );
    if (!demo) throw new Error('the demo organisation was not loaded');
    const email = `dpo@${demo.key}.bench`;
    const users = app.get(UsersService);
    const account = await users.create({
      email,
      displayName: 'Bench DPO',
      role: Role.DPO,
      organisations: [demo.key],
      password,
    });
    const admin = await users.create({
      email: `admin@${demo.key}.bench`,
      displayName: 'Bench administrator',
      role: Role.ADMIN,
      organisations: [],
      password,
    });
    const tokensService = app.get(TokensService);
    const tokens = {
      dpo: (await tokensService.issueLoginToken(account.id)).token,
      admin: (await tokensService.issueLoginToken(admin.id)).token,
    };

    const wanted = values.only?.split(',');
    const rows: Measure[] = [];
    for (const operation of operations(demo.key, demo.source, email, password)) {
      if (wanted && !wanted.includes(operation.name)) continue;
      for (const connections of connectionSteps) rows.push(await measure(url, operation, tokens, connections));
    }
    const compared: Measure[] = [];
    if (values.compare) {
      bare = await bareApollo();
      const nested = operations(demo.key, demo.source, email, password).find((o) => o.name === 'nested')!;
      for (const connections of connectionSteps) {
        compared.push(
          await measure(bare.url, { name: 'bare-apollo-me', query: '{ me { email } }' }, undefined, connections),
        );
        if (!wanted || wanted.includes('nested'))
          compared.push(await measure(bare.url, { ...nested, name: 'bare-apollo-nested' }, undefined, connections));
      }
    }
    print([...rows, ...compared]);
    const ratios = compared.map((bareRow) => {
      const operation = bareRow.operation.replace('bare-apollo-', '');
      const ours = rows.find((r) => r.operation === operation && r.connections === bareRow.connections);
      return {
        operation,
        connections: bareRow.connections,
        // How many times the bare server's cost (1 / throughput) our light query costs.
        costRatio: ours ? Number((bareRow.requestsPerSecond / ours.requestsPerSecond).toFixed(2)) : null,
        // The same from CPU time per request: less sensitive to what else runs on the machine.
        cpuRatio: ours ? Number((ours.cpuMsPerRequest / bareRow.cpuMsPerRequest).toFixed(2)) : null,
      };
    });
    console.log(JSON.stringify({ benchmark: 'api', duration, results: rows, bare: compared, ratios }));
  } finally {
    await bare?.stop().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await stores.stop();
    await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

await main();
