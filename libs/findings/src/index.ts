export * from './findings.errors.js';
export * from './findings.types.js';
export * from './findings.repository.js';
export * from './propagation.js';
