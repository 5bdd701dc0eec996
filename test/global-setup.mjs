// Starts the real stores once for the whole integration run: a local Neo4j and an embedded
// PostgreSQL in a fresh temporary folder, unless NEO4J_URI / DATABASE_URL name running ones.
// Jest loads global setup outside its ESM sandbox, so this file is plain JavaScript and uses the
// compiled libraries; it compiles them first (SWC takes about a second) so they are never stale.
import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export default async function globalSetup() {
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/@swc/cli/bin/swc.js'),
      'apps',
      'libs',
      'migrations',
      'scripts',
      '-d',
      'dist',
      '--config-file',
      '.swcrc',
      '--only',
      '**/*.ts',
      '--ignore',
      '**/*.spec.ts,**/*.int-spec.ts',
      '-q',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  const { loadConfig } = await import(join(root, 'dist/libs/config/src/index.js'));
  const { startStores } = await import(join(root, 'dist/libs/runtime/src/index.js'));
  const dataDir = await mkdtemp(join(tmpdir(), 'carto-test-'));
  // Under root, PostgreSQL runs as the postgres user, which must be able to enter this folder.
  await chmod(dataDir, 0o755);
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', CARTO_DATA_DIR: dataDir });
  const stores = await startStores(config, (line) => {
    if (process.env.CARTO_TEST_DEBUG) console.error(line);
  });
  process.env.NEO4J_URI = stores.neo4j.uri;
  process.env.NEO4J_USER = stores.neo4j.user;
  process.env.NEO4J_PASSWORD = stores.neo4j.password;
  process.env.DATABASE_URL = stores.databaseUrl;
  process.env.CARTO_TEST_DATA_DIR = dataDir;
  globalThis.__cartoStores = stores;
}
