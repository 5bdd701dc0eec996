import { DEFAULT_RISK_MATRIX, zoneLookup } from './matrix.js';
import { computeRiskRegister, reduce } from './register.js';
import { risksCsv } from './risks-export.js';
import type { RiskFacts, SecurityFacts } from './risk-facts.js';
import type { Risk } from './risk-model.js';
import { RisksError, RisksErrorCode } from './risks.errors.js';

const AS_OF = '2026-12-03';

function base(
  over: { findings?: [string, string | null][]; activity?: object; server?: object; security?: SecurityFacts } = {},
): RiskFacts {
  return {
    organisation: { key: 'org', name: 'Org', country: 'FR' },
    departments: [{ key: 'dep', name: 'Dép' }],
    servers: [{ key: 'srv', name: 'Serveur', hosting: 'ON_PREMISES', country: 'FR', ...over.server }],
    recipients: [
      { key: 'r1', name: 'R1', role: 'CONTROLLER', country: 'FR', safeguard: 'NONE' },
      { key: 'r2', name: 'R2', role: 'CONTROLLER', country: 'FR', safeguard: 'NONE' },
      { key: 'r3', name: 'R3', role: 'CONTROLLER', country: 'FR', safeguard: 'NONE' },
      { key: 'in', name: 'Interne', role: 'INTERNAL', country: 'FR', safeguard: 'NONE' },
    ],
    sources: [
      {
        key: 's',
        name: 'Source',
        department: 'dep',
        servers: ['srv'],
        datasets: [
          {
            key: 'd',
            name: 'Table',
            volume: { records: 10 },
            fields: (over.findings ?? [['CONTACT', null]]).map(([category, specialCategory], i) => ({
              name: `f${i}`,
              findings: [
                {
                  category,
                  specialCategory,
                  tier: 'DIRECT_IDENTIFIER' as const,
                  status: 'CONFIRMED' as const,
                  origin: 'SCAN' as const,
                },
              ],
            })),
          },
        ],
      },
    ],
    processingActivities: [
      {
        key: 'a',
        name: 'Activité',
        department: 'dep',
        purposes: ['Gestion'],
        recipients: [],
        datasets: ['d'],
        dataSubjectCount: 10,
        ...over.activity,
      },
    ],
    security: over.security,
  };
}

function risk(facts: RiskFacts, key: string): Risk {
  return computeRiskRegister(facts, AS_OF).risks.find((r) => r.key === key)!;
}
const IA = 'privacy/a/ILLEGITIMATE_ACCESS';
const UM = 'privacy/a/UNWANTED_MODIFICATION';
const DI = 'privacy/a/DISAPPEARANCE';
const sev = (f: RiskFacts) => [IA, UM, DI].map((k) => risk(f, k).severity.inherent);
const lik = (f: RiskFacts) => [IA, UM, DI].map((k) => risk(f, k).likelihood.inherent);

describe('severity rules', () => {
  it('S_BASE: limited for personal data; shown UNKNOWN when nothing describes the data', () => {
    expect(sev(base())).toEqual([2, 2, 2]);
    const undescribed = base({ findings: [] });
    expect(sev(undescribed)).toEqual([2, 2, 2]);
    expect(risk(undescribed, IA).inputs[0]).toMatchObject({
      rule: 'S_BASE',
      state: 'UNKNOWN',
      facts: ['activity:a.categories'],
    });
  });
  it.each([
    ['S_SPECIAL_CATEGORY', [['HEALTH', 'HEALTH']], [3, 3, 3]],
    ['S_CRIMINAL_DATA', [['CONTACT', 'CRIMINAL_OFFENCE']], [3, 3, 3]],
    ['S_NATIONAL_ID', [['NATIONAL_ID', null]], [3, 3, 2]],
    ['S_FINANCIAL', [['FINANCIAL', null]], [3, 3, 2]],
    ['S_LOCATION', [['LOCATION', null]], [3, 2, 2]],
  ] as [string, [string, string | null][], number[]][])(
    '%s raises to significant for its events',
    (rule, findings, expected) => {
      const f = base({ findings });
      expect(sev(f)).toEqual(expected);
      expect(
        risk(f, IA)
          .inputs.filter((i) => i.state === 'MET')
          .map((i) => i.rule),
      ).toContain(rule);
    },
  );
  it('S_CRIMINAL_DATA reads a declared Art. 10 label', () => {
    expect(sev(base({ activity: { specialCategories: ['Condamnations pénales'] } }))).toEqual([3, 3, 3]);
  });
  it('S_VULNERABLE_SUBJECTS adds one level for minors, pupils or patients', () => {
    expect(sev(base({ activity: { dataSubjectCategories: ['Élèves mineurs'] } }))).toEqual([3, 3, 3]);
    expect(sev(base({ findings: [['HEALTH', 'HEALTH']], activity: { dataSubjectCategories: ['Patients'] } }))).toEqual([
      4, 4, 4,
    ]);
    expect(sev(base({ activity: { dataSubjectCategories: ['Clients'] } }))).toEqual([2, 2, 2]);
  });
  it('S_LARGE_SCALE adds one level from 10,000 subjects, or 100,000 records when the count is not declared', () => {
    expect(sev(base({ activity: { dataSubjectCount: 10_000 } }))).toEqual([3, 3, 3]);
    expect(sev(base({ activity: { dataSubjectCount: 9_999 } }))).toEqual([2, 2, 2]);
    const noCount = base({ activity: { dataSubjectCount: undefined } });
    expect(sev(noCount)).toEqual([2, 2, 2]);
    noCount.sources![0]!.datasets![0]!.volume = { records: 100_000 };
    expect(sev(noCount)).toEqual([3, 3, 3]);
    expect(risk(noCount, IA).inputs.find((i) => i.rule === 'S_LARGE_SCALE')!.facts).toEqual([
      'activity:a.largestDatasetRecords=100000',
    ]);
  });
  it('S_LARGE_SCALE is UNKNOWN without a count or a volume', () => {
    const f = base({ activity: { dataSubjectCount: undefined } });
    delete f.sources![0]!.datasets![0]!.volume;
    expect(risk(f, IA).inputs.find((i) => i.rule === 'S_LARGE_SCALE')).toMatchObject({
      state: 'UNKNOWN',
      facts: ['activity:a.dataSubjectCount'],
    });
  });
  it('caps at maximum', () => {
    const f = base({
      findings: [['HEALTH', 'HEALTH']],
      activity: { dataSubjectCategories: ['Enfants'], dataSubjectCount: 50_000 },
    });
    expect(sev(f)).toEqual([4, 4, 4]);
  });
});

describe('likelihood rules', () => {
  const declared = { server: 'srv', exposure: 'INTERNAL' as const, adminInterfaceExposed: false };
  it('starts at negligible; undeclared exposure is shown UNKNOWN', () => {
    const f = base();
    expect(lik(f)).toEqual([1, 1, 1]);
    expect(
      risk(f, IA)
        .inputs.filter((i) => i.state === 'UNKNOWN' && i.dimension === 'LIKELIHOOD')
        .map((i) => i.rule),
    ).toEqual(['L_INTERNET_EXPOSURE', 'L_ADMIN_EXPOSED']);
    expect(
      risk(base({ security: { servers: [declared] } }), IA).inputs.filter((i) => i.dimension === 'LIKELIHOOD'),
    ).toEqual([]);
  });
  it('L_INTERNET_EXPOSURE and L_ADMIN_EXPOSED add one level each to the three events', () => {
    expect(lik(base({ security: { servers: [{ ...declared, exposure: 'INTERNET_FACING' }] } }))).toEqual([2, 2, 2]);
    expect(
      lik(base({ security: { servers: [{ ...declared, exposure: 'INTERNET_FACING', adminInterfaceExposed: true }] } })),
    ).toEqual([3, 3, 3]);
  });
  it('L_MANY_RECIPIENTS: three external recipients or more (internal services do not count); UNKNOWN when not declared', () => {
    expect(lik(base({ activity: { recipients: ['r1', 'r2', 'in'] } }))).toEqual([1, 1, 1]);
    expect(lik(base({ activity: { recipients: ['r1', 'r2', 'r3'] } }))).toEqual([2, 1, 1]);
    expect(
      risk(base({ activity: { recipients: undefined } }), IA).inputs.find((i) => i.rule === 'L_MANY_RECIPIENTS')!.state,
    ).toBe('UNKNOWN');
  });
  it('L_THIRD_COUNTRY_HOSTING and L_TRANSFER_UNFRAMED from the compliance engine’s transfers', () => {
    const f = base({ server: { hosting: 'CLOUD', country: 'IN', provider: 'Example Hosting' } });
    expect(lik(f)).toEqual([3, 1, 1]);
    expect(
      risk(f, IA)
        .inputs.filter((i) => i.state === 'MET' && i.dimension === 'LIKELIHOOD')
        .map((i) => [i.rule, i.facts]),
    ).toEqual([
      ['L_THIRD_COUNTRY_HOSTING', ['server:srv.country=IN']],
      ['L_TRANSFER_UNFRAMED', ['server:srv.transfer=MISSING_SAFEGUARD']],
    ]);
  });
  it('L_RECENT_INCIDENT: same kind, within three years', () => {
    const incident = (date: string, kind: 'INTEGRITY' | 'AVAILABILITY') =>
      base({ security: { incidents: [{ key: 'i', date, kind, activities: ['a'] }] } });
    expect(lik(incident('2024-01-01', 'INTEGRITY'))).toEqual([1, 2, 1]);
    expect(lik(incident('2023-12-02', 'AVAILABILITY'))).toEqual([1, 1, 1]);
    expect(lik(incident('2023-12-03', 'AVAILABILITY'))).toEqual([1, 1, 2]);
  });
});

describe('measures and the residual formula', () => {
  it('each measure lowers its own dimension by its strength, once, floor 1', () => {
    expect(reduce(4, ['M-ENC-REST', 'M-ENC-REST', 'M-LOGGING'], 'LIKELIHOOD')).toBe(2);
    expect(reduce(4, ['M-ENC-REST', 'M-BACKUP'], 'SEVERITY')).toBe(3);
    expect(reduce(2, ['M-ENC-REST', 'M-LOGGING', 'M-AUTH-MFA'], 'LIKELIHOOD')).toBe(1);
  });
  it('security facts become measures in place: declared false or absent changes the current score', () => {
    const exposed = { server: 'srv', exposure: 'INTERNET_FACING' as const, adminInterfaceExposed: true };
    expect(risk(base({ security: { servers: [{ ...exposed, encryptionAtRest: true }] } }), IA).likelihood).toEqual({
      inherent: 3,
      current: 2,
      residual: 2,
    });
    expect(risk(base({ security: { servers: [{ ...exposed, encryptionAtRest: false }] } }), IA).likelihood).toEqual({
      inherent: 3,
      current: 3,
      residual: 3,
    });
    const backups = base({
      findings: [['HEALTH', 'HEALTH']],
      security: { servers: [{ server: 'srv', backup: { frequency: 'DAILY', offSite: true } }] },
    });
    expect(risk(backups, DI).severity).toEqual({ inherent: 3, current: 1, residual: 1 });
  });
  it('residual = current minus planned measures; a DONE action counts as in place', () => {
    const action = (status: 'PLANNED' | 'DONE') =>
      base({
        findings: [['HEALTH', 'HEALTH']],
        security: {
          actions: [{ key: 'x', measure: 'M-PSEUDONYMISATION', owner: 'DSI', dueDate: '2027-01-01', status }],
        },
      });
    expect(risk(action('PLANNED'), IA).severity).toEqual({ inherent: 3, current: 3, residual: 2 });
    expect(risk(action('DONE'), IA).severity).toEqual({ inherent: 3, current: 2, residual: 2 });
    expect(risk(action('DONE'), DI).severity).toEqual({ inherent: 3, current: 3, residual: 3 });
  });
});

describe('organisational evidence', () => {
  const ev = (facts: RiskFacts, family: string) => {
    const r = risk(facts, `organisational/${family}`);
    return [
      r.evidence,
      r.likelihood.inherent,
      r.inputs.filter((i) => i.state === 'MET' && i.dimension === 'EVIDENCE').map((i) => i.rule),
      r.assets,
    ];
  };
  it('IMAGE: sensitive or minors’ data on an Internet-facing server; public-facing processing', () => {
    expect(
      ev(
        base({
          findings: [['HEALTH', 'HEALTH']],
          security: { servers: [{ server: 'srv', exposure: 'INTERNET_FACING' }] },
        }),
        'IMAGE',
      ),
    ).toEqual(['MET', 3, ['E_IMAGE_SENSITIVE_EXPOSED'], ['activity:a', 'server:srv']]);
    expect(ev(base({ security: { activities: [{ activity: 'a', publicFacing: true }] } }), 'IMAGE')).toEqual([
      'MET',
      3,
      ['E_IMAGE_PUBLIC_FACING'],
      ['activity:a'],
    ]);
    expect(ev(base({ security: { activities: [{ activity: 'a', publicFacing: false }] } }), 'IMAGE')).toEqual([
      'NOT_MET',
      1,
      [],
      [],
    ]);
    expect(ev(base(), 'IMAGE')[0]).toBe('UNKNOWN');
  });
  it('TECHNICAL: unsupported software; a single server shared by two activities', () => {
    expect(
      ev(base({ security: { servers: [{ server: 'srv', softwareEndOfSupport: '2026-12-03' }] } }), 'TECHNICAL'),
    ).toEqual(['MET', 3, ['E_TECHNICAL_UNSUPPORTED_SOFTWARE'], ['server:srv']]);
    const shared = base({
      security: { servers: [{ server: 'srv', softwareEndOfSupport: '2030-01-01', redundancy: 'SINGLE' }] },
    });
    shared.processingActivities!.push({ key: 'b', name: 'B', department: 'dep', datasets: ['d'] });
    expect(ev(shared, 'TECHNICAL')).toEqual(['MET', 3, ['E_TECHNICAL_SINGLE_POINT'], ['server:srv', 'source:s']]);
  });
  it('HARDWARE: end of support passed; five years in service', () => {
    expect(
      ev(
        base({
          security: {
            servers: [{ server: 'srv', hardware: { endOfSupport: '2026-01-01', inServiceSince: '2021-12-03' } }],
          },
        }),
        'HARDWARE',
      ),
    ).toEqual(['MET', 4, ['E_HARDWARE_END_OF_SUPPORT', 'E_HARDWARE_AGE'], ['server:srv']]);
    expect(
      ev(
        base({
          security: {
            servers: [{ server: 'srv', hardware: { endOfSupport: '2028-01-01', inServiceSince: '2021-12-04' } }],
          },
        }),
        'HARDWARE',
      ),
    ).toEqual(['NOT_MET', 1, [], []]);
  });
  it('AWARENESS: training older than a year; share trained below the threshold (configurable)', () => {
    const dep = (lastAwarenessTraining: string, shareTrained: number) =>
      base({ security: { departments: [{ department: 'dep', lastAwarenessTraining, shareTrained }] } });
    expect(ev(dep('2025-12-02', 0.8), 'AWARENESS')).toEqual([
      'MET',
      3,
      ['E_AWARENESS_TRAINING_OLD'],
      ['department:dep'],
    ]);
    expect(ev(dep('2025-12-03', 0.79), 'AWARENESS')).toEqual(['MET', 3, ['E_AWARENESS_SHARE_LOW'], ['department:dep']]);
    expect(
      computeRiskRegister(dep('2025-12-03', 0.79), AS_OF, { thresholds: { minShareTrained: 0.5 } }).risks.find(
        (r) => r.family === 'AWARENESS',
      )!.evidence,
    ).toBe('NOT_MET');
  });
  it('FAILURE: a source of a critical activity (declared, or DPIA required) without redundancy', () => {
    const f = (critical: boolean | undefined, redundancy: 'SINGLE' | 'REPLICATED') =>
      base({ security: { activities: [{ activity: 'a', critical }], servers: [{ server: 'srv', redundancy }] } });
    expect(ev(f(true, 'SINGLE'), 'FAILURE')).toEqual([
      'MET',
      3,
      ['E_FAILURE_NO_REDUNDANCY'],
      ['activity:a', 'server:srv', 'source:s'],
    ]);
    expect(ev(f(true, 'REPLICATED'), 'FAILURE')[0]).toBe('NOT_MET');
    expect(ev(f(false, 'SINGLE'), 'FAILURE')[0]).toBe('NOT_MET');
    const dpia = base({
      findings: [['HEALTH', 'HEALTH']],
      activity: { dataSubjectCount: 50_000 },
      security: { servers: [{ server: 'srv', redundancy: 'SINGLE' }] },
    });
    expect(risk(dpia, 'organisational/FAILURE').inputs[0]!.facts).toEqual([
      'activity:a.dpia=REQUIRED',
      'server:srv.redundancy=SINGLE',
    ]);
  });
  it('BACKUP: none; no off-site copy; no restore test in a year', () => {
    const b = (backup: object) => base({ security: { servers: [{ server: 'srv', backup }] } });
    expect(ev(b({ frequency: 'NONE' }), 'BACKUP')).toEqual(['MET', 3, ['E_BACKUP_NONE'], ['server:srv']]);
    expect(ev(b({ frequency: 'DAILY', offSite: false, lastRestoreTest: '2025-12-02' }), 'BACKUP')).toEqual([
      'MET',
      4,
      ['E_BACKUP_NOT_OFFSITE', 'E_BACKUP_NOT_TESTED'],
      ['server:srv'],
    ]);
    expect(ev(b({ frequency: 'DAILY', offSite: true, lastRestoreTest: '2025-12-03' }), 'BACKUP')).toEqual([
      'NOT_MET',
      1,
      [],
      [],
    ]);
  });
});

describe('quality checks', () => {
  const codes = (security: SecurityFacts, facts = base({ security })) =>
    computeRiskRegister(facts, AS_OF).checks.map((c) => [c.code, c.subject]);
  const override = (state: 'CURRENT' | 'RESIDUAL', score: number) => ({
    risk: IA,
    dimension: 'SEVERITY' as const,
    state,
    score,
    justification: 'Vu avec le DSI',
  });
  it('RESIDUAL_ABOVE_CURRENT and LOWERED_WITHOUT_MEASURE come from overrides', () => {
    expect(codes({ overrides: [override('RESIDUAL', 3)] })).toEqual([['RESIDUAL_ABOVE_CURRENT', `${IA}#SEVERITY`]]);
    expect(codes({ overrides: [override('CURRENT', 1)] })).toEqual([
      ['LOWERED_WITHOUT_MEASURE', `${IA}#SEVERITY#CURRENT`],
    ]);
    expect(
      codes({ overrides: [override('CURRENT', 1)], measuresInPlace: [{ measure: 'M-PSEUDONYMISATION' }] }),
    ).toEqual([]);
  });
  it('ACCEPTED_WITHOUT_JUSTIFICATION, MEASURE_IN_PLACE_AND_PLANNED, ACTION_OVERDUE', () => {
    expect(
      codes({
        acceptances: [
          { risk: IA, justification: '  ' },
          { risk: UM, justification: 'Risque faible' },
        ],
      }),
    ).toEqual([['ACCEPTED_WITHOUT_JUSTIFICATION', IA]]);
    expect(
      codes({
        measuresInPlace: [{ measure: 'M-LOGGING', risks: [IA] }],
        actions: [
          { key: 'x', measure: 'M-LOGGING', owner: 'DSI', dueDate: '2026-12-02', status: 'IN_PROGRESS', risks: [IA] },
        ],
      }),
    ).toEqual([
      ['ACTION_OVERDUE', 'x'],
      ['MEASURE_IN_PLACE_AND_PLANNED', 'M-LOGGING'],
    ]);
  });
  it('DPIA_REQUIRED_WITHOUT_ASSESSMENT until an assessment is recorded', () => {
    const f = (security: SecurityFacts) =>
      base({ findings: [['HEALTH', 'HEALTH']], activity: { dataSubjectCount: 50_000 }, security });
    expect(codes({}, f({}))).toEqual([['DPIA_REQUIRED_WITHOUT_ASSESSMENT', 'a']]);
    expect(codes({}, f({ assessments: [{ activity: 'a', on: '2026-06-01' }] }))).toEqual([]);
  });
});

describe('another matrix and the exports', () => {
  it('zones come from the matrix passed', () => {
    const strict = {
      id: 'strict',
      zones: [
        { id: 'GREEN', fr: 'Vert', en: 'Green', cells: [[1, 1]] as [1, 1][] },
        {
          id: 'RED',
          fr: 'Rouge',
          en: 'Red',
          cells: ([1, 2, 3, 4] as const)
            .flatMap((s) => ([1, 2, 3, 4] as const).map((l) => [s, l] as [typeof s, typeof l]))
            .filter(([s, l]) => s + l > 2),
        },
      ],
    };
    const r = computeRiskRegister(base(), AS_OF, { matrix: strict });
    expect([r.matrix, r.risks.find((x) => x.key === IA)!.zone]).toEqual([
      'strict',
      { inherent: 'RED', current: 'RED', residual: 'RED' },
    ]);
  });
  it('neutralises a formula in the CSV and quotes per RFC 4180', () => {
    const f = base({ security: { acceptances: [{ risk: IA, justification: '=HYPERLINK("x")' }] } });
    const line = risksCsv(computeRiskRegister(f, AS_OF), 'en').split('\r\n')[8]!;
    expect(line.startsWith('privacy/a/ILLEGITIMATE_ACCESS,')).toBe(true);
    expect(line).toContain(',"\'=HYPERLINK(""x"")",');
  });
});

describe('bad input', () => {
  const fails = (security: SecurityFacts, code: RisksErrorCode, message: string) => {
    let error: unknown;
    try {
      computeRiskRegister(base({ security }), AS_OF);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RisksError);
    expect([(error as RisksError).code, (error as RisksError).message]).toEqual([code, message]);
  };
  const action = { key: 'x', measure: 'M-LOGGING', owner: 'DSI', dueDate: '2027-01-01', status: 'PLANNED' as const };
  it('names the member at fault', () => {
    fails(
      { measuresInPlace: [{ measure: 'M-NOPE' }] },
      RisksErrorCode.UNKNOWN_MEASURE,
      "security.measuresInPlace[0] 'M-NOPE'.measure: 'M-NOPE' is not a measure of the catalogue (e.g. M-ENC-REST)",
    );
    fails(
      { overrides: [{ risk: IA, dimension: 'SEVERITY', state: 'CURRENT', score: 5, justification: 'x' }] },
      RisksErrorCode.INVALID_SCORE,
      `security.overrides[0] '${IA}'.score: 5 is not a score from 1 to 4`,
    );
    fails(
      { overrides: [{ risk: IA, dimension: 'SEVERITY', state: 'CURRENT', score: 2, justification: ' ' }] },
      RisksErrorCode.MISSING_JUSTIFICATION,
      `security.overrides[0] '${IA}'.justification: an override needs a justification`,
    );
    fails(
      { actions: [{ ...action, owner: '' }] },
      RisksErrorCode.MISSING_OWNER,
      "security.actions[0] 'x'.owner: an action needs an owner",
    );
    fails(
      { actions: [{ ...action, dueDate: '2027-02-30' }] },
      RisksErrorCode.INVALID_DATE,
      "security.actions[0] 'x'.dueDate: '2027-02-30' is not a date written YYYY-MM-DD (e.g. 2026-12-03)",
    );
    fails(
      { actions: [{ ...action, risks: ['privacy/autre/DISAPPEARANCE'] }] },
      RisksErrorCode.UNKNOWN_RISK,
      "security.actions[0] 'x'.risks[0]: 'privacy/autre/DISAPPEARANCE' is not a risk of organisation 'org'",
    );
    fails(
      { servers: [{ server: 'nope' }] },
      RisksErrorCode.UNKNOWN_ASSET,
      "security.servers[0] 'nope'.server: 'nope' is not a server of the organisation",
    );
  });
  it('refuses an as-of date that is not a date, and a score that is not an integer', () => {
    expect(() => computeRiskRegister(base(), '2026-13-01')).toThrow(
      "asOf: '2026-13-01' is not a date written YYYY-MM-DD",
    );
    fails(
      { overrides: [{ risk: IA, dimension: 'LIKELIHOOD', state: 'INHERENT', score: 2.5, justification: 'x' }] },
      RisksErrorCode.INVALID_SCORE,
      `security.overrides[0] '${IA}'.score: 2.5 is not a score from 1 to 4`,
    );
  });
  it('refuses a matrix that leaves a cell out', () => {
    const matrix = { id: 'x', zones: DEFAULT_RISK_MATRIX.zones.slice(1) };
    expect(() => zoneLookup(matrix)).toThrow("matrix 'x'.zones: cells [3, 3], [3, 4], [4, 3], [4, 4] are in no zone");
  });
});
