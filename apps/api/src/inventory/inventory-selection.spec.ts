import { describe, expect, it } from '@jest/globals';
import { type FieldNode, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { selectsBelow } from './inventory-selection.js';

/** The info of the operation's first top-level field, as graphql-js gives it to that field's resolver. */
function infoOf(query: string) {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
}

describe('selectsBelow', () => {
  it('finds a field at any depth below the resolved one', () => {
    expect(selectsBelow(infoOf('{ dataSources { items { key revision } } }'), 'revision')).toBe(true);
    expect(selectsBelow(infoOf('{ dataset(key: "a") { references { dataset { revision } } } }'), 'revision')).toBe(
      true,
    );
  });

  it('follows named and inline fragments, and ignores directives', () => {
    expect(
      selectsBelow(infoOf('{ dataSources { items { ...S } } } fragment S on DataSource { revision }'), 'revision'),
    ).toBe(true);
    expect(selectsBelow(infoOf('{ dataSources { items { ... on DataSource { revision } } } }'), 'revision')).toBe(true);
    expect(selectsBelow(infoOf('{ dataSources { items { revision @skip(if: true) } } }'), 'revision')).toBe(true);
  });

  it('answers false when the field is not selected below, even if selected elsewhere', () => {
    expect(
      selectsBelow(
        infoOf('{ dataSources { items { key datasets { fields { name } } } } other { revision } }'),
        'revision',
      ),
    ).toBe(false);
    expect(selectsBelow(infoOf('{ dataSources { totalCount } }'), 'revision')).toBe(false);
  });

  it('ends on a fragment spread twice (cycles are refused by validation, repeats are not)', () => {
    expect(selectsBelow(infoOf('{ a { ...F b { ...F } } } fragment F on T { key }'), 'revision')).toBe(false);
  });
});
