import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiscoveryError, DiscoveryErrorCode } from './discovery.errors.js';
import type { Connector } from './discovery.types.js';
import { redactUrl } from './common/redact.js';
import { FilesConnector } from './files/files.connector.js';
import { MysqlConnector } from './sql/mysql.connector.js';
import { PostgresConnector } from './sql/postgres.connector.js';

export interface ConnectorForOptions {
  /** Source name in the result (default: host:port/database, or the folder's name). */
  name?: string;
}

function parseUrl(target: string) {
  try {
    return new URL(target);
  } catch {
    throw new DiscoveryError(DiscoveryErrorCode.UNSUPPORTED_TARGET, `not a valid connection URL: ${redactUrl(target)}`);
  }
}

/**
 * The connector for a target: a connection URL (postgres://, postgresql://, mysql://, mariadb://),
 * a file:// URL or a filesystem path. Nothing is opened until `discover()`.
 */
export function connectorFor(target: string, options: ConnectorForOptions = {}): Connector {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(target)?.[1]?.toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql') {
    const url = parseUrl(target);
    const host = decodeURIComponent(url.hostname) || url.searchParams.get('host') || 'localhost';
    const port = Number(url.port || 5432);
    const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || undefined;
    return new PostgresConnector({
      url: target,
      name: options.name ?? `${host}:${port}/${database ?? ''}`,
      host,
      port,
      database,
      password: decodeURIComponent(url.password) || undefined,
    });
  }
  if (scheme === 'mysql' || scheme === 'mariadb') {
    const url = parseUrl(target);
    const host = decodeURIComponent(url.hostname) || 'localhost';
    const port = Number(url.port || 3306);
    const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || undefined;
    return new MysqlConnector({
      name: options.name ?? `${host}:${port}${database ? `/${database}` : ''}`,
      host,
      port,
      database,
      user: decodeURIComponent(url.username) || 'root',
      password: decodeURIComponent(url.password) || undefined,
      ssl: ['true', 'required', 'require'].includes(url.searchParams.get('ssl') ?? ''),
    });
  }
  if (scheme === 'file') {
    const path = fileURLToPath(target);
    return new FilesConnector(path, options.name ?? basename(path));
  }
  if (scheme) {
    throw new DiscoveryError(
      DiscoveryErrorCode.UNSUPPORTED_TARGET,
      `unsupported target ${redactUrl(target)}: expected postgres://, postgresql://, mysql://, mariadb:// or a path`,
    );
  }
  const path = resolve(target);
  return new FilesConnector(path, options.name ?? basename(path));
}
