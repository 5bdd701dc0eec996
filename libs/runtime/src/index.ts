export * from './local-stores.js';
export * from './preflight.js';
export * from './runtime-file.js';
