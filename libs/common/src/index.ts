export * from './domain-error.js';
export * from './keys.js';
export * from './page-size.js';
export * from './run-bounded.js';
