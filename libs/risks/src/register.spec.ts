import ExcelJS from 'exceljs';
import { computeRiskRegister } from './register.js';
import { clinicFacts } from './register.fixture.js';
import { risksCsv, risksXlsx } from './risks-export.js';
import { risksJson } from './risks-json.js';
import { riskMap } from './risk-map.js';

const AS_OF = '2026-12-03';

/** key → severity inherent/current/residual, likelihood inherent/current/residual, residual zone, evidence, in place, planned. */
const EXPECTED: Record<string, [string, string, string, string[], string[]]> = {
  'organisational/AWARENESS': ['444-433', 'UNACCEPTABLE', 'MET', ['M-AWARENESS'], []],
  'organisational/BACKUP': ['443-444', 'UNACCEPTABLE', 'MET', [], ['M-BACKUP-OFFSITE']],
  'organisational/FAILURE': ['444-333', 'UNACCEPTABLE', 'MET', [], []],
  'organisational/HARDWARE': ['444-311', 'TO_REDUCE', 'MET', [], []],
  'organisational/IMAGE': ['433-444', 'UNACCEPTABLE', 'MET', ['M-INCIDENT-PROCESS'], []],
  'organisational/TECHNICAL': ['444-333', 'UNACCEPTABLE', 'MET', [], []],
  'privacy/facturation/DISAPPEARANCE': [
    '211-211',
    'ACCEPTABLE',
    'MET',
    ['M-BACKUP', 'M-BACKUP-OFFSITE', 'M-BACKUP-RESTORE-TEST', 'M-INCIDENT-PROCESS', 'M-REDUNDANCY'],
    [],
  ],
  'privacy/facturation/ILLEGITIMATE_ACCESS': [
    '322-421',
    'ACCEPTABLE',
    'MET',
    ['M-ENC-TRANSIT', 'M-INCIDENT-PROCESS', 'M-LOGGING'],
    ['M-AUTH-MFA'],
  ],
  'privacy/facturation/UNWANTED_MODIFICATION': [
    '322-211',
    'ACCEPTABLE',
    'MET',
    ['M-ENC-TRANSIT', 'M-INCIDENT-PROCESS'],
    [],
  ],
  'privacy/patients/DISAPPEARANCE': [
    '421-222',
    'ACCEPTABLE',
    'MET',
    ['M-BACKUP', 'M-INCIDENT-PROCESS'],
    ['M-BACKUP-OFFSITE'],
  ],
  'privacy/patients/ILLEGITIMATE_ACCESS': [
    '433-311',
    'TO_REDUCE',
    'MET',
    [
      'M-ACCESS-PROFILES',
      'M-AUTH-INDIVIDUAL',
      'M-AUTH-MFA',
      'M-ENC-REST',
      'M-ENC-TRANSIT',
      'M-INCIDENT-PROCESS',
      'M-LOGGING',
    ],
    [],
  ],
  'privacy/patients/UNWANTED_MODIFICATION': [
    '433-111',
    'TO_REDUCE',
    'MET',
    ['M-ACCESS-PROFILES', 'M-AUTH-INDIVIDUAL', 'M-AUTH-MFA', 'M-ENC-TRANSIT', 'M-INCIDENT-PROCESS', 'M-LOGGING'],
    [],
  ],
};

describe('the risk register of a hand-built clinic', () => {
  const register = computeRiskRegister(clinicFacts(), AS_OF);

  it('has every risk with its three states, zone and measures', () => {
    const got = Object.fromEntries(
      register.risks.map((r) => [
        r.key,
        [
          `${r.severity.inherent}${r.severity.current}${r.severity.residual}-${r.likelihood.inherent}${r.likelihood.current}${r.likelihood.residual}`,
          r.zone.residual,
          r.evidence,
          r.measures.inPlace,
          r.measures.planned,
        ],
      ]),
    );
    expect(got).toEqual(EXPECTED);
    expect(register.risks.map((r) => r.key)).toEqual(Object.keys(EXPECTED).sort());
  });

  it('shows the assets and the rules that fired', () => {
    const r = (key: string) => register.risks.find((x) => x.key === key)!;
    expect(r('privacy/patients/ILLEGITIMATE_ACCESS').assets).toEqual([
      'activity:patients',
      'server:srv-dpi',
      'source:dpi',
    ]);
    expect(r('organisational/FAILURE').assets).toEqual(['activity:patients', 'server:srv-dpi', 'source:dpi']);
    expect(r('organisational/IMAGE').assets).toEqual(['activity:facturation', 'activity:patients']);
    const fired = (key: string) =>
      r(key)
        .inputs.filter((i) => i.state === 'MET' && i.dimension !== 'MEASURE')
        .map((i) => i.rule);
    expect(fired('privacy/patients/ILLEGITIMATE_ACCESS')).toEqual([
      'S_BASE',
      'S_SPECIAL_CATEGORY',
      'S_NATIONAL_ID',
      'S_VULNERABLE_SUBJECTS',
      'S_LARGE_SCALE',
      'L_MANY_RECIPIENTS',
    ]);
    expect(fired('privacy/facturation/ILLEGITIMATE_ACCESS')).toEqual([
      'S_BASE',
      'S_FINANCIAL',
      'L_THIRD_COUNTRY_HOSTING',
      'L_TRANSFER_UNFRAMED',
      'L_INTERNET_EXPOSURE',
    ]);
    expect(fired('organisational/BACKUP')).toEqual(['E_BACKUP_NOT_OFFSITE', 'E_BACKUP_NOT_TESTED', 'S_ORGANISATIONAL']);
    expect(r('privacy/facturation/ILLEGITIMATE_ACCESS').inputs.find((i) => i.rule === 'M-ENC-REST')).toEqual({
      rule: 'M-ENC-REST',
      dimension: 'MEASURE',
      state: 'NOT_MET',
      facts: ['server:srv-cloud.encryptionAtRest'],
      fr: 'Absent : chiffrement des données stockées sur chaque serveur',
      en: 'Missing: encryption at rest on every server',
    });
  });

  it('reports every check', () => {
    expect(register.checks.map((c) => [c.code, c.subject])).toEqual([
      ['ACCEPTED_WITHOUT_JUSTIFICATION', 'organisational/IMAGE'],
      ['ACTION_OVERDUE', 'act-offsite'],
      ['DPIA_REQUIRED_WITHOUT_ASSESSMENT', 'patients'],
      ['LOWERED_WITHOUT_MEASURE', 'organisational/HARDWARE#LIKELIHOOD#CURRENT'],
      ['MEASURE_IN_PLACE_AND_PLANNED', 'M-BACKUP-OFFSITE'],
      ['MEASURE_IN_PLACE_AND_PLANNED', 'M-INCIDENT-PROCESS'],
    ]);
    expect(register.checks[1]!.fr).toBe(
      'Action act-offsite (M-BACKUP-OFFSITE) en retard : échéance 2026-11-15, responsable DSI',
    );
  });

  it('lists the action plan with overdue actions and the risks each treats', () => {
    expect(register.actions.map((a) => [a.key, a.status, a.overdue, a.risks])).toEqual([
      ['act-incident', 'PLANNED', false, ['organisational/IMAGE']],
      ['act-logs', 'DONE', false, ['privacy/facturation/ILLEGITIMATE_ACCESS']],
      ['act-mfa', 'IN_PROGRESS', false, ['privacy/facturation/ILLEGITIMATE_ACCESS']],
      [
        'act-offsite',
        'PLANNED',
        true,
        ['organisational/BACKUP', 'privacy/facturation/DISAPPEARANCE', 'privacy/patients/DISAPPEARANCE'],
      ],
    ]);
  });

  it('keeps the overrides beside the suggestions and marks a moved suggestion', () => {
    const access = register.risks.find((r) => r.key === 'privacy/patients/ILLEGITIMATE_ACCESS')!;
    expect(access.suggested.likelihood).toEqual({ inherent: 2, current: 1, residual: 1 });
    expect(access.likelihood).toEqual({ inherent: 3, current: 1, residual: 1 });
    expect(access.decisions).toEqual([
      {
        dimension: 'LIKELIHOOD',
        state: 'INHERENT',
        suggested: 2,
        decided: 3,
        justification: 'Accès fréquents des internes et intérimaires au dossier patient',
        by: 'dpo@clinique.fr',
        at: '2026-11-20',
        suggestionChanged: true,
      },
    ]);
    expect(access.overridden).toBe(true);
  });

  it('re-computation keeps an override made on the same facts, and flags it once the facts move', () => {
    const facts = clinicFacts();
    const digest = register.risks.find((r) => r.key === 'privacy/patients/ILLEGITIMATE_ACCESS')!.factsDigest;
    facts.security!.overrides![0]!.factsDigest = digest;
    const again = computeRiskRegister(facts, AS_OF).risks.find(
      (r) => r.key === 'privacy/patients/ILLEGITIMATE_ACCESS',
    )!;
    expect([again.likelihood.inherent, again.decisions[0]!.suggestionChanged]).toEqual([3, false]);
    facts.processingActivities![0]!.recipients = ['labo'];
    const moved = computeRiskRegister(facts, AS_OF).risks.find(
      (r) => r.key === 'privacy/patients/ILLEGITIMATE_ACCESS',
    )!;
    expect([
      moved.suggested.likelihood.inherent,
      moved.likelihood.inherent,
      moved.decisions[0]!.suggestionChanged,
    ]).toEqual([1, 3, true]);
  });

  it('counts a DONE action as in place', () => {
    const facts = clinicFacts();
    facts.security!.actions![2]!.status = 'PLANNED';
    const r = computeRiskRegister(facts, AS_OF).risks.find((x) => x.key === 'privacy/facturation/ILLEGITIMATE_ACCESS')!;
    expect([r.likelihood.current, r.likelihood.residual, r.measures.planned]).toEqual([
      3,
      1,
      ['M-AUTH-MFA', 'M-LOGGING'],
    ]);
  });

  it('gives byte-identical JSON on re-run, with the documented shape', () => {
    const a = risksJson(register);
    expect(risksJson(computeRiskRegister(clinicFacts(), AS_OF))).toBe(a);
    const doc = JSON.parse(a);
    expect(Object.keys(doc)).toEqual(['organisation', 'asOf', 'risks', 'checks']);
    expect(doc.risks[0]).toMatchObject({
      key: 'organisational/AWARENESS',
      kind: 'ORGANISATIONAL',
      family: 'AWARENESS',
      activity: null,
      fearedEvent: null,
      severity: { inherent: 4, current: 4, residual: 4 },
      likelihood: { inherent: 4, current: 3, residual: 3 },
      overridden: false,
    });
  });

  it('places every risk on the 4×4 map', () => {
    const map = riskMap(register);
    expect(map.cells).toHaveLength(16);
    expect(map.cells.find((c) => c.severity === 4 && c.likelihood === 4)!.inherent).toEqual([
      'organisational/AWARENESS',
      'organisational/BACKUP',
      'organisational/IMAGE',
    ]);
    expect(map.cells.reduce((n, c) => n + c.residual.length, 0)).toBe(12);
  });

  it('exports RFC 4180 CSV and an XLSX that reads back', async () => {
    const csv = risksCsv(register, 'fr');
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(14);
    expect(lines[0]).toBe(
      'Risque,Type,Famille,Traitement,Événement redouté,Intitulé,Actifs,Gravité initiale,Gravité actuelle,Gravité résiduelle,Vraisemblance initiale,Vraisemblance actuelle,Vraisemblance résiduelle,Zone résiduelle,Mesures en place,Mesures prévues,Décision du DPO,Acceptation,Impacts sur les personnes,Menaces,Sources de risques',
    );
    expect(lines[5]).toBe(
      'organisational/IMAGE,Organisationnel,Image,,,Atteinte à l’image de l’organisme,activity:facturation; activity:patients,4,3,3,4,4,4,Inacceptable,M-INCIDENT-PROCESS Procédure de gestion des incidents et des violations (notification sous 72 h),,,acceptée sans justification,,,',
    );
    expect(lines[12]).toBe(
      'privacy/patients/UNWANTED_MODIFICATION,Vie privée,,patients,Modification non désirée de données,Modification non désirée de données — Suivi des patients,activity:patients; server:srv-dpi; source:dpi,4,3,3,1,1,1,À réduire,"M-ACCESS-PROFILES Habilitations par profil, revues régulièrement; M-AUTH-INDIVIDUAL Comptes individuels et mots de passe robustes, pas de compte partagé; M-AUTH-MFA Authentification multifacteur des administrateurs; M-ENC-TRANSIT Chiffrement des échanges (TLS à jour); M-INCIDENT-PROCESS Procédure de gestion des incidents et des violations (notification sous 72 h); M-LOGGING Journalisation des accès et des opérations, journaux revus",,,,"Décision prise sur des données fausses (soins, droits, paiements); Perte de confiance, démarches pour faire corriger","Erreur de saisie ou de traitement; Altération malveillante, rançongiciel",humaine interne; humaine externe; non humaine',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await risksXlsx(register, 'fr')) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Risques')!;
    expect(sheet.rowCount).toBe(13);
    expect(sheet.getRow(12).getCell(1).value).toBe('privacy/patients/ILLEGITIMATE_ACCESS');
    expect(sheet.getRow(12).getCell(17).value).toBe(
      'LIKELIHOOD/INHERENT 2→3: Accès fréquents des internes et intérimaires au dossier patient',
    );
  });
});
