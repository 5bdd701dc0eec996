import { ClassificationError, ClassificationErrorCode } from '../classification.errors.js';
import type { FieldClassification } from '../classify/classify-field.js';
import { datasetContext } from '../names/name-detector.js';
import {
  FILLER_TOKENS,
  NONPERSON_DATASET_TOKENS,
  PERSON_TOKENS,
  REFERENCE_DATASET_TOKENS,
} from '../names/name-vocabulary.js';
import { tokenizeIdentifier, tokenizeText } from '../names/tokenize.js';
import { PersonalDataCategory } from '../taxonomy.js';
import {
  LINKED_TREATMENT_BY_CATEGORY,
  PSEUDONYMOUS_KEY_TREATMENT,
  Treatment,
  TREATMENT_BY_CONCEPT,
} from '../treatments.js';
import { linkedCategoryOf } from './linked-category.js';
import { ClassificationTier, DatasetRole, LinkedCategory } from './linkage.types.js';
import type {
  DatasetLinkage,
  FieldLinkage,
  LinkageEvidence,
  LinkageOptions,
  LinkPath,
  SchemaClassification,
  SchemaDatasetInput,
  SchemaFieldInput,
  SchemaInput,
} from './linkage.types.js';
import { registerInputsOf } from './register.js';
import type { Edge } from './schema-graph.js';
import { buildEdges, hopText, validateSchema } from './schema-graph.js';
import { SUBJECT_KINDS, SubjectKind, singular, subjectKindOfTokens } from './subject-kinds.js';

const DEFAULT_MAX_HOPS = 2;
const MAX_MAX_HOPS = 6;

/** Identifier groups that make a table a table of persons when two of them appear. */
const PERSON_GROUPS: ReadonlySet<PersonalDataCategory> = new Set([
  PersonalDataCategory.IDENTITY,
  PersonalDataCategory.CONTACT,
  PersonalDataCategory.BIRTH_DATE,
  PersonalDataCategory.NATIONAL_ID,
]);
/** Personal fields that make a table a person's detail (an address row) when a person row points to it. */
const DETAIL_CATEGORIES: ReadonlySet<PersonalDataCategory> = new Set([
  PersonalDataCategory.IDENTITY,
  PersonalDataCategory.CONTACT,
  PersonalDataCategory.LOCATION,
]);
/** Column words that are a name only in context: a person's name in a table of persons, a label elsewhere. */
const AMBIGUOUS_NAME_TOKENS = new Set([
  'nom',
  'name',
  'libelle',
  'label',
  'designation',
  'intitule',
  'denomination',
  'appellation',
]);
/** An ambiguous name whose sampled values are this repetitive is a label of a few things, not of persons. */
const MIN_NAME_DISTINCT_RATIO = 0.2;
const MIN_SAMPLED_FOR_CONTRADICTION = 20;

interface FieldFacts {
  readonly input: SchemaFieldInput;
  readonly tokens: readonly string[];
  readonly isDate: boolean;
  readonly isBoolean: boolean;
  readonly isTextual: boolean;
}

interface DatasetFacts {
  readonly input: SchemaDatasetInput;
  readonly name: string;
  readonly tokens: readonly string[];
  readonly fields: readonly FieldFacts[];
  /** Table-name kind from the per-field context reader (person, things, reference, statistics, neutral). */
  readonly contextKind: string;
  /** The table name names things or a reference list (even next to a person word). */
  readonly namedAsThing: boolean;
  readonly linkTable: boolean;
}

interface PersonFacts {
  readonly kind: SubjectKind;
  readonly evidence: LinkageEvidence[];
}

function typeFamilyOf(field: SchemaFieldInput): string {
  if (field.typeFamily !== undefined) return field.typeFamily;
  const t = (field.dataType ?? '').toLowerCase();
  if (t === '') return 'other';
  if (/^(bool|boolean|bit|tinyint\(1\))$/.test(t)) return 'boolean';
  if (/timestamp|datetime/.test(t)) return 'timestamp';
  if (/^date$|^date\b|^time\b/.test(t)) return 'date';
  if (/^(int|integer|bigint|smallint|tinyint|mediumint|serial|bigserial)/.test(t)) return 'integer';
  if (/^(numeric|decimal|real|float|double|money|number)/.test(t)) return 'decimal';
  if (/char|text|string|varchar|clob|enum|citext/.test(t)) return 'string';
  return 'other';
}

function fieldFacts(field: SchemaFieldInput): FieldFacts {
  const family = typeFamilyOf(field);
  return {
    input: field,
    tokens: tokenizeIdentifier(field.name),
    isDate: family === 'date' || family === 'timestamp',
    isBoolean: family === 'boolean',
    isTextual: family === 'string' || family === 'other',
  };
}

type EdgesBy = ReadonlyMap<string, readonly Edge[]>;

function indexBy(edges: readonly Edge[], key: (e: Edge) => string): Map<string, Edge[]> {
  const out = new Map<string, Edge[]>();
  for (const e of edges) {
    const list = out.get(key(e)) ?? [];
    list.push(e);
    out.set(key(e), list);
  }
  return out;
}

function datasetFacts(dataset: SchemaDatasetInput, byChild: EdgesBy): DatasetFacts {
  const context = datasetContext(dataset.name);
  const tokens = context.tokens.flatMap((t) => singular(t));
  const namedAsThing =
    context.kind === 'nonPerson' ||
    context.kind === 'reference' ||
    context.kind === 'aggregate' ||
    tokens.some((t) => NONPERSON_DATASET_TOKENS.has(t) || REFERENCE_DATASET_TOKENS.has(t));
  const own = (byChild.get(dataset.name) ?? []).filter((e) => e.hop.kind !== 'FLOW' && e.parent !== dataset.name);
  const fkColumns = new Set(own.flatMap((e) => e.childFields));
  const parents = new Set(own.map((e) => e.parent));
  const pk = dataset.primaryKey ?? [];
  const others = dataset.fields.filter((f) => !fkColumns.has(f.name)).length;
  const linkTable = parents.size >= 2 && (pk.length > 0 ? pk.every((c) => fkColumns.has(c)) : others <= 2);
  return {
    input: dataset,
    name: dataset.name,
    tokens,
    fields: dataset.fields.map(fieldFacts),
    contextKind: context.kind,
    namedAsThing,
    linkTable,
  };
}

const personalCategory = (c: FieldClassification): PersonalDataCategory | null => (c.personal ? c.category : null);

/** Why a dataset looks like a table of persons: its name, its fields, or both. Null when neither says so. */
function personCandidate(
  d: DatasetFacts,
): { byName: boolean; score: number; identity: number; facts: PersonFacts } | null {
  if (d.linkTable) return null;
  const evidence: LinkageEvidence[] = [];
  const fromName =
    d.contextKind !== 'reference' && d.contextKind !== 'aggregate' && !d.namedAsThing
      ? subjectKindOfTokens(d.tokens)
      : null;
  if (fromName !== null) {
    evidence.push({
      rule: 'person.table-name',
      explanation: `Table name word "${fromName.token}" names ${SUBJECT_KINDS[fromName.kind].label.en.toLowerCase()} (${SUBJECT_KINDS[fromName.kind].label.fr.toLowerCase()}).`,
    });
  }
  const identifiers = d.fields.filter((f) => {
    const c = personalCategory(f.input.classification);
    return c !== null && PERSON_GROUPS.has(c);
  });
  const groups = new Set(identifiers.map((f) => f.input.classification.category));
  const identity = identifiers.filter((f) => f.input.classification.category === PersonalDataCategory.IDENTITY).length;
  const score = groups.size + (identity >= 2 ? 1 : 0);
  const byFields = score >= 2 && !d.namedAsThing;
  if (byFields) {
    evidence.push({
      rule: 'person.identifier-fields',
      explanation: `Its fields identify persons: ${identifiers
        .map((f) => `${f.input.name} (${String(f.input.classification.category)})`)
        .join(', ')}.`,
    });
  }
  // A person word in the name is not enough when no column holds anything personal: "customer_types"
  // or "CustomerDemographics" lists kinds of customers, not customers.
  const anyPersonal = d.fields.some((f) => f.input.classification.personal);
  if ((fromName === null || !anyPersonal) && !byFields) return null;
  let kind = fromName?.kind ?? null;
  if (kind === null && d.input.description !== undefined) {
    const fromComment = subjectKindOfTokens(tokenizeText(d.input.description));
    if (fromComment !== null) {
      kind = fromComment.kind;
      evidence.push({
        rule: 'person.comment',
        explanation: `The table comment word "${fromComment.token}" names ${SUBJECT_KINDS[kind].label.en.toLowerCase()}.`,
      });
    }
  }
  if (kind === null) {
    const fromFields = subjectKindOfTokens(identifiers.flatMap((f) => f.tokens));
    if (fromFields !== null) {
      kind = fromFields.kind;
      evidence.push({
        rule: 'person.field-names',
        explanation: `Its identifier columns name ${SUBJECT_KINDS[kind].label.en.toLowerCase()} ("${fromFields.token}").`,
      });
    }
  }
  return { byName: fromName !== null, score, identity, facts: { kind: kind ?? SubjectKind.PERSON, evidence } };
}

/** Prefixes of table names that say nothing ("t_client", "tbl_members", "dim_customer"). */
const TABLE_PREFIXES = new Set(['t', 'tb', 'tbl', 'tab', 'table', 'dim', 'v', 'vw']);

/** The table name is a role of persons and nothing else: "customer", "Employees", "t_adherents". */
function isRoleName(tokens: readonly string[]): boolean {
  const words = tokens.filter((t) => !TABLE_PREFIXES.has(t));
  return words.length > 0 && words.every((t) => subjectKindOfTokens([t]) !== null && !EVENT_WORDS.has(t));
}

/** Subject words that name an event or a file about persons rather than the persons themselves. */
const EVENT_WORDS = new Set([
  'paie',
  'payroll',
  'payslip',
  'carriere',
  'career',
  'effectif',
  'naissance',
  'deces',
  'mariage',
  'civil',
  'electorale',
  'electoral',
  'scolaire',
  'scolarite',
]);

function explainPath(subject: string, hops: readonly Edge[]): string {
  return `linked to ${subject} through ${hops.map((e) => hopText(e.hop)).join(' → ')}`;
}

function pathOf(subject: string, kind: SubjectKind, hops: readonly Edge[]): LinkPath {
  return {
    subject,
    subjectKind: kind,
    hops: hops.length,
    path: hops.map((e) => e.hop),
    explanation: explainPath(subject, hops),
  };
}

function selfPath(subject: string, kind: SubjectKind): LinkPath {
  return {
    subject,
    subjectKind: kind,
    hops: 0,
    path: [],
    explanation: `a row of ${subject} (${SUBJECT_KINDS[kind].label.en.toLowerCase()})`,
  };
}

function tierOf(c: FieldClassification): ClassificationTier {
  if (!c.personal) return ClassificationTier.NONE;
  return c.quasiIdentifier ? ClassificationTier.QUASI_IDENTIFIER : ClassificationTier.DIRECT_IDENTIFIER;
}

function kept(field: FieldFacts, linkedTo: readonly LinkPath[]): FieldLinkage {
  const c = field.input.classification;
  return {
    field: field.input.name,
    tier: tierOf(c),
    personal: c.personal,
    category: c.personal ? c.category : null,
    linkedCategory: null,
    quasiIdentifier: c.quasiIdentifier,
    specialCategory: c.specialCategory,
    specialCategoryKind: c.specialCategoryKind,
    treatment: c.treatment,
    treatmentReason: c.treatmentReason,
    linkedTo: c.personal ? linkedTo : [],
    evidence: [],
  };
}

function identifier(
  field: FieldFacts,
  category: PersonalDataCategory,
  advice: { treatment: FieldLinkage['treatment']; reason: string },
  linkedTo: readonly LinkPath[],
  evidence: LinkageEvidence,
): FieldLinkage {
  return {
    field: field.input.name,
    tier: ClassificationTier.DIRECT_IDENTIFIER,
    personal: true,
    category,
    linkedCategory: null,
    quasiIdentifier: false,
    specialCategory: false,
    specialCategoryKind: null,
    treatment: advice.treatment,
    treatmentReason: advice.reason,
    linkedTo,
    evidence: [evidence],
  };
}

function linked(
  field: FieldFacts,
  category: LinkedCategory,
  linkedTo: readonly LinkPath[],
  evidence: LinkageEvidence,
): FieldLinkage {
  const advice = LINKED_TREATMENT_BY_CATEGORY[category];
  return {
    field: field.input.name,
    tier: ClassificationTier.LINKED_ATTRIBUTE,
    personal: true,
    category: null,
    linkedCategory: category,
    quasiIdentifier: false,
    specialCategory: false,
    specialCategoryKind: null,
    treatment: advice.treatment,
    treatmentReason: advice.reason,
    linkedTo,
    evidence: [evidence],
  };
}

/**
 * Values contradict an ambiguous name when the column is not text, or when its sampled values repeat
 * like the labels of a few things (fewer than 20% distinct over 20 or more values).
 */
function contradiction(field: FieldFacts): string | null {
  if (!field.isTextual) return `its type ${field.input.dataType ?? field.input.typeFamily ?? ''} holds no names`;
  const m = field.input.metrics;
  if (m !== undefined && m.sampled >= MIN_SAMPLED_FOR_CONTRADICTION) {
    const nonNull = Math.max(1, Math.round(m.sampled * (1 - (m.nullRatio ?? 0))));
    const ratio = m.distinctEstimate / nonNull;
    if (nonNull >= MIN_SAMPLED_FOR_CONTRADICTION && ratio < MIN_NAME_DISTINCT_RATIO) {
      return `its ${nonNull} sampled values take only ${m.distinctEstimate} distinct values, like the labels of a few things`;
    }
  }
  return null;
}

function isAmbiguousName(field: FieldFacts, datasetTokens: readonly string[]): boolean {
  const rest = field.tokens.filter((t) => !FILLER_TOKENS.has(t) && !PERSON_TOKENS.has(t) && !datasetTokens.includes(t));
  return rest.length === 1 && AMBIGUOUS_NAME_TOKENS.has(rest[0]);
}

function validateOptions(options: LinkageOptions): { maxHops: number; infer: boolean } {
  const maxHops = options.maxHops ?? DEFAULT_MAX_HOPS;
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_MAX_HOPS) {
    throw new ClassificationError(
      ClassificationErrorCode.INVALID_OPTION,
      `maxHops must be an integer from 1 to ${MAX_MAX_HOPS}`,
    );
  }
  if (options.inferReferences !== undefined && typeof options.inferReferences !== 'boolean') {
    throw new ClassificationError(ClassificationErrorCode.INVALID_OPTION, 'inferReferences must be a boolean');
  }
  return { maxHops, infer: options.inferReferences ?? true };
}

/**
 * The dataset-level pass, run after `classifyField` on every column of a source. It finds the tables of
 * persons (with their kind of data subject), follows foreign keys, declared references and flows from
 * them up to `maxHops` links, and gives every column its tier: identifiers and recognised attributes keep
 * their per-field result; keys leading to persons become pseudonymous identifiers; an ambiguous name in a
 * table of persons becomes a name unless its values contradict it; every other column of a person's row
 * or of a row linked to one is a LINKED_ATTRIBUTE with a category and the path as evidence. Reference
 * lists and shared things (countries, products, categories) are not linked, even when persons point to them.
 * Pure: no I/O; cost linear in datasets × links, independent of row counts.
 */
export function classifySchema(input: SchemaInput, options: LinkageOptions = {}): SchemaClassification {
  const { maxHops, infer } = validateOptions(options);
  validateSchema(input);
  const edges = buildEdges(input, infer);
  // Indexed once: every step below looks edges up by dataset, so the pass stays linear in links.
  const byChild = indexBy(edges, (e) => e.child);
  const byParent = indexBy(edges, (e) => e.parent);
  const facts = new Map(input.datasets.map((d) => [d.name, datasetFacts(d, byChild)]));
  const { persons, demoted } = findPersons(facts, byChild);
  const links = linkFromPersons({ facts, edges, byChild, byParent, persons, maxHops });
  const references = findReferences(facts, byChild, persons, links);
  const graph: Graph = { facts, byChild, persons, links };

  const datasets: DatasetLinkage[] = input.datasets.map((input) => {
    const d = facts.get(input.name) as DatasetFacts;
    const person = persons.get(d.name) ?? null;
    const datasetLinks = person !== null ? [] : (links.get(d.name) ?? []);
    const role =
      person !== null
        ? DatasetRole.PERSON
        : datasetLinks.length > 0
          ? DatasetRole.LINKED
          : references.has(d.name)
            ? DatasetRole.REFERENCE
            : DatasetRole.UNRELATED;
    const row: RowContext = { d, role, person, datasetLinks };
    const fields = d.fields.map((f) => classifyColumn(f, row, graph));
    const subjectKinds = subjectKindsOf(d, person, datasetLinks, fields, demoted.get(d.name) ?? null);
    return {
      dataset: d.name,
      role,
      subjectKind: person?.kind ?? null,
      subjectKinds,
      linkedTo: datasetLinks,
      linkTable: d.linkTable,
      evidence: datasetEvidence(d, role, person, datasetLinks, references.get(d.name) ?? null),
      fields,
      register: registerInputsOf({ dataset: d.name, subjectKinds, fields }),
    };
  });
  return { maxHops, datasets };
}

/** What the column step needs to know about the whole schema. */
interface Graph {
  readonly facts: ReadonlyMap<string, DatasetFacts>;
  readonly byChild: EdgesBy;
  readonly persons: ReadonlyMap<string, PersonFacts>;
  readonly links: ReadonlyMap<string, LinkPath[]>;
}

/** The dataset a column is in, and what the graph says about it. */
interface RowContext {
  readonly d: DatasetFacts;
  readonly role: DatasetRole;
  readonly person: PersonFacts | null;
  readonly datasetLinks: readonly LinkPath[];
}

/**
 * Step 1, tables of persons. A table that only looks like one by its fields (an order with the
 * recipient's name) or that has no name column of its own (a stay, a payslip) while it references a
 * table of persons is about those persons: it is linked, not a table of persons itself. Kept: tables
 * with a name column of their own, tables named by a role alone ("customer", "employees": a role of
 * the person they reference), and subtype tables whose key is the referenced person's key.
 */
function findPersons(
  facts: ReadonlyMap<string, DatasetFacts>,
  byChild: EdgesBy,
): { persons: Map<string, PersonFacts>; demoted: Map<string, SubjectKind> } {
  const candidates = new Map<string, NonNullable<ReturnType<typeof personCandidate>>>();
  for (const d of facts.values()) {
    const c = personCandidate(d);
    if (c !== null) candidates.set(d.name, c);
  }
  const persons = new Map<string, PersonFacts>();
  const demoted = new Map<string, SubjectKind>();
  for (const [name, c] of candidates) {
    const d = facts.get(name) as DatasetFacts;
    const pk = d.input.primaryKey ?? [];
    const toPersons = (byChild.get(name) ?? []).filter(
      (e) => e.parent !== name && !e.audit && e.hop.kind !== 'FLOW' && candidates.has(e.parent),
    );
    const subtype = toPersons.some((e) => pk.length > 0 && pk.every((k) => e.childFields.includes(k)));
    const keep = toPersons.length === 0 || subtype || (c.byName && (c.identity > 0 || isRoleName(d.tokens)));
    if (keep) persons.set(name, c.facts);
    else if (c.byName) demoted.set(name, c.facts.kind);
  }
  return { persons, demoted };
}

/**
 * Step 2, linkage: breadth-first from each table of persons, over links whose child rows are about
 * the parent rows; a person row also makes personal the detail rows it points to (an address), but
 * not shared things. Returns the shortest path to each person dataset, by hops then name.
 */
function linkFromPersons(g: {
  facts: ReadonlyMap<string, DatasetFacts>;
  edges: readonly Edge[];
  byChild: EdgesBy;
  byParent: EdgesBy;
  persons: ReadonlyMap<string, PersonFacts>;
  maxHops: number;
}): Map<string, LinkPath[]> {
  const { facts, byChild, byParent, persons } = g;
  // A table named after things stops linkage when other tables point to it (a store, a product, a
  // country: shared by many rows); a leaf named so (order_items) is the detail of a transaction.
  const pointedTo = new Set(g.edges.filter((e) => e.hop.kind !== 'FLOW' && e.child !== e.parent).map((e) => e.parent));
  const blocked = (name: string): boolean => {
    const d = facts.get(name) as DatasetFacts;
    if (persons.has(name) || d.contextKind === 'reference' || d.contextKind === 'aggregate') return true;
    return d.namedAsThing && !d.linkTable && pointedTo.has(name);
  };
  const holdsDetail = (name: string): boolean =>
    (facts.get(name) as DatasetFacts).fields.some((f) => {
      const c = personalCategory(f.input.classification);
      return c !== null && DETAIL_CATEGORIES.has(c);
    });
  const links = new Map<string, LinkPath[]>();
  const addLink = (dataset: string, path: LinkPath): void => {
    links.set(dataset, [...(links.get(dataset) ?? []), path]);
  };
  for (const [person, p] of [...persons.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const visited = new Set<string>([person]);
    let frontier: { dataset: string; path: Edge[] }[] = [{ dataset: person, path: [] }];
    for (let depth = 1; depth <= g.maxHops && frontier.length > 0; depth++) {
      const next: { dataset: string; path: Edge[] }[] = [];
      const reach = (dataset: string, path: Edge[]): void => {
        visited.add(dataset);
        addLink(dataset, pathOf(person, p.kind, path));
        next.push({ dataset, path });
      };
      for (const node of frontier) {
        for (const e of byParent.get(node.dataset) ?? []) {
          if (e.audit || e.child === e.parent || visited.has(e.child) || blocked(e.child)) continue;
          reach(e.child, [e, ...node.path]);
        }
      }
      if (depth === 1) {
        for (const e of byChild.get(person) ?? []) {
          if (e.hop.kind === 'FLOW' || e.audit || e.parent === person || visited.has(e.parent)) continue;
          if (blocked(e.parent) || (facts.get(e.parent) as DatasetFacts).linkTable || !holdsDetail(e.parent)) continue;
          reach(e.parent, [e]);
        }
      }
      frontier = next;
    }
  }
  for (const list of links.values()) {
    list.sort((a, b) => a.hops - b.hops || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
  }
  return links;
}

/**
 * Step 3, reference lists and shared things: pointed to by personal data, or by another of them (the
 * venue of an event a person booked), without being about persons. Maps each to the edge that
 * points to it (null for a table named as a reference list that nothing points to).
 */
function findReferences(
  facts: ReadonlyMap<string, DatasetFacts>,
  byChild: EdgesBy,
  persons: ReadonlyMap<string, PersonFacts>,
  links: ReadonlyMap<string, LinkPath[]>,
): Map<string, Edge | null> {
  const references = new Map<string, Edge | null>();
  const about = (name: string): boolean => persons.has(name) || links.has(name);
  for (const d of facts.values()) {
    if (!about(d.name) && d.contextKind === 'reference') references.set(d.name, null);
  }
  const queue = [...facts.keys()].filter((name) => about(name) || references.has(name));
  for (let i = 0; i < queue.length; i++) {
    for (const e of byChild.get(queue[i]) ?? []) {
      if (e.hop.kind === 'FLOW' || e.child === e.parent || references.has(e.parent) || about(e.parent)) continue;
      references.set(e.parent, e);
      queue.push(e.parent);
    }
  }
  return references;
}

function datasetEvidence(
  d: DatasetFacts,
  role: DatasetRole,
  person: PersonFacts | null,
  datasetLinks: readonly LinkPath[],
  pointedBy: Edge | null,
): LinkageEvidence[] {
  const out: LinkageEvidence[] = [];
  if (d.linkTable) {
    out.push({
      rule: 'dataset.link-table',
      explanation:
        'Its key (or most of its columns) is made of foreign keys to two or more datasets: a many-to-many link table.',
    });
  }
  if (role === DatasetRole.PERSON && person !== null) {
    out.push(...person.evidence, {
      rule: 'person.subject-kind',
      explanation: `Rows are persons: ${SUBJECT_KINDS[person.kind].label.en} / ${SUBJECT_KINDS[person.kind].label.fr}.`,
    });
  } else if (role === DatasetRole.LINKED) {
    for (const l of datasetLinks) {
      out.push({ rule: `linked.${l.hops}-hop${l.hops > 1 ? 's' : ''}`, explanation: `Rows ${l.explanation}.` });
    }
  } else if (role === DatasetRole.REFERENCE) {
    out.push({
      rule: 'reference.not-linked',
      explanation:
        pointedBy !== null
          ? `Pointed to by ${hopText(pointedBy.hop)}, but a reference list or shared thing: its rows describe no one, its labels are not personal.`
          : 'A reference list or nomenclature: its rows describe no one.',
    });
  }
  return out;
}

function fkToPerson(
  field: FieldFacts,
  d: DatasetFacts,
  byChild: EdgesBy,
  persons: ReadonlyMap<string, PersonFacts>,
): { edge: Edge; kind: SubjectKind } | null {
  for (const e of byChild.get(d.name) ?? []) {
    if (e.hop.kind === 'FLOW' || !e.childFields.includes(field.input.name)) continue;
    const p = persons.get(e.parent);
    if (p !== undefined) return { edge: e, kind: p.kind };
  }
  return null;
}

function fkTarget(field: FieldFacts, d: DatasetFacts, byChild: EdgesBy): Edge | null {
  return (
    (byChild.get(d.name) ?? []).find((e) => e.hop.kind !== 'FLOW' && e.childFields.includes(field.input.name)) ?? null
  );
}

/** Step 4, one column: keep, upgrade to an identifier, demote a reference label, or make it a linked attribute. */
function classifyColumn(f: FieldFacts, row: RowContext, graph: Graph): FieldLinkage {
  const { d, role, person, datasetLinks } = row;
  const { byChild, persons, links, facts } = graph;
  const c = f.input.classification;
  const self = person !== null ? [selfPath(d.name, person.kind)] : [];
  const context = person !== null ? self : datasetLinks;
  const toPerson = fkToPerson(f, d, byChild, persons);
  const keyPath = toPerson !== null ? [pathOf(toPerson.edge.parent, toPerson.kind, [toPerson.edge])] : [];
  if (c.personal && role === DatasetRole.REFERENCE && toPerson === null && !keepsInReference(f)) {
    return {
      ...kept(f, []),
      tier: ClassificationTier.NONE,
      personal: false,
      category: null,
      quasiIdentifier: false,
      treatment: Treatment.KEEP,
      treatmentReason: `Column of a reference list or shared thing (${d.name}): its values label things, not persons.`,
      evidence: [
        {
          rule: 'reference.label-not-personal',
          explanation: `The per-field detectors found ${String(c.category)}, but ${d.name} is a reference list or a shared thing pointed to by personal data, and the column names no person nor holds values only a person has: not personal.`,
        },
      ],
    };
  }
  if (c.personal) return kept(f, toPerson !== null ? keyPath : context);

  const name = f.input.name;
  if (toPerson !== null) {
    return identifier(f, PersonalDataCategory.INTERNAL_ID, PSEUDONYMOUS_KEY_TREATMENT, keyPath, {
      rule: 'key.foreign-key-to-person',
      explanation: `${hopText(toPerson.edge.hop)} leads to a person of ${toPerson.edge.parent}: a pseudonymous identifier (Art. 4(5)).`,
    });
  }
  const pk = d.input.primaryKey ?? [];
  const ownKey = pk.length === 1 && pk[0] === name && fkTarget(f, d, byChild) === null;
  if (person !== null) {
    const label = SUBJECT_KINDS[person.kind].label.en.toLowerCase();
    if (ownKey) {
      return identifier(f, PersonalDataCategory.INTERNAL_ID, PSEUDONYMOUS_KEY_TREATMENT, self, {
        rule: 'key.person-key',
        explanation: `Primary key of ${d.name}, a table of ${label}: identifies the person (pseudonymous identifier, Art. 4(5)).`,
      });
    }
    if (isAmbiguousName(f, d.tokens)) {
      const against = contradiction(f);
      if (against === null) {
        return identifier(f, PersonalDataCategory.IDENTITY, TREATMENT_BY_CONCEPT.full_name, self, {
          rule: 'context.ambiguous-name-in-person-dataset',
          explanation: `"${name}" is ambiguous, but ${d.name} is a table of ${label}: read as the person's name (values that miss the name dictionaries do not contradict it; only a non-text type or a few repeated values would).`,
        });
      }
      return linked(f, LinkedCategory.BEHAVIOUR, self, {
        rule: 'context.ambiguous-name-contradicted',
        explanation: `"${name}" is ambiguous in a table of ${label}, but ${against}: not a name; an attribute of the person's row.`,
      });
    }
  }
  if (role !== DatasetRole.PERSON && role !== DatasetRole.LINKED) {
    return kept(f, []);
  }
  const target = fkTarget(f, d, byChild);
  if (role === DatasetRole.LINKED) {
    if (ownKey || (pk.includes(name) && target === null)) {
      return linked(f, LinkedCategory.METADATA, context, {
        rule: 'metadata.record-key',
        explanation: `Key of a row ${context[0].explanation}: identifies the person's record.`,
      });
    }
    if (target !== null && (links.has(target.parent) || persons.has(target.parent))) {
      return linked(f, LinkedCategory.METADATA, context, {
        rule: 'metadata.linked-record-key',
        explanation: `${hopText(target.hop)} points to ${target.parent}, itself about the person; ${context[0].explanation}.`,
      });
    }
  }
  const targetFacts = target !== null ? facts.get(target.parent) : undefined;
  const match = linkedCategoryOf({
    tokens: f.tokens,
    targetTokens: targetFacts?.tokens,
    isDate: f.isDate,
    isBoolean: f.isBoolean,
    ownRow: person !== null,
    tableTokens: d.tokens,
    placeContext: d.fields.some((o) => o !== f && o.input.classification.category === PersonalDataCategory.LOCATION),
  });
  const where = person !== null ? `Attribute of ${context[0].explanation}` : `In a row ${context[0].explanation}`;
  const via = target !== null ? ` (points to ${target.parent})` : '';
  if (person?.kind === SubjectKind.EMPLOYEE && target !== null && match.rule.startsWith('behaviour.')) {
    // What an employee's row points to (a store, a site, a unit) is where or for whom they work.
    return linked(f, LinkedCategory.PROFESSIONAL, context, {
      rule: 'linked.professional.workplace',
      explanation: `${where}${via}: the unit or site the employee works for.`,
    });
  }
  return linked(f, match.category, context, {
    rule: `linked.${match.rule}`,
    explanation: `${where}${via}: ${match.explanation}.`,
  });
}

/** Value detectors whose hits only a natural person has (a personal e-mail, a NIR, a passport, a full name). */
const PERSON_ONLY_DETECTORS = new Set(['email', 'nir', 'passport-fr', 'person-name']);

/** In a reference list, a finding survives when the column names a person, is sensitive, or has person-only values. */
function keepsInReference(f: FieldFacts): boolean {
  const c = f.input.classification;
  if (c.specialCategory || f.tokens.some((t) => PERSON_TOKENS.has(t))) return true;
  return c.evidence.some(
    (e) => PERSON_ONLY_DETECTORS.has(e.detector) && e.category === c.category && (e.weight ?? 0) >= 0.3,
  );
}

function subjectKindsOf(
  d: DatasetFacts,
  person: PersonFacts | null,
  datasetLinks: readonly LinkPath[],
  fields: readonly FieldLinkage[],
  namedKind: SubjectKind | null,
): SubjectKind[] {
  const kinds: SubjectKind[] = [];
  const add = (k: SubjectKind): void => {
    if (!kinds.includes(k)) kinds.push(k);
  };
  if (person !== null) add(person.kind);
  // A payslip table references employees and says so: the register lists them by that name.
  if (namedKind !== null) add(namedKind);
  for (const l of datasetLinks) add(l.subjectKind);
  for (const f of fields) for (const l of f.linkedTo) add(l.subjectKind);
  // Personal fields of other datasets (a supplier's contact name) say whose data they are, or "persons".
  if (kinds.length === 0) {
    const personal = fields.filter((f) => f.tier !== ClassificationTier.NONE);
    for (const f of personal) {
      const named = subjectKindOfTokens(tokenizeIdentifier(f.field));
      if (named !== null) add(named.kind);
    }
    if (kinds.length === 0 && personal.length > 0) add(SubjectKind.PERSON);
  }
  return kinds;
}
