import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { projectRoot } from '@cartographer/config';
import { INVENTORY_SCHEMA } from '@cartographer/inventory';

const file = join(projectRoot(), 'docs', 'inventory.schema.json');
// Written as the repository's Prettier formats it, so `npm run lint` accepts the regenerated file.
const text = await format(JSON.stringify(INVENTORY_SCHEMA, null, 2), {
  ...(await resolveConfig(file)),
  filepath: file,
});
await writeFile(file, text);
console.log(`wrote ${file}`);
