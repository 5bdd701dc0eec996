export * from './stores.js';
export * from './inventory-fixture.js';
