export * from './config.js';
export * from './config.errors.js';
export * from './config.module.js';
export * from './paths.js';
