import fc from 'fast-check';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';

/**
 * A schema-driven GraphQL fuzzer: for every query and mutation of the committed schema it generates
 * operations whose variables are valid-shaped (enum values, keys of the run's own inventory, real
 * dates) or hostile (huge, control characters, injection text, out-of-range numbers, wrong types,
 * missing required members, unknown members). Operations always parse; whether they validate is up
 * to the variables. Used by the short run in `npm test` and the long one in `npm run fuzz`.
 */

export interface FuzzOperation {
  /** `query.<field>` or `mutation.<field>`. */
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

/** Values of the run under test that make valid-shaped arguments reach deep code paths. */
export interface FuzzValues {
  /** Organisation keys, graph keys, local keys, ids, emails the run owns. */
  known: readonly string[];
  /** A prefix every fresh key the fuzzer invents starts with (so cleanup finds what it created). */
  freshPrefix: string;
  /** Values for arguments and members whose name matches (e.g. /organisation/i → organisation keys). */
  hints?: readonly { name: RegExp; values: readonly string[] }[];
}

/** Text a hostile client sends. None is a valid organisation key, so nothing escapes the run's cleanup. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'NUL\u0000inside',
  '\uFEFFBOM',
  '\uD800',
  'Ω≈ç√∫ 😀 ‮RTL‬',
  "' OR 1=1 --",
  '"; MATCH (n) DETACH DELETE n //',
  '} RETURN n UNION MATCH (m) RETURN m //',
  '$where',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '%s%s%n',
  '{{7*7}}',
  '${jndi:ldap://x}',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31T25:61:61Z',
  'A'.repeat(300),
  'é'.repeat(5000),
  'x'.repeat(70_000),
  'ORG:Key',
  ':',
  'a:',
  ':b',
  'a/b/../c',
];

const DATE_STRINGS = ['2026-12-03', '2024-02-29', '1970-01-01', '2100-01-01', '2026-12-03T10:00:00.000Z'];

/** Reads the SDL of the committed schema. */
export function fuzzSchema(sdl: string): GraphQLSchema {
  return buildSchema(sdl);
}

/** Every root field the fuzzer covers, `query.<name>` / `mutation.<name>`, sorted. */
export function rootFields(
  schema: GraphQLSchema,
): { kind: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }[] {
  const out: { kind: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }[] = [];
  for (const [kind, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    if (!type) continue;
    for (const field of Object.values(type.getFields()).sort((a, b) => a.name.localeCompare(b.name)))
      out.push({ kind, field });
  }
  return out;
}

function stringArbitrary(values: FuzzValues, hostile: boolean, name?: string): fc.Arbitrary<string> {
  const hinted = name ? values.hints?.find((hint) => hint.name.test(name) && hint.values.length > 0) : undefined;
  if (hinted && !hostile) return fc.constantFrom(...hinted.values);
  const known = values.known.length > 0 ? fc.constantFrom(...values.known) : fc.constant(values.freshPrefix);
  const fresh = fc.nat({ max: 9999 }).map((n) => `${values.freshPrefix}-f${n}`);
  if (!hostile)
    return fc.oneof(
      { weight: 6, arbitrary: known },
      { weight: 2, arbitrary: fresh },
      { weight: 1, arbitrary: fc.constantFrom(...DATE_STRINGS) },
    );
  return fc.oneof(
    { weight: 5, arbitrary: known },
    { weight: 2, arbitrary: fresh },
    { weight: 1, arbitrary: known.map((k) => `${k}:${k}`) },
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 1, arbitrary: fc.constantFrom(...DATE_STRINGS) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((s) => `X${s}`) },
  );
}

function scalarArbitrary(name: string, values: FuzzValues, hostile: boolean, member?: string): fc.Arbitrary<unknown> {
  if (!hostile) {
    switch (name) {
      case 'Int':
        return fc.integer({ min: 0, max: 50 });
      case 'Float':
        return fc.double({ min: 0, max: 1, noNaN: true });
      case 'Boolean':
        return fc.boolean();
      case 'DateTime':
        return fc.constantFrom(...DATE_STRINGS);
      default:
        return stringArbitrary(values, false, member);
    }
  }
  switch (name) {
    case 'Int':
      return fc.oneof(
        fc.integer({ min: -2, max: 200 }),
        fc.constantFrom(0, 1, 1000, 100_000, 2_147_483_647, -2_147_483_648),
        // Out of GraphQL's Int range or not an integer: a coercion error, never a crash.
        fc.constantFrom(2 ** 40, 1.5, '12'),
      );
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -1, 1e308, '3.2'));
    case 'Boolean':
      return fc.oneof({ weight: 6, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constantFrom('true', 0) });
    case 'DateTime':
      return fc.oneof(fc.constantFrom(...DATE_STRINGS), fc.constantFrom('yesterday', '2026-02-30T00:00:00Z', '', 12));
    default:
      // String, ID and any custom scalar taking text.
      return fc.oneof(
        { weight: 12, arbitrary: stringArbitrary(values, true) },
        { weight: 1, arbitrary: fc.constantFrom(42, true, [], {}) },
      );
  }
}

/**
 * A value for an input type; `depth` bounds recursive input objects. A valid-shaped value coerces
 * (right types, enum values, the run's keys, no null where forbidden); a hostile one may not.
 */
export function inputArbitrary(
  type: GraphQLInputType,
  values: FuzzValues,
  hostile: boolean,
  depth = 0,
  member?: string,
): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    const inner = inputArbitrary(type.ofType, values, hostile, depth, member);
    // Rarely null where the schema forbids it: a coercion error.
    return hostile ? fc.oneof({ weight: 30, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) }) : inner;
  }
  const inner = nullableInput(type, values, hostile, depth, member);
  return fc.oneof({ weight: 8, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) });
}

function nullableInput(
  type: GraphQLInputType,
  values: FuzzValues,
  hostile: boolean,
  depth: number,
  member?: string,
): fc.Arbitrary<unknown> {
  if (isListType(type)) {
    const item = inputArbitrary(type.ofType, values, hostile, depth + 1, member);
    const short = fc.array(item, { maxLength: 3 });
    return hostile
      ? fc.oneof(
          { weight: 6, arbitrary: short },
          { weight: 1, arbitrary: fc.array(item, { minLength: 40, maxLength: 60 }) },
        )
      : short;
  }
  if (isEnumType(type)) {
    const names = type.getValues().map((v) => v.name);
    const valid = fc.constantFrom(...names);
    return hostile
      ? fc.oneof(
          { weight: 12, arbitrary: valid },
          { weight: 1, arbitrary: fc.constantFrom('NOT_A_VALUE', names[0]!.toLowerCase()) },
        )
      : valid;
  }
  if (isScalarType(type)) return scalarArbitrary(type.name, values, hostile, member);
  if (isInputObjectType(type)) {
    if (depth > 4) return fc.constant({});
    const fields = Object.values(type.getFields());
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    const required: string[] = [];
    for (const field of fields) {
      record[field.name] = inputArbitrary(field.type, values, hostile, depth + 1, field.name);
      if (isNonNullType(field.type) && field.defaultValue === undefined) required.push(field.name);
    }
    const object = fc.record(record, { requiredKeys: required });
    if (!hostile) return object;
    return fc.oneof(
      { weight: 10, arbitrary: object },
      // A required member missing, or an unknown one added: both refused by validation.
      { weight: 1, arbitrary: object.map((o) => dropFirst(o, required)) },
      { weight: 1, arbitrary: object.map((o) => ({ ...o, notAMember: 'x' })) },
    );
  }
  return fc.constant(null);
}

function dropFirst(object: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  if (keys.length === 0) return object;
  const { [keys[0]!]: _dropped, ...rest } = object;
  return rest;
}

/** `__typename` plus the leaf fields without required arguments, and those of the objects one level below. */
export function selectionOf(type: GraphQLOutputType, depth = 0): string {
  const named: GraphQLNamedType = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isUnionType(named)) return '{ __typename }';
  if (!isObjectType(named) && !isInterfaceType(named)) return '';
  const parts = ['__typename'];
  for (const field of Object.values(named.getFields())) {
    if (field.args.some((a: GraphQLArgument) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const child = getNamedType(field.type);
    if (isLeafType(child)) parts.push(field.name);
    else if (depth < 1 && (isObjectType(child) || isInterfaceType(child) || isUnionType(child))) {
      const sub = selectionOf(field.type, depth + 1);
      if (sub) parts.push(`${field.name} ${sub}`);
    }
  }
  return `{ ${parts.join(' ')} }`;
}

/** Operations for one root field: the document is fixed, the variables are generated. */
export function operationArbitrary(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  values: FuzzValues,
): fc.Arbitrary<FuzzOperation> {
  const definitions = field.args.map((a) => `$${a.name}: ${a.type.toString()}`);
  const args = field.args.map((a) => `${a.name}: $${a.name}`);
  const query =
    `${kind} Fuzz${definitions.length ? `(${definitions.join(', ')})` : ''} ` +
    `{ ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${selectionOf(field.type)} }`;
  const variablesOf = (hostile: boolean) => {
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    const required: string[] = [];
    for (const arg of field.args) {
      record[arg.name] = inputArbitrary(arg.type, values, hostile, 0, arg.name);
      if (isNonNullType(arg.type) && arg.defaultValue === undefined) required.push(arg.name);
    }
    return fc.record(record, { requiredKeys: required });
  };
  // Half valid-shaped (they reach the resolvers and the stores), half hostile.
  return fc
    .oneof(variablesOf(false), variablesOf(true))
    .map((variables) => ({ name: `${kind}.${field.name}`, query, variables }));
}

/** Every root field, equally likely. */
export function anyOperation(schema: GraphQLSchema, values: FuzzValues): fc.Arbitrary<FuzzOperation> {
  return fc.oneof(...rootFields(schema).map(({ kind, field }) => operationArbitrary(kind, field, values)));
}
