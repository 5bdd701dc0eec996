import mysql from 'mysql2/promise';
import { DiscoveryErrorCode } from '../discovery.errors.js';
import type { Connector, DiscoveredSource, DiscoveryOptions, SampleMethod, TypeFamily } from '../discovery.types.js';
import { resolveOptions } from '../common/options.js';
import { scrubSecrets } from '../common/redact.js';
import { type SampledRow, truncate } from '../common/sample.js';
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

interface MysqlTable extends TableMeta {
  schema: string;
  table: string;
}

export interface MysqlTarget {
  name: string;
  host: string;
  port: number;
  /** Scan this schema only; all non-system schemas when absent. */
  database?: string;
  user: string;
  password?: string;
  ssl: boolean;
}

function quoteMysqlIdent(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

const SYSTEM_SCHEMAS = `('mysql', 'information_schema', 'performance_schema', 'sys')`;

const TABLES_SQL = `
SELECT TABLE_SCHEMA AS db, TABLE_NAME AS name, TABLE_TYPE AS type, TABLE_ROWS AS table_rows,
       DATA_LENGTH AS data_length, INDEX_LENGTH AS index_length, AUTO_INCREMENT AS auto_increment,
       TABLE_COMMENT AS comment
FROM information_schema.TABLES
WHERE TABLE_SCHEMA NOT IN ${SYSTEM_SCHEMAS} AND TABLE_TYPE IN ('BASE TABLE', 'VIEW', 'SYSTEM VERSIONED')
  AND (? IS NULL OR TABLE_SCHEMA = ?)
ORDER BY TABLE_SCHEMA, TABLE_NAME`;

const COLUMNS_SQL = `
SELECT TABLE_SCHEMA AS db, TABLE_NAME AS name, COLUMN_NAME AS col, COLUMN_TYPE AS column_type,
       DATA_TYPE AS data_type, IS_NULLABLE AS is_nullable, COLUMN_COMMENT AS comment
FROM information_schema.COLUMNS
WHERE TABLE_SCHEMA NOT IN ${SYSTEM_SCHEMAS} AND (? IS NULL OR TABLE_SCHEMA = ?)
ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION`;

const KEYS_SQL = `
SELECT k.TABLE_SCHEMA AS db, k.TABLE_NAME AS name, k.CONSTRAINT_NAME AS constraint_name,
       c.CONSTRAINT_TYPE AS type, k.COLUMN_NAME AS col, k.REFERENCED_TABLE_SCHEMA AS ref_db,
       k.REFERENCED_TABLE_NAME AS ref_table, k.REFERENCED_COLUMN_NAME AS ref_col
FROM information_schema.KEY_COLUMN_USAGE k
JOIN information_schema.TABLE_CONSTRAINTS c
  ON c.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND c.TABLE_SCHEMA = k.TABLE_SCHEMA
 AND c.TABLE_NAME = k.TABLE_NAME AND c.CONSTRAINT_NAME = k.CONSTRAINT_NAME
WHERE c.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'FOREIGN KEY')
  AND k.TABLE_SCHEMA NOT IN ${SYSTEM_SCHEMAS} AND (? IS NULL OR k.TABLE_SCHEMA = ?)
ORDER BY k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`;

// MariaDB's JSON is LONGTEXT plus a column check `json_valid(col)` named after the column.
const MARIADB_JSON_SQL = `
SELECT CONSTRAINT_SCHEMA AS db, TABLE_NAME AS name, CONSTRAINT_NAME AS col
FROM information_schema.CHECK_CONSTRAINTS
WHERE CHECK_CLAUSE LIKE 'json\\_valid(%' AND CONSTRAINT_SCHEMA NOT IN ${SYSTEM_SCHEMAS} AND (? IS NULL OR CONSTRAINT_SCHEMA = ?)`;

const FAMILY_BY_TYPE: Record<string, TypeFamily> = {
  tinyint: 'integer',
  smallint: 'integer',
  mediumint: 'integer',
  int: 'integer',
  integer: 'integer',
  bigint: 'integer',
  year: 'integer',
  decimal: 'decimal',
  numeric: 'decimal',
  float: 'decimal',
  double: 'decimal',
  real: 'decimal',
  date: 'date',
  datetime: 'timestamp',
  timestamp: 'timestamp',
  char: 'string',
  varchar: 'string',
  tinytext: 'string',
  text: 'string',
  mediumtext: 'string',
  longtext: 'string',
  enum: 'string',
  set: 'string',
  inet4: 'string',
  inet6: 'string',
  json: 'json',
  uuid: 'uuid',
  binary: 'binary',
  varbinary: 'binary',
  tinyblob: 'binary',
  blob: 'binary',
  mediumblob: 'binary',
  longblob: 'binary',
  vector: 'binary',
  geometry: 'binary',
  point: 'binary',
  linestring: 'binary',
  polygon: 'binary',
  multipoint: 'binary',
  multilinestring: 'binary',
  multipolygon: 'binary',
  geometrycollection: 'binary',
};

function mysqlTypeFamily(dataType: string, columnType: string): TypeFamily {
  const type = columnType.toLowerCase();
  // tinyint(1) and bit(1) are how these engines spell booleans.
  if (type.startsWith('tinyint(1)') || type === 'bit(1)') return 'boolean';
  return FAMILY_BY_TYPE[dataType.toLowerCase()] ?? 'other';
}

const LONG_FAMILIES = new Set<TypeFamily>(['string', 'json', 'other']);
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
]);
const TIMEOUT_ERRNOS = new Set([1969, 3024, 1205, 1317]);
const PERMISSION_ERRNOS = new Set([1044, 1142, 1143, 1227, 1370]);
// Server messages that name objects or users, never data values.
const SAFE_ERRNOS = new Set([
  1044, 1045, 1049, 1054, 1064, 1142, 1143, 1146, 1205, 1227, 1317, 1356, 1370, 1792, 1927, 1969, 3024,
]);

function describeMysqlError(error: unknown, secrets: readonly string[] = []): DescribedError {
  const e = error as { code?: unknown; errno?: unknown; fatal?: unknown; message?: unknown } | undefined;
  const code = typeof e?.code === 'string' ? e.code : '';
  const errno = typeof e?.errno === 'number' ? e.errno : 0;
  const text = scrubSecrets(typeof e?.message === 'string' ? e.message : String(error), secrets);
  const lost = e?.fatal === true || CONNECTION_CODES.has(code);
  if (!errno || errno < 1000) {
    if (lost) return { code: DiscoveryErrorCode.CONNECTION_LOST, message: text || code, connectionLost: true };
    const name = error instanceof Error ? error.name : typeof error;
    return { code: DiscoveryErrorCode.QUERY_FAILED, message: `unexpected ${name}`, connectionLost: false };
  }
  const detail = SAFE_ERRNOS.has(errno)
    ? `${text} (${code} ${errno})`
    : `${code} ${errno} (message withheld: it may quote data)`;
  const result = (c: DiscoveryErrorCode) => ({ code: c, message: detail, connectionLost: lost });
  if (errno === 1045) return result(DiscoveryErrorCode.AUTHENTICATION_FAILED);
  if (lost || errno === 1927) return { ...result(DiscoveryErrorCode.CONNECTION_LOST), connectionLost: true };
  if (TIMEOUT_ERRNOS.has(errno)) return result(DiscoveryErrorCode.STATEMENT_TIMEOUT);
  if (errno === 1792) return result(DiscoveryErrorCode.READ_ONLY_VIOLATION);
  if (PERMISSION_ERRNOS.has(errno)) return result(DiscoveryErrorCode.PERMISSION_DENIED);
  if (errno === 1049) return result(DiscoveryErrorCode.SOURCE_UNAVAILABLE);
  if (errno === 1356 || errno === 1146) return result(DiscoveryErrorCode.DATASET_UNREADABLE);
  return result(DiscoveryErrorCode.QUERY_FAILED);
}

/** The expressions that sample one column: its value cut server-side, then (if it can be long) its full length. */
function mysqlProjection(column: ColumnMeta, max: number): string[] {
  const id = quoteMysqlIdent(column.name);
  // A digest for distinct counts and the length: never the bytes themselves.
  if (column.typeFamily === 'binary') return [`MD5(${id})`, `LENGTH(${id})`];
  if (column.dataType.toLowerCase().startsWith('bit')) return [`BIN(${id})`];
  if (LONG_FAMILIES.has(column.typeFamily)) return [`LEFT(CAST(${id} AS CHAR), ${max})`, `CHAR_LENGTH(${id})`];
  return [`LEFT(CAST(${id} AS CHAR), ${max})`];
}

/** 'YYYY-MM-DD HH:MM:SS' in UTC, the session's time zone. */
function sqlTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

class MysqlSession implements RelationalSession<MysqlTable> {
  constructor(
    readonly connection: mysql.Connection,
    readonly engine: 'mariadb' | 'mysql',
    private readonly secrets: readonly string[],
    private readonly statementTimeoutMs: number,
  ) {}

  async rows(sql: string, values: unknown[] = [], asArray = false): Promise<unknown[]> {
    // Client-side backstop for a silent network, the server-side limit comes first. Our own timer
    // rather than mysql2's `timeout`, which outlives a killed connection and holds the process.
    const backstop = setTimeout(() => this.destroy(), this.statementTimeoutMs + 10_000);
    backstop.unref();
    try {
      const [rows] = await this.connection.query({ sql, values, rowsAsArray: asArray });
      return rows as unknown[];
    } finally {
      clearTimeout(backstop);
    }
  }

  /** A failed step costs that step only; a broken connection is rethrown. */
  private async step<R>(label: string, problems: TableScan['problems'], run: () => Promise<R>): Promise<R | undefined> {
    try {
      return await run();
    } catch (error) {
      const described = describeMysqlError(error, this.secrets);
      if (described.connectionLost) throw error;
      problems.push({ code: described.code, message: `${label} failed: ${described.message}` });
      return undefined;
    }
  }

  async scan(table: MysqlTable, plan: ScanPlan): Promise<TableScan> {
    const problems: TableScan['problems'] = [];
    const relation = `${quoteMysqlIdent(table.schema)}.${quoteMysqlIdent(table.table)}`;
    await this.rows('START TRANSACTION READ ONLY');
    try {
      let exactCount: number | null = null;
      if (plan.countExactly) {
        const counted = await this.step('row count', problems, () =>
          this.rows(`SELECT COUNT(*) FROM ${relation}`, [], true),
        );
        if (counted) exactCount = Number((counted[0] as unknown[])[0]);
      }
      const rowCount = exactCount ?? table.rowEstimate;
      const sampled = await this.step('sampling', problems, () =>
        this.sample(table, relation, plan, rowCount, exactCount !== null),
      );
      const scan: TableScan = { exactCount, rows: sampled?.rows ?? [], method: sampled?.method, problems };
      if (plan.creation && sampled) {
        if (exactCount !== null) {
          const id = quoteMysqlIdent(plan.creation.name);
          const counted = await this.step('velocity', problems, () =>
            this.rows(
              `SELECT COUNT(*) FROM ${relation} WHERE ${id} >= ? AND ${id} <= ?`,
              [sqlTime(plan.window.from), sqlTime(plan.window.to)],
              true,
            ),
          );
          if (counted) scan.windowCount = Number((counted[0] as unknown[])[0]);
        } else {
          scan.windowHits = sampled.windowHits;
        }
      }
      await this.rows('COMMIT');
      return scan;
    } catch (error) {
      await this.rows('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /**
   * Bounded random sample with values cut server-side: every row of a table no larger than the
   * sample; ORDER BY RAND() over small tables; a per-row coin toss (WHERE RAND() < n/rows, so the
   * whole table has its chance and no sort is needed) over large ones; the first rows of large views.
   */
  private async sample(
    table: MysqlTable,
    relation: string,
    plan: ScanPlan,
    rowCount: number | null,
    exact: boolean,
  ): Promise<{ rows: SampledRow[]; method: SampleMethod; windowHits: number }> {
    const n = plan.sampleRows;
    const max = plan.maxValueLength;
    const projections = table.columns.map((column) => mysqlProjection(column, max));
    const expressions = projections.flat();
    const params: string[] = [];
    if (plan.creation) {
      const id = quoteMysqlIdent(plan.creation.name);
      expressions.push(`(${id} >= ? AND ${id} <= ?)`);
      params.push(sqlTime(plan.window.from), sqlTime(plan.window.to));
    }
    const select = `SELECT ${expressions.join(', ') || 'NULL'} FROM ${relation}`;
    let method: SampleMethod;
    let sql: string;
    if (exact && rowCount !== null && rowCount <= n) {
      method = 'all';
      sql = `${select} LIMIT ${n}`;
    } else if (exact && rowCount !== null && rowCount < plan.exactCountThreshold) {
      method = 'random';
      sql = `${select} ORDER BY RAND() LIMIT ${n}`;
    } else if (table.kind === 'VIEW') {
      method = 'first';
      sql = `${select} LIMIT ${n}`;
    } else {
      method = 'bernoulli';
      const probability = Math.min(1, n / Math.max(rowCount ?? n * 100, 1));
      sql = `${select} WHERE RAND() < ${probability.toFixed(9)} LIMIT ${n}`;
    }
    const result = (await this.rows(sql, params, true)) as unknown[][];
    let windowHits = 0;
    const rows = result.map((row) => {
      const values: (string | null)[] = [];
      const lengths: (number | null)[] = [];
      let at = 0;
      for (const projected of projections) {
        const value = row[at];
        values.push(value === null || value === undefined ? null : truncate(String(value), max));
        // A second expression is the full length, measured before truncation.
        lengths.push(projected.length === 2 && row[at + 1] !== null ? Number(row[at + 1]) : null);
        at += projected.length;
      }
      if (plan.creation && Number(row[at]) === 1) windowHits++;
      return { values, lengths };
    });
    return { rows, method, windowHits };
  }

  async close(): Promise<void> {
    await Promise.race([
      this.connection.end().catch(() => this.destroy()),
      new Promise((r) => setTimeout(r, 2000).unref()),
    ]);
  }

  destroy(): void {
    try {
      this.connection.destroy();
    } catch {
      /* already gone */
    }
  }
}

class MysqlDialect implements RelationalDialect<MysqlTable> {
  private readonly secrets: string[];

  constructor(
    private readonly target: MysqlTarget,
    private readonly statementTimeoutMs: number,
  ) {
    this.secrets = target.password ? [target.password] : [];
  }

  async connect(): Promise<MysqlSession> {
    const connection = await mysql.createConnection({
      host: this.target.host,
      port: this.target.port,
      user: this.target.user,
      password: this.target.password,
      database: this.target.database,
      ssl: this.target.ssl ? {} : undefined,
      charset: 'UTF8MB4_UNICODE_CI',
      connectTimeout: 10_000,
      dateStrings: true,
      supportBigNumbers: true,
      multipleStatements: false,
    });
    // Without a listener, a connection killed while idle would crash the process.
    connection.on('error', () => undefined);
    try {
      const [rows] = await connection.query({ sql: 'SELECT VERSION()', rowsAsArray: true });
      const engine = /mariadb/i.test(String((rows as unknown[][])[0][0])) ? 'mariadb' : 'mysql';
      const seconds = this.statementTimeoutMs / 1000;
      // Every statement of this session is bounded and read-only; the scan adds START TRANSACTION READ ONLY.
      const limit =
        engine === 'mariadb'
          ? `max_statement_time = ${seconds.toFixed(3)}`
          : `max_execution_time = ${Math.floor(this.statementTimeoutMs)}`;
      await connection.query(
        `SET SESSION ${limit}, SESSION lock_wait_timeout = ${Math.max(1, Math.ceil(seconds))}, time_zone = '+00:00'`,
      );
      await connection.query('SET SESSION TRANSACTION READ ONLY');
      // MySQL 8 caches TABLE_ROWS and sizes for a day by default; fresh figures cost little. Older
      // servers lack the variable, which is fine.
      if (engine === 'mysql')
        await connection.query('SET SESSION information_schema_stats_expiry = 0').catch(() => undefined);
      return new MysqlSession(connection, engine, this.secrets, this.statementTimeoutMs);
    } catch (error) {
      connection.destroy();
      throw error;
    }
  }

  async catalog(session: RelationalSession<MysqlTable>) {
    const s = session as MysqlSession;
    const scope = [this.target.database ?? null, this.target.database ?? null];
    const key = (db: unknown, name: unknown) => `${db}\u0000${name}`;
    await s.rows('START TRANSACTION READ ONLY');
    try {
      const tables = (await s.rows(TABLES_SQL, scope)) as Record<string, unknown>[];
      const columns = (await s.rows(COLUMNS_SQL, scope)) as Record<string, unknown>[];
      const keys = (await s.rows(KEYS_SQL, scope)) as Record<string, unknown>[];
      const jsonChecks =
        s.engine === 'mariadb' ? ((await s.rows(MARIADB_JSON_SQL, scope)) as Record<string, unknown>[]) : [];
      await s.rows('COMMIT');
      const jsonColumns = new Set(jsonChecks.map((row) => key(key(row.db, row.name), row.col)));
      const byName = new Map<string, MysqlTable>();
      const result = tables.map((row) => {
        const view = row.type === 'VIEW';
        const table: MysqlTable = {
          schema: String(row.db),
          table: String(row.name),
          name: `${row.db}.${row.name}`,
          kind: view ? 'VIEW' : 'TABLE',
          rowEstimate: row.table_rows === null || view ? null : Number(row.table_rows),
          bytes: Number(row.data_length ?? 0) + Number(row.index_length ?? 0),
          primaryKey: [],
          foreignKeys: [],
          columns: [],
        };
        if (!view && row.comment) table.description = String(row.comment);
        if (row.auto_increment !== null) table.insertCounter = Number(row.auto_increment);
        byName.set(key(row.db, row.name), table);
        return table;
      });
      for (const row of columns) {
        const table = byName.get(key(row.db, row.name));
        if (!table) continue;
        const json = jsonColumns.has(key(key(row.db, row.name), row.col));
        const column: ColumnMeta = {
          name: String(row.col),
          ordinal: table.columns.length + 1,
          dataType: json ? 'json' : String(row.column_type),
          typeFamily: json ? 'json' : mysqlTypeFamily(String(row.data_type), String(row.column_type)),
          nullable: row.is_nullable === 'YES',
        };
        if (row.comment) column.comment = String(row.comment);
        table.columns.push(column);
      }
      const foreign = new Map<string, MysqlTable['foreignKeys'][number]>();
      for (const row of keys) {
        const table = byName.get(key(row.db, row.name));
        if (!table) continue;
        if (row.type === 'PRIMARY KEY') {
          table.primaryKey.push(String(row.col));
          continue;
        }
        const id = key(key(row.db, row.name), row.constraint_name);
        let fk = foreign.get(id);
        if (!fk) {
          fk = {
            name: String(row.constraint_name),
            columns: [],
            references: { dataset: `${row.ref_db}.${row.ref_table}`, columns: [] },
          };
          foreign.set(id, fk);
          table.foreignKeys.push(fk);
        }
        fk.columns.push(String(row.col));
        fk.references.columns.push(String(row.ref_col));
      }
      return { engine: s.engine, database: this.target.database, tables: result };
    } catch (error) {
      await s.rows('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  describeError(error: unknown): DescribedError {
    return describeMysqlError(error, this.secrets);
  }
}

/** Reads a MariaDB or MySQL server (one schema, or all non-system ones) through information_schema. */
export class MysqlConnector implements Connector {
  constructor(private readonly target: MysqlTarget) {}

  async discover(options?: DiscoveryOptions): Promise<DiscoveredSource> {
    const resolved = resolveOptions(options);
    const { name, host, port, database } = this.target;
    return scanRelational(
      new MysqlDialect(this.target, resolved.statementTimeoutMs),
      { name, location: { host, port, ...(database ? { database } : {}) } },
      resolved,
    );
  }
}
