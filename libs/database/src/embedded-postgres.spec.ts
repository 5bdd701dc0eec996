import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertReachableByOtherUsers } from './embedded-postgres.js';

describe('assertReachableByOtherUsers', () => {
  let base: string;
  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'carto-pg-reach-'));
  });
  afterEach(async () => {
    await chmod(base, 0o755);
    await rm(base, { recursive: true, force: true });
  });

  it('accepts a data folder every parent of which others may enter', async () => {
    await chmod(base, 0o755);
    const dataDir = join(base, 'data', 'postgres');
    await mkdir(dataDir, { recursive: true, mode: 0o711 });
    await expect(assertReachableByOtherUsers(dataDir)).resolves.toBeUndefined();
  });

  it('names the first folder the postgres user cannot enter, with its mode and the ways out', async () => {
    // mkdtemp creates the folder with mode 0700, as `mktemp -d` does.
    const dataDir = join(base, 'data', 'postgres');
    await mkdir(dataDir, { recursive: true });
    await expect(assertReachableByOtherUsers(dataDir)).rejects.toThrow(
      `the embedded PostgreSQL cannot use ${dataDir}: under root it runs as the 'postgres' user, ` +
        `which cannot enter ${base} (mode 0700); allow it (chmod o+x ${base}), ` +
        'choose another data folder (CARTO_DATA_DIR), or set DATABASE_URL to a running PostgreSQL',
    );
  });
});
