import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registersInventory } from '@cartographer/testing';
import {
  type InventoryTestKit,
  Role,
  type Session,
  startInventoryKit,
} from '../inventory/testing/inventory-test-kit.js';

/*
 * The compliance queries and mutations through the booted API, on the hand-built clinic of
 * libs/testing (registersInventory): the expected transfers, record cells and screening results are
 * written out; refusals and bad input leave the organisation's graph exactly as it was.
 */

const AS_OF = '2026-12-01';
const IMPORT = `mutation ($document: String!) { importInventory(document: $document, format: JSON) { organisation } }`;

const TRANSFERS = `query ($org: String!, $asOf: String!, $status: TransferStatus, $first: Int, $after: String, $department: String) {
  transfers(organisation: $org, asOf: $asOf, status: $status, first: $first, after: $after, department: $department) {
    organisation asOf totalCount pageInfo { hasNextPage endCursor }
    items { id activity from { kind key } to { kind key country jurisdiction } access dataCategories specialCategories
      exporterRole importerRole mechanism { required recorded applied } sccModule tia { required status }
      status reasons { code } } } }`;

const RECORD = `query ($org: String!, $asOf: String!, $complete: Boolean) {
  processingRecord(organisation: $org, asOf: $asOf, complete: $complete) {
    organisation asOf totalCount completeness { filled required percent }
    items { key name kind completeness { percent } cells { item value evidence path required }
      discrepancies { code paths } } } }`;

const DPIA = `query ($org: String!, $asOf: String!, $result: DpiaResult) {
  dpiaScreening(organisation: $org, asOf: $asOf, result: $result) {
    totalCount thresholds { largeScaleSubjects largeScaleRecords unknownThreshold }
    items { key result suggestedResult basis overridden outdated
      criteria { id met suggestedMet evidence { kind items } decided { met justification by at outdated } }
      exemptions { id applies conditions { id met } } cnilList { id } } } }`;

const OVERRIDE = `mutation ($input: SetDpiaOverrideInput!) {
  setDpiaOverride(input: $input) { key result overridden
    criteria { id met suggestedMet decided { met justification by at outdated } } } }`;

const TIA = `mutation ($input: RecordTransferImpactAssessmentInput!) {
  recordTransferImpactAssessment(input: $input) { recipient
    tia { reference assessedOn reevaluateBy stepsDone conclusion }
    transfers { id status tia { status steps { step done prefilled } } reasons { code } } } }`;

type Answer = Awaited<ReturnType<InventoryTestKit['gql']>>;
const refusal = (answer: Answer) => ({
  codes: (answer.errors ?? []).map((e) => e.extensions?.code),
  messages: (answer.errors ?? []).map((e) => e.message),
  data: answer.data ?? null,
});

describe('compliance in GraphQL: transfers, processingRecord, dpiaScreening and the DPO’s writes (booted API, real Neo4j)', () => {
  let kit: InventoryTestKit;
  let org: string;
  let other: string;
  let admin: Session;
  let dpo: Session;
  let auditor: Session;
  let lead: Session;
  let otherAuditor: Session;
  let otherDpo: Session;

  beforeAll(async () => {
    kit = await startInventoryKit();
    org = kit.organisation('cmp');
    other = kit.organisation('cmp-other');
    admin = await kit.session(Role.ADMIN);
    for (const key of [org, other]) {
      const imported = await kit.gql(admin, IMPORT, { document: JSON.stringify(registersInventory(key)) });
      expect(imported).toEqual({ status: 200, data: { importInventory: { organisation: key } } });
    }
    dpo = await kit.session(Role.DPO, { organisations: [org] });
    auditor = await kit.session(Role.AUDITOR, { organisations: [org] });
    lead = await kit.session(Role.DATA_LEAD, { organisations: [org], departments: ['rh'] });
    otherAuditor = await kit.session(Role.AUDITOR, { organisations: [other] });
    otherDpo = await kit.session(Role.DPO, { organisations: [other] });
  });

  afterAll(async () => {
    await kit?.close();
  });

  it('computes the transfers per edge, filters by status and pages them by id', async () => {
    const answer = await kit.gql(dpo, TRANSFERS, { org, asOf: AS_OF });
    expect(answer).toEqual({
      status: 200,
      data: {
        transfers: {
          organisation: org,
          asOf: AS_OF,
          totalCount: 3,
          pageInfo: {
            hasNextPage: false,
            endCursor: Buffer.from(`suivi-patients|ORGANISATION:${org}|RECIPIENT:stats-in|IN`).toString('base64url'),
          },
          items: [
            {
              id: `newsletter|ORGANISATION:${org}|RECIPIENT:mailer-us|US`,
              activity: 'newsletter',
              from: { kind: 'ORGANISATION', key: org },
              to: { kind: 'RECIPIENT', key: 'mailer-us', country: 'US', jurisdiction: 'THIRD_COUNTRY' },
              access: 'DISCLOSURE',
              dataCategories: ['CONTACT', 'IDENTITY'],
              specialCategories: [],
              exporterRole: 'CONTROLLER',
              importerRole: 'PROCESSOR',
              mechanism: { required: 'ADEQUACY_OR_ART46', recorded: 'SCC', applied: 'SCC' },
              sccModule: 2,
              tia: { required: true, status: 'COMPLETED' },
              status: 'COVERED',
              reasons: [{ code: 'TRANSFER_DISCLOSURE' }, { code: 'SCC_RECORDED' }],
            },
            {
              id: 'newsletter|SOURCE:crm|SERVER:crm-us|US',
              activity: 'newsletter',
              from: { kind: 'SOURCE', key: 'crm' },
              to: { kind: 'SERVER', key: 'crm-us', country: 'US', jurisdiction: 'THIRD_COUNTRY' },
              access: 'HOSTING',
              dataCategories: ['CONTACT', 'IDENTITY'],
              specialCategories: [],
              exporterRole: 'CONTROLLER',
              importerRole: 'PROCESSOR',
              mechanism: { required: 'ADEQUACY_OR_ART46', recorded: 'NONE', applied: null },
              sccModule: 2,
              tia: { required: true, status: 'MISSING' },
              status: 'TO_VERIFY',
              reasons: [{ code: 'TRANSFER_HOSTING' }, { code: 'PARTIAL_ADEQUACY_UNVERIFIED' }],
            },
            {
              id: `suivi-patients|ORGANISATION:${org}|RECIPIENT:stats-in|IN`,
              activity: 'suivi-patients',
              from: { kind: 'ORGANISATION', key: org },
              to: { kind: 'RECIPIENT', key: 'stats-in', country: 'IN', jurisdiction: 'THIRD_COUNTRY' },
              access: 'DISCLOSURE',
              dataCategories: ['BIRTH_DATE', 'HEALTH', 'IDENTITY'],
              specialCategories: ['HEALTH'],
              exporterRole: 'CONTROLLER',
              importerRole: 'PROCESSOR',
              mechanism: { required: 'ART46_OR_ART49', recorded: 'NONE', applied: null },
              sccModule: 2,
              tia: { required: true, status: 'MISSING' },
              status: 'MISSING_SAFEGUARD',
              reasons: [{ code: 'TRANSFER_DISCLOSURE' }, { code: 'NO_SAFEGUARD' }],
            },
          ],
        },
      },
    });
    const ids = (a: Answer) => (a.data as { transfers: { items: { id: string }[]; pageInfo: unknown } }).transfers;
    const first = ids(await kit.gql(dpo, TRANSFERS, { org, asOf: AS_OF, first: 2 }));
    const second = ids(
      await kit.gql(dpo, TRANSFERS, {
        org,
        asOf: AS_OF,
        first: 2,
        after: (first.pageInfo as { endCursor: string }).endCursor,
      }),
    );
    expect([first.items.map((t) => t.id), first.pageInfo, second.items.map((t) => t.id), second.pageInfo]).toEqual([
      [`newsletter|ORGANISATION:${org}|RECIPIENT:mailer-us|US`, 'newsletter|SOURCE:crm|SERVER:crm-us|US'],
      { hasNextPage: true, endCursor: Buffer.from('newsletter|SOURCE:crm|SERVER:crm-us|US').toString('base64url') },
      [`suivi-patients|ORGANISATION:${org}|RECIPIENT:stats-in|IN`],
      {
        hasNextPage: false,
        endCursor: Buffer.from(`suivi-patients|ORGANISATION:${org}|RECIPIENT:stats-in|IN`).toString('base64url'),
      },
    ]);
    const toVerify = ids(await kit.gql(dpo, TRANSFERS, { org, asOf: AS_OF, status: 'TO_VERIFY' }));
    expect(toVerify.items.map((t) => t.id)).toEqual(['newsletter|SOURCE:crm|SERVER:crm-us|US']);
    const soins = ids(await kit.gql(dpo, TRANSFERS, { org, asOf: AS_OF, department: 'soins' }));
    expect(soins.items.map((t) => t.id)).toEqual([`suivi-patients|ORGANISATION:${org}|RECIPIENT:stats-in|IN`]);
  });

  it('computes the Art. 30 record cell by cell (value, evidence, path) and filters by completeness', async () => {
    const answer = await kit.gql<{
      processingRecord: {
        completeness: unknown;
        items: {
          key: string;
          name: string;
          kind: string;
          completeness: { percent: number };
          cells: { item: string; value: string; evidence: string; path: string; required: boolean }[];
          discrepancies: unknown[];
        }[];
      };
    }>(dpo, RECORD, { org, asOf: AS_OF });
    expect(answer.errors).toBeUndefined();
    const record = answer.data!.processingRecord;
    expect([record.completeness, record.items.map((a) => [a.key, a.kind, a.completeness.percent])]).toEqual([
      { filled: 23, required: 24, percent: 95.83 },
      [
        ['newsletter', 'CONTROLLER', 100],
        ['paie', 'CONTROLLER', 87.5],
        ['suivi-patients', 'CONTROLLER', 100],
      ],
    ]);
    const paie = record.items.find((a) => a.key === 'paie')!;
    expect(paie.cells.map((c) => ({ ...c, value: JSON.parse(c.value) as unknown }))).toEqual([
      {
        item: 'a_controller',
        value: {
          controller: { name: 'Clinique des Tilleuls' },
          jointControllers: [],
          representative: null,
          dpo: { name: 'DPO Tilleuls', contact: 'dpo@tilleuls.example' },
        },
        evidence: 'DECLARED',
        path: `activity:paie.controller; organisation:${org}.dpo`,
        required: true,
      },
      {
        item: 'b_purposes',
        value: ['Gestion de la paie et des carrières du personnel'],
        evidence: 'DECLARED',
        path: 'activity:paie.purposes',
        required: true,
      },
      {
        item: 'c_data_subjects',
        value: ['Salariés'],
        evidence: 'DECLARED',
        path: 'activity:paie.dataSubjectCategories',
        required: true,
      },
      {
        item: 'c_personal_data',
        value: ['Identité', 'Données financières'],
        evidence: 'DECLARED',
        path: 'activity:paie.personalDataCategories',
        required: true,
      },
      { item: 'd_recipients', value: null, evidence: 'MISSING', path: 'activity:paie.recipients', required: true },
      {
        item: 'e_transfers',
        value: { declared: null, computed: [] },
        evidence: 'INFERRED',
        path: 'activity:paie (no path leaves the EEA)',
        required: true,
      },
      {
        item: 'f_retention',
        value: { general: '5 ans après le départ', byCategory: [] },
        evidence: 'DECLARED',
        path: 'activity:paie.retention',
        required: true,
      },
      {
        item: 'g_security',
        value: ['Accès restreint au service RH'],
        evidence: 'DECLARED',
        path: 'activity:paie.securityMeasures',
        required: true,
      },
      {
        item: 'legal_bases',
        value: ['LEGAL_OBLIGATION'],
        evidence: 'DECLARED',
        path: 'activity:paie.legalBases',
        required: false,
      },
      {
        item: 'special_categories',
        value: [],
        evidence: 'SCANNED',
        path: 'activity:paie.specialCategories (none found by scans)',
        required: false,
      },
    ]);
    expect(record.items.map((a) => a.discrepancies)).toEqual([
      [
        { code: 'UNDECLARED_TRANSFER', paths: ['activity:newsletter -DISCLOSES_TO-> recipient:mailer-us'] },
        {
          code: 'UNDECLARED_TRANSFER',
          paths: ['activity:newsletter -USES-> dataset:contacts <-CONTAINS- source:crm -HOSTED_ON-> server:crm-us'],
        },
      ],
      [],
      [{ code: 'UNDECLARED_TRANSFER', paths: ['activity:suivi-patients -DISCLOSES_TO-> recipient:stats-in'] }],
    ]);
    const incomplete = await kit.gql<{ processingRecord: { totalCount: number; items: { key: string }[] } }>(
      dpo,
      RECORD,
      {
        org,
        asOf: AS_OF,
        complete: false,
      },
    );
    expect([
      incomplete.data!.processingRecord.totalCount,
      incomplete.data!.processingRecord.items.map((a) => a.key),
    ]).toEqual([1, ['paie']]);
  });

  it('screens every activity for a DPIA and filters by result', async () => {
    const answer = await kit.gql<{
      dpiaScreening: {
        thresholds: unknown;
        items: {
          key: string;
          result: string;
          criteria: { id: string; met: boolean | null; evidence: { kind: string; items: string[] } }[];
          exemptions: unknown[];
          cnilList: unknown[];
        }[];
      };
    }>(dpo, DPIA, { org, asOf: AS_OF });
    expect(answer.errors).toBeUndefined();
    const screening = answer.data!.dpiaScreening;
    expect(screening.thresholds).toEqual({ largeScaleSubjects: 10000, largeScaleRecords: 100000, unknownThreshold: 3 });
    expect(screening.items.map((a) => [a.key, a.result, a.cnilList])).toEqual([
      ['newsletter', 'RECOMMENDED', []],
      ['paie', 'NOT_REQUIRED', []],
      ['suivi-patients', 'REQUIRED', []],
    ]);
    const met = (key: string) =>
      screening.items
        .find((a) => a.key === key)!
        .criteria.filter((c) => c.met !== false)
        .map((c) => [c.id, c.met, c.evidence.kind, c.evidence.items]);
    expect([met('newsletter'), met('paie'), met('suivi-patients')]).toEqual([
      [['innovative_technology', true, 'DECLARED', ['activity:newsletter.innovativeTechnology']]],
      [
        ['sensitive_data', true, 'SCANNED', ['field:agents/salaire']],
        ['vulnerable_subjects', true, 'DECLARED', ['group:EMPLOYEES', 'activity:paie.dataSubjectCategories']],
      ],
      [
        ['sensitive_data', true, 'DECLARED', ['field:patients/diagnostic']],
        ['large_scale', true, 'DECLARED', ['activity:suivi-patients.dataSubjectCount']],
        ['vulnerable_subjects', true, 'DECLARED', ['group:PATIENTS', 'activity:suivi-patients.dataSubjectCategories']],
      ],
    ]);
    expect(screening.items.find((a) => a.key === 'paie')!.exemptions).toEqual([
      {
        id: 'CNIL_2019_118_01',
        applies: true,
        conditions: [
          { id: 'PURPOSE', met: true },
          { id: 'EMPLOYEES', met: true },
          { id: 'FEWER_THAN_250', met: true },
          { id: 'NO_PROFILING', met: true },
        ],
      },
    ]);
    const required = await kit.gql<{ dpiaScreening: { totalCount: number; items: { key: string }[] } }>(dpo, DPIA, {
      org,
      asOf: AS_OF,
      result: 'REQUIRED',
    });
    expect([required.data!.dpiaScreening.totalCount, required.data!.dpiaScreening.items.map((a) => a.key)]).toEqual([
      1,
      ['suivi-patients'],
    ]);
  });

  it('lets an AUDITOR and a DATA_LEAD of the organisation read exactly what the DPO reads; another organisation’s AUDITOR gets NOT_FOUND', async () => {
    for (const query of [TRANSFERS, RECORD, DPIA]) {
      const asDpo = await kit.gql(dpo, query, { org, asOf: AS_OF });
      expect(await kit.gql(auditor, query, { org, asOf: AS_OF })).toEqual(asDpo);
      expect(await kit.gql(lead, query, { org, asOf: AS_OF })).toEqual(asDpo);
      expect(refusal(await kit.gql(otherAuditor, query, { org, asOf: AS_OF }))).toEqual({
        codes: ['NOT_FOUND'],
        messages: [`organisation: '${org}' does not exist or is not readable by this caller`],
        data: null,
      });
    }
  });

  it('refuses a bad as-of date or department, naming the member', async () => {
    expect(refusal(await kit.gql(dpo, TRANSFERS, { org, asOf: '2026-13-01' }))).toEqual({
      codes: ['BAD_USER_INPUT'],
      messages: ["asOf: '2026-13-01' is not a date written YYYY-MM-DD (e.g. 2026-12-03)"],
      data: null,
    });
    expect(refusal(await kit.gql(dpo, DPIA, { org, asOf: 'yesterday' }))).toEqual({
      codes: ['BAD_USER_INPUT'],
      messages: ["asOf: 'yesterday' is not a date written YYYY-MM-DD (e.g. 2026-12-03)"],
      data: null,
    });
    expect(refusal(await kit.gql(dpo, TRANSFERS, { org, asOf: AS_OF, department: 'compta' }))).toEqual({
      codes: ['NOT_FOUND'],
      messages: [`department: 'compta' is not a department of '${org}'`],
      data: null,
    });
  });

  it('records a DPO’s override of a criterion: audited, shown beside the suggestion, kept on re-computation', async () => {
    const input = {
      organisation: org,
      activity: 'newsletter',
      criterion: 'innovative_technology',
      met: false,
      justification: 'Outil de routage éprouvé, pas une technologie innovante',
      at: AS_OF,
    };
    const answer = await kit.gql<{
      setDpiaOverride: { key: string; result: string; overridden: boolean; criteria: { id: string }[] };
    }>(dpo, OVERRIDE, { input });
    expect(answer.errors).toBeUndefined();
    const screened = answer.data!.setDpiaOverride;
    expect([screened.key, screened.result, screened.overridden]).toEqual(['newsletter', 'NOT_REQUIRED', true]);
    const decided = { met: false, justification: input.justification, at: AS_OF, outdated: false };
    expect(screened.criteria.find((c) => c.id === 'innovative_technology')).toEqual({
      id: 'innovative_technology',
      met: false,
      suggestedMet: true,
      decided: { ...decided, by: expect.stringMatching(/^dpo-.*@inv.*\.test$/) as unknown as string },
    });
    const again = await kit.gql<{
      dpiaScreening: { items: { key: string; result: string; suggestedResult: string; overridden: boolean }[] };
    }>(auditor, DPIA, { org, asOf: AS_OF });
    expect(again.data!.dpiaScreening.items.map((a) => [a.key, a.result, a.suggestedResult, a.overridden])).toEqual([
      // A decided criterion feeds the formula: the suggested result follows it; the result was not overridden.
      ['newsletter', 'NOT_REQUIRED', 'NOT_REQUIRED', true],
      ['paie', 'NOT_REQUIRED', 'NOT_REQUIRED', false],
      ['suivi-patients', 'REQUIRED', 'REQUIRED', false],
    ]);
    const [row] = await kit.neo4j.queryRead<{ n: { toNumber(): number } }>(
      `MATCH (o:DpiaOverride {organisation: $org}) RETURN count(o) AS n`,
      { org },
    );
    expect(row.n.toNumber()).toBe(1);
  });

  it('refuses bad overrides and callers who may not decide, naming the member and writing nothing', async () => {
    const input = {
      organisation: org,
      activity: 'suivi-patients',
      criterion: 'large_scale',
      met: false,
      justification: 'Moins de patients que déclaré',
      at: AS_OF,
    };
    const before = await kit.snapshot(org);
    const cases: [Session, Record<string, unknown>][] = [
      [dpo, { ...input, criterion: 'large_scal' }],
      [dpo, { ...input, justification: '   ' }],
      [dpo, { ...input, at: '2026-02-30' }],
      [dpo, { ...input, activity: 'comptabilite' }],
      [dpo, { ...input, organisation: other }],
      [otherDpo, input],
      [auditor, input],
      [lead, input],
    ];
    const answers = [];
    for (const [session, variables] of cases)
      answers.push(refusal(await kit.gql(session, OVERRIDE, { input: variables })));
    expect(answers.map((a) => [a.codes, a.data])).toEqual([
      [['BAD_USER_INPUT'], null],
      [['BAD_USER_INPUT'], null],
      [['BAD_USER_INPUT'], null],
      [['NOT_FOUND'], null],
      [['NOT_FOUND'], null],
      [['NOT_FOUND'], null],
      [['FORBIDDEN'], null],
      [['FORBIDDEN'], null],
    ]);
    expect(answers.slice(0, 5).map((a) => a.messages)).toEqual([
      [expect.stringContaining("'large_scal'")],
      ['justification: an override needs a justification (why the DPO decides otherwise)'],
      ["at: '2026-02-30' is not a date written YYYY-MM-DD (e.g. 2026-12-03)"],
      [`activity: 'comptabilite' is not an activity of organisation '${org}'`],
      [`organisation: '${other}' does not exist or is not readable by this caller`],
    ]);
    expect(await kit.snapshot(org)).toEqual(before);
  });

  it('records a transfer impact assessment for a recipient: the transfers to it follow its status', async () => {
    const steps = [
      'KNOW_TRANSFER',
      'IDENTIFY_TOOL',
      'ASSESS_LAW_AND_PRACTICE',
      'SUPPLEMENTARY_MEASURES',
      'PROCEDURAL_STEPS',
    ];
    const input = {
      organisation: org,
      recipient: 'mailer-us',
      asOf: AS_OF,
      tia: {
        reference: 'TIA-2026-02',
        assessedOn: '2026-11-15',
        reevaluateBy: '2027-11-15',
        stepsDone: [...steps].reverse(),
      },
    };
    const answer = await kit.gql(dpo, TIA, { input });
    const stepStates = (done: string[]) =>
      [...steps, 'REEVALUATE'].map((step, i) => ({ step, done: done.includes(step), prefilled: i < 2 }));
    expect(answer).toEqual({
      status: 200,
      data: {
        recordTransferImpactAssessment: {
          recipient: `${org}:mailer-us`,
          tia: {
            reference: 'TIA-2026-02',
            assessedOn: '2026-11-15',
            reevaluateBy: '2027-11-15',
            stepsDone: steps,
            conclusion: null,
          },
          transfers: [
            {
              id: `newsletter|ORGANISATION:${org}|RECIPIENT:mailer-us|US`,
              status: 'TO_VERIFY',
              tia: { status: 'IN_PROGRESS', steps: stepStates(steps) },
              reasons: [{ code: 'TRANSFER_DISCLOSURE' }, { code: 'SCC_RECORDED' }, { code: 'TIA_IN_PROGRESS' }],
            },
          ],
        },
      },
    });
    const done = [...steps, 'REEVALUATE'];
    const completed = await kit.gql(dpo, TIA, {
      input: { ...input, tia: { ...input.tia, stepsDone: done, conclusion: 'EFFECTIVE' } },
    });
    expect(completed.data).toEqual({
      recordTransferImpactAssessment: {
        recipient: `${org}:mailer-us`,
        tia: {
          reference: 'TIA-2026-02',
          assessedOn: '2026-11-15',
          reevaluateBy: '2027-11-15',
          stepsDone: done,
          conclusion: 'EFFECTIVE',
        },
        transfers: [
          {
            id: `newsletter|ORGANISATION:${org}|RECIPIENT:mailer-us|US`,
            status: 'COVERED',
            tia: { status: 'COMPLETED', steps: stepStates(done) },
            reasons: [{ code: 'TRANSFER_DISCLOSURE' }, { code: 'SCC_RECORDED' }],
          },
        ],
      },
    });
    // The tool's other members are kept.
    const recipient = await kit.gql(
      auditor,
      `query ($key: ID!) { recipient(key: $key) { transferTool { sccModule documentation } } }`,
      {
        key: `${org}:mailer-us`,
      },
    );
    expect(recipient.data).toEqual({
      recipient: { transferTool: { sccModule: 2, documentation: 'DPA et CCT 2021/914 signées le 2025-01-10' } },
    });
  });

  it('refuses a bad TIA record or a caller who may not record it, writing nothing', async () => {
    const input = {
      organisation: org,
      recipient: 'stats-in',
      asOf: AS_OF,
      tia: { reference: 'TIA-IN', stepsDone: ['KNOW_TRANSFER'] },
    };
    const before = await kit.snapshot(org);
    const cases: [Session, Record<string, unknown>][] = [
      [dpo, { ...input, recipient: 'nobody' }],
      [dpo, { ...input, asOf: '2026-1-3' }],
      [dpo, { ...input, tia: { ...input.tia, assessedOn: '2026-12-01', reevaluateBy: '2026-06-01' } }],
      [dpo, { ...input, tia: { ...input.tia, stepsDone: ['KNOW_TRANSFER', 'KNOW_TRANSFER'] } }],
      [otherDpo, input],
      [auditor, input],
      [lead, input],
    ];
    const answers = [];
    for (const [session, variables] of cases) answers.push(refusal(await kit.gql(session, TIA, { input: variables })));
    expect(answers).toEqual([
      {
        codes: ['NOT_FOUND'],
        messages: [`recipient: 'nobody' is not a recipient of organisation '${org}'`],
        data: null,
      },
      {
        codes: ['BAD_USER_INPUT'],
        messages: ["asOf: '2026-1-3' is not a date written YYYY-MM-DD (e.g. 2026-12-03)"],
        data: null,
      },
      {
        codes: ['BAD_USER_INPUT'],
        messages: ["tia.reevaluateBy: '2026-06-01' is before the assessment (2026-12-01)"],
        data: null,
      },
      { codes: ['BAD_USER_INPUT'], messages: ["tia.stepsDone[1]: 'KNOW_TRANSFER' is listed twice"], data: null },
      {
        codes: ['NOT_FOUND'],
        messages: [`recipient: 'stats-in' is not a recipient of organisation '${org}'`],
        data: null,
      },
      { codes: ['FORBIDDEN'], messages: [expect.any(String)], data: null },
      { codes: ['FORBIDDEN'], messages: [expect.any(String)], data: null },
    ]);
    expect(await kit.snapshot(org)).toEqual(before);
  });

  it('answers byte-identical results for the same graph and as-of date', async () => {
    for (const query of [TRANSFERS, RECORD, DPIA])
      expect(JSON.stringify(await kit.gql(admin, query, { org, asOf: AS_OF }))).toBe(
        JSON.stringify(await kit.gql(admin, query, { org, asOf: AS_OF })),
      );
  });
});
