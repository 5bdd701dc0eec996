import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig, redactUrl } from './index.js';

describe('loadConfig', () => {
  it('defaults to local stores and development settings', () => {
    const config = loadConfig({}, '/srv/carto');
    expect(config).toEqual({
      env: 'development',
      host: '127.0.0.1',
      port: 3000,
      dataDir: '/srv/carto/.data',
      localNeo4jHeap: '1g',
      scanWorkers: 1,
      neo4j: { uri: undefined, user: 'neo4j', password: undefined, database: undefined },
      databaseUrl: undefined,
      graphqlIntrospection: true,
      loadDemo: true,
      logLevel: 'log',
      auth: {
        jwtSecret: undefined,
        tokenTtlSeconds: 900,
        admin: undefined,
        devMode: false,
        loginMaxFailures: 5,
        loginWindowSeconds: 900,
      },
      graphqlLimits: { maxDepth: 12, maxComplexity: 5000 },
      trustProxy: false,
    });
  });

  it('accepts configured stores', () => {
    const config = loadConfig(
      {
        NEO4J_URI: 'neo4j+s://graph.example.org:7687',
        NEO4J_PASSWORD: 's3cret',
        DATABASE_URL: 'postgresql://carto:pw@db.example.org/carto',
        NODE_ENV: 'production',
        PORT: '8080',
        CARTO_JWT_SECRET: 'x'.repeat(32),
      },
      '/',
    );
    expect(config.neo4j).toEqual({
      uri: 'neo4j+s://graph.example.org:7687',
      user: 'neo4j',
      password: 's3cret',
      database: undefined,
    });
    expect(config.databaseUrl).toBe('postgresql://carto:pw@db.example.org/carto');
    expect(config.graphqlIntrospection).toBe(false);
    expect(config.port).toBe(8080);
  });

  it.each([
    ['not a uri', "NEO4J_URI: malformed URL 'not a uri' (expected bolt://host:port)"],
    [
      'http://graph:7474',
      "NEO4J_URI: unsupported scheme 'http' (expected one of bolt, bolt+s, bolt+ssc, neo4j, neo4j+s, neo4j+ssc)",
    ],
    ['bolt://graph:99999', "NEO4J_URI: malformed URL 'bolt://graph:99999' (expected bolt://host:port)"],
  ])('rejects NEO4J_URI %p with one line naming the variable', (uri, message) => {
    expect(() => loadConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: 'x' })).toThrow(
      new ConfigError('NEO4J_URI', message.slice(11)),
    );
  });

  it('requires a password with an explicit NEO4J_URI', () => {
    expect(() => loadConfig({ NEO4J_URI: 'bolt://graph:7687' })).toThrow(
      'NEO4J_PASSWORD: required when NEO4J_URI is set',
    );
  });

  it('never echoes a password in a DATABASE_URL error', () => {
    let message = '';
    try {
      loadConfig({ DATABASE_URL: 'mysql://carto:topsecret@db/carto' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe("DATABASE_URL: unsupported scheme 'mysql' (expected one of postgres, postgresql)");
    expect(redactUrl('postgres://carto:topsecret@db:5432/carto')).toBe('postgres://carto:***@db:5432/carto');
  });

  it.each([
    ['PORT', 'abc', "PORT: expected a TCP port number (0-65535), got 'abc'"],
    ['GRAPHQL_INTROSPECTION', 'maybe', "GRAPHQL_INTROSPECTION: expected true or false, got 'maybe'"],
    ['LOG_LEVEL', 'verbose', "LOG_LEVEL: expected error, warn, log or debug, got 'verbose'"],
    ['CARTO_SCAN_WORKERS', 'many', "CARTO_SCAN_WORKERS: expected a number of workers from 0 to 99, got 'many'"],
    ['NEO4J_LOCAL_HEAP', '2 GB', "NEO4J_LOCAL_HEAP: expected a JVM size such as 512m or 2g, got '2 GB'"],
    ['NODE_ENV', 'staging', "NODE_ENV: expected development, production or test, got 'staging'"],
  ])('rejects %s=%p', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});

describe('loadConfig: accounts and API limits', () => {
  const secret = 'k'.repeat(40);

  it('reads the authentication settings', () => {
    const config = loadConfig({
      CARTO_JWT_SECRET: secret,
      CARTO_TOKEN_TTL_SECONDS: '600',
      CARTO_ADMIN_EMAIL: 'Admin@Example.org',
      CARTO_ADMIN_PASSWORD: 'correct horse battery',
      CARTO_DEV_MODE: 'true',
      CARTO_LOGIN_MAX_FAILURES: '3',
      CARTO_LOGIN_WINDOW_SECONDS: '60',
      GRAPHQL_MAX_DEPTH: '8',
      GRAPHQL_MAX_COMPLEXITY: '200',
    });
    expect(config.auth).toEqual({
      jwtSecret: secret,
      tokenTtlSeconds: 600,
      admin: { email: 'admin@example.org', password: 'correct horse battery' },
      devMode: true,
      loginMaxFailures: 3,
      loginWindowSeconds: 60,
    });
    expect(config.graphqlLimits).toEqual({ maxDepth: 8, maxComplexity: 200 });
  });

  it('requires a JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      new ConfigError(
        'CARTO_JWT_SECRET',
        'required in production (tokens must survive restarts and be shared by instances)',
      ),
    );
  });

  it.each([
    [{ CARTO_JWT_SECRET: 'short' }, 'CARTO_JWT_SECRET: must be at least 32 bytes long'],
    [{ CARTO_TOKEN_TTL_SECONDS: '10' }, "CARTO_TOKEN_TTL_SECONDS: expected an integer from 60 to 86400, got '10'"],
    [{ CARTO_TOKEN_TTL_SECONDS: '15m' }, "CARTO_TOKEN_TTL_SECONDS: expected an integer from 60 to 86400, got '15m'"],
    [{ CARTO_ADMIN_EMAIL: 'a@b.org' }, 'CARTO_ADMIN_PASSWORD: required when CARTO_ADMIN_EMAIL is set'],
    [{ CARTO_ADMIN_PASSWORD: 'long enough password' }, 'CARTO_ADMIN_EMAIL: required when CARTO_ADMIN_PASSWORD is set'],
    [
      { CARTO_ADMIN_EMAIL: 'admin', CARTO_ADMIN_PASSWORD: 'long enough password' },
      "CARTO_ADMIN_EMAIL: expected an email address, got 'admin'",
    ],
    [
      { CARTO_ADMIN_EMAIL: 'a@b.org', CARTO_ADMIN_PASSWORD: 'short' },
      'CARTO_ADMIN_PASSWORD: must be at least 12 characters long',
    ],
    [
      { CARTO_DEV_MODE: 'true', NODE_ENV: 'production', CARTO_JWT_SECRET: secret },
      'CARTO_DEV_MODE: cannot be true when NODE_ENV=production',
    ],
    [{ CARTO_LOGIN_MAX_FAILURES: '0' }, "CARTO_LOGIN_MAX_FAILURES: expected an integer from 1 to 1000, got '0'"],
    [{ GRAPHQL_MAX_DEPTH: '1' }, "GRAPHQL_MAX_DEPTH: expected an integer from 2 to 100, got '1'"],
    [{ GRAPHQL_MAX_COMPLEXITY: 'lots' }, "GRAPHQL_MAX_COMPLEXITY: expected an integer from 10 to 1000000, got 'lots'"],
  ])('rejects %p', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never echoes the JWT secret or the admin password in an error', () => {
    const messages: string[] = [];
    for (const env of [
      { CARTO_JWT_SECRET: 'tiny-secret' },
      { CARTO_ADMIN_EMAIL: 'a@b.org', CARTO_ADMIN_PASSWORD: 'pw-short' },
    ]) {
      try {
        loadConfig(env);
      } catch (error) {
        messages.push((error as Error).message);
      }
    }
    expect(messages).toEqual([
      'CARTO_JWT_SECRET: must be at least 32 bytes long',
      'CARTO_ADMIN_PASSWORD: must be at least 12 characters long',
    ]);
  });
});

describe('loadConfig: CARTO_TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['false', false],
    ['0', false],
    ['1', 1],
    ['20', 20],
    ['loopback', ['loopback']],
    ['loopback, 10.0.0.0/8,192.168.1.7, fd00::/8', ['loopback', '10.0.0.0/8', '192.168.1.7', 'fd00::/8']],
  ])('reads %p as %p', (value, expected) => {
    expect(loadConfig(value === undefined ? {} : { CARTO_TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each([
    [
      'true',
      "CARTO_TRUST_PROXY: 'true' would let any client choose its address; give the number of proxies in front (e.g. 1) or their addresses",
    ],
    ['21', "CARTO_TRUST_PROXY: expected 1 to 20 proxy hops, got '21'"],
    [
      'proxy.example.org',
      "CARTO_TRUST_PROXY: 'proxy.example.org' is not loopback, linklocal, uniquelocal, an IP address or a CIDR subnet",
    ],
    [
      '10.0.0.0/33',
      "CARTO_TRUST_PROXY: '10.0.0.0/33' is not loopback, linklocal, uniquelocal, an IP address or a CIDR subnet",
    ],
    [
      '10.0.0.1/8/1',
      "CARTO_TRUST_PROXY: '10.0.0.1/8/1' is not loopback, linklocal, uniquelocal, an IP address or a CIDR subnet",
    ],
    ['loopback,', "CARTO_TRUST_PROXY: '' is not loopback, linklocal, uniquelocal, an IP address or a CIDR subnet"],
  ])('rejects %p', (value, message) => {
    expect(() => loadConfig({ CARTO_TRUST_PROXY: value })).toThrow(message);
  });
});
