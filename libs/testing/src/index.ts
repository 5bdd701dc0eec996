export * from './stores.js';
export * from './inventory-fixture.js';
export * from './registers-fixture.js';
export * from './inventory-mutator.js';
