import { isIsoDate } from '@cartographer/compliance';
import { measureById } from './catalogue.js';
import {
  ACCESS_CONTROL_MODELS,
  ACTION_STATUSES,
  BACKUP_FREQUENCIES,
  EXPOSURES,
  INCIDENT_KINDS,
  KEY_HOLDERS,
  REDUNDANCY_LEVELS,
  RISK_STATES,
  SCORE_DIMENSIONS,
  type RiskFacts,
} from './risk-facts.js';
import { RisksError, RisksErrorCode } from './risks.errors.js';

function shown(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return typeof value;
}

function item(collection: string, index: number, key: unknown): string {
  return `security.${collection}[${index}]${typeof key === 'string' ? ` '${key.slice(0, 40)}'` : ''}`;
}

function oneOf(value: unknown, allowed: readonly string[], member: string): void {
  if (value === undefined || allowed.includes(value as string)) return;
  throw new RisksError(RisksErrorCode.INVALID_VALUE, member, `${shown(value)} is not one of ${allowed.join(', ')}`);
}

function date(value: unknown, member: string, required = false): void {
  if (value === undefined && !required) return;
  if (!isIsoDate(value))
    throw new RisksError(
      RisksErrorCode.INVALID_DATE,
      member,
      `${shown(value)} is not a date written YYYY-MM-DD (e.g. 2026-12-03)`,
    );
}

function bool(value: unknown, member: string): void {
  if (value !== undefined && typeof value !== 'boolean')
    throw new RisksError(RisksErrorCode.INVALID_VALUE, member, `${shown(value)} is not true or false`);
}

function known(keys: ReadonlySet<string>, value: unknown, member: string, what: string): void {
  if (typeof value !== 'string' || !keys.has(value))
    throw new RisksError(RisksErrorCode.UNKNOWN_ASSET, member, `${shown(value)} is not a ${what} of the organisation`);
}

function text(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** A score 1–4 (integer); throws RISKS_INVALID_SCORE naming the member. */
export function requireScore(value: unknown, member: string): 1 | 2 | 3 | 4 {
  if (value === 1 || value === 2 || value === 3 || value === 4) return value;
  throw new RisksError(RisksErrorCode.INVALID_SCORE, member, `${shown(value)} is not a score from 1 to 4`);
}

/**
 * Validates the security facts and decisions, before anything is computed. Risk keys named by
 * decisions and actions are checked later, against the register (UNKNOWN_RISK).
 */
export function validateSecurityFacts(facts: RiskFacts): void {
  const security = facts.security;
  if (!security) return;
  const servers = new Set((facts.servers ?? []).map((s) => s.key));
  const departments = new Set((facts.departments ?? []).map((d) => d.key));
  const activities = new Set((facts.processingActivities ?? []).map((a) => a.key));
  const sourcesAndDatasets = new Set(
    (facts.sources ?? []).flatMap((s) => [s.key, ...(s.datasets ?? []).map((d) => d.key)]),
  );
  (security.servers ?? []).forEach((s, i) => {
    const at = item('servers', i, s.server);
    known(servers, s.server, `${at}.server`, 'server');
    bool(s.encryptionAtRest, `${at}.encryptionAtRest`);
    bool(s.encryptionInTransit, `${at}.encryptionInTransit`);
    oneOf(s.keys?.holder, KEY_HOLDERS, `${at}.keys.holder`);
    oneOf(s.backup?.frequency, BACKUP_FREQUENCIES, `${at}.backup.frequency`);
    bool(s.backup?.offSite, `${at}.backup.offSite`);
    date(s.backup?.lastRestoreTest, `${at}.backup.lastRestoreTest`);
    oneOf(s.redundancy, REDUNDANCY_LEVELS, `${at}.redundancy`);
    oneOf(s.exposure, EXPOSURES, `${at}.exposure`);
    bool(s.adminInterfaceExposed, `${at}.adminInterfaceExposed`);
    bool(s.adminMfa, `${at}.adminMfa`);
    date(s.hardware?.inServiceSince, `${at}.hardware.inServiceSince`);
    date(s.hardware?.endOfSupport, `${at}.hardware.endOfSupport`);
    date(s.softwareEndOfSupport, `${at}.softwareEndOfSupport`);
  });
  (security.departments ?? []).forEach((d, i) => {
    const at = item('departments', i, d.department);
    known(departments, d.department, `${at}.department`, 'department');
    if (d.staffCount !== undefined && !(Number.isInteger(d.staffCount) && d.staffCount >= 0))
      throw new RisksError(RisksErrorCode.INVALID_VALUE, `${at}.staffCount`, `${shown(d.staffCount)} is not a count`);
    date(d.lastAwarenessTraining, `${at}.lastAwarenessTraining`);
    if (
      d.shareTrained !== undefined &&
      !(typeof d.shareTrained === 'number' && d.shareTrained >= 0 && d.shareTrained <= 1)
    )
      throw new RisksError(
        RisksErrorCode.INVALID_VALUE,
        `${at}.shareTrained`,
        `${shown(d.shareTrained)} is not a share from 0 to 1`,
      );
  });
  (security.activities ?? []).forEach((a, i) => {
    const at = item('activities', i, a.activity);
    known(activities, a.activity, `${at}.activity`, 'processing activity');
    oneOf(a.accessControl, ACCESS_CONTROL_MODELS, `${at}.accessControl`);
    bool(a.logging, `${at}.logging`);
    bool(a.pseudonymisation, `${at}.pseudonymisation`);
    bool(a.publicFacing, `${at}.publicFacing`);
    bool(a.critical, `${at}.critical`);
  });
  (security.incidents ?? []).forEach((n, i) => {
    const at = item('incidents', i, n.key);
    date(n.date, `${at}.date`, true);
    oneOf(n.kind, INCIDENT_KINDS, `${at}.kind`);
    if (n.kind === undefined) throw new RisksError(RisksErrorCode.INVALID_VALUE, `${at}.kind`, 'is required');
    (n.activities ?? []).forEach((a, j) => known(activities, a, `${at}.activities[${j}]`, 'processing activity'));
    (n.sources ?? []).forEach((s, j) => known(sourcesAndDatasets, s, `${at}.sources[${j}]`, 'source or dataset'));
  });
  (security.measuresInPlace ?? []).forEach((m, i) =>
    measureById(m.measure, `${item('measuresInPlace', i, m.measure)}.measure`),
  );
  const actionKeys = new Set<string>();
  (security.actions ?? []).forEach((a, i) => {
    const at = item('actions', i, a.key);
    if (!text(a.key)) throw new RisksError(RisksErrorCode.INVALID_VALUE, `${at}.key`, 'an action needs a key');
    if (actionKeys.has(a.key))
      throw new RisksError(RisksErrorCode.INVALID_VALUE, `${at}.key`, 'another action has this key');
    actionKeys.add(a.key);
    measureById(a.measure, `${at}.measure`);
    if (!text(a.owner)) throw new RisksError(RisksErrorCode.MISSING_OWNER, `${at}.owner`, 'an action needs an owner');
    date(a.dueDate, `${at}.dueDate`, true);
    if (a.status === undefined) throw new RisksError(RisksErrorCode.INVALID_VALUE, `${at}.status`, 'is required');
    oneOf(a.status, ACTION_STATUSES, `${at}.status`);
  });
  (security.overrides ?? []).forEach((o, i) => {
    const at = item('overrides', i, o.risk);
    oneOf(o.dimension, SCORE_DIMENSIONS, `${at}.dimension`);
    oneOf(o.state, RISK_STATES, `${at}.state`);
    if (o.dimension === undefined || o.state === undefined)
      throw new RisksError(RisksErrorCode.INVALID_VALUE, `${at}`, 'an override names a dimension and a state');
    requireScore(o.score, `${at}.score`);
    if (!text(o.justification))
      throw new RisksError(
        RisksErrorCode.MISSING_JUSTIFICATION,
        `${at}.justification`,
        'an override needs a justification',
      );
    date(o.at, `${at}.at`);
  });
  (security.acceptances ?? []).forEach((a, i) => date(a.at, `${item('acceptances', i, a.risk)}.at`));
  (security.assessments ?? []).forEach((a, i) => {
    const at = item('assessments', i, a.activity);
    known(activities, a.activity, `${at}.activity`, 'processing activity');
    date(a.on, `${at}.on`, true);
  });
}
