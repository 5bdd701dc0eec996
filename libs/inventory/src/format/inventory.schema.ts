import {
  ACCESS_METHODS,
  DATASET_KINDS,
  FLOW_MECHANISMS,
  FREQUENCIES,
  HOSTING_TYPES,
  LEGAL_BASES,
  ORGANISATION_SECTORS,
  RECIPIENT_ROLES,
  SAFEGUARDS,
  SOURCE_KINDS,
  STAKEHOLDER_ROLES,
  STRUCTURES,
} from '../model/vocabulary.js';

/**
 * JSON Schema (draft 2020-12) of the inventory format, version 1. Every string and list is
 * bounded, so a hostile file is refused by validation rather than by memory exhaustion.
 * `npm run schema:inventory` writes it to docs/inventory.schema.json.
 */
const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength });
const optionalText = (maxLength: number) => ({ type: 'string', maxLength });
const localKey = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$' };
const fieldRef = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}/.{1,256}$' };
const country = { type: 'string', minLength: 1, maxLength: 8 };
const enumOf = (values: readonly string[]) => ({ type: 'string', enum: [...values] });
const list = (items: object, maxItems = 1000, minItems = 0) => ({ type: 'array', items, maxItems, minItems });
const count = { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER };
const rate = { type: 'number', minimum: 0, maximum: 1e15 };
const object = (properties: Record<string, object>, required: string[] = []) => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
});

const party = object({ name: text(256), contact: optionalText(512), country }, ['name']);
const stakeholder = object({ role: enumOf(STAKEHOLDER_ROLES), name: text(256), contact: optionalText(512) }, [
  'role',
  'name',
]);
const volume = object({ records: count, bytes: count });
const field = object(
  { name: text(256), dataType: optionalText(128), description: optionalText(4000), nullable: { type: 'boolean' } },
  ['name'],
);
const reference = object(
  {
    name: optionalText(256),
    columns: list(text(256), 64, 1),
    dataset: localKey,
    referencedColumns: list(text(256), 64, 1),
  },
  ['columns', 'dataset', 'referencedColumns'],
);
const dataset = object(
  {
    key: localKey,
    name: text(512),
    kind: enumOf(DATASET_KINDS),
    description: optionalText(4000),
    volume,
    fields: list(field, 5000),
    references: list(reference, 500),
  },
  ['key', 'name', 'kind'],
);

export const INVENTORY_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://cartographer.dev/schemas/inventory-v1.json',
  title: 'Cartographer inventory, version 1',
  ...object(
    {
      version: { const: 1 },
      organisation: object(
        {
          key: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,63}$' },
          name: text(256),
          country,
          sector: enumOf(ORGANISATION_SECTORS),
          description: optionalText(4000),
          dpo: party,
        },
        ['key', 'name'],
      ),
      departments: list(
        object(
          { key: localKey, name: text(256), description: optionalText(4000), stakeholders: list(stakeholder, 100) },
          ['key', 'name'],
        ),
      ),
      servers: list(
        object(
          {
            key: localKey,
            name: text(256),
            provider: optionalText(256),
            hosting: enumOf(HOSTING_TYPES),
            country,
            region: optionalText(256),
            certifications: list(text(128), 50),
            description: optionalText(4000),
          },
          ['key', 'name', 'hosting', 'country'],
        ),
      ),
      recipients: list(
        object(
          {
            key: localKey,
            name: text(256),
            role: enumOf(RECIPIENT_ROLES),
            country,
            safeguard: enumOf(SAFEGUARDS),
            certifications: list(text(128), 50),
            description: optionalText(4000),
          },
          ['key', 'name', 'role', 'country', 'safeguard'],
        ),
      ),
      sources: list(
        object(
          {
            key: localKey,
            name: text(256),
            department: localKey,
            kind: enumOf(SOURCE_KINDS),
            structure: enumOf(STRUCTURES),
            description: optionalText(4000),
            servers: list(localKey, 100),
            volume,
            velocity: object({ recordsPerDay: rate, bytesPerDay: rate }),
            accessMethods: list(enumOf(ACCESS_METHODS), 20),
            connectionRef: { type: 'string', pattern: '^[A-Z_][A-Z0-9_]{0,127}$' },
            stakeholders: list(stakeholder, 100),
            datasets: list(dataset, 20000),
          },
          ['key', 'name', 'department', 'kind', 'structure'],
        ),
        10000,
      ),
      processingActivities: list(
        object(
          {
            key: localKey,
            name: text(256),
            department: localKey,
            description: optionalText(4000),
            controller: party,
            jointControllers: list(party, 50),
            representative: party,
            dpo: party,
            purposes: list(text(1000), 50, 1),
            legalBases: list(enumOf(LEGAL_BASES), 6, 1),
            legalBasisDetails: optionalText(4000),
            dataSubjectCategories: list(text(256), 100, 1),
            personalDataCategories: list(text(256), 100, 1),
            specialCategories: list(text(256), 20),
            recipients: list(localKey, 500),
            transfers: list(
              object(
                { recipient: localKey, country, safeguard: enumOf(SAFEGUARDS), documentation: optionalText(4000) },
                ['recipient', 'country', 'safeguard'],
              ),
              500,
            ),
            retention: text(2000),
            securityMeasures: list(text(1000), 100, 1),
            datasets: list(localKey, 5000),
            fields: list(fieldRef, 20000),
          },
          [
            'key',
            'name',
            'department',
            'controller',
            'purposes',
            'legalBases',
            'dataSubjectCategories',
            'personalDataCategories',
            'retention',
            'securityMeasures',
          ],
        ),
        5000,
      ),
      flows: list(
        object(
          {
            key: localKey,
            name: optionalText(256),
            from: localKey,
            to: localKey,
            fields: list({ oneOf: [text(256), object({ from: fieldRef, to: fieldRef }, ['from', 'to'])] }, 5000),
            frequency: enumOf(FREQUENCIES),
            mechanism: enumOf(FLOW_MECHANISMS),
            description: optionalText(4000),
          },
          ['key', 'from', 'to'],
        ),
        10000,
      ),
    },
    ['version', 'organisation'],
  ),
} as const;
