import { Instance1764150000000 } from './1764150000000-instance.js';
import { ScanRuns1764300000000 } from './1764300000000-scan-runs.js';
import { Accounts1764200000000 } from './1764200000000-accounts.js';
import { AuditLog1764200000100 } from './1764200000100-audit-log.js';
import { ReportSnapshots1764500000000 } from './1764500000000-report-snapshots.js';
import { AuditOutbox1796298510340 } from './1796298510340-audit-outbox.js';
import { RiskDecisions1796400000000 } from './1796400000000-risk-decisions.js';

/** Every PostgreSQL migration, oldest first. Landed migrations are never edited. */
export const migrations = [
  Instance1764150000000,
  Accounts1764200000000,
  AuditLog1764200000100,
  ScanRuns1764300000000,
  ReportSnapshots1764500000000,
  AuditOutbox1796298510340,
  RiskDecisions1796400000000,
];
