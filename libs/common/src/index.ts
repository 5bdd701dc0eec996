export * from './run-bounded.js';
