import pg from 'pg';
import { DiscoveryErrorCode } from '../discovery.errors.js';
import type { Connector, DiscoveredSource, DiscoveryOptions, SampleMethod, TypeFamily } from '../discovery.types.js';
import { resolveOptions } from '../common/options.js';
import { scrubSecrets } from '../common/redact.js';
import type { SampledRow } from '../common/sample.js';
import { truncate } from '../common/sample.js';
import {
  type ColumnMeta,
  type DescribedError,
  type RelationalDialect,
  type RelationalSession,
  type ScanPlan,
  scanRelational,
  type TableMeta,
  type TableScan,
} from './relational-scan.js';

interface PgTable extends TableMeta {
  oid: string;
  schema: string;
  table: string;
  /** Materialized view created WITH NO DATA: cannot be read. */
  populated: boolean;
  /** Plain tables and materialized views accept TABLESAMPLE; views do not. */
  sampleable: boolean;
  partitioned: boolean;
}

function quotePgIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

// Lock-free: nothing here opens a relation, so a table held by an ALTER cannot stall the catalog
// (exact sizes are read per table, in its own transaction). LIKE rather than a regular expression
// on nspname: the regex form took seconds on a thousand tables.
const RELATIONS_SQL = `
SELECT c.oid::text AS oid, n.nspname AS schema, c.relname AS name, c.relkind AS relkind,
       c.relispopulated AS populated, obj_description(c.oid, 'pg_class') AS description,
       CASE WHEN c.relkind = 'p' THEN (
              SELECT CASE WHEN bool_or(pc.reltuples < 0) THEN -1 ELSE sum(pc.reltuples) END
              FROM pg_partition_tree(c.oid) t JOIN pg_class pc ON pc.oid = t.relid WHERE t.isleaf)
            WHEN c.relkind = 'v' THEN -1
            ELSE c.reltuples END::float8 AS reltuples,
       CASE WHEN c.relkind = 'p' THEN (
              SELECT sum(pc.relpages) FROM pg_partition_tree(c.oid) t JOIN pg_class pc ON pc.oid = t.relid)
            ELSE c.relpages END::int8 * current_setting('block_size')::int8 AS pages_bytes,
       CASE WHEN c.relkind = 'p' THEN (
              SELECT sum(s2.n_tup_ins) FROM pg_partition_tree(c.oid) t JOIN pg_stat_all_tables s2 ON s2.relid = t.relid)
            ELSE s.n_tup_ins END::int8::text AS inserts
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_stat_all_tables s ON s.relid = c.oid
WHERE c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'
ORDER BY n.nspname, c.relname`;

const COLUMNS_SQL = `
SELECT a.attrelid::text AS oid, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS data_type,
       NOT a.attnotnull AS nullable, col_description(a.attrelid, a.attnum) AS comment,
       coalesce(bt.typname, t.typname) AS base_type, coalesce(bt.typcategory, t.typcategory)::text AS category
FROM pg_attribute a
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_type bt ON t.typtype = 'd' AND bt.oid = t.typbasetype
WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum`;

// Inherited copies of partitioned foreign keys (conparentid <> 0) are left out: the parent's stands.
const KEYS_SQL = `
SELECT con.conrelid::text AS oid, con.contype::text AS type, con.conname AS name,
       ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, i)
             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.i) AS columns,
       fn.nspname AS ref_schema, fc.relname AS ref_table,
       ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, i)
             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.i) AS ref_columns
FROM pg_constraint con
LEFT JOIN pg_class fc ON fc.oid = con.confrelid
LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
WHERE con.contype IN ('p', 'f') AND con.conrelid = ANY($1::oid[]) AND con.conparentid = 0
ORDER BY con.conrelid, con.conname`;

const FAMILY_BY_TYPE: Record<string, TypeFamily> = {
  int2: 'integer',
  int4: 'integer',
  int8: 'integer',
  numeric: 'decimal',
  float4: 'decimal',
  float8: 'decimal',
  money: 'decimal',
  bool: 'boolean',
  date: 'date',
  timestamp: 'timestamp',
  timestamptz: 'timestamp',
  bytea: 'binary',
  json: 'json',
  jsonb: 'json',
  uuid: 'uuid',
  xml: 'string',
};

/** Type family from the base type (domains resolved one level) and its pg_type category. */
function pgTypeFamily(baseType: string, category: string): TypeFamily {
  const known = FAMILY_BY_TYPE[baseType];
  if (known) return known;
  // S: text, varchar, char, name, citext; E: enums; I: inet, cidr (addresses are personal data).
  return category === 'S' || category === 'E' || category === 'I' ? 'string' : 'other';
}

/** character_not_in_repertoire, untranslatable_character. */
const UNTRANSLATABLE = new Set(['22021', '22P05']);

/** Families whose text form can be long: measured server-side, before truncation. */
const LONG_FAMILIES = new Set<TypeFamily>(['string', 'json', 'other']);

const CONNECTION_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH']);
const CLIENT_LOST = /connection terminated|not queryable|query read timeout|timeout expired|connection ended/i;
// SQLSTATE classes whose server messages name objects or states, never data values.
const SAFE_CLASSES = new Set(['08', '25', '28', '3D', '42', '53', '55', '57']);

function describePgError(error: unknown, secrets: readonly string[] = []): DescribedError {
  const e = error as { code?: unknown; message?: unknown } | undefined;
  const code = typeof e?.code === 'string' ? e.code : '';
  const text = scrubSecrets(typeof e?.message === 'string' ? e.message : String(error), secrets);
  const sqlState = /^[0-9A-Z]{5}$/.test(code) ? code : '';
  if (!sqlState) {
    if (CONNECTION_CODES.has(code) || CLIENT_LOST.test(text)) {
      return { code: DiscoveryErrorCode.CONNECTION_LOST, message: text, connectionLost: true };
    }
    const name = error instanceof Error ? error.name : typeof error;
    return { code: DiscoveryErrorCode.QUERY_FAILED, message: `unexpected ${name}`, connectionLost: false };
  }
  const detail = SAFE_CLASSES.has(sqlState.slice(0, 2)) ? `${text} (SQLSTATE ${sqlState})` : `SQLSTATE ${sqlState}`;
  const lost = sqlState.startsWith('08') || ['57P01', '57P02', '57P03'].includes(sqlState);
  const result = (c: DiscoveryErrorCode, message = detail) => ({ code: c, message, connectionLost: lost });
  if (lost) return result(DiscoveryErrorCode.CONNECTION_LOST);
  if (sqlState === '57014' || sqlState === '55P03') return result(DiscoveryErrorCode.STATEMENT_TIMEOUT);
  if (sqlState === '25006') return result(DiscoveryErrorCode.READ_ONLY_VIOLATION);
  if (sqlState === '42501') return result(DiscoveryErrorCode.PERMISSION_DENIED);
  if (sqlState.startsWith('28')) return result(DiscoveryErrorCode.AUTHENTICATION_FAILED);
  if (sqlState === '3D000') return result(DiscoveryErrorCode.SOURCE_UNAVAILABLE);
  if (sqlState === '55000') return result(DiscoveryErrorCode.DATASET_UNREADABLE);
  return result(
    DiscoveryErrorCode.QUERY_FAILED,
    `${detail}${detail === `SQLSTATE ${sqlState}` ? ' (message withheld: it may quote data)' : ''}`,
  );
}

/** One column's share of the sample query: its expressions, and how to read them back. */
interface Projection {
  expressions: string[];
  read(row: unknown[], at: number, values: (string | null)[], lengths: (number | null)[]): number;
}

function projection(column: ColumnMeta, maxValueLength: number): Projection {
  const id = quotePgIdent(column.name);
  if (column.typeFamily === 'binary') {
    // A digest for distinct counts and the length: never the bytes themselves.
    return {
      expressions: [`md5(${id})`, `octet_length(${id})`],
      read: (row, at, values, lengths) => {
        values.push(row[at] as string | null);
        lengths.push(row[at + 1] as number | null);
        return 2;
      },
    };
  }
  const value = `left(${id}::text, ${maxValueLength})`;
  if (!LONG_FAMILIES.has(column.typeFamily)) {
    return {
      expressions: [value],
      read: (row, at, values, lengths) => {
        const text = row[at] as string | null;
        values.push(text === null ? null : truncate(text, maxValueLength));
        lengths.push(null);
        return 1;
      },
    };
  }
  return {
    expressions: [value, `char_length(${id}::text)`],
    read: (row, at, values, lengths) => {
      const text = row[at] as string | null;
      values.push(text === null ? null : truncate(text, maxValueLength));
      lengths.push(row[at + 1] as number | null);
      return 2;
    },
  };
}

class PgSession implements RelationalSession<PgTable> {
  constructor(
    readonly client: pg.Client,
    private readonly secrets: readonly string[],
  ) {}

  async query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, values?: unknown[]) {
    return this.client.query<R>(sql, values);
  }

  /**
   * Runs one step under a savepoint, so a failed count or timed-out velocity query costs that step
   * only. A broken connection is rethrown: nothing more can run on it.
   */
  private async step<R>(label: string, problems: TableScan['problems'], run: () => Promise<R>): Promise<R | undefined> {
    await this.client.query('SAVEPOINT carto_step');
    try {
      const result = await run();
      await this.client.query('RELEASE SAVEPOINT carto_step');
      return result;
    } catch (error) {
      const described = describePgError(error, this.secrets);
      if (described.connectionLost) throw error;
      await this.client.query('ROLLBACK TO SAVEPOINT carto_step');
      problems.push({ code: described.code, message: `${label} failed: ${described.message}` });
      return undefined;
    }
  }

  async scan(table: PgTable, plan: ScanPlan): Promise<TableScan> {
    const problems: TableScan['problems'] = [];
    const relation = `${quotePgIdent(table.schema)}.${quotePgIdent(table.table)}`;
    const timeout = Math.floor(plan.statementTimeoutMs);
    // Shorter than the statement timeout, so waiting on another session's lock is reported as such.
    const lockTimeout = Math.max(1, Math.floor(timeout / 2));
    const oid = `${Number(table.oid)}::oid`;
    const size =
      table.kind === 'VIEW'
        ? '0'
        : table.partitioned
          ? `(SELECT coalesce(sum(pg_total_relation_size(relid)), 0) FROM pg_partition_tree(${oid}))`
          : `pg_total_relation_size(${oid})`;
    // One round trip: a read-only transaction whose every statement is bounded, in UTC, and the size.
    const opened = (await this.client.query(
      `BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL statement_timeout = ${timeout}; ` +
        `SET LOCAL lock_timeout = ${lockTimeout}; SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'; ` +
        `SELECT ${size}::text AS bytes`,
    )) as unknown as pg.QueryResult<{ bytes: string }>[];
    const bytes = Number(opened[opened.length - 1].rows[0].bytes);
    try {
      if (!table.populated) {
        problems.push({
          code: DiscoveryErrorCode.DATASET_UNREADABLE,
          message: 'materialized view is not populated (created WITH NO DATA): not sampled',
        });
        await this.client.query('COMMIT');
        return { exactCount: null, bytes, rows: [], problems };
      }
      let exactCount: number | null = null;
      if (plan.countExactly) {
        const counted = await this.step('row count', problems, () =>
          this.query<{ count: string }>(`SELECT count(*)::text AS count FROM ${relation}`),
        );
        if (counted) exactCount = Number(counted.rows[0].count);
      }
      const rowCount = exactCount ?? table.rowEstimate;
      const sampled = await this.step('sampling', problems, () =>
        this.sample(table, relation, plan, rowCount, exactCount !== null),
      );
      const scan: TableScan = { exactCount, bytes, rows: sampled?.rows ?? [], method: sampled?.method, problems };
      if (plan.creation && sampled) {
        const window = [plan.window.from.toISOString(), plan.window.to.toISOString()];
        if (exactCount !== null) {
          const id = quotePgIdent(plan.creation.name);
          const counted = await this.step('velocity', problems, () =>
            this.query<{ count: string }>(
              `SELECT count(*)::text AS count FROM ${relation} WHERE ${id} >= $1::timestamptz AND ${id} <= $2::timestamptz`,
              window,
            ),
          );
          if (counted) scan.windowCount = Number(counted.rows[0].count);
        } else {
          scan.windowHits = sampled.windowHits;
        }
      }
      await this.client.query('COMMIT');
      return scan;
    } catch (error) {
      await this.client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /**
   * Bounded random sample, values cut server-side so a 1 MB text never crosses the wire:
   * every row when the table is no larger than the sample; ORDER BY random() over small tables;
   * TABLESAMPLE SYSTEM with 4x over-sampling (widened until enough rows come back) over large ones;
   * the first rows of a large view, which no cheap method can sample.
   */
  private async sample(
    table: PgTable,
    relation: string,
    plan: ScanPlan,
    rowCount: number | null,
    exact: boolean,
  ): Promise<{ rows: SampledRow[]; method: SampleMethod; windowHits: number }> {
    const projections = table.columns.map((column) => projection(column, plan.maxValueLength));
    const expressions = projections.flatMap((p) => p.expressions);
    const params: string[] = [];
    if (plan.creation) {
      const id = quotePgIdent(plan.creation.name);
      expressions.push(`(${id} >= $1::timestamptz AND ${id} <= $2::timestamptz)`);
      params.push(plan.window.from.toISOString(), plan.window.to.toISOString());
    }
    const list = expressions.join(', ') || 'NULL';
    const n = plan.sampleRows;
    // Rows are drawn first and projected after, so discarded rows cost no text conversion.
    const drawn = (source: string) =>
      `SELECT ${list} FROM (SELECT * FROM ${source} ORDER BY random() LIMIT ${n}) AS drawn`;
    const query = async (sql: string) =>
      (await this.client.query({ text: sql, values: params, rowMode: 'array' })).rows;
    const run = async (sql: string) => {
      try {
        return await query(sql);
      } catch (error) {
        if (!UNTRANSLATABLE.has((error as { code?: string }).code ?? '')) throw error;
        // Bytes the server cannot convert to UTF-8 (a SQL_ASCII database holding Latin-1, say):
        // take them raw, Node decodes them with replacement characters. Back to the step's savepoint first.
        await this.client.query(`ROLLBACK TO SAVEPOINT carto_step; SET LOCAL client_encoding = 'SQL_ASCII'`);
        const rows = await query(sql);
        await this.client.query(`SET LOCAL client_encoding = 'UTF8'`);
        return rows;
      }
    };

    let method: SampleMethod;
    let rows: unknown[][];
    if (exact && rowCount !== null && rowCount <= n) {
      method = 'all';
      rows = await run(`SELECT ${list} FROM ${relation} LIMIT ${n}`);
    } else if (exact && rowCount !== null && rowCount < plan.exactCountThreshold) {
      method = 'random';
      rows = await run(drawn(relation));
    } else if (!table.sampleable) {
      method = 'first';
      rows = await run(`SELECT ${list} FROM ${relation} LIMIT ${n}`);
    } else {
      method = 'system';
      let percent = rowCount === null ? 1 : Math.min(100, (100 * 4 * n) / Math.max(rowCount, 1));
      for (;;) {
        rows = await run(drawn(`${relation} TABLESAMPLE SYSTEM (${percent.toFixed(6)})`));
        if (rows.length >= n || percent >= 100) break;
        percent = Math.min(100, percent * 4);
      }
    }
    let windowHits = 0;
    const sampled = rows.map((row) => {
      const values: (string | null)[] = [];
      const lengths: (number | null)[] = [];
      let at = 0;
      for (const p of projections) at += p.read(row, at, values, lengths);
      if (plan.creation && row[at] === true) windowHits++;
      return { values, lengths };
    });
    return { rows: sampled, method, windowHits };
  }

  private ending?: Promise<void>;

  /** One end for both close and destroy: a second client.end() would wait for an event already past. */
  private end(): Promise<void> {
    this.ending ??= this.client.end().catch(() => undefined);
    return this.ending;
  }

  async close(): Promise<void> {
    await Promise.race([this.end(), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
  }

  destroy(): void {
    void this.end();
  }
}

export interface PostgresTarget {
  url: string;
  name: string;
  host: string;
  port: number;
  database?: string;
  password?: string;
}

class PgDialect implements RelationalDialect<PgTable> {
  private readonly secrets: string[];

  constructor(
    private readonly target: PostgresTarget,
    private readonly statementTimeoutMs: number,
  ) {
    this.secrets = target.password ? [target.password] : [];
  }

  async connect(): Promise<PgSession> {
    const client = new pg.Client({
      connectionString: this.target.url,
      application_name: 'cartographer-discovery',
      connectionTimeoutMillis: 10_000,
      // Client-side backstop for a silent network: the server-side statement_timeout comes first.
      query_timeout: this.statementTimeoutMs + 10_000,
      keepAlive: true,
    });
    // Without a listener, a connection killed while idle would crash the process.
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (error) {
      client.end().catch(() => undefined);
      throw error;
    }
    return new PgSession(client, this.secrets);
  }

  async catalog(session: RelationalSession<PgTable>) {
    const s = session as PgSession;
    const timeout = Math.floor(this.statementTimeoutMs);
    await s.query(`BEGIN TRANSACTION READ ONLY; SET LOCAL statement_timeout = ${timeout}`);
    try {
      const relations = await s.query(RELATIONS_SQL);
      const oids = relations.rows.map((row) => row.oid as string);
      const columns = await s.query(COLUMNS_SQL, [oids]);
      const keys = await s.query(KEYS_SQL, [oids]);
      const database = (await s.query<{ name: string }>('SELECT current_database() AS name')).rows[0].name;
      await s.query('COMMIT');
      const byOid = new Map<string, PgTable>();
      const tables = relations.rows.map((row) => {
        const relkind = row.relkind as string;
        const reltuples = Number(row.reltuples);
        const table: PgTable = {
          oid: row.oid,
          schema: row.schema,
          table: row.name,
          name: `${row.schema}.${row.name}`,
          kind: relkind === 'v' ? 'VIEW' : relkind === 'm' ? 'MATERIALIZED_VIEW' : 'TABLE',
          rowEstimate: reltuples >= 0 && !Number.isNaN(reltuples) ? Math.round(reltuples) : null,
          // Heap pages at the last VACUUM/ANALYZE: stands only if the exact size cannot be read.
          bytes: Number(row.pages_bytes ?? 0),
          primaryKey: [],
          foreignKeys: [],
          columns: [],
          populated: row.populated !== false,
          sampleable: relkind !== 'v',
          partitioned: relkind === 'p',
        };
        if (row.description !== null) table.description = row.description;
        if (row.inserts !== null) table.insertCounter = Number(row.inserts);
        byOid.set(row.oid, table);
        return table;
      });
      for (const row of columns.rows) {
        const table = byOid.get(row.oid)!;
        const column: ColumnMeta = {
          name: row.name,
          ordinal: table.columns.length + 1,
          dataType: row.data_type,
          typeFamily: pgTypeFamily(row.base_type, row.category),
          nullable: row.nullable,
        };
        if (row.comment !== null) column.comment = row.comment;
        table.columns.push(column);
      }
      for (const row of keys.rows) {
        const table = byOid.get(row.oid)!;
        if (row.type === 'p') table.primaryKey = row.columns;
        else {
          table.foreignKeys.push({
            name: row.name,
            columns: row.columns,
            references: { dataset: `${row.ref_schema}.${row.ref_table}`, columns: row.ref_columns },
          });
        }
      }
      return { engine: 'postgresql' as const, database, tables };
    } catch (error) {
      await s.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  describeError(error: unknown): DescribedError {
    return describePgError(error, this.secrets);
  }
}

/** Reads a PostgreSQL database: catalog, row counts, sizes, insert counters, bounded samples. */
export class PostgresConnector implements Connector {
  constructor(private readonly target: PostgresTarget) {}

  async discover(options?: DiscoveryOptions): Promise<DiscoveredSource> {
    const resolved = resolveOptions(options);
    const { name, host, port, database } = this.target;
    return scanRelational(
      new PgDialect(this.target, resolved.statementTimeoutMs),
      {
        name,
        location: { host, port, ...(database ? { database } : {}) },
      },
      resolved,
    );
  }
}
