import { describe, expect, it } from '@jest/globals';
import {
  activityFactsDigest,
  buildFactsIndex,
  ComplianceRulesError,
  type CriterionId,
  type DpiaOverride,
  dpiaResultFormula,
  screenDpia,
  WP248_CRITERIA,
} from '@cartographer/compliance';
import type { ActivityFacts, ComplianceFacts, DatasetFacts, FlowFacts } from '../facts/compliance-facts.js';
import { clinicFacts, finding } from '../facts/facts.fixture.js';

const AS_OF = '2026-12-03';

/** Every declared-only criterion declared false: each test turns on what it needs. */
const QUIET: Partial<ActivityFacts> = {
  evaluationScoring: false,
  automatedDecisions: { exists: false },
  monitoring: { systematic: false },
  innovativeTechnology: false,
  preventsRightOrService: false,
};

function single(
  activity: Partial<ActivityFacts>,
  datasets: DatasetFacts[] = [
    { key: 'ds', name: 'Table', fields: [{ name: 'email', findings: [finding('CONTACT')] }] },
  ],
  extra: Partial<ComplianceFacts> = {},
): ComplianceFacts {
  return {
    organisation: { key: 'org', name: 'Org', country: 'FR', sector: 'PRIVATE', staffCount: 40 },
    sources: [{ key: 'src', name: 'Base', department: 'd', datasets }],
    processingActivities: [
      { key: 'a', name: 'Traitement', department: 'd', datasets: datasets.map((d) => d.key), ...QUIET, ...activity },
    ],
    ...extra,
  };
}

function criterion(facts: ComplianceFacts, id: CriterionId, options = {}) {
  const screening = screenDpia(facts, AS_OF, options).activities.find((a) => a.key === 'a');
  const c = screening?.criteria.find((x) => x.id === id);
  return [c?.met, c?.suggested.reason.code, c?.suggested.evidence.kind];
}

describe('the nine WP248 criteria, each met, not met or unknown', () => {
  it('declared-only criteria follow the declaration, unknown when absent', () => {
    for (const [id, member] of [
      ['evaluation_scoring', 'evaluationScoring'],
      ['innovative_technology', 'innovativeTechnology'],
      ['prevents_right_or_service', 'preventsRightOrService'],
    ] as const) {
      expect(criterion(single({ [member]: true }), id)).toEqual([true, 'DECLARED_MET', 'DECLARED']);
      expect(criterion(single({ [member]: false }), id)).toEqual([false, 'DECLARED_NOT_MET', 'DECLARED']);
      expect(criterion(single({ [member]: undefined }), id)).toEqual([null, 'TO_DECLARE', 'NONE']);
    }
  });

  it('automated decision: met only with legal or similar effects', () => {
    const id = 'automated_decision_legal_effect';
    expect(criterion(single({ automatedDecisions: { exists: true, legalOrSimilarEffect: true } }), id)).toEqual([
      true,
      'DECLARED_MET',
      'DECLARED',
    ]);
    expect(criterion(single({ automatedDecisions: { exists: true, legalOrSimilarEffect: false } }), id)).toEqual([
      false,
      'DECLARED_NOT_MET',
      'DECLARED',
    ]);
    expect(criterion(single({ automatedDecisions: { exists: true } }), id)).toEqual([null, 'TO_DECLARE', 'DECLARED']);
    expect(criterion(single({ automatedDecisions: undefined }), id)).toEqual([null, 'TO_DECLARE', 'NONE']);
  });

  it('systematic monitoring: declared, or CCTV, geolocation, logs or continuous collection found', () => {
    const id = 'systematic_monitoring';
    expect(criterion(single({ monitoring: { systematic: true } }), id)).toEqual([true, 'DECLARED_MET', 'DECLARED']);
    expect(criterion(single({ monitoring: undefined, name: 'Vidéosurveillance du parking' }), id)).toEqual([
      true,
      'MONITORING_SIGNALS',
      'INFERRED',
    ]);
    const gps = single({ monitoring: undefined }, [
      { key: 'ds', name: 'Tournées', fields: [{ name: 'latitude' }, { name: 'longitude' }] },
    ]);
    const s = screenDpia(gps, AS_OF).activities[0]?.criteria.find((c) => c.id === id);
    expect([s?.met, s?.suggested.evidence.items]).toEqual([
      true,
      ['GEOLOCATION: field:ds/latitude', 'GEOLOCATION: field:ds/longitude'],
    ]);
    expect(
      criterion(single({ monitoring: undefined }, [{ key: 'ds', name: 'Logs de connexion', fields: [] }]), id),
    ).toEqual([true, 'MONITORING_SIGNALS', 'INFERRED']);
    const streaming = single({ monitoring: undefined });
    streaming.sources![0]!.accessMethods = ['STREAMING'];
    expect(criterion(streaming, id)).toEqual([true, 'MONITORING_SIGNALS', 'INFERRED']);
    expect(criterion(single({ monitoring: { systematic: false } }), id)).toEqual([
      false,
      'DECLARED_NOT_MET',
      'DECLARED',
    ]);
    const contradicted = screenDpia(
      single({ monitoring: { systematic: false }, name: 'Caméras du hall' }),
      AS_OF,
    ).activities[0]?.criteria.find((c) => c.id === id);
    expect(contradicted?.suggested.reason.fr).toBe(
      'Déclaré sans surveillance systématique ; signaux relevés malgré tout (vidéoprotection) : confirmer la déclaration.',
    );
    expect(criterion(single({ monitoring: undefined }), id)).toEqual([null, 'TO_DECLARE', 'NONE']);
  });

  it('sensitive data: Art. 9/10 found or declared, NIR or financial data, geolocation', () => {
    const id = 'sensitive_data';
    const health = [
      {
        key: 'ds',
        name: 'T',
        fields: [{ name: 'diag', findings: [finding('HEALTH', { specialCategory: 'HEALTH' })] }],
      },
    ];
    expect(criterion(single({}, health), id)).toEqual([true, 'SENSITIVE_FOUND', 'SCANNED']);
    expect(criterion(single({ specialCategories: ['Données de santé'] }), id)).toEqual([
      true,
      'SENSITIVE_DECLARED',
      'DECLARED',
    ]);
    const nir = [{ key: 'ds', name: 'T', fields: [{ name: 'nir', findings: [finding('NATIONAL_ID')] }] }];
    expect(criterion(single({}, nir), id)).toEqual([true, 'HIGHLY_PERSONAL_FOUND', 'SCANNED']);
    expect(criterion(single({ personalDataCategories: ['Coordonnées bancaires'] }, []), id)).toEqual([
      true,
      'HIGHLY_PERSONAL_DECLARED',
      'DECLARED',
    ]);
    // A rejected finding does not count; the scanned contact data is not sensitive.
    const rejected = [
      {
        key: 'ds',
        name: 'T',
        fields: [
          { name: 'diag', findings: [finding('HEALTH', { specialCategory: 'HEALTH', status: 'REJECTED' })] },
          { name: 'email', findings: [finding('CONTACT')] },
        ],
      },
    ];
    expect(criterion(single({}, rejected), id)).toEqual([false, 'NOT_SENSITIVE', 'SCANNED']);
    expect(criterion(single({}, [{ key: 'ds', name: 'T', fields: [{ name: 'x' }] }]), id)).toEqual([
      null,
      'TO_DECLARE',
      'NONE',
    ]);
  });

  it('large scale: subjects or records against a shown, configurable threshold', () => {
    const id = 'large_scale';
    expect(criterion(single({ dataSubjectCount: 10_000 }), id)).toEqual([true, 'LARGE_SCALE_SUBJECTS', 'DECLARED']);
    expect(criterion(single({ dataSubjectCount: 9_999 }), id)).toEqual([false, 'NOT_LARGE_SCALE_SUBJECTS', 'DECLARED']);
    expect(criterion(single({ dataSubjectCount: 9_999 }), id, { largeScale: { subjects: 5_000 } })).toEqual([
      true,
      'LARGE_SCALE_SUBJECTS',
      'DECLARED',
    ]);
    const big = [{ key: 'ds', name: 'T', volume: { records: 250_000 }, fields: [] }];
    expect(criterion(single({}, big), id)).toEqual([true, 'LARGE_SCALE_RECORDS', 'INFERRED']);
    expect(criterion(single({}, big), id, { largeScale: { records: 300_000 } })).toEqual([
      false,
      'NOT_LARGE_SCALE_RECORDS',
      'INFERRED',
    ]);
    expect(criterion(single({}), id)).toEqual([null, 'TO_DECLARE', 'NONE']);
    const shown = screenDpia(single({ dataSubjectCount: 12_500 }), AS_OF).activities[0]?.criteria.find(
      (c) => c.id === id,
    );
    expect(shown?.suggested.reason.fr).toBe(
      '12 500 personnes concernées déclarées, au-delà du seuil de 10 000 (seuil paramétrable, non fixé par les textes).',
    );
  });

  it('matching or combining: lineage across sources or purposes', () => {
    const id = 'matching_combining';
    const twoSources = single({ datasets: ['ds', 'other'] });
    twoSources.sources!.push({
      key: 'src2',
      name: 'Autre',
      department: 'd',
      datasets: [{ key: 'other', name: 'O', fields: [] }],
    });
    expect(criterion(twoSources, id)).toEqual([true, 'COMBINING_LINEAGE', 'INFERRED']);
    const fed = single({});
    fed.sources!.push({
      key: 'src2',
      name: 'Autre',
      department: 'd',
      datasets: [{ key: 'other', name: 'O', fields: [] }],
    });
    const flow: FlowFacts = { key: 'import', from: 'other', to: 'ds' };
    fed.flows = [flow];
    const s = screenDpia(fed, AS_OF).activities[0]?.criteria.find((c) => c.id === id);
    expect([s?.met, s?.suggested.evidence.items]).toEqual([true, ['flow:import']]);
    // Same source, but the feeding dataset serves another purpose.
    const purposes = single({ purposes: ['Facturation'] }, [
      { key: 'ds', name: 'T', fields: [] },
      { key: 'ds2', name: 'T2', fields: [] },
    ]);
    purposes.processingActivities![0]!.datasets = ['ds'];
    purposes.processingActivities!.push({
      key: 'b',
      name: 'Prospection',
      department: 'd',
      purposes: ['Prospection'],
      datasets: ['ds2'],
    });
    purposes.flows = [{ key: 'reuse', from: 'ds2', to: 'ds' }];
    expect(criterion(purposes, id)).toEqual([true, 'COMBINING_LINEAGE', 'INFERRED']);
    expect(criterion(single({}), id)).toEqual([false, 'NO_COMBINING', 'INFERRED']);
    expect(criterion(single({ datasets: [] }, []), id)).toEqual([null, 'TO_DECLARE', 'NONE']);
  });

  it('vulnerable subjects: children, pupils, patients, employees, elderly — in French and English', () => {
    const id = 'vulnerable_subjects';
    for (const subjects of [
      ['Enfants'],
      ['Élèves'],
      ['Patients'],
      ['Salariés'],
      ['Personnes âgées'],
      ['Pupils'],
      ['Employees'],
      ['Elderly people'],
    ])
      expect(criterion(single({ dataSubjectCategories: subjects }), id)).toEqual([
        true,
        'VULNERABLE_SUBJECTS',
        'DECLARED',
      ]);
    expect(criterion(single({ dataSubjectCategories: ['Clients', 'Prospects'] }), id)).toEqual([
      false,
      'NOT_VULNERABLE',
      'DECLARED',
    ]);
    expect(criterion(single({}), id)).toEqual([null, 'TO_DECLARE', 'NONE']);
    const fromGraph = single({}, [{ key: 'ds', name: 'T', dataSubjectKinds: ['élèves'], fields: [] }]);
    expect(criterion(fromGraph, id)).toEqual([true, 'VULNERABLE_SUBJECTS', 'INFERRED']);
  });
});

describe('the result dpiaResultFormula', () => {
  const none = {
    art35_3: [],
    cnilList: [],
    exemptions: [],
    thresholds: { largeScale: { subjects: 1, records: 1 }, unknownThreshold: 3 },
  };
  const r = (metCount: number, unknownCount: number, extra = {}) => {
    const out = dpiaResultFormula({ ...none, metCount, unknownCount, ...extra });
    return [out.result, out.basis];
  };
  it('applies its rules in order', () => {
    expect(r(0, 0)).toEqual(['NOT_REQUIRED', 'NO_CRITERION']);
    expect(r(1, 0)).toEqual(['RECOMMENDED', 'ONE_CRITERION']);
    expect(r(2, 0)).toEqual(['REQUIRED', 'TWO_OR_MORE_CRITERIA']);
    expect(r(2, 7)).toEqual(['REQUIRED', 'TWO_OR_MORE_CRITERIA']);
    expect(r(1, 2)).toEqual(['RECOMMENDED', 'ONE_CRITERION']);
    expect(r(1, 3)).toEqual(['UNKNOWN', 'TOO_MANY_UNKNOWNS']);
    expect(r(0, 3)).toEqual(['UNKNOWN', 'TOO_MANY_UNKNOWNS']);
    const art = { id: 'ART_35_3_B', reason: { code: 'ART_35_3_B', fr: '', en: '' } };
    const list = { id: 'CNIL_2018_327_14', fr: '', en: '', because: [] };
    const exempt = { id: 'CNIL_2019_118_02', fr: '', en: '', applies: true, conditions: [] };
    expect(r(0, 9, { art35_3: [art] })).toEqual(['REQUIRED', 'ART_35_3']);
    expect(r(0, 9, { cnilList: [list] })).toEqual(['REQUIRED', 'CNIL_LIST']);
    expect(r(3, 0, { exemptions: [exempt] })).toEqual(['NOT_REQUIRED', 'CNIL_EXEMPTION']);
    expect(r(3, 0, { exemptions: [exempt], cnilList: [list] })).toEqual(['REQUIRED', 'CNIL_LIST']);
    expect(r(3, 0, { exemptions: [{ ...exempt, applies: false }] })).toEqual(['REQUIRED', 'TWO_OR_MORE_CRITERIA']);
  });
});

describe('screening the clinic', () => {
  const result = screenDpia(clinicFacts(), AS_OF);

  it('gives each activity its result, basis, counts, lists and exemptions', () => {
    expect(result.thresholds).toEqual({ largeScale: { subjects: 10_000, records: 100_000 }, unknownThreshold: 3 });
    expect(
      result.activities.map((a) => [
        a.key,
        a.result,
        a.basis,
        a.metCount,
        a.unknownCount,
        a.art35_3.map((c) => c.id),
        a.cnilList.map((m) => m.id),
        a.exemptions.filter((e) => e.applies).map((e) => e.id),
      ]),
    ).toEqual([
      ['annuaire', 'RECOMMENDED', 'ONE_CRITERION', 1, 0, [], [], []],
      ['hebergement', 'UNKNOWN', 'TOO_MANY_UNKNOWNS', 0, 9, [], [], []],
      ['newsletter', 'NOT_REQUIRED', 'NO_CRITERION', 0, 0, [], [], []],
      ['paie', 'NOT_REQUIRED', 'CNIL_EXEMPTION', 2, 5, [], [], ['CNIL_2019_118_01']],
      ['patients', 'REQUIRED', 'ART_35_3', 3, 5, ['ART_35_3_B'], ['CNIL_2018_327_01'], []],
      ['videoprotection', 'REQUIRED', 'CNIL_LIST', 2, 5, [], ['CNIL_2018_327_04'], []],
    ]);
    const paie = result.activities.find((a) => a.key === 'paie');
    expect(paie?.exemptions).toEqual([
      {
        id: 'CNIL_2019_118_01',
        fr: 'Traitements mis en œuvre uniquement à des fins de ressources humaines, pour la seule gestion du personnel des organismes qui emploient moins de 250 personnes, à l’exception du recours au profilage',
        en: 'HR processing solely for staff management by employers of fewer than 250 people, except profiling',
        applies: true,
        conditions: [
          {
            id: 'PURPOSE',
            met: true,
            reason: {
              code: 'PURPOSE',
              fr: 'La finalité correspond au type de traitement (« paie »).',
              en: 'The purpose matches the processing type ("paie").',
            },
          },
          {
            id: 'EMPLOYEES',
            met: true,
            reason: {
              code: 'EMPLOYEES',
              fr: 'Les personnes concernées sont le personnel.',
              en: 'The data subjects are staff.',
            },
          },
          {
            id: 'FEWER_THAN_250',
            met: true,
            reason: {
              code: 'FEWER_THAN_250',
              fr: 'Effectif : 120 personnes (seuil : moins de 250).',
              en: 'Head count: 120 (threshold: fewer than 250).',
            },
          },
          {
            id: 'NO_PROFILING',
            met: true,
            reason: { code: 'NO_PROFILING', fr: 'Pas de profilage.', en: 'No profiling.' },
          },
        ],
      },
    ]);
  });

  it('reminds that a processor only assists the controller’s DPIA', () => {
    expect(result.activities.find((a) => a.key === 'hebergement')?.reasons.map((r) => r.code)).toEqual([
      'TOO_MANY_UNKNOWNS',
      'PROCESSOR_ASSISTS',
    ]);
  });

  it('checks an exemption’s conditions: 250 staff or more, or unknown head count, keep the WP248 count', () => {
    const big = clinicFacts();
    big.organisation.staffCount = 250;
    const paie = screenDpia(big, AS_OF).activities.find((a) => a.key === 'paie');
    expect([paie?.result, paie?.basis, paie?.exemptions[0]?.applies]).toEqual([
      'REQUIRED',
      'TWO_OR_MORE_CRITERIA',
      false,
    ]);
    const unknown = clinicFacts();
    delete unknown.organisation.staffCount;
    const conditions = screenDpia(unknown, AS_OF).activities.find((a) => a.key === 'paie')?.exemptions[0]?.conditions;
    expect(conditions?.map((c) => [c.id, c.met])).toEqual([
      ['PURPOSE', true],
      ['EMPLOYEES', true],
      ['FEWER_THAN_250', null],
      ['NO_PROFILING', true],
    ]);
  });

  it('matches CNIL list types from purposes, data and criteria', () => {
    const list = (activity: Partial<ActivityFacts>, datasets?: DatasetFacts[]) =>
      screenDpia(single(activity, datasets), AS_OF).activities[0]?.cnilList.map((m) => m.id);
    expect(list({ purposes: ['Instruction des demandes de logement social'] })).toEqual(['CNIL_2018_327_12']);
    expect(list({ purposes: ['Accompagnement social des familles'] })).toEqual(['CNIL_2018_327_13']);
    expect(list({ purposes: ['Recueil des alertes professionnelles'] })).toEqual(['CNIL_2018_327_06']);
    expect(list({ purposes: ['Gestion des signalements en matière sanitaire'] })).toEqual(['CNIL_2018_327_05']);
    expect(list({ evaluationScoring: true, preventsRightOrService: true })).toEqual(['CNIL_2018_327_08']);
    expect(list({ dataSubjectCategories: ['Salariés'], evaluationScoring: true })).toEqual(['CNIL_2018_327_03']);
    const geo = [{ key: 'ds', name: 'Positions', fields: [{ name: 'gps', findings: [finding('LOCATION')] }] }];
    expect(list({ monitoring: undefined, dataSubjectCount: 200_000 }, geo)).toEqual(['CNIL_2018_327_14']);
    const health = [
      {
        key: 'ds',
        name: 'T',
        fields: [{ name: 'diag', findings: [finding('HEALTH', { specialCategory: 'HEALTH' })] }],
      },
    ];
    expect(list({ purposes: ['Constitution d’un entrepôt de données de santé'] }, health)).toEqual([
      'CNIL_2018_327_07',
    ]);
    expect(list({ purposes: ['Gestion des abonnements'] })).toEqual([]);
  });

  it('checks CNIL exemptions with their conditions', () => {
    const exemptions = (
      activity: Partial<ActivityFacts>,
      extra: Partial<ComplianceFacts> = {},
      datasets?: DatasetFacts[],
    ) =>
      screenDpia(single(activity, datasets, extra), AS_OF).activities[0]?.exemptions.map((e) => [
        e.id,
        e.applies,
        e.conditions.map((c) => c.met),
      ]);
    expect(exemptions({ purposes: ['Gestion des fournisseurs'] })).toEqual([['CNIL_2019_118_02', true, [true]]]);
    expect(
      exemptions(
        { purposes: ['Tenue des listes électorales'] },
        { organisation: { key: 'org', name: 'Commune', sector: 'PUBLIC' } },
      ),
    ).toEqual([['CNIL_2019_118_03', true, [true, true]]]);
    expect(
      exemptions({ purposes: ['Inscriptions à la restauration scolaire'], dataSubjectCategories: ['Enfants'] }),
    ).toEqual([['CNIL_2019_118_10', true, [true]]]);
    const biometric = [
      {
        key: 'ds',
        name: 'T',
        fields: [{ name: 'empreinte', findings: [finding('BIOMETRIC', { specialCategory: 'BIOMETRIC' })] }],
      },
    ];
    expect(exemptions({ purposes: ['Contrôle d’accès aux locaux'] }, {}, biometric)).toEqual([
      ['CNIL_2019_118_11', false, [true, false, false]],
    ]);
    expect(
      exemptions(
        { purposes: ['Gestion des adhérents'] },
        { organisation: { key: 'org', name: 'Asso', sector: 'NON_PROFIT' } },
      ),
    ).toEqual([['CNIL_2019_118_05', true, [true, true, true]]]);
    const school = screenDpia(
      single({ purposes: ['Inscriptions à la restauration scolaire'], dataSubjectCategories: ['Enfants'] }),
      AS_OF,
    ).activities[0];
    expect([school?.result, school?.basis]).toEqual(['NOT_REQUIRED', 'CNIL_EXEMPTION']);
  });

  it('finds the Art. 35(3) cases', () => {
    const cases = (activity: Partial<ActivityFacts>) =>
      screenDpia(single(activity), AS_OF).activities[0]?.art35_3.map((c) => c.id);
    expect(
      cases({ evaluationScoring: true, automatedDecisions: { exists: true, legalOrSimilarEffect: true } }),
    ).toEqual(['ART_35_3_A']);
    expect(cases({ specialCategories: ['CRIMINAL_OFFENCE'], dataSubjectCount: 20_000 })).toEqual(['ART_35_3_B']);
    expect(cases({ monitoring: { systematic: true, publiclyAccessibleArea: true }, dataSubjectCount: 20_000 })).toEqual(
      ['ART_35_3_C'],
    );
    expect(cases({ monitoring: { systematic: true, publiclyAccessibleArea: true }, dataSubjectCount: 500 })).toEqual(
      [],
    );
  });

  it('says when declaring the unknowns could make a DPIA required', () => {
    const one = screenDpia(
      single({
        innovativeTechnology: true,
        evaluationScoring: undefined,
        dataSubjectCount: 100,
        dataSubjectCategories: ['Clients'],
      }),
      AS_OF,
    ).activities[0];
    expect([one?.result, one?.metCount, one?.unknownCount, one?.couldBecomeRequired]).toEqual([
      'RECOMMENDED',
      1,
      1,
      true,
    ]);
  });
});

describe('DPO overrides', () => {
  const facts = clinicFacts();
  const index = buildFactsIndex(facts);
  const digestOf = (key: string) =>
    activityFactsDigest(
      index,
      facts.processingActivities!.find((a) => a.key === key)!,
    );

  it('shows the suggestion and the decision side by side; a decided criterion feeds the dpiaResultFormula', () => {
    const overrides: DpiaOverride[] = [
      {
        activity: 'annuaire',
        criterion: 'innovative_technology',
        met: false,
        justification: 'Outil éprouvé, déployé depuis dix ans.',
        by: 'dpo',
        at: '2026-11-30',
        factsDigest: digestOf('annuaire'),
      },
    ];
    const annuaire = screenDpia(facts, AS_OF, { overrides }).activities.find((a) => a.key === 'annuaire');
    const c = annuaire?.criteria.find((x) => x.id === 'innovative_technology');
    expect([c?.suggested.met, c?.met, c?.decided]).toEqual([
      true,
      false,
      {
        justification: 'Outil éprouvé, déployé depuis dix ans.',
        by: 'dpo',
        at: '2026-11-30',
        factsDigest: digestOf('annuaire'),
        outdated: false,
        met: false,
      },
    ]);
    expect([annuaire?.result, annuaire?.suggestedResult, annuaire?.overridden, annuaire?.outdated]).toEqual([
      'NOT_REQUIRED',
      'NOT_REQUIRED',
      true,
      false,
    ]);
  });

  it('overrides the result, and marks the override outdated once the facts change', () => {
    const overrides: DpiaOverride[] = [
      {
        activity: 'newsletter',
        result: 'RECOMMENDED',
        justification: 'Ciblage envisagé en 2027.',
        factsDigest: digestOf('newsletter'),
      },
    ];
    const before = screenDpia(facts, AS_OF, { overrides }).activities.find((a) => a.key === 'newsletter');
    expect([before?.result, before?.suggestedResult, before?.basis, before?.decided?.outdated]).toEqual([
      'RECOMMENDED',
      'NOT_REQUIRED',
      'OVERRIDE',
      false,
    ]);
    const changed = clinicFacts();
    changed.sources![2]!.datasets![0]!.fields!.push({ name: 'telephone', findings: [finding('CONTACT')] });
    const after = screenDpia(changed, AS_OF, { overrides }).activities.find((a) => a.key === 'newsletter');
    expect([after?.result, after?.decided?.outdated, after?.outdated]).toEqual(['RECOMMENDED', true, true]);
    // Unrelated changes leave the digest alone.
    const unrelated = clinicFacts();
    unrelated.processingActivities![0]!.retention = '25 ans';
    expect(screenDpia(unrelated, AS_OF, { overrides }).activities.find((a) => a.key === 'newsletter')?.outdated).toBe(
      false,
    );
  });

  it('refuses bad overrides with an error naming the member', () => {
    const error = (o: Partial<DpiaOverride>) => {
      try {
        screenDpia(facts, AS_OF, {
          overrides: [
            {
              activity: 'paie',
              justification: 'ok',
              factsDigest: 'sha256:x',
              criterion: 'large_scale',
              met: true,
              ...o,
            } as DpiaOverride,
          ],
        });
      } catch (e) {
        return [(e as ComplianceRulesError).code, (e as ComplianceRulesError).member, (e as Error).message];
      }
      return null;
    };
    expect(error({ justification: '   ' })).toEqual([
      'COMPLIANCE_MISSING_JUSTIFICATION',
      'overrides[0].justification',
      'overrides[0].justification: an override needs a justification (why the DPO decides otherwise)',
    ]);
    expect(error({ criterion: 'big_data' })).toEqual([
      'COMPLIANCE_UNKNOWN_CRITERION',
      'overrides[0].criterion',
      `overrides[0].criterion: 'big_data' is not a WP248 criterion id (expected one of ${WP248_CRITERIA.join(', ')})`,
    ]);
    expect(error({ activity: 'autre-org:paie' })).toEqual([
      'COMPLIANCE_UNKNOWN_ACTIVITY',
      'overrides[0].activity',
      "overrides[0].activity: 'autre-org:paie' is not an activity of organisation 'clinique'",
    ]);
    expect(error({ criterion: undefined, met: undefined, result: 'MAYBE' })?.slice(0, 2)).toEqual([
      'COMPLIANCE_INVALID_VALUE',
      'overrides[0].result',
    ]);
    expect(error({ result: 'REQUIRED' })?.slice(0, 2)).toEqual(['COMPLIANCE_INVALID_OPTION', 'overrides[0].result']);
    expect(error({ met: undefined })?.slice(0, 2)).toEqual(['COMPLIANCE_INVALID_OPTION', 'overrides[0].met']);
    expect(error({ at: '30/11/2026' })?.slice(0, 2)).toEqual(['COMPLIANCE_INVALID_DATE', 'overrides[0].at']);
    expect(() => screenDpia(facts, AS_OF, { unknownThreshold: 0 })).toThrow(
      'options.unknownThreshold: 0 is not a positive integer',
    );
  });
});
