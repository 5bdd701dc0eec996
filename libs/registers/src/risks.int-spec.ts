import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { AUDIT_OUTBOX_LABEL, AuditOutbox, AuditService } from '@cartographer/access';
import { createDataSource, migrations } from '@cartographer/database';
import { ALLOW_EVERY_IMPORT, importInventory } from '@cartographer/findings';
import { createDriver, GraphMigrationService, Neo4jService } from '@cartographer/graph';
import { type RiskRegister, RisksError, risksJson } from '@cartographer/risks';
import { registersInventory, testStores, uniqueId } from '@cartographer/testing';
import { READ_ALL } from './compliance-facts.loader.js';
import { loadRiskFacts } from './risk-facts.loader.js';
import { type DecisionTarget, RiskDecisions } from './risk-decisions.js';
import { RiskDecisionsRepository } from './risk-decisions.repository.js';
import { riskRegisterFor } from './risk-queries.js';
import { RegistersError } from './registers.errors.js';

const AS_OF = '2026-12-01';

/** The registers' clinic with security facts on every entity kind (docs/inventory-format.md). */
function risksInventory(org: string, changes: { encryptionAtRest?: boolean } = {}) {
  const doc = registersInventory(org);
  const withSecurity = <T extends { key: string }>(items: T[], security: Record<string, object>) =>
    items.map((item) => (security[item.key] ? { ...item, security: security[item.key] } : item));
  return {
    ...doc,
    organisation: {
      ...doc.organisation,
      security: {
        incidents: [{ key: 'inc-1', date: '2025-06-10', kind: 'CONFIDENTIALITY', activities: ['newsletter'] }],
        measuresInPlace: [{ measure: 'M-INCIDENT-PROCESS', note: 'Procédure violations' }],
        plannedMeasures: [
          {
            key: 'act-offsite',
            measure: 'M-BACKUP-OFFSITE',
            owner: 'RSSI',
            dueDate: '2026-09-30',
            status: 'IN_PROGRESS',
            risks: ['organisational/BACKUP', 'privacy/suivi-patients/DISAPPEARANCE'],
          },
          {
            key: 'act-mfa',
            measure: 'M-AUTH-MFA',
            owner: 'RSSI',
            dueDate: '2027-03-31',
            status: 'PLANNED',
            risks: ['privacy/suivi-patients/ILLEGITIMATE_ACCESS'],
          },
        ],
      },
    },
    departments: withSecurity(doc.departments, {
      soins: { staffCount: 80, lastAwarenessTraining: '2025-01-15', shareTrained: 0.6 },
      rh: { staffCount: 6, lastAwarenessTraining: '2026-10-01', shareTrained: 1 },
    }),
    servers: withSecurity(doc.servers, {
      'srv-fr': {
        encryptionAtRest: changes.encryptionAtRest ?? true,
        encryptionInTransit: true,
        keys: { holder: 'ORGANISATION', location: 'HSM salle serveur' },
        backup: { frequency: 'DAILY', offSite: false, lastRestoreTest: '2025-02-01' },
        redundancy: 'SINGLE',
        exposure: 'INTERNAL',
        adminInterfaceExposed: false,
        adminMfa: false,
        hardware: { inServiceSince: '2019-05-01', endOfSupport: '2027-05-01' },
        softwareEndOfSupport: '2026-06-30',
      },
      'crm-us': { encryptionAtRest: true, encryptionInTransit: true, exposure: 'INTERNET_FACING', adminMfa: true },
    }),
    processingActivities: withSecurity(doc.processingActivities, {
      'suivi-patients': { accessControl: 'ROLE_BASED', logging: true, critical: true },
      newsletter: { accessControl: 'SHARED_ACCOUNTS', logging: false, publicFacing: true },
      paie: { accessControl: 'INDIVIDUAL_ACCOUNTS', assessment: { on: '2026-01-10', reference: 'AIPD-RH' } },
    }),
  };
}

/** One line per risk: key, evidence, severity and likelihood (inherent/current/residual), residual zone. */
const summary = (register: RiskRegister) =>
  register.risks.map((r) => [
    r.key.replace(/^privacy\//, ''),
    r.evidence,
    `${r.severity.inherent}${r.severity.current}${r.severity.residual}`,
    `${r.likelihood.inherent}${r.likelihood.current}${r.likelihood.residual}`,
    r.zone.residual,
    r.measures.inPlace.join(' '),
    r.measures.planned.join(' '),
    r.overridden,
  ]);

describe('risk register from the graph and PostgreSQL (real Neo4j, real PostgreSQL)', () => {
  let neo4j: Neo4jService;
  let admin: pg.Client;
  let db: DataSource;
  let repository: RiskDecisionsRepository;
  let decisions: RiskDecisions;
  const database = uniqueId('carto_risks_');
  const org = uniqueId('risks-');
  const other = uniqueId('risks-other-');
  const deps = () => ({ neo4j, outbox: new AuditOutbox() });
  const q = () => ({ organisation: org, asOf: AS_OF, scope: READ_ALL, decisions: repository });
  const dpo = { organisation: org, by: 'dpo@tilleuls.example', at: AS_OF, scope: READ_ALL };
  const allow = async (_target: DecisionTarget) => {};
  const rows = async () => {
    const count = async (table: string) =>
      Number(((await db.query(`SELECT count(*) AS n FROM ${table}`)) as { n: string }[])[0].n);
    return [
      await count('risk_score_overrides'),
      await count('risk_acceptances'),
      await count('risk_actions'),
      await count('audit_log'),
    ];
  };
  const failure = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      return error as Error;
    }
    throw new Error('expected a failure');
  };

  beforeAll(async () => {
    const stores = testStores();
    neo4j = new Neo4jService(createDriver(stores.neo4j), stores.neo4j);
    await new GraphMigrationService(neo4j).migrate();
    admin = new pg.Client({ connectionString: stores.databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(stores.databaseUrl);
    url.pathname = `/${database}`;
    db = createDataSource({ url: url.toString(), migrations });
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
    repository = new RiskDecisionsRepository(db, new AuditService(db));
    decisions = new RiskDecisions(neo4j, repository);
    for (const key of [org, other])
      await importInventory(deps(), { document: risksInventory(key), authorize: ALLOW_EVERY_IMPORT });
  });

  afterAll(async () => {
    for (const key of [org, other]) await neo4j.queryWrite('MATCH (n {organisation: $key}) DETACH DELETE n', { key });
    await neo4j.queryWrite(
      `MATCH (o:${AUDIT_OUTBOX_LABEL}) WHERE o.entry CONTAINS $org OR o.entry CONTAINS $other DELETE o`,
      {
        org,
        other,
      },
    );
    await neo4j.driver.close();
    await db.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  it('computes the whole register from the graph: every risk, every state, the action plan and the checks', async () => {
    const register = await riskRegisterFor(neo4j, q());
    expect(summary(register)).toEqual([
      ['organisational/AWARENESS', 'MET', '444', '444', 'UNACCEPTABLE', '', '', false],
      ['organisational/BACKUP', 'MET', '443', '444', 'UNACCEPTABLE', '', 'M-BACKUP-OFFSITE', false],
      ['organisational/FAILURE', 'MET', '444', '333', 'UNACCEPTABLE', '', '', false],
      ['organisational/HARDWARE', 'MET', '444', '333', 'UNACCEPTABLE', '', '', false],
      ['organisational/IMAGE', 'MET', '211', '444', 'TO_REDUCE', 'M-INCIDENT-PROCESS', '', false],
      ['organisational/TECHNICAL', 'MET', '444', '444', 'UNACCEPTABLE', '', '', false],
      ['newsletter/DISAPPEARANCE', 'MET', '211', '222', 'ACCEPTABLE', 'M-INCIDENT-PROCESS', '', false],
      [
        'newsletter/ILLEGITIMATE_ACCESS',
        'MET',
        '211',
        '411',
        'ACCEPTABLE',
        'M-AUTH-MFA M-ENC-REST M-ENC-TRANSIT M-INCIDENT-PROCESS',
        '',
        false,
      ],
      [
        'newsletter/UNWANTED_MODIFICATION',
        'MET',
        '211',
        '211',
        'ACCEPTABLE',
        'M-AUTH-MFA M-ENC-TRANSIT M-INCIDENT-PROCESS',
        '',
        false,
      ],
      ['paie/DISAPPEARANCE', 'MET', '211', '111', 'ACCEPTABLE', 'M-BACKUP M-INCIDENT-PROCESS', '', false],
      [
        'paie/ILLEGITIMATE_ACCESS',
        'MET',
        '322',
        '111',
        'ACCEPTABLE',
        'M-AUTH-INDIVIDUAL M-ENC-REST M-ENC-TRANSIT M-INCIDENT-PROCESS',
        '',
        false,
      ],
      [
        'paie/UNWANTED_MODIFICATION',
        'MET',
        '322',
        '111',
        'ACCEPTABLE',
        'M-AUTH-INDIVIDUAL M-ENC-TRANSIT M-INCIDENT-PROCESS',
        '',
        false,
      ],
      [
        'suivi-patients/DISAPPEARANCE',
        'MET',
        '421',
        '111',
        'ACCEPTABLE',
        'M-BACKUP M-INCIDENT-PROCESS',
        'M-BACKUP-OFFSITE',
        false,
      ],
      [
        'suivi-patients/ILLEGITIMATE_ACCESS',
        'MET',
        '433',
        '211',
        'TO_REDUCE',
        'M-ACCESS-PROFILES M-AUTH-INDIVIDUAL M-ENC-REST M-ENC-TRANSIT M-INCIDENT-PROCESS M-LOGGING',
        'M-AUTH-MFA',
        false,
      ],
      [
        'suivi-patients/UNWANTED_MODIFICATION',
        'MET',
        '433',
        '111',
        'TO_REDUCE',
        'M-ACCESS-PROFILES M-AUTH-INDIVIDUAL M-ENC-TRANSIT M-INCIDENT-PROCESS M-LOGGING',
        '',
        false,
      ],
    ]);
    expect(register.checks.map((c) => [c.code, c.subject])).toEqual([
      ['ACTION_OVERDUE', 'act-offsite'],
      ['DPIA_REQUIRED_WITHOUT_ASSESSMENT', 'suivi-patients'],
    ]);
    expect(register.actions.map((a) => [a.key, a.status, a.overdue, a.risks])).toEqual([
      ['act-mfa', 'PLANNED', false, ['privacy/suivi-patients/ILLEGITIMATE_ACCESS']],
      ['act-offsite', 'IN_PROGRESS', true, ['organisational/BACKUP', 'privacy/suivi-patients/DISAPPEARANCE']],
    ]);
  });

  it('gives byte-identical JSON for the same graph and date, and reads the same facts twice', async () => {
    const first = risksJson(await riskRegisterFor(neo4j, q()));
    const second = risksJson(await riskRegisterFor(neo4j, q()));
    expect(second).toBe(first);
    expect(first.startsWith(`{\n  "organisation": "${org}",\n  "asOf": "${AS_OF}",`)).toBe(true);
    expect(await loadRiskFacts(neo4j, org, { scope: READ_ALL, decisions: repository })).toEqual(
      await loadRiskFacts(neo4j, org, { scope: READ_ALL, decisions: repository }),
    );
  });

  it('refuses bad decisions with the member at fault and writes nothing', async () => {
    const before = await rows();
    const risk = 'privacy/suivi-patients/ILLEGITIMATE_ACCESS';
    const override = { ...dpo, risk, dimension: 'LIKELIHOOD' as const, state: 'CURRENT' as const, score: 1 };
    const cases: [Promise<unknown>, string][] = [
      [decisions.overrideScore({ ...override, justification: '  ' }, allow), 'justification'],
      [decisions.overrideScore({ ...override, score: 5, justification: 'x' }, allow), 'score'],
      [decisions.overrideScore({ ...override, risk: 'privacy/nope/DISAPPEARANCE', justification: 'x' }, allow), 'risk'],
      [
        decisions.overrideScore(
          { ...override, organisation: other, scope: { organisations: [org], departments: null }, justification: 'x' },
          allow,
        ),
        'organisation',
      ],
      [decisions.acceptRisk({ ...dpo, risk, justification: '' }, allow), 'justification'],
      [
        decisions.planAction({ ...dpo, key: 'a', measure: 'M-BACKUP', owner: ' ', dueDate: '2027-01-01' }, allow),
        'owner',
      ],
      [
        decisions.planAction({ ...dpo, key: 'a', measure: 'M-BACKUP', owner: 'o', dueDate: '2027-02-30' }, allow),
        'dueDate',
      ],
      [decisions.setActionStatus({ ...dpo, key: 'nope', status: 'DONE' }, allow), 'key'],
      [
        decisions.planAction(
          { ...dpo, key: 'a', measure: 'M-BACKUP', owner: 'o', dueDate: '2027-01-01', risks: ['organisational/NOPE'] },
          allow,
        ),
        'security.actions',
      ],
    ];
    const members: string[] = [];
    for (const [promise] of cases) {
      const error = await failure(promise);
      members.push(
        error instanceof RegistersError
          ? error.member
          : error instanceof RisksError
            ? String(error.details().member)
            : error.message,
      );
    }
    expect(members.map((m, i) => m.startsWith(cases[i][1]))).toEqual(cases.map(() => true));
    const unknownMeasure = await failure(
      decisions.planAction({ ...dpo, key: 'a', measure: 'M-NOPE', owner: 'o', dueDate: '2027-01-01' }, allow),
    );
    expect(unknownMeasure.message).toBe("measure: 'M-NOPE' is not a measure of the catalogue (e.g. M-ENC-REST)");
    const refused = await failure(
      decisions.overrideScore({ ...override, justification: 'Refusé' }, () => {
        throw new Error('forbidden');
      }),
    );
    expect(refused.message).toBe('forbidden');
    expect(await rows()).toEqual(before);
  });

  it('keeps an override through recomputation and a change of facts, marking the suggestion as changed', async () => {
    const risk = 'privacy/suivi-patients/ILLEGITIMATE_ACCESS';
    const targets: DecisionTarget[] = [];
    await decisions.overrideScore(
      {
        ...dpo,
        risk,
        dimension: 'SEVERITY',
        state: 'INHERENT',
        score: 3,
        justification: 'Données pseudonymisées en base',
      },
      (target) => {
        targets.push(target);
      },
    );
    expect(targets).toEqual([{ organisation: org, departments: ['soins'], organisationWide: false, kind: 'OVERRIDE' }]);
    expect(
      await db.query(
        `SELECT risk, dimension, state, score, justification, decided_by, to_char(decided_on, 'YYYY-MM-DD') AS on
         FROM risk_score_overrides WHERE organisation = $1`,
        [org],
      ),
    ).toEqual([
      {
        risk,
        dimension: 'SEVERITY',
        state: 'INHERENT',
        score: 3,
        justification: 'Données pseudonymisées en base',
        decided_by: 'dpo@tilleuls.example',
        on: AS_OF,
      },
    ]);
    const decided = (await riskRegisterFor(neo4j, q())).risks.find((r) => r.key === risk)!;
    expect([decided.severity, decided.suggested.severity, decided.overridden]).toEqual([
      { inherent: 3, current: 2, residual: 2 },
      { inherent: 4, current: 3, residual: 3 },
      true,
    ]);
    expect(decided.decisions.map((d) => [d.state, d.suggested, d.decided, d.suggestionChanged])).toEqual([
      ['INHERENT', 4, 3, false],
    ]);
    // The facts move (encryption at rest withdrawn): the override stays, its suggestion is marked changed.
    await importInventory(deps(), {
      document: risksInventory(org, { encryptionAtRest: false }),
      authorize: ALLOW_EVERY_IMPORT,
    });
    const after = (await riskRegisterFor(neo4j, q())).risks.find((r) => r.key === risk)!;
    expect([after.severity.inherent, after.likelihood, after.overridden]).toEqual([
      3,
      { inherent: 2, current: 1, residual: 1 },
      true,
    ]);
    expect(after.decisions.map((d) => [d.state, d.suggested, d.decided, d.suggestionChanged])).toEqual([
      ['INHERENT', 4, 3, true],
    ]);
    const [overrides] = await rows();
    expect(overrides).toBe(1);
    await importInventory(deps(), { document: risksInventory(org), authorize: ALLOW_EVERY_IMPORT });
  });

  it('plans and completes an action: the measure counts as in place and the register moves', async () => {
    const targets: DecisionTarget[] = [];
    const record = (target: DecisionTarget) => {
      targets.push(target);
    };
    const risk = 'privacy/paie/UNWANTED_MODIFICATION';
    await decisions.planAction(
      {
        ...dpo,
        key: 'act-logs-paie',
        measure: 'M-LOGGING',
        owner: 'Responsable paie',
        dueDate: '2027-01-31',
        risks: [risk],
      },
      record,
    );
    const planned = await riskRegisterFor(neo4j, q());
    expect(planned.risks.find((r) => r.key === risk)!.measures.planned).toEqual(['M-LOGGING']);
    await decisions.setActionStatus({ ...dpo, key: 'act-logs-paie', status: 'DONE' }, record);
    await decisions.setActionStatus({ ...dpo, key: 'act-offsite', status: 'DONE' }, record);
    const done = await riskRegisterFor(neo4j, q());
    expect(done.risks.find((r) => r.key === risk)!.measures.inPlace).toContain('M-LOGGING');
    const backup = done.risks.find((r) => r.key === 'organisational/BACKUP')!;
    expect([backup.severity, backup.measures.inPlace]).toEqual([
      { inherent: 4, current: 3, residual: 3 },
      ['M-BACKUP-OFFSITE'],
    ]);
    expect(done.checks.map((c) => c.code)).toEqual(['DPIA_REQUIRED_WITHOUT_ASSESSMENT']);
    expect(targets.map((t) => [t.departments, t.organisationWide, t.kind])).toEqual([
      [['rh'], false, 'ACTION'],
      [['rh'], false, 'ACTION'],
      [['soins'], true, 'ACTION'],
    ]);
    expect(
      await db.query(`SELECT key, status, departments FROM risk_actions WHERE organisation = $1 ORDER BY key`, [org]),
    ).toEqual([
      { key: 'act-logs-paie', status: 'DONE', departments: ['rh'] },
      { key: 'act-offsite', status: 'DONE', departments: ['soins'] },
    ]);
  });
});
