import { rm } from 'node:fs/promises';

export default async function globalTeardown() {
  await globalThis.__cartoStores?.stop();
  if (process.env.CARTO_TEST_DATA_DIR) await rm(process.env.CARTO_TEST_DATA_DIR, { recursive: true, force: true });
}
