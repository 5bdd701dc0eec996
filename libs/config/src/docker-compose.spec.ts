import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { ConfigError } from './config.errors.js';
import { loadConfig } from './config.js';
import { projectRoot } from './paths.js';

/**
 * `docker compose up` must boot as docker-compose.yml says. No Docker engine runs here, so this
 * reads the file, interpolates the api service's environment as Compose does, and runs the
 * configuration validator on it: the file cannot drift from the validator again.
 */
interface Service {
  environment: Record<string, string | number>;
}

/** Compose variable interpolation: `$$`, `${VAR}`, `${VAR:?message}`, `${VAR:-default}`. */
function interpolate(value: string, shell: Record<string, string>): string {
  return value.replace(/\$\$|\$\{([A-Z_][A-Z0-9_]*)(?:(:\?|:-)([^}]*))?\}/g, (match, name, operator, argument) => {
    if (match === '$$') return '$';
    const set = shell[name] !== undefined && shell[name] !== '';
    if (operator === ':?' && !set) throw new Error(`required variable ${name} is missing a value: ${argument}`);
    if (operator === ':-' && !set) return argument;
    return shell[name] ?? '';
  });
}

const compose = parse(readFileSync(join(projectRoot(), 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, Service>;
};
const api = compose.services.api.environment;

/** What an operator sets on the command line, as the file's header says. */
const SHELL = {
  NEO4J_PASSWORD: 'neo4j-password-from-the-shell',
  POSTGRES_PASSWORD: 'postgres-password-from-the-shell',
  CARTO_JWT_SECRET: 'a'.repeat(48),
  CARTO_ADMIN_EMAIL: 'dpo@example.org',
  CARTO_ADMIN_PASSWORD: 'a long enough password',
};

/** Compose interpolates the whole file before it starts anything: every service's environment counts. */
function apiEnvironment(shell: Record<string, string>): Record<string, string> {
  for (const service of Object.values(compose.services))
    for (const value of Object.values(service.environment ?? {})) interpolate(String(value), shell);
  return Object.fromEntries(Object.entries(api).map(([name, value]) => [name, interpolate(String(value), shell)]));
}

/** Variables of the shell that the api service's environment reads. */
const used = [
  ...new Set(
    Object.values(api).flatMap((value) => [...String(value).matchAll(/\$\{([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1])),
  ),
].sort();

describe('docker-compose.yml, api service', () => {
  it('reads exactly the variables its header tells the operator to set', () => {
    expect(used).toEqual(Object.keys(SHELL).sort());
  });

  it('passes the configuration validator in production mode', () => {
    const config = loadConfig(apiEnvironment(SHELL), '/app');
    expect(config.env).toBe('production');
    expect(config.auth.admin).toEqual({ email: 'dpo@example.org', password: 'a long enough password' });
    expect(config.host).toBe('0.0.0.0');
  });

  it.each(used)('stops Compose with a clear message when %s is not set', (name) => {
    const { [name]: _left, ...rest } = SHELL as Record<string, string>;
    expect(() => apiEnvironment(rest)).toThrow(new RegExp(`required variable ${name} is missing a value: set ${name}`));
  });

  it('would not boot without the JWT secret the compose file passes (the defect it had)', () => {
    const { CARTO_JWT_SECRET: _secret, ...environment } = apiEnvironment(SHELL);
    expect(() => loadConfig(environment, '/app')).toThrow(ConfigError);
  });
});
