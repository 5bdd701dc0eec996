export * from './findings.errors.js';
export * from './findings.types.js';
export * from './findings.repository.js';
export * from './finding-upsert.js';
export * from './propagation.js';
export * from './declared-classification.js';
export * from './finding-review.js';
export * from './import-inventory.js';
