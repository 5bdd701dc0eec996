export const SCAN_RUNS_TOKEN = Symbol('SCAN_RUNS');
export const SCAN_QUEUE_TOKEN = Symbol('SCAN_QUEUE');
