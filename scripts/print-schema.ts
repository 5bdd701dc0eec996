import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { buildSchemaSdl, SCHEMA_FILE } from '../apps/api/src/schema.js';

await writeFile(SCHEMA_FILE, await buildSchemaSdl());
console.log(`wrote ${SCHEMA_FILE}`);
