import { COUNT_MAX, DOCUMENT, type Members, RATE_MAX, type Spec } from '../model/declarations.js';

/** YYYY-MM-DD; whether the date exists is checked by the compiler. */
export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/**
 * JSON Schema (draft 2020-12) of the inventory format, version 1, derived from the entity
 * declarations (model/declarations.ts). Every string and list is bounded, so a hostile file is
 * refused by validation rather than by memory exhaustion. `npm run schema:inventory` writes it to
 * docs/inventory.schema.json.
 */
export function schemaOf(spec: Spec): Record<string, unknown> {
  switch (spec.kind) {
    case 'text':
      return spec.nonEmpty
        ? { type: 'string', minLength: 1, maxLength: spec.max }
        : { type: 'string', maxLength: spec.max };
    case 'pattern':
      return { type: 'string', pattern: `^${spec.pattern}$` };
    case 'enum':
      return { type: 'string', enum: [...spec.values] };
    case 'count':
      return { type: 'integer', minimum: 0, maximum: COUNT_MAX };
    case 'integer':
      return { type: 'integer', minimum: spec.min, maximum: spec.max };
    case 'date':
      return { type: 'string', pattern: DATE_PATTERN };
    case 'rate':
      return { type: 'number', minimum: 0, maximum: RATE_MAX };
    case 'share':
      return { type: 'number', minimum: 0, maximum: 1 };
    case 'number':
      return { type: 'number', minimum: spec.min, maximum: spec.max };
    case 'boolean':
      return { type: 'boolean' };
    case 'const':
      return { const: spec.value };
    case 'list':
      return {
        type: 'array',
        items: schemaOf(spec.item),
        maxItems: spec.max,
        minItems: spec.min,
        ...(spec.unique ? { uniqueItems: true } : {}),
      };
    case 'object':
      return objectSchema(spec.members);
    case 'oneOf':
      return { oneOf: spec.options.map(schemaOf) };
  }
}

function objectSchema(members: Members): Record<string, unknown> {
  const entries = Object.entries(members);
  return {
    type: 'object',
    additionalProperties: false,
    required: entries.filter(([, member]) => member.required).map(([name]) => name),
    properties: Object.fromEntries(entries.map(([name, member]) => [name, schemaOf(member.spec)])),
  };
}

export const INVENTORY_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://cartographer.dev/schemas/inventory-v1.json',
  title: 'Cartographer inventory, version 1',
  ...objectSchema(DOCUMENT),
} as const;
