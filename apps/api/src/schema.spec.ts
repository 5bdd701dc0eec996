import { describe, expect, it } from '@jest/globals';
import { buildSchemaSdl, committedSchemaSdl } from './schema.js';

describe('committed GraphQL schema', () => {
  it('matches the code-first schema (run `npm run schema:print` after changing the API)', async () => {
    expect(await buildSchemaSdl()).toBe(await committedSchemaSdl());
  });
});
