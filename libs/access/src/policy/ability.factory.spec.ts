import { describe, expect, it } from '@jest/globals';
import { AccessError, AccessErrorCode } from '../access.errors.js';
import {
  accessFilterFor,
  approvalFilterFor,
  asSubject,
  assertCan,
  assertCanUpdateFields,
  redactFields,
} from './access-filter.js';
import { defineAbilityFor } from './ability.factory.js';
import { type Action, type Principal, Role, type Subject } from './policy.types.js';

const principal = (role: Role, extra: Partial<Principal> = {}): Principal => ({
  userId: `u-${role}`,
  role,
  organisations: ['acme'],
  departments: [],
  ...extra,
});

const admin = defineAbilityFor(principal(Role.ADMIN, { organisations: [] }));
const lead = defineAbilityFor(principal(Role.DATA_LEAD, { departments: ['hr', 'sales'] }));
const dpo = defineAbilityFor(principal(Role.DPO, { organisations: ['acme', 'beta'] }));
const auditor = defineAbilityFor(principal(Role.AUDITOR));

const acmeHr = { key: 'ds-hr', organisation: 'acme', department: 'hr' };
const acmeIt = { key: 'ds-it', organisation: 'acme', department: 'it' };
const otherHr = { key: 'ds-x', organisation: 'other', department: 'hr' };
const draftReport = { key: 'r-1', organisation: 'acme', department: null, approved: false };
const approvedReport = { key: 'r-2', organisation: 'acme', department: null, approved: true };
const otherReport = { key: 'r-3', organisation: 'other', department: null, approved: true };

type Case = [string, Action, Exclude<Subject, 'all'>, Record<string, unknown> | undefined, boolean];
const can = (ability: typeof admin, [, action, subject, item]: Case) =>
  ability.can(action, item ? asSubject(subject, item) : subject);

describe('ADMIN', () => {
  it.each<Case>([
    ['reads any organisation', 'read', 'Organisation', { key: 'zeta', organisation: 'zeta' }, true],
    ['manages accounts', 'create', 'User', undefined, true],
    ['disables accounts', 'update', 'User', { key: 'u1' }, true],
    ['reads the audit log of any organisation', 'read', 'AuditLog', { organisation: 'other' }, true],
    ['deletes a data source anywhere', 'delete', 'DataSource', otherHr, true],
    ['approves report snapshots', 'approve', 'ReportSnapshot', { organisation: 'other', approved: false }, true],
  ])('%s', (...c) => {
    expect(can(admin, c)).toBe(c[4]);
  });

  it('sees connection details', () => {
    expect(admin.can('read', asSubject('DataSource', acmeHr), 'connectionRef')).toBe(true);
  });
});

describe('DATA_LEAD', () => {
  it.each<Case>([
    ['reads a source of another department of their organisation', 'read', 'DataSource', acmeIt, true],
    ['reads a report snapshot of their organisation', 'read', 'ReportSnapshot', draftReport, true],
    ['generates a report of their organisation', 'create', 'ReportSnapshot', { organisation: 'acme' }, true],
    ['downloads a draft report of their organisation', 'download', 'ReportSnapshot', draftReport, true],
    ['does not generate a report of another organisation', 'create', 'ReportSnapshot', otherReport, false],
    ['does not read a report of another organisation', 'read', 'ReportSnapshot', otherReport, false],
    ['does not approve reports', 'approve', 'ReportSnapshot', draftReport, false],
    ['does not read another organisation', 'read', 'DataSource', otherHr, false],
    ['updates a source in an assigned department', 'update', 'DataSource', acmeHr, true],
    [
      'creates a field in an assigned department',
      'create',
      'Field',
      { organisation: 'acme', department: 'sales' },
      true,
    ],
    [
      'deletes a flow in an assigned department',
      'delete',
      'DataFlow',
      { organisation: 'acme', department: 'hr' },
      true,
    ],
    ['does not update a source of another department', 'update', 'DataSource', acmeIt, false],
    ['does not update the same department key in another organisation', 'update', 'Dataset', otherHr, false],
    ['scans a source of an assigned department', 'scan', 'DataSource', acmeHr, true],
    ['does not scan a source of another department', 'scan', 'DataSource', acmeIt, false],
    ['does not edit processing activities', 'update', 'ProcessingActivity', acmeHr, false],
    ['does not create servers', 'create', 'Server', { organisation: 'acme' }, false],
    ['does not review findings', 'review', 'Finding', acmeHr, false],
    ['has no access to accounts', 'read', 'User', undefined, false],
    ['does not read the audit log', 'read', 'AuditLog', { organisation: 'acme' }, false],
  ])('%s', (...c) => {
    expect(can(lead, c)).toBe(c[4]);
  });
});

describe('DPO', () => {
  it.each<Case>([
    [
      'reads sources of both granted organisations',
      'read',
      'DataSource',
      { organisation: 'beta', department: 'x' },
      true,
    ],
    ['does not read another organisation', 'read', 'Finding', otherHr, false],
    ['creates a processing activity', 'create', 'ProcessingActivity', { organisation: 'acme', department: 'hr' }, true],
    ['updates a processing activity', 'update', 'ProcessingActivity', { organisation: 'beta' }, true],
    ['reviews a finding', 'review', 'Finding', { organisation: 'acme' }, true],
    ['creates a risk', 'create', 'Risk', { organisation: 'acme' }, true],
    ['approves a report', 'approve', 'ReportSnapshot', draftReport, true],
    ['generates a report', 'create', 'ReportSnapshot', { organisation: 'beta' }, true],
    ['reads and downloads a draft report', 'download', 'ReportSnapshot', draftReport, true],
    ['does not approve a report of another organisation', 'approve', 'ReportSnapshot', otherReport, false],
    ['does not generate a report of another organisation', 'create', 'ReportSnapshot', otherReport, false],
    ['does not read a report of another organisation', 'read', 'ReportSnapshot', otherReport, false],
    ['does not delete a data source', 'delete', 'DataSource', acmeHr, false],
    ['does not scan', 'scan', 'DataSource', acmeHr, false],
    ['reads the audit log of a granted organisation', 'read', 'AuditLog', { organisation: 'beta' }, true],
    ['does not read the audit log of another organisation', 'read', 'AuditLog', { organisation: 'other' }, false],
    ['has no access to accounts', 'create', 'User', undefined, false],
  ])('%s', (...c) => {
    expect(can(dpo, c)).toBe(c[4]);
  });

  it('updates legal fields and only those', () => {
    const dataset = asSubject('Dataset', acmeHr);
    expect(dpo.can('update', dataset, 'legalBasis')).toBe(true);
    expect(dpo.can('update', dataset, 'retentionPeriod')).toBe(true);
    expect(dpo.can('update', dataset, 'name')).toBe(false);
    expect(dpo.can('update', asSubject('Dataset', otherHr), 'legalBasis')).toBe(false);
    expect(() => assertCanUpdateFields(dpo, 'Dataset', acmeHr, ['legalBasis', 'retention'])).not.toThrow();
    expect(() => assertCanUpdateFields(dpo, 'Dataset', acmeHr, ['legalBasis', 'name', 'location'])).toThrow(
      new AccessError(AccessErrorCode.FORBIDDEN, "not allowed to update name, location of Dataset 'ds-hr'"),
    );
  });
});

describe('AUDITOR', () => {
  it.each<Case>([
    ['reads a data source of a granted organisation', 'read', 'DataSource', acmeHr, true],
    ['reads an approved report of a granted organisation', 'read', 'ReportSnapshot', approvedReport, true],
    ['downloads an approved report of a granted organisation', 'download', 'ReportSnapshot', approvedReport, true],
    ['does not read a draft report', 'read', 'ReportSnapshot', draftReport, false],
    ['does not download a draft report', 'download', 'ReportSnapshot', draftReport, false],
    ['does not read an approved report of another organisation', 'read', 'ReportSnapshot', otherReport, false],
    ['does not generate reports', 'create', 'ReportSnapshot', { organisation: 'acme' }, false],
    ['does not update anything', 'update', 'DataSource', acmeHr, false],
    ['does not review findings', 'review', 'Finding', { organisation: 'acme' }, false],
    ['does not approve reports', 'approve', 'ReportSnapshot', draftReport, false],
    ['does not read the audit log', 'read', 'AuditLog', { organisation: 'acme' }, false],
    ['does not read accounts', 'read', 'User', undefined, false],
  ])('%s', (...c) => {
    expect(can(auditor, c)).toBe(c[4]);
  });

  it('never reads connection details, credentials or exemplars', () => {
    const source = asSubject('DataSource', acmeHr);
    expect(auditor.can('read', source, 'name')).toBe(true);
    expect(auditor.can('read', source, 'connectionRef')).toBe(false);
    expect(auditor.can('read', source, 'location')).toBe(false);
    expect(auditor.can('read', asSubject('Finding', { organisation: 'acme' }), 'maskedExemplar')).toBe(false);
    expect(auditor.can('read', asSubject('Finding', { organisation: 'acme' }), 'detector')).toBe(true);
  });

  it('gets redacted copies', () => {
    const source = { ...acmeHr, name: 'HR database', connectionRef: 'vault:hr-db', location: 'db.acme.internal' };
    expect(redactFields(auditor, 'DataSource', source)).toEqual({
      key: 'ds-hr',
      organisation: 'acme',
      department: 'hr',
      name: 'HR database',
    });
    expect(redactFields(lead, 'DataSource', source)).toEqual(source);
    const finding = { key: 'f1', organisation: 'acme', detector: 'email', maskedExemplar: 'j***@e***.fr' };
    expect(redactFields(auditor, 'Finding', finding)).toEqual({ key: 'f1', organisation: 'acme', detector: 'email' });
    expect(() => redactFields(auditor, 'DataSource', { ...source, organisation: 'other' })).toThrow(
      "not allowed to read DataSource 'ds-hr'",
    );
  });
});

describe('defineAbilityFor', () => {
  it('throws on an unknown role', () => {
    expect(() => defineAbilityFor({ ...principal(Role.DPO), role: 'ROOT' as Role })).toThrow("unknown role 'ROOT'");
    expect(() => defineAbilityFor({ ...principal(Role.DPO), role: 'toString' as Role })).toThrow(
      "unknown role 'toString'",
    );
  });
});

describe('accessFilterFor', () => {
  it.each([
    ['ADMIN reads everything', admin, 'read', 'DataSource', { organisations: null, departments: null }],
    ['DATA_LEAD reads its organisations', lead, 'read', 'Dataset', { organisations: ['acme'], departments: null }],
    [
      'DATA_LEAD updates its departments',
      lead,
      'update',
      'Field',
      { organisations: ['acme'], departments: ['hr', 'sales'] },
    ],
    ['DATA_LEAD cannot update servers', lead, 'update', 'Server', { organisations: [], departments: [] }],
    ['DPO reads both organisations', dpo, 'read', 'AuditLog', { organisations: ['acme', 'beta'], departments: null }],
    ['DPO updates legal fields', dpo, 'update', 'Recipient', { organisations: ['acme', 'beta'], departments: null }],
    [
      'AUDITOR reads despite field-level denials',
      auditor,
      'read',
      'DataSource',
      { organisations: ['acme'], departments: null },
    ],
    ['AUDITOR reads no audit log', auditor, 'read', 'AuditLog', { organisations: [], departments: [] }],
  ] as const)('%s', (_name, ability, action, subject, expected) => {
    expect(accessFilterFor(ability, action, subject)).toEqual(expected);
  });
});

describe('approvalFilterFor (report snapshots)', () => {
  it.each([
    ['ADMIN lists every snapshot', admin, 'read', { organisations: null, departments: null, approvedOnly: false }],
    ['DATA_LEAD lists drafts too', lead, 'read', { organisations: ['acme'], departments: null, approvedOnly: false }],
    [
      'DPO approves in both organisations',
      dpo,
      'approve',
      { organisations: ['acme', 'beta'], departments: null, approvedOnly: false },
    ],
    [
      'AUDITOR lists approved ones only',
      auditor,
      'read',
      { organisations: ['acme'], departments: null, approvedOnly: true },
    ],
    [
      'AUDITOR downloads approved ones only',
      auditor,
      'download',
      { organisations: ['acme'], departments: null, approvedOnly: true },
    ],
    ['AUDITOR approves nothing', auditor, 'approve', { organisations: [], departments: [], approvedOnly: false }],
  ] as const)('%s', (_name, ability, action, expected) => {
    expect(approvalFilterFor(ability, action, 'ReportSnapshot')).toEqual(expected);
  });

  it('refuses the approval condition where a plain list filter is asked for', () => {
    expect(() => accessFilterFor(auditor, 'read', 'ReportSnapshot')).toThrow(
      "condition on 'approved' cannot be used as a list filter",
    );
  });
});

describe('assertCan', () => {
  it('throws a typed FORBIDDEN error naming the item', () => {
    let error: unknown;
    try {
      assertCan(lead, 'update', 'DataSource', acmeIt);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AccessError);
    expect((error as AccessError).code).toBe(AccessErrorCode.FORBIDDEN);
    expect((error as AccessError).message).toBe("not allowed to update DataSource 'ds-it'");
  });

  it('passes for an allowed item and leaves it untagged', () => {
    const item = { ...acmeHr };
    expect(assertCan(lead, 'update', 'DataSource', item)).toBeUndefined();
    expect(Object.keys(item)).toEqual(['key', 'organisation', 'department']);
  });
});
