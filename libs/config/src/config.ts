import { CONNECTION_REF_PATTERN } from '@cartographer/common';
import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { ConfigError } from './config.errors.js';

export interface Neo4jConfig {
  /** Undefined when the local Neo4j must be started by the process. */
  uri?: string;
  user: string;
  password?: string;
  database?: string;
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** Where locally started stores keep their data (ignored by git). */
  dataDir: string;
  /** JVM heap of a locally started Neo4j (NEO4J_LOCAL_HEAP, e.g. 1g). */
  localNeo4jHeap: string;
  /** Scan jobs this process runs at once (CARTO_SCAN_WORKERS; 0 = queue only, for `carto worker` hosts). */
  scanWorkers: number;
  neo4j: Neo4jConfig;
  /** Undefined when the embedded PostgreSQL must be started by the process. */
  databaseUrl?: string;
  graphqlIntrospection: boolean;
  loadDemo: boolean;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  auth: AuthConfig;
  /** Bounds on one GraphQL operation, checked before it runs. */
  graphqlLimits: { maxDepth: number; maxComplexity: number };
  /**
   * Reverse proxies whose X-Forwarded-For is believed (CARTO_TRUST_PROXY): false (the socket's
   * address is the client's), a number of proxy hops, or the proxies' addresses and subnets.
   */
  trustProxy: false | number | string[];
}

export interface AuthConfig {
  /** HS256 secret of login tokens; undefined outside production means a random per-process one. */
  jwtSecret?: string;
  tokenTtlSeconds: number;
  /** First administrator, created at boot when no account has that email. */
  admin?: { email: string; password: string };
  /** Explicit development mode: demo accounts with random passwords printed once. */
  devMode: boolean;
  loginMaxFailures: number;
  loginWindowSeconds: number;
}

const NEO4J_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];
const POSTGRES_SCHEMES = ['postgres', 'postgresql'];

/** Shows a URL with its password replaced, so an error line can quote it safely. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return raw.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
  }
}

export function parseServiceUrl(variable: string, raw: string, schemes: string[], defaultPort: number): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(variable, `malformed URL '${redactUrl(raw)}' (expected ${schemes[0]}://host:port)`);
  }
  const scheme = url.protocol.replace(/:$/, '');
  if (!schemes.includes(scheme)) {
    throw new ConfigError(variable, `unsupported scheme '${scheme}' (expected one of ${schemes.join(', ')})`);
  }
  if (!url.hostname) throw new ConfigError(variable, `missing host in '${redactUrl(raw)}'`);
  const port = url.port ? Number(url.port) : defaultPort;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(variable, `invalid port in '${redactUrl(raw)}'`);
  }
  return url;
}

function nonEmpty(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function parseBoolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = nonEmpty(env, name);
  if (value === undefined) return fallback;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ConfigError(name, `expected true or false, got '${value}'`);
}

function parsePort(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = nonEmpty(env, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    throw new ConfigError(name, `expected a TCP port number (0-65535), got '${value}'`);
  }
  return Number(value);
}

function parseInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const value = nonEmpty(env, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new ConfigError(name, `expected an integer from ${min} to ${max}, got '${value}'`);
  }
  return Number(value);
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * CARTO_TRUST_PROXY: unset or `false` trusts no proxy; `1`-`20` trusts that many hops; otherwise a
 * comma-separated list of `loopback`, `linklocal`, `uniquelocal`, addresses and CIDR subnets.
 * `true` (any client could then pick its own address, defeating the login limit) is refused.
 */
export function parseTrustProxy(env: NodeJS.ProcessEnv): false | number | string[] {
  const name = 'CARTO_TRUST_PROXY';
  const value = nonEmpty(env, name);
  if (value === undefined || value === 'false' || value === '0') return false;
  if (value === 'true') {
    throw new ConfigError(
      name,
      "'true' would let any client choose its address; give the number of proxies in front (e.g. 1) or their addresses",
    );
  }
  if (/^\d+$/.test(value)) {
    if (Number(value) > 20) throw new ConfigError(name, `expected 1 to 20 proxy hops, got '${value}'`);
    return Number(value);
  }
  const entries = value.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (PROXY_NAMES.has(entry)) continue;
    const [address, bits, extra] = entry.split('/');
    const version = isIP(address ?? '');
    const maxBits = version === 4 ? 32 : 128;
    const validBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
    if (version === 0 || !validBits || extra !== undefined) {
      throw new ConfigError(
        name,
        `'${entry.slice(0, 60)}' is not loopback, linklocal, uniquelocal, an IP address or a CIDR subnet`,
      );
    }
  }
  return entries;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MIN_PASSWORD_LENGTH = 12;

function parseAuth(env: NodeJS.ProcessEnv, nodeEnv: string): AuthConfig {
  const jwtSecret = nonEmpty(env, 'CARTO_JWT_SECRET');
  // The message never quotes the secret, only what is wrong with it.
  if (jwtSecret !== undefined && Buffer.byteLength(jwtSecret) < 32) {
    throw new ConfigError('CARTO_JWT_SECRET', 'must be at least 32 bytes long');
  }
  if (jwtSecret === undefined && nodeEnv === 'production') {
    throw new ConfigError(
      'CARTO_JWT_SECRET',
      'required in production (tokens must survive restarts and be shared by instances)',
    );
  }
  const email = nonEmpty(env, 'CARTO_ADMIN_EMAIL');
  const password = env.CARTO_ADMIN_PASSWORD === '' ? undefined : env.CARTO_ADMIN_PASSWORD;
  if (email !== undefined && password === undefined) {
    throw new ConfigError('CARTO_ADMIN_PASSWORD', 'required when CARTO_ADMIN_EMAIL is set');
  }
  if (email === undefined && password !== undefined) {
    throw new ConfigError('CARTO_ADMIN_EMAIL', 'required when CARTO_ADMIN_PASSWORD is set');
  }
  if (email !== undefined && !EMAIL.test(email)) {
    throw new ConfigError('CARTO_ADMIN_EMAIL', `expected an email address, got '${email}'`);
  }
  if (password !== undefined && password.length < MIN_PASSWORD_LENGTH) {
    throw new ConfigError('CARTO_ADMIN_PASSWORD', `must be at least ${MIN_PASSWORD_LENGTH} characters long`);
  }
  const devMode = parseBoolean(env, 'CARTO_DEV_MODE', false);
  if (devMode && nodeEnv === 'production') {
    throw new ConfigError('CARTO_DEV_MODE', 'cannot be true when NODE_ENV=production');
  }
  return {
    jwtSecret,
    tokenTtlSeconds: parseInteger(env, 'CARTO_TOKEN_TTL_SECONDS', 900, 60, 86_400),
    admin: email !== undefined && password !== undefined ? { email: email.toLowerCase(), password } : undefined,
    devMode,
    loginMaxFailures: parseInteger(env, 'CARTO_LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginWindowSeconds: parseInteger(env, 'CARTO_LOGIN_WINDOW_SECONDS', 900, 1, 86_400),
  };
}

/**
 * Reads and validates the whole configuration once. This is the only place that reads
 * process.env; everything else receives an AppConfig.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const nodeEnv = nonEmpty(env, 'NODE_ENV') ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    throw new ConfigError('NODE_ENV', `expected development, production or test, got '${nodeEnv}'`);
  }
  const neo4jUri = nonEmpty(env, 'NEO4J_URI');
  if (neo4jUri !== undefined) parseServiceUrl('NEO4J_URI', neo4jUri, NEO4J_SCHEMES, 7687);
  const neo4jPassword = nonEmpty(env, 'NEO4J_PASSWORD');
  if (neo4jUri !== undefined && neo4jPassword === undefined) {
    throw new ConfigError('NEO4J_PASSWORD', 'required when NEO4J_URI is set');
  }
  const databaseUrl = nonEmpty(env, 'DATABASE_URL');
  if (databaseUrl !== undefined) parseServiceUrl('DATABASE_URL', databaseUrl, POSTGRES_SCHEMES, 5432);

  const logLevel = nonEmpty(env, 'LOG_LEVEL') ?? 'log';
  if (!['error', 'warn', 'log', 'debug'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `expected error, warn, log or debug, got '${logLevel}'`);
  }
  const dataDir = nonEmpty(env, 'CARTO_DATA_DIR') ?? '.data';
  const localNeo4jHeap = nonEmpty(env, 'NEO4J_LOCAL_HEAP') ?? '1g';
  const scanWorkers = nonEmpty(env, 'CARTO_SCAN_WORKERS') ?? '1';
  if (!/^\d{1,2}$/.test(scanWorkers)) {
    throw new ConfigError('CARTO_SCAN_WORKERS', `expected a number of workers from 0 to 99, got '${scanWorkers}'`);
  }
  if (!/^\d+[mMgG]$/.test(localNeo4jHeap)) {
    throw new ConfigError('NEO4J_LOCAL_HEAP', `expected a JVM size such as 512m or 2g, got '${localNeo4jHeap}'`);
  }

  return {
    env: nodeEnv as AppConfig['env'],
    host: nonEmpty(env, 'HOST') ?? '127.0.0.1',
    port: parsePort(env, 'PORT', 3000),
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(cwd, dataDir),
    localNeo4jHeap,
    scanWorkers: Number(scanWorkers),
    neo4j: {
      uri: neo4jUri,
      user: nonEmpty(env, 'NEO4J_USER') ?? 'neo4j',
      password: neo4jPassword,
      database: nonEmpty(env, 'NEO4J_DATABASE'),
    },
    databaseUrl,
    graphqlIntrospection: parseBoolean(env, 'GRAPHQL_INTROSPECTION', nodeEnv !== 'production'),
    loadDemo: parseBoolean(env, 'CARTO_LOAD_DEMO', nodeEnv !== 'test'),
    logLevel: logLevel as AppConfig['logLevel'],
    auth: parseAuth(env, nodeEnv),
    graphqlLimits: {
      maxDepth: parseInteger(env, 'GRAPHQL_MAX_DEPTH', 12, 2, 100),
      maxComplexity: parseInteger(env, 'GRAPHQL_MAX_COMPLEXITY', 5000, 10, 1_000_000),
    },
    trustProxy: parseTrustProxy(env),
  };
}

/**
 * Reads a connection secret named by reference (a source's connectionRef, `carto scan env:VAR`).
 * The value is handed to the connector and never stored or logged.
 */
export function secretFromEnv(variable: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (!CONNECTION_REF_PATTERN.test(variable)) return undefined;
  const value = env[variable];
  return value === undefined || value.trim() === '' ? undefined : value;
}
