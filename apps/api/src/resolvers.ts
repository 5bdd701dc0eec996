import { COMPLIANCE_RESOLVERS } from './compliance/compliance-api.module.js';
import { FindingsResolver } from './findings/findings.resolver.js';
import { HealthResolver } from './health/health.resolver.js';
import { INVENTORY_RESOLVERS } from './inventory/inventory-api.module.js';
import { RisksResolver } from './risks/risks.resolver.js';
import { MapResolver } from './map/map.resolver.js';
import { ScansResolver } from './scans/scans.resolver.js';
import { ACCOUNTS_RESOLVERS } from './accounts/accounts.module.js';
import { AUDIT_RESOLVERS } from './audit/audit.module.js';
import { AUTH_RESOLVERS } from './auth/auth.module.js';
import { REPORTS_RESOLVERS } from './reports/reports.module.js';

/**
 * Every GraphQL resolver class. The committed schema (apps/api/schema.gql) is printed from this
 * list, and an integration test checks the booted application serves exactly that schema, so a
 * resolver registered in a module but missing here fails CI.
 */
export const RESOLVERS = [
  HealthResolver,
  ...INVENTORY_RESOLVERS,
  ScansResolver,
  FindingsResolver,
  RisksResolver,
  MapResolver,
  ...AUTH_RESOLVERS,
  ...ACCOUNTS_RESOLVERS,
  ...AUDIT_RESOLVERS,
  ...COMPLIANCE_RESOLVERS,
  ...REPORTS_RESOLVERS,
];
