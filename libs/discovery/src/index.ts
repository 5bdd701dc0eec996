export * from './discovery.types.js';
export * from './discovery.errors.js';
export { connectorFor, type ConnectorForOptions } from './connector-for.js';
export { redactUrl } from './common/redact.js';
