import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '@cartographer/config';
import { INVENTORY_SCHEMA } from '@cartographer/inventory';

const file = join(projectRoot(), 'docs', 'inventory.schema.json');
await writeFile(file, `${JSON.stringify(INVENTORY_SCHEMA, null, 2)}\n`);
console.log(`wrote ${file}`);
