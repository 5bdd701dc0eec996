import { describe, expect, it } from '@jest/globals';
import { InventoryError, InventoryErrorCode } from '../inventory.errors.js';
import { parseInventory, toPath } from './inventory-parser.js';

function failure(text: string, file = 'inv.yaml'): { code: InventoryErrorCode; message: string } {
  try {
    parseInventory(text, { file });
  } catch (error) {
    expect(error).toBeInstanceOf(InventoryError);
    return { code: (error as InventoryError).code, message: (error as InventoryError).message };
  }
  throw new Error('expected the document to be refused');
}

describe('parseInventory', () => {
  it('accepts a minimal document', () => {
    expect(parseInventory('version: 1\norganisation: {key: mairie, name: Mairie}\n')).toEqual({
      version: 1,
      organisation: { key: 'mairie', name: 'Mairie' },
    });
  });

  it('reads JSON when the file name says so', () => {
    expect(
      parseInventory('{"version":1,"organisation":{"key":"a","name":"A"}}', { file: 'x.json' }).organisation.key,
    ).toBe('a');
  });

  it.each([
    [
      'invalid YAML',
      'version: 1\norganisation: {key: a, name: [unclosed\n',
      InventoryErrorCode.INVALID_SYNTAX,
      'inv.yaml: invalid YAML: line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
    [
      'an unknown key',
      'version: 1\norganisation: {key: a, name: A, colour: red}\n',
      InventoryErrorCode.INVALID_DOCUMENT,
      "inv.yaml: organisation.colour: unknown key 'colour'",
    ],
    [
      'a wrong type',
      'version: 1\norganisation: {key: a, name: A}\nservers:\n  - {key: s, name: 5, hosting: CLOUD, country: FR}\n',
      InventoryErrorCode.INVALID_DOCUMENT,
      'inv.yaml: servers[0].name: must be string, got number',
    ],
    [
      'an unknown enum value',
      'version: 1\norganisation: {key: a, name: A}\nservers:\n  - {key: s, name: S, hosting: MOON, country: FR}\n',
      InventoryErrorCode.INVALID_DOCUMENT,
      "inv.yaml: servers[0].hosting: 'MOON' is not one of ON_PREMISES, CLOUD, SAAS",
    ],
    [
      'a wrong version',
      'version: 2\norganisation: {key: a, name: A}\n',
      InventoryErrorCode.INVALID_DOCUMENT,
      "inv.yaml: version: must be 1, got '2'",
    ],
    [
      'a malformed key',
      'version: 1\norganisation: {key: "A B", name: A}\n',
      InventoryErrorCode.INVALID_DOCUMENT,
      "inv.yaml: organisation.key: 'A B' is not a valid key (letters, digits, '.', '_' and '-')",
    ],
    ['a missing section', 'version: 1\n', InventoryErrorCode.INVALID_DOCUMENT, 'inv.yaml: organisation: is required'],
    [
      'a list at the top',
      '- a\n- b\n',
      InventoryErrorCode.INVALID_DOCUMENT,
      'inv.yaml: must be a mapping with version and organisation',
    ],
    [
      'a duplicated key',
      'version: 1\nversion: 1\norganisation: {key: a, name: A}\n',
      InventoryErrorCode.INVALID_SYNTAX,
      'inv.yaml: invalid YAML: line 2, column 1: Map keys must be unique',
    ],
    [
      '100k-deep nesting',
      '['.repeat(100_000),
      InventoryErrorCode.INVALID_SYNTAX,
      'inv.yaml: nesting deeper than 32 levels',
    ],
    [
      'deep block nesting',
      Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
      InventoryErrorCode.INVALID_SYNTAX,
      'inv.yaml: nesting deeper than 32 levels',
    ],
    [
      'an alias bomb',
      'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
      InventoryErrorCode.INVALID_SYNTAX,
      'inv.yaml: invalid YAML: Excessive alias count indicates a resource exhaustion attack',
    ],
  ])('refuses %s with an error naming the path', (_what, text, code, message) => {
    expect(failure(text)).toEqual({ code, message });
  });

  it('refuses a 10 MB string without quoting it', () => {
    const { code, message } = failure(`version: 1\norganisation: {key: a, name: "${'x'.repeat(10 * 1024 * 1024)}"}\n`);
    expect(code).toBe(InventoryErrorCode.INVALID_DOCUMENT);
    expect(message).toBe('inv.yaml: organisation.name: longer than 256 characters (10485760)');
  });

  it('refuses 100k-deep JSON before parsing it', () => {
    expect(failure(`{"version":1,"organisation":${'['.repeat(100_000)}`, 'inv.json')).toEqual({
      code: InventoryErrorCode.INVALID_SYNTAX,
      message: 'inv.json: nesting deeper than 32 levels',
    });
  });

  it('lists every problem of a document, with its path', () => {
    const { message } = failure(
      'version: 1\norganisation: {key: a}\nflows:\n  - {key: f, from: a, to: b, fields: [{from: x}], speed: 3}\n',
    );
    expect(message).toBe(
      "inv.yaml: organisation.name: is required; inv.yaml: flows[0].speed: unknown key 'speed'; inv.yaml: flows[0].fields[0]: must be a field name or {from, to}",
    );
  });

  it('turns JSON pointers into readable paths', () => {
    expect(toPath('/sources/3/datasets/0/kind')).toBe('sources[3].datasets[0].kind');
    expect(toPath('')).toBe('');
  });
});
