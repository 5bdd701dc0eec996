export * from './scan.types.js';
export * from './scan-keys.js';
export * from './classify-dataset.js';
export * from './scan-writer.js';
export * from './scan.service.js';
export * from './scan-runs.repository.js';
export * from './scan-executor.js';
export * from './scan-queue.js';
