import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { projectRoot } from '@cartographer/config';
import { INVENTORY_SCHEMA } from './inventory.schema.js';

describe('docs/inventory.schema.json', () => {
  it('is the schema the code validates with (run `npm run schema:inventory` after changing it)', async () => {
    const committed = JSON.parse(
      await readFile(join(projectRoot(), 'docs', 'inventory.schema.json'), 'utf8'),
    ) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(INVENTORY_SCHEMA)));
  });
});
