export * from './compliance.errors.js';
export * from './jurisdictions/iso-3166.js';
export * from './jurisdictions/jurisdiction-table.js';
export * from './jurisdictions/jurisdictions.js';
