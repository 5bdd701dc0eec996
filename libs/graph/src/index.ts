export * from './graph.errors.js';
export * from './graph.tokens.js';
export * from './graph.module.js';
export * from './graph-migrations.js';
export * from './neo4j.service.js';
export * from './local/local-neo4j.js';
export * from './neo4j-values.js';
