import { ClassificationError, ClassificationErrorCode } from '../classification.errors.js';
import { tokenizeIdentifier } from '../names/tokenize.js';
import type { Hop, SchemaDatasetInput, SchemaInput } from './linkage.types.js';
import { singular } from './subject-kinds.js';

/**
 * A link between two datasets, oriented for linkage: the rows of `child` are about the rows of
 * `parent` (a foreign key from child to parent, or a flow from parent into child).
 */
export interface Edge {
  readonly hop: Hop;
  readonly child: string;
  readonly parent: string;
  /** The child's columns that carry the link (empty for a flow without field mapping). */
  readonly childFields: readonly string[];
  /** A record-audit column (created_by, updated_by): it names who wrote the row, not whom the row is about. */
  readonly audit: boolean;
}

const AUDIT_VERBS = new Set([
  'created',
  'creation',
  'updated',
  'update',
  'modified',
  'modification',
  'deleted',
  'inserted',
  'changed',
  'edited',
  'cree',
  'modifie',
  'supprime',
  'saisi',
]);
const AUDIT_LINKS = new Set(['by', 'par', 'author', 'auteur', 'user']);

/** `created_by`, `modifie_par`, `last_updated_user`: the writer of the record. */
export function isAuditColumn(tokens: readonly string[]): boolean {
  return tokens.some((t) => AUDIT_VERBS.has(t)) && tokens.some((t) => AUDIT_LINKS.has(t));
}

/** Key names too generic to infer a reference from. */
const GENERIC_KEYS = new Set(['id', 'code', 'uuid', 'guid', 'key', 'pk', 'num', 'number', 'ref', 'reference', 'rowid']);
const ID_TOKENS = new Set(['id', 'number', 'code', 'ref', 'key', 'fk']);

export function shortName(dataset: string): string {
  if (dataset.includes('/') || dataset.includes('\\')) return dataset;
  const dot = dataset.lastIndexOf('.');
  return dot >= 0 ? dataset.slice(dot + 1) : dataset;
}

function tableTokens(dataset: string): string[] {
  return tokenizeIdentifier(shortName(dataset)).flatMap((t) => singular(t).slice(-1));
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new ClassificationError(ClassificationErrorCode.INVALID_INPUT, message);
}

/** Validates the schema: unique dataset names, fields, keys and links that name existing columns. */
export function validateSchema(input: SchemaInput): void {
  check(input !== null && typeof input === 'object', 'schema input must be an object');
  check(Array.isArray(input.datasets), 'datasets must be an array');
  const names = new Set<string>();
  for (const [i, dataset] of input.datasets.entries()) {
    check(
      dataset !== null && typeof dataset === 'object' && typeof dataset.name === 'string' && dataset.name !== '',
      `datasets[${i}].name must be a non-empty string`,
    );
    check(!names.has(dataset.name), `dataset ${dataset.name} appears twice`);
    names.add(dataset.name);
    check(Array.isArray(dataset.fields), `dataset ${dataset.name}: fields must be an array`);
    const fields = new Set<string>();
    for (const [j, field] of dataset.fields.entries()) {
      check(
        field !== null && typeof field === 'object' && typeof field.name === 'string' && field.name !== '',
        `dataset ${dataset.name}: fields[${j}].name must be a non-empty string`,
      );
      check(!fields.has(field.name), `dataset ${dataset.name}: field ${field.name} appears twice`);
      fields.add(field.name);
      check(
        field.classification !== null &&
          typeof field.classification === 'object' &&
          typeof field.classification.personal === 'boolean',
        `dataset ${dataset.name}: field ${field.name} has no classification (the result of classifyField)`,
      );
    }
    for (const column of dataset.primaryKey ?? []) {
      check(fields.has(column), `dataset ${dataset.name}: primary key column ${column} is not one of its fields`);
    }
    for (const [k, fk] of (dataset.foreignKeys ?? []).entries()) {
      const label = fk.name ?? `foreignKeys[${k}]`;
      check(
        Array.isArray(fk.columns) && fk.columns.length > 0 && typeof fk.references?.dataset === 'string',
        `dataset ${dataset.name}: foreign key ${label} needs columns and a referenced dataset`,
      );
      for (const column of fk.columns) {
        check(
          fields.has(column),
          `dataset ${dataset.name}: foreign key ${label} names column ${column}, not one of its fields`,
        );
      }
    }
  }
  const byName = new Map(input.datasets.map((d) => [d.name, d]));
  for (const [i, link] of (input.links ?? []).entries()) {
    const label = link?.name ?? `links[${i}]`;
    check(link?.kind === 'REFERENCE' || link?.kind === 'FLOW', `link ${label}: kind must be REFERENCE or FLOW`);
    for (const end of [link.from, link.to]) {
      const dataset = byName.get(end?.dataset);
      check(dataset !== undefined, `link ${label} names dataset ${String(end?.dataset)}, which is not in the schema`);
      for (const field of end.fields ?? []) {
        check(
          (dataset as SchemaDatasetInput).fields.some((f) => f.name === field),
          `link ${label} names field ${field}, not a field of ${end.dataset}`,
        );
      }
    }
    check(
      link.kind !== 'REFERENCE' || (link.from.fields ?? []).length > 0,
      `link ${label}: a REFERENCE needs the referencing fields`,
    );
  }
}

/**
 * The edges of the schema graph: declared foreign keys (to datasets of the input; others point outside
 * what was scanned), inventory references and flows, and references inferred from key names for columns
 * no declared link covers.
 */
export function buildEdges(input: SchemaInput, inferReferences: boolean): Edge[] {
  const names = new Set(input.datasets.map((d) => d.name));
  const edges: Edge[] = [];
  const covered = new Set<string>();
  const audit = (fields: readonly string[]): boolean =>
    fields.length === 1 && isAuditColumn(tokenizeIdentifier(fields[0]));
  for (const dataset of input.datasets) {
    for (const fk of dataset.foreignKeys ?? []) {
      if (!names.has(fk.references.dataset)) continue;
      edges.push({
        hop: {
          kind: 'FOREIGN_KEY',
          name: fk.name ?? null,
          from: dataset.name,
          fromFields: [...fk.columns],
          to: fk.references.dataset,
          toFields: [...fk.references.columns],
        },
        child: dataset.name,
        parent: fk.references.dataset,
        childFields: [...fk.columns],
        audit: audit(fk.columns),
      });
      for (const column of fk.columns) covered.add(`${dataset.name}\u0000${column}`);
    }
  }
  for (const link of input.links ?? []) {
    const hop: Hop = {
      kind: link.kind === 'FLOW' ? 'FLOW' : 'DECLARED_REFERENCE',
      name: link.name ?? null,
      from: link.from.dataset,
      fromFields: [...(link.from.fields ?? [])],
      to: link.to.dataset,
      toFields: [...(link.to.fields ?? [])],
    };
    if (link.kind === 'FLOW') {
      edges.push({ hop, child: link.to.dataset, parent: link.from.dataset, childFields: hop.toFields, audit: false });
    } else {
      edges.push({
        hop,
        child: link.from.dataset,
        parent: link.to.dataset,
        childFields: hop.fromFields,
        audit: audit(hop.fromFields),
      });
      for (const column of hop.fromFields) covered.add(`${link.from.dataset}\u0000${column}`);
    }
  }
  if (inferReferences) edges.push(...inferredEdges(input, covered));
  return edges.sort(compareEdges);
}

function inferredEdges(input: SchemaInput, covered: ReadonlySet<string>): Edge[] {
  // Single-column primary keys, by lower-cased column name and by table tokens.
  // Only surrogate keys and internal identifiers: an e-mail used as a key is a value, not a reference.
  const keyed = input.datasets
    .filter((d) => (d.primaryKey ?? []).length === 1)
    .map((d) => {
      const key = (d.primaryKey as readonly string[])[0];
      const c = d.fields.find((f) => f.name === key)?.classification;
      return {
        dataset: d.name,
        key,
        tokens: tableTokens(d.name),
        surrogate: c === undefined || !c.personal || c.category === 'INTERNAL_ID',
      };
    })
    .filter((k) => k.surrogate);
  const byKey = new Map<string, typeof keyed>();
  const byTokens = new Map<string, typeof keyed>();
  for (const k of keyed) {
    byKey.set(k.key.toLowerCase(), [...(byKey.get(k.key.toLowerCase()) ?? []), k]);
    byTokens.set(k.tokens.join(' '), [...(byTokens.get(k.tokens.join(' ')) ?? []), k]);
  }
  const out: Edge[] = [];
  for (const dataset of input.datasets) {
    const ownKey = (dataset.primaryKey ?? []).length === 1 ? (dataset.primaryKey as readonly string[])[0] : null;
    for (const field of dataset.fields) {
      if (covered.has(`${dataset.name}\u0000${field.name}`) || field.name === ownKey) continue;
      const lower = field.name.toLowerCase();
      const tokens = tokenizeIdentifier(field.name).flatMap((t) => singular(t).slice(-1));
      const byKeyName = GENERIC_KEYS.has(lower)
        ? []
        : (byKey.get(lower) ?? []).filter((k) => k.dataset !== dataset.name);
      const entity = tokens.filter((t) => !ID_TOKENS.has(t));
      const byEntity =
        tokens.length > entity.length && entity.length > 0
          ? (byTokens.get(entity.join(' ')) ?? []).filter((k) => k.dataset !== dataset.name)
          : [];
      const targets = byKeyName.length > 0 ? byKeyName : byEntity;
      if (targets.length !== 1) continue;
      const target = targets[0];
      out.push({
        hop: {
          kind: 'INFERRED_REFERENCE',
          name: null,
          from: dataset.name,
          fromFields: [field.name],
          to: target.dataset,
          toFields: [target.key],
        },
        child: dataset.name,
        parent: target.dataset,
        childFields: [field.name],
        audit: isAuditColumn(tokenizeIdentifier(field.name)),
      });
    }
  }
  return out;
}

function compareEdges(a: Edge, b: Edge): number {
  const key = (e: Edge): string =>
    [e.child, e.parent, e.hop.kind, e.childFields.join('+'), e.hop.name ?? ''].join('\u0000');
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** One link of a path, as a DPO reads it: "rental.customer_id", "flow crm-export: crm.customers → dwh.clients". */
export function hopText(hop: Hop): string {
  if (hop.kind === 'FLOW') {
    return `flow ${hop.name !== null ? `${hop.name}: ` : ''}${hop.from} → ${hop.to}`;
  }
  const columns = `${shortName(hop.from)}.${hop.fromFields.join('+')}`;
  if (hop.kind === 'DECLARED_REFERENCE') return `${columns} (declared reference)`;
  if (hop.kind === 'INFERRED_REFERENCE') return `${columns} (inferred from the key name ${hop.toFields.join('+')})`;
  return columns;
}
