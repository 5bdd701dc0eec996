import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { runBounded } from '@cartographer/common';

/** What the writer needs of a transaction: a managed one, or one auto-committed write per statement. */
export type QueryRunner = Pick<ManagedTransaction, 'run'>;
import { InventoryError, InventoryErrorCode } from '../inventory.errors.js';
import { Label, Rel } from '../model/labels.js';
import { countWrites, type GraphBatch, type Props, type RelGroup } from './graph-batch.js';

/** Rows per UNWIND statement: large enough to amortise round trips, small enough for the heap. */
export const CHUNK_SIZE = 5000;

const NODE_ORDER: Label[] = [
  Label.Organisation,
  Label.Department,
  Label.Server,
  Label.Recipient,
  Label.DataSource,
  Label.Dataset,
  Label.Field,
  Label.ProcessingActivity,
  Label.DataFlow,
  Label.Stakeholder,
];

// Every MATCH on a key carries an index hint: plans are cached, and a plan made while a label was
// nearly empty (the start of a large import) would otherwise scan the label for every row.

/** Relationship types that are cleared for their owner and so can be CREATEd instead of MERGEd. */
const OWNED: ReadonlySet<Rel> = new Set([
  Rel.HOSTED_ON,
  Rel.REFERENCES,
  Rel.USES,
  Rel.DISCLOSES_TO,
  Rel.TRANSFERS_TO,
  Rel.FLOWS_FROM,
  Rel.FLOWS_TO,
  Rel.FEEDS,
]);

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK_SIZE) out.push(rows.slice(i, i + CHUNK_SIZE));
  return out;
}

/**
 * A node's properties as two maps: `node` without nulls (all a new node needs) and `cleared`, the
 * properties to remove from an existing node (null in the declaration).
 */
function nodeParams(props: Props): { node: Record<string, unknown>; cleared: Record<string, null> } {
  const node: Props = {};
  const cleared: Record<string, null> = {};
  for (const [name, value] of Object.entries(props)) {
    if (value === null) cleared[name] = null;
    else node[name] = value;
  }
  return { node: toNeo4j(node), cleared };
}

/** Chunks of groups holding about CHUNK_SIZE rows in all. */
function chunkBy<T>(items: T[], size: (item: T) => number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let rows = 0;
  for (const item of items) {
    current.push(item);
    rows += size(item);
    if (rows >= CHUNK_SIZE) {
      out.push(current);
      current = [];
      rows = 0;
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** JS numbers would arrive in Cypher as floats; whole numbers are sent as Neo4j integers. */
function toNeo4j(props: Props | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(props ?? {})) {
    out[name] = typeof value === 'number' && Number.isInteger(value) ? neo4j.int(value) : value;
  }
  return out;
}

async function missingKeys(tx: QueryRunner, label: Label, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of chunks([...new Set(keys)])) {
    const result = await tx.run(
      `UNWIND $keys AS key MATCH (n:${label} {key: key}) USING INDEX n:${label}(key) RETURN n.key AS key`,
      {
        keys: chunk,
      },
    );
    for (const record of result.records) found.add(record.get('key') as string);
  }
  return new Set(keys.filter((key) => !found.has(key)));
}

/** Receives the time and rows of each step of writeBatch (benchmarks). */
export type WriteProfiler = (step: string, milliseconds: number, rows: number) => void;

/**
 * Applies a validated batch inside the caller's transaction. Everything is keyed and MERGEd (the
 * fields of datasets the batch creates are CREATEd: they cannot exist yet), and owned relationships
 * are replaced, so applying the same batch twice leaves the same graph, and a retried transaction
 * function is harmless. `concurrency` above 1 is only for a runner that commits each statement on
 * its own (field statements then run that many at once); a single transaction runs one at a time.
 */
export async function writeBatch(
  tx: QueryRunner,
  batch: GraphBatch,
  file?: string,
  profile?: WriteProfiler,
  concurrency = 1,
): Promise<number> {
  const timed = async (step: string, rows: number, work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    profile?.(step, performance.now() - started, rows);
  };
  // 1. References to entities of earlier imports must exist: checked before anything is written.
  const missing: { path: string; reason: string }[] = [];
  const byLabels = new Map<string, { labels: Label[]; refs: GraphBatch['externalRefs'] }>();
  for (const ref of batch.externalRefs) {
    const id = ref.labels.join('|');
    if (!byLabels.has(id)) byLabels.set(id, { labels: ref.labels, refs: [] });
    byLabels.get(id)!.refs.push(ref);
  }
  for (const { labels, refs } of byLabels.values()) {
    let absent = new Set(refs.map((ref) => ref.key));
    await timed('check references', refs.length, async () => {
      for (const label of labels) absent = new Set([...(await missingKeys(tx, label, [...absent]))]);
    });
    for (const ref of refs) {
      if (absent.has(ref.key)) {
        const local = ref.key.slice(batch.organisation.length + 1);
        missing.push({
          path: ref.path,
          reason: `no ${labels.join(' or ')} '${local}' in this file or in organisation '${batch.organisation}'`,
        });
      }
    }
  }
  if (missing.length > 0) throw InventoryError.of(InventoryErrorCode.MISSING_REFERENCE, missing, file);

  // 2. Flow ends from earlier imports: find whether each is a source or a dataset.
  const rels: RelGroup[] = [...batch.rels];
  if (batch.pendingEndpoints.length > 0) {
    const keys = batch.pendingEndpoints.map((p) => p.to);
    let notSources = new Set<string>();
    await timed('resolve flow ends', keys.length, async () => {
      notSources = await missingKeys(tx, Label.DataSource, keys);
    });
    for (const pending of batch.pendingEndpoints) {
      const to = notSources.has(pending.to) ? Label.Dataset : Label.DataSource;
      rels.push({ type: pending.type, from: Label.DataFlow, to, rows: [{ from: pending.from, to: pending.to }] });
    }
  }

  // Only nodes that existed before this import can hold relationships to clear: find them first
  // (index seeks), so a first import of a large inventory clears nothing.
  const existing = new Map<Label, Set<string>>();
  for (const label of [Label.DataSource, Label.Dataset, Label.ProcessingActivity, Label.DataFlow]) {
    const keys = (batch.nodes.get(label) ?? []).map((row) => row.key);
    let absent = new Set<string>();
    if (keys.length > 0) {
      await timed(`find existing ${label}`, keys.length, async () => {
        absent = await missingKeys(tx, label, keys);
      });
    }
    existing.set(label, new Set(keys.filter((key) => !absent.has(key))));
  }
  const known = (label: Label, keys: string[]) => keys.filter((key) => existing.get(label)?.has(key));

  // 3. Nodes. A new node gets only its non-null properties; an existing one also loses the
  // properties the declaration no longer has. Fields are written with their HAS_FIELD below.
  const now = new Date().toISOString();
  for (const label of NODE_ORDER) {
    if (label === Label.Field) continue;
    for (const chunk of chunks(batch.nodes.get(label) ?? [])) {
      await timed(`nodes ${label}`, chunk.length, () =>
        tx.run(
          `UNWIND $rows AS row MERGE (n:${label} {key: row.key})
           ON CREATE SET n += row.node, n.createdAt = $now ON MATCH SET n += row.node, n += row.cleared`,
          { rows: chunk.map((row) => ({ key: row.key, ...nodeParams(row.props) })), now },
        ),
      );
    }
  }
  const fieldRows = new Map((batch.nodes.get(Label.Field) ?? []).map((row) => [row.key, row.props]));

  // 4. Replace what each declaration owns.
  for (const owned of batch.ownedOutgoing) {
    for (const chunk of chunks(known(owned.label, owned.keys))) {
      await timed(`clear ${owned.label}`, chunk.length, () =>
        tx.run(
          `UNWIND $keys AS key MATCH (n:${owned.label} {key: key})-[r:${owned.types.join('|')}]->() USING INDEX n:${owned.label}(key) DELETE r`,
          {
            keys: chunk,
          },
        ),
      );
    }
  }
  // Foreign-key lineage belongs to the referencing dataset, like its REFERENCES.
  for (const chunk of chunks(
    known(Label.Dataset, batch.ownedOutgoing.find((o) => o.label === Label.Dataset)?.keys ?? []),
  )) {
    await timed('clear foreign-key lineage', chunk.length, () =>
      tx.run(
        `UNWIND $keys AS key MATCH (d:${Label.Dataset} {key: key})-[:${Rel.HAS_FIELD}]->(:${Label.Field})<-[r:${Rel.FEEDS} {via: 'FOREIGN_KEY'}]-() USING INDEX d:${Label.Dataset}(key) DELETE r`,
        {
          keys: chunk,
        },
      ),
    );
  }
  const flowKeys = known(
    Label.DataFlow,
    (batch.nodes.get(Label.DataFlow) ?? []).map((row) => row.key),
  );
  for (const chunk of chunks(flowKeys)) {
    await tx.run(`UNWIND $keys AS key MATCH ()-[r:${Rel.FEEDS} {flow: key}]->() DELETE r`, { keys: chunk });
  }
  for (const parent of batch.singleParent) {
    for (const chunk of chunks(known(parent.label, parent.keys))) {
      await timed(`parent ${parent.label}`, chunk.length, () =>
        tx.run(
          `UNWIND $rows AS row MATCH (n:${parent.label} {key: row.key})<-[r:${parent.type}]-(p) USING INDEX n:${parent.label}(key) WHERE p.key <> row.parent DELETE r`,
          {
            rows: chunk.map((key) => ({ key, parent: parentOf(batch, parent.type, key) })),
          },
        ),
      );
    }
  }

  // 5. Relationships, grouped by their start node: one index lookup per parent instead of one per
  // row (a dataset's hundred fields share one MATCH of the dataset). HAS_FIELD goes first and
  // writes the field itself on the way, as other relationships may end on fields.
  const ordered = [...rels.filter((g) => g.type === Rel.HAS_FIELD), ...rels.filter((g) => g.type !== Rel.HAS_FIELD)];
  for (const group of ordered) {
    if (group.type === Rel.HAS_FIELD && group.to === Label.Field) {
      if (group.rows.some((row) => row.props && Object.keys(row.props).length > 0))
        throw new Error('batch writer: HAS_FIELD relationships carry no properties');
      // Fields of datasets this import creates cannot exist yet: they are CREATEd, which spares
      // the MERGE's lookup and lock per field. The rest (fields of known datasets) are MERGEd, from
      // the same column lists.
      let created = new Set<string>();
      await timed('check new datasets', batch.nodes.get(Label.Dataset)?.length ?? 0, async () => {
        created = await datasetsWithoutFields(tx, batch, existing.get(Label.Dataset) ?? new Set());
      });
      const fresh = group.rows.filter((row) => created.has(row.from));
      const known = group.rows.filter((row) => !created.has(row.from));
      if (fresh.length > 0) {
        await timed(`create ${Label.Field}`, fresh.length, () =>
          writeFields(tx, 'create', fresh, fieldRows, now, concurrency),
        );
      }
      if (known.length > 0) {
        await timed(`merge ${Label.Field}`, known.length, () =>
          writeFields(tx, 'merge', known, fieldRows, now, concurrency),
        );
      }
      continue;
    }
    const verb = OWNED.has(group.type) ? 'CREATE' : 'MERGE';
    const byFrom = new Map<string, Record<string, unknown>[]>();
    for (const row of group.rows) {
      let list = byFrom.get(row.from);
      if (!list) byFrom.set(row.from, (list = []));
      list.push({ to: row.to, props: toNeo4j(row.props) });
    }
    const grouped = [...byFrom].map(([from, targets]) => ({ from, targets }));
    for (const chunk of chunkBy(grouped, (g) => g.targets.length)) {
      await timed(
        `rel ${group.type}`,
        chunk.reduce((n, g) => n + g.targets.length, 0),
        () =>
          tx.run(
            `UNWIND $groups AS g MATCH (a:${group.from} {key: g.from}) USING INDEX a:${group.from}(key) UNWIND g.targets AS row MATCH (b:${group.to} {key: row.to}) USING INDEX b:${group.to}(key) ${verb} (a)-[r:${group.type}]->(b) SET r += row.props`,
            { groups: chunk },
          ),
      );
    }
  }
  return countWrites(batch);
}

/**
 * The datasets of the batch that did not exist before this import and hold no field: their fields
 * can be created without a lookup. A field always goes with its dataset (deleting a dataset deletes
 * its fields), so "no field" is checked only as a guard, by one prefix seek per dataset.
 */
async function datasetsWithoutFields(tx: QueryRunner, batch: GraphBatch, existing: Set<string>): Promise<Set<string>> {
  const created = new Set(
    (batch.nodes.get(Label.Dataset) ?? []).map((row) => row.key).filter((key) => !existing.has(key)),
  );
  for (const chunk of chunks([...created])) {
    const result = await tx.run(
      `UNWIND $keys AS key MATCH (f:${Label.Field}) USING INDEX f:${Label.Field}(key) WHERE f.key STARTS WITH key + '/' RETURN DISTINCT key`,
      { keys: chunk },
    );
    for (const record of result.records) created.delete(record.get('key') as string);
  }
  return created;
}

const PROPERTY_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Node properties of many rows, grouped, as Cypher expressions over list parameters: a column holding
 * one scalar is sent once (`$c0`), one constant within each group once per group (`$c1[g]`), a
 * column of few distinct strings as a dictionary and indexes (`$c2[toInteger($c2i[i])]`), any other as a list
 * indexed by the row (`$c3[i]`). Lists cost Neo4j far less to decode and read than one map per row,
 * and Node far less to pack. Nulls are absent properties: CREATE leaves them out.
 */
function columns(
  rows: Props[],
  starts: number[],
  clearing = false,
): { params: Record<string, unknown>; expressions: Map<string, string>; partial: Map<string, string> } {
  // Creating, a null is an absent property; updating (clearing), a null removes the property and
  // only an absent one is left as it is: rows that lack a column get a presence flag (`$c0p[i]`).
  const names = new Set<string>();
  for (const props of rows) for (const name in props) if (clearing || props[name] !== null) names.add(name);
  const params: Record<string, unknown> = {};
  const expressions = new Map<string, string>();
  const partial = new Map<string, string>();
  let j = 0;
  for (const name of [...names].sort()) {
    // Property names come from the compiler, never from documents; checked all the same.
    if (!PROPERTY_NAME.test(name)) throw new Error(`batch writer: unexpected property name ${JSON.stringify(name)}`);
    const values = new Array<unknown>(rows.length);
    let constant = true;
    let perGroup = true;
    let strings = true;
    let group = 0;
    let previous: unknown = null;
    for (let i = 0; i < rows.length; i++) {
      const value = rows[i][name] ?? null;
      values[i] = typeof value === 'number' && Number.isInteger(value) ? neo4j.int(value) : value;
      if (typeof value !== 'string') strings = false;
      if (Array.isArray(value)) constant = perGroup = false;
      if (i > 0 && value !== previous) {
        constant = false;
        while (starts[group + 1] <= i) group++;
        if (starts[group] !== i) perGroup = false;
      }
      previous = value;
    }
    const param = `c${j++}`;
    if (clearing && !rows.every((props) => name in props)) {
      params[`${param}p`] = rows.map((props) => name in props);
      partial.set(name, `$${param}p[i]`);
    }
    if (constant) {
      params[param] = values[0];
      expressions.set(name, `$${param}`);
    } else if (perGroup) {
      params[param] = starts.slice(0, -1).map((first) => values[first]);
      expressions.set(name, `$${param}[g]`);
    } else if (strings && dictionaryEncode(values as string[], params, param)) {
      expressions.set(name, `$${param}[toInteger($${param}i[i])]`);
    } else {
      params[param] = values;
      expressions.set(name, `$${param}[i]`);
    }
  }
  return { params, expressions, partial };
}

/** Sends a string column as its distinct values and one small integer per row, when that is shorter. */
function dictionaryEncode(values: string[], params: Record<string, unknown>, param: string): boolean {
  const codes = new Map<string, number>();
  // Plain numbers travel as floats, which the driver packs without inspecting them (unlike its
  // Integer objects); the query turns them back into integers.
  const indexes = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) {
    let code = codes.get(values[i]);
    if (code === undefined) {
      code = codes.size;
      if (code >= values.length / 4) return false;
      codes.set(values[i], code);
    }
    indexes[i] = code;
  }
  params[param] = [...codes.keys()];
  params[`${param}i`] = indexes;
  return true;
}

/**
 * Writes fields and their HAS_FIELD from datasets, a dataset's fields in one statement: CREATEd for
 * datasets the batch creates, MERGEd (properties replaced, nulls removed) for the others.
 */
async function writeFields(
  tx: QueryRunner,
  mode: 'create' | 'merge',
  rows: GraphBatch['rels'][number]['rows'],
  fieldRows: Map<string, Props>,
  now: string,
  concurrency: number,
): Promise<void> {
  const byDataset = new Map<string, string[]>();
  for (const row of rows) {
    let keys = byDataset.get(row.from);
    if (!keys) byDataset.set(row.from, (keys = []));
    keys.push(row.to);
  }
  // Each statement's parameters are built when a worker takes it, while the other runs in Neo4j.
  const statement = (chunk: [string, string[]][]) => {
    const datasets: string[] = [];
    const starts: number[] = [0];
    const keys: string[] = [];
    const props: Props[] = [];
    let derivedKeys = true;
    for (const [dataset, fieldKeys] of chunk) {
      datasets.push(dataset);
      for (const key of fieldKeys) {
        const row = fieldRows.get(key) ?? {};
        keys.push(key);
        props.push(row);
        // A field's key is its dataset's key, '/', its name: then it need not be sent.
        if (derivedKeys && key !== `${dataset}/${String(row.name)}`) derivedKeys = false;
      }
      starts.push(keys.length);
    }
    const { params, expressions, partial } = columns(props, starts, mode === 'merge');
    const key =
      derivedKeys && expressions.has('name') && !partial.has('name')
        ? `$datasets[g] + '/' + ${expressions.get('name')}`
        : '$keys[i]';
    const head = `UNWIND range(0, size($datasets) - 1) AS g
        MATCH (a:${Label.Dataset} {key: $datasets[g]}) USING INDEX a:${Label.Dataset}(key)
        UNWIND range($starts[g], $starts[g + 1] - 1) AS i`;
    let query: string;
    if (mode === 'create') {
      const assignments = [...expressions].map(([name, expression]) => `, \`${name}\`: ${expression}`).join('');
      query = `${head} CREATE (a)-[:${Rel.HAS_FIELD}]->(:${Label.Field} {key: ${key}, createdAt: $now${assignments}})`;
    } else {
      const sets = [...expressions].map(([name, expression]) => {
        const present = partial.get(name);
        const value = present ? `CASE WHEN ${present} THEN ${expression} ELSE b.\`${name}\` END` : expression;
        return `b.\`${name}\` = ${value}`;
      });
      query = `${head} MERGE (b:${Label.Field} {key: ${key}}) ON CREATE SET b.createdAt = $now
        ${sets.length > 0 ? `SET ${sets.join(', ')}` : ''} MERGE (a)-[:${Rel.HAS_FIELD}]->(b)`;
    }
    return {
      query,
      params: {
        ...params,
        datasets,
        starts: starts.map((n) => neo4j.int(n)),
        ...(key === '$keys[i]' ? { keys } : {}),
        now,
      },
    };
  };
  await runBounded(
    chunkBy([...byDataset], ([, keys]) => keys.length),
    concurrency,
    undefined,
    async (chunk) => {
      const { query, params } = statement(chunk);
      await tx.run(query, params);
    },
  );
}

const parentIndex = new WeakMap<GraphBatch, Map<string, string>>();

/** The declared parent of a node for a single-parent relationship type. */
function parentOf(batch: GraphBatch, type: Rel, child: string): string {
  let index = parentIndex.get(batch);
  if (!index) {
    index = new Map();
    for (const group of batch.rels) {
      if (group.type === Rel.OWNS || group.type === Rel.CONTAINS || group.type === Rel.RUNS) {
        for (const row of group.rows) index.set(`${group.type}|${row.to}`, row.from);
      }
    }
    parentIndex.set(batch, index);
  }
  return index.get(`${type}|${child}`) ?? '';
}
