import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AUDIT_OUTBOX_LABEL, AuditOutbox } from '@cartographer/access';
import {
  ComplianceRulesError,
  dpiaDocument,
  dpiaJson,
  registerDocument,
  registerJson,
  transfersDocument,
  transfersJson,
} from '@cartographer/compliance';
import { ALLOW_EVERY_IMPORT, importInventory } from '@cartographer/findings';
import { createDriver, GraphMigrationService, Neo4jService } from '@cartographer/graph';
import { registersInventory, testStores, uniqueId } from '@cartographer/testing';
import { READ_ALL } from './compliance-facts.loader.js';
import { computeTransfersFor, dpiaScreeningFor, processingRecordFor } from './compliance-queries.js';
import { type DpiaOverrideRequest, setDpiaOverride } from './dpia-overrides.js';
import { RegistersError } from './registers.errors.js';

const AS_OF = '2026-12-01';

describe('registers: compliance computed from the graph (real Neo4j)', () => {
  let neo4j: Neo4jService;
  const org = uniqueId('reg-');
  const other = uniqueId('reg-other-');
  const q = { organisation: org, asOf: AS_OF, scope: READ_ALL };
  const deps = () => ({ neo4j, outbox: new AuditOutbox() });
  /** Graph keys and paths name the organisation: tests compare them with ORG in its place. */
  const strip = <T>(value: T): T => JSON.parse(JSON.stringify(value).split(org).join('ORG')) as T;
  const overrideNodes = async () =>
    neo4j.queryRead<{ key: string; justification: string; factsDigest: string }>(
      `MATCH (o:DpiaOverride {organisation: $org}) RETURN o.key AS key, o.justification AS justification, o.factsDigest AS factsDigest ORDER BY key`,
      { org },
    );
  const outboxEntries = async () =>
    (await neo4j.queryRead<{ entry: string }>(`MATCH (o:${AUDIT_OUTBOX_LABEL}) RETURN o.entry AS entry`)).filter(
      (row) => row.entry.includes(`${org}:`),
    ).length;
  const override = (changes: Partial<DpiaOverrideRequest> = {}): DpiaOverrideRequest => ({
    organisation: org,
    activity: 'newsletter',
    criterion: 'innovative_technology',
    met: false,
    justification: 'Outil de routage éprouvé, pas une technologie innovante',
    by: 'dpo@tilleuls.example',
    at: AS_OF,
    ...changes,
  });

  beforeAll(async () => {
    const stores = testStores();
    neo4j = new Neo4jService(createDriver(stores.neo4j), stores.neo4j);
    await new GraphMigrationService(neo4j).migrate();
    for (const key of [org, other])
      await importInventory(deps(), { document: registersInventory(key), authorize: ALLOW_EVERY_IMPORT });
  });

  afterAll(async () => {
    for (const key of [org, other]) await neo4j.queryWrite('MATCH (n {organisation: $key}) DETACH DELETE n', { key });
    await neo4j.queryWrite(`MATCH (o:${AUDIT_OUTBOX_LABEL}) WHERE o.entry CONTAINS $org DELETE o`, { org });
    await neo4j.driver.close();
  });

  it('computes every transfer of the organisation, edge by edge', async () => {
    const doc = strip(transfersDocument(await computeTransfersFor(neo4j, q)));
    expect(
      doc.transfers.map((t) => ({
        activity: t.activity,
        from: t.from,
        to: t.to,
        dataCategories: t.dataCategories,
        specialCategories: t.specialCategories,
        mechanism: [t.mechanism.required, t.mechanism.recorded, t.mechanism.applied],
        sccModule: t.sccModule,
        status: t.status,
        reasons: t.reasons.map((r) => r.code),
      })),
    ).toEqual([
      {
        activity: 'newsletter',
        from: { kind: 'ORGANISATION', key: 'ORG' },
        to: { kind: 'RECIPIENT', key: 'mailer-us', country: 'US', jurisdiction: 'THIRD_COUNTRY' },
        dataCategories: ['CONTACT', 'IDENTITY'],
        specialCategories: [],
        mechanism: ['ADEQUACY_OR_ART46', 'SCC', 'SCC'],
        sccModule: 2,
        status: 'COVERED',
        reasons: ['TRANSFER_DISCLOSURE', 'SCC_RECORDED'],
      },
      {
        activity: 'newsletter',
        from: { kind: 'SOURCE', key: 'crm' },
        to: { kind: 'SERVER', key: 'crm-us', country: 'US', jurisdiction: 'THIRD_COUNTRY' },
        dataCategories: ['CONTACT', 'IDENTITY'],
        specialCategories: [],
        mechanism: ['ADEQUACY_OR_ART46', 'NONE', null],
        sccModule: 2,
        status: 'TO_VERIFY',
        reasons: ['TRANSFER_HOSTING', 'PARTIAL_ADEQUACY_UNVERIFIED'],
      },
      {
        activity: 'suivi-patients',
        from: { kind: 'ORGANISATION', key: 'ORG' },
        to: { kind: 'RECIPIENT', key: 'stats-in', country: 'IN', jurisdiction: 'THIRD_COUNTRY' },
        dataCategories: ['BIRTH_DATE', 'HEALTH', 'IDENTITY'],
        specialCategories: ['HEALTH'],
        mechanism: ['ART46_OR_ART49', 'NONE', null],
        sccModule: 2,
        status: 'MISSING_SAFEGUARD',
        reasons: ['TRANSFER_DISCLOSURE', 'NO_SAFEGUARD'],
      },
    ]);
  });

  it('computes the Art. 30 record cell by cell, with evidence and graph path', async () => {
    const doc = strip(registerDocument(await processingRecordFor(neo4j, q)));
    expect([doc.completeness, doc.activities.map((a) => [a.key, a.kind, a.completeness])]).toEqual([
      95.83,
      [
        ['newsletter', 'CONTROLLER', 100],
        ['paie', 'CONTROLLER', 87.5],
        ['suivi-patients', 'CONTROLLER', 100],
      ],
    ]);
    const paie = doc.activities.find((a) => a.key === 'paie')!;
    expect(paie.cells).toEqual({
      a_controller: {
        value: {
          controller: { name: 'Clinique des Tilleuls' },
          jointControllers: [],
          representative: null,
          dpo: { name: 'DPO Tilleuls', contact: 'dpo@tilleuls.example' },
        },
        evidence: 'DECLARED',
        path: 'activity:paie.controller; organisation:ORG.dpo',
      },
      b_purposes: {
        value: ['Gestion de la paie et des carrières du personnel'],
        evidence: 'DECLARED',
        path: 'activity:paie.purposes',
      },
      c_data_subjects: { value: ['Salariés'], evidence: 'DECLARED', path: 'activity:paie.dataSubjectCategories' },
      c_personal_data: {
        value: ['Identité', 'Données financières'],
        evidence: 'DECLARED',
        path: 'activity:paie.personalDataCategories',
      },
      d_recipients: { value: null, evidence: 'MISSING', path: 'activity:paie.recipients' },
      e_transfers: {
        value: { declared: null, computed: [] },
        evidence: 'INFERRED',
        path: 'activity:paie (no path leaves the EEA)',
      },
      f_retention: {
        value: { general: '5 ans après le départ', byCategory: [] },
        evidence: 'DECLARED',
        path: 'activity:paie.retention',
      },
      g_security: {
        value: ['Accès restreint au service RH'],
        evidence: 'DECLARED',
        path: 'activity:paie.securityMeasures',
      },
      legal_bases: { value: ['LEGAL_OBLIGATION'], evidence: 'DECLARED', path: 'activity:paie.legalBases' },
      special_categories: {
        value: [],
        evidence: 'SCANNED',
        path: 'activity:paie.specialCategories (none found by scans)',
      },
    });
    const patients = doc.activities.find((a) => a.key === 'suivi-patients')!;
    expect([patients.cells.e_transfers, patients.cells.special_categories]).toEqual([
      {
        value: {
          declared: null,
          computed: [
            {
              to: { kind: 'RECIPIENT', key: 'stats-in', country: 'IN' },
              mechanism: 'NONE',
              status: 'MISSING_SAFEGUARD',
            },
          ],
        },
        evidence: 'INFERRED',
        path: 'activity:suivi-patients -DISCLOSES_TO-> recipient:stats-in',
      },
      { value: ['HEALTH'], evidence: 'DECLARED', path: 'activity:suivi-patients.specialCategories' },
    ]);
    const newsletter = doc.activities.find((a) => a.key === 'newsletter')!;
    expect(newsletter.cells.e_transfers.path).toBe(
      'activity:newsletter -DISCLOSES_TO-> recipient:mailer-us; activity:newsletter -USES-> dataset:contacts <-CONTAINS- source:crm -HOSTED_ON-> server:crm-us',
    );
    expect(doc.activities.map((a) => a.discrepancies.map((d) => [d.code, d.paths]))).toEqual([
      [
        ['UNDECLARED_TRANSFER', ['activity:newsletter -DISCLOSES_TO-> recipient:mailer-us']],
        [
          'UNDECLARED_TRANSFER',
          ['activity:newsletter -USES-> dataset:contacts <-CONTAINS- source:crm -HOSTED_ON-> server:crm-us'],
        ],
      ],
      [],
      [['UNDECLARED_TRANSFER', ['activity:suivi-patients -DISCLOSES_TO-> recipient:stats-in']]],
    ]);
  });

  it('screens every activity for a DPIA: required, recommended, not required by a CNIL exemption', async () => {
    const doc = strip(dpiaDocument(await dpiaScreeningFor(neo4j, q)));
    const met = (key: string) =>
      doc.activities
        .find((a) => a.key === key)!
        .criteria.filter((c) => c.met !== false)
        .map((c) => [c.id, c.met, c.evidence.kind, c.evidence.items]);
    expect(doc.activities.map((a) => [a.key, a.result, a.overridden, a.cnilList])).toEqual([
      ['newsletter', 'RECOMMENDED', false, []],
      ['paie', 'NOT_REQUIRED', false, []],
      ['suivi-patients', 'REQUIRED', false, []],
    ]);
    expect(met('newsletter')).toEqual([
      ['innovative_technology', true, 'DECLARED', ['activity:newsletter.innovativeTechnology']],
    ]);
    expect(met('paie')).toEqual([
      ['sensitive_data', true, 'SCANNED', ['field:agents/salaire']],
      ['vulnerable_subjects', true, 'DECLARED', ['group:EMPLOYEES', 'activity:paie.dataSubjectCategories']],
    ]);
    expect(met('suivi-patients')).toEqual([
      ['sensitive_data', true, 'DECLARED', ['field:patients/diagnostic']],
      ['large_scale', true, 'DECLARED', ['activity:suivi-patients.dataSubjectCount']],
      ['vulnerable_subjects', true, 'DECLARED', ['group:PATIENTS', 'activity:suivi-patients.dataSubjectCategories']],
    ]);
    expect(
      doc.activities
        .find((a) => a.key === 'paie')!
        .exemptions.map((e) => [e.id, e.applies, e.conditions.map((c) => [c.id, c.met])]),
    ).toEqual([
      [
        'CNIL_2019_118_01',
        true,
        [
          ['PURPOSE', true],
          ['EMPLOYEES', true],
          ['FEWER_THAN_250', true],
          ['NO_PROFILING', true],
        ],
      ],
    ]);
  });

  it('gives byte-identical JSON for the same graph and as-of date', async () => {
    expect(transfersJson(await computeTransfersFor(neo4j, q))).toBe(transfersJson(await computeTransfersFor(neo4j, q)));
    expect(registerJson(await processingRecordFor(neo4j, q))).toBe(registerJson(await processingRecordFor(neo4j, q)));
    expect(dpiaJson(await dpiaScreeningFor(neo4j, q))).toBe(dpiaJson(await dpiaScreeningFor(neo4j, q)));
  });

  it('restricts to a department, and answers NOT_FOUND for an unknown or unreadable organisation', async () => {
    const record = await processingRecordFor(neo4j, { ...q, department: 'rh' });
    expect(record.activities.map((a) => a.key)).toEqual(['paie']);
    await expect(computeTransfersFor(neo4j, { ...q, organisation: 'nobody-here' })).rejects.toThrow(
      new RegistersError(
        'REGISTERS_ORGANISATION_NOT_FOUND' as never,
        'organisation',
        "'nobody-here' does not exist or is not readable by this caller",
      ),
    );
    await expect(
      computeTransfersFor(neo4j, { ...q, scope: { organisations: [other], departments: null } }),
    ).rejects.toMatchObject({ kind: 'NOT_FOUND', member: 'organisation' });
    await expect(processingRecordFor(neo4j, { ...q, department: 'compta' })).rejects.toMatchObject({
      kind: 'NOT_FOUND',
      message: `department: 'compta' is not a department of '${org}'`,
    });
  });

  it('refuses an as-of date that is not a date, naming it', async () => {
    await expect(dpiaScreeningFor(neo4j, { ...q, asOf: '2026-02-30' })).rejects.toMatchObject({
      kind: 'INVALID_INPUT',
      message: "asOf: '2026-02-30' is not a date written YYYY-MM-DD (e.g. 2026-12-03)",
    });
    await expect(processingRecordFor(neo4j, { ...q, asOf: 'yesterday' })).rejects.toMatchObject({
      kind: 'INVALID_INPUT',
      member: 'asOf',
    });
  });

  it('stores a DPO override next to the activity, audited, kept on re-computation, outdated once facts change', async () => {
    const outboxBefore = await outboxEntries();
    const { factsDigest } = await setDpiaOverride(deps(), override(), READ_ALL, () => undefined);
    expect(strip(await overrideNodes())).toEqual([
      {
        key: 'ORG:newsletter#dpia#innovative_technology',
        justification: 'Outil de routage éprouvé, pas une technologie innovante',
        factsDigest,
      },
    ]);
    expect(await outboxEntries()).toBe(outboxBefore + 1);
    const screened = async () => (await dpiaScreeningFor(neo4j, q)).activities.find((a) => a.key === 'newsletter')!;
    const first = await screened();
    expect([first.result, first.suggestedResult, first.overridden, first.outdated]).toEqual([
      'NOT_REQUIRED',
      'NOT_REQUIRED',
      true,
      false,
    ]);
    expect(first.criteria.find((c) => c.id === 'innovative_technology')!.suggested.met).toBe(true);
    // The facts change (a new field with a finding): the decision stays, marked outdated.
    await neo4j.queryWrite(
      `MATCH (d:Dataset {key: $dataset}) CREATE (d)-[:HAS_FIELD]->(:Field {key: $dataset + '/telephone', organisation: $org, department: 'communication', dataset: 'contacts', name: 'telephone'})`,
      { dataset: `${org}:contacts`, org },
    );
    const after = await screened();
    expect([after.result, after.overridden, after.outdated]).toEqual(['NOT_REQUIRED', true, true]);
    await neo4j.queryWrite(`MATCH (f:Field {key: $key}) DETACH DELETE f`, { key: `${org}:contacts/telephone` });
    expect((await screened()).outdated).toBe(false);
  });

  it('refuses an override without justification, of an unknown criterion or of another organisation’s activity: nothing written', async () => {
    const before = [await overrideNodes(), await outboxEntries()];
    await expect(setDpiaOverride(deps(), override({ justification: '  ' }), READ_ALL, () => undefined)).rejects.toThrow(
      'justification: an override needs a justification (why the DPO decides otherwise)',
    );
    await expect(
      setDpiaOverride(deps(), override({ criterion: 'large_scal' }), READ_ALL, () => undefined),
    ).rejects.toBeInstanceOf(ComplianceRulesError);
    await expect(
      setDpiaOverride(deps(), override({ organisation: org, activity: 'missing' }), READ_ALL, () => undefined),
    ).rejects.toMatchObject({
      kind: 'NOT_FOUND',
      message: `activity: 'missing' is not an activity of organisation '${org}'`,
    });
    // The activity key exists, in another organisation: not this one's.
    await expect(
      setDpiaOverride(
        deps(),
        override({ organisation: other, activity: 'newsletter' }),
        { organisations: [org], departments: null },
        () => undefined,
      ),
    ).rejects.toMatchObject({ kind: 'NOT_FOUND', member: 'organisation' });
    await expect(
      setDpiaOverride(deps(), override({ at: '03/12/2026' }), READ_ALL, () => undefined),
    ).rejects.toMatchObject({ kind: 'INVALID_INPUT', member: 'at' });
    await expect(
      setDpiaOverride(deps(), override(), READ_ALL, () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect([await overrideNodes(), await outboxEntries()]).toEqual(before);
  });
});
