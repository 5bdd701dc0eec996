export * from './registers.errors.js';
export * from './compliance-facts.loader.js';
export * from './compliance-queries.js';
export * from './dpia-overrides.js';
export * from './ods-writer.js';
export * from './register-ods.js';
export * from './risk-facts.loader.js';
export * from './risk-queries.js';
