import { describe, expect, it } from '@jest/globals';
import { computeProcessingRecord } from '@cartographer/compliance';
import { clinicFacts, finding } from '../facts/facts.fixture.js';

const AS_OF = '2026-12-03';

describe('computed record of processing activities', () => {
  const result = computeProcessingRecord(clinicFacts(), AS_OF);
  const byKey = new Map(result.activities.map((a) => [a.key, a]));

  it('computes completeness per activity and per organisation; every item declared is exactly 100 %', () => {
    expect(result.activities.map((a) => [a.key, a.kind, a.completeness])).toEqual([
      ['annuaire', 'CONTROLLER', { filled: 8, required: 8, percent: 100 }],
      ['hebergement', 'PROCESSOR', { filled: 3, required: 4, percent: 75 }],
      ['newsletter', 'CONTROLLER', { filled: 6, required: 8, percent: 75 }],
      ['paie', 'CONTROLLER', { filled: 8, required: 8, percent: 100 }],
      ['patients', 'CONTROLLER', { filled: 8, required: 8, percent: 100 }],
      ['videoprotection', 'CONTROLLER', { filled: 7, required: 8, percent: 87.5 }],
    ]);
    expect(result.completeness).toEqual({ filled: 40, required: 44, percent: 90.91 });
  });

  it('gives each cell its evidence and the path it came from', () => {
    const cells = byKey.get('patients')?.cells ?? {};
    expect(Object.fromEntries(Object.entries(cells).map(([k, c]) => [k, [c.evidence, c.required]]))).toEqual({
      a_controller: ['DECLARED', true],
      b_purposes: ['DECLARED', true],
      c_data_subjects: ['DECLARED', true],
      c_personal_data: ['DECLARED', true],
      d_recipients: ['DECLARED', true],
      e_transfers: ['DECLARED', true],
      f_retention: ['DECLARED', true],
      g_security: ['DECLARED', true],
      legal_bases: ['DECLARED', false],
      special_categories: ['DECLARED', false],
    });
    expect(cells.a_controller).toEqual({
      value: {
        controller: { name: 'Clinique du Parc', contact: 'direction@clinique.example' },
        jointControllers: [],
        representative: null,
        dpo: { name: 'Claire Martin', contact: 'dpo@clinique.example' },
      },
      evidence: 'DECLARED',
      path: 'activity:patients.controller; organisation:clinique.dpo',
      required: true,
    });
    expect(cells.d_recipients?.value).toEqual([
      { key: 'labo', name: 'Laboratoire Léman SA', role: 'CONTROLLER', country: 'CH' },
      { key: 'mailer', name: 'Mailer Inc.', role: 'PROCESSOR', country: 'US' },
    ]);
    expect(cells.e_transfers?.value).toEqual({
      declared: [{ recipient: 'labo', country: 'CH', safeguard: 'ADEQUACY', documentation: null }],
      computed: [
        { to: { kind: 'RECIPIENT', key: 'labo', country: 'CH' }, mechanism: 'ADEQUACY', status: 'COVERED' },
        { to: { kind: 'RECIPIENT', key: 'mailer', country: 'US' }, mechanism: 'NONE', status: 'TO_VERIFY' },
        { to: { kind: 'SERVER', key: 'srv-aws-fra', country: 'US' }, mechanism: 'SCC', status: 'TO_VERIFY' },
        { to: { kind: 'SERVER', key: 'srv-us-lab', country: 'US' }, mechanism: 'NONE', status: 'TO_VERIFY' },
      ],
    });
    const newsletter = byKey.get('newsletter')?.cells ?? {};
    expect([
      newsletter.e_transfers?.evidence,
      newsletter.f_retention?.evidence,
      newsletter.g_security?.evidence,
    ]).toEqual(['INFERRED', 'MISSING', 'MISSING']);
    expect(newsletter.f_retention).toEqual({
      value: null,
      evidence: 'MISSING',
      path: 'activity:newsletter.retention',
      required: true,
    });
    expect(newsletter.special_categories).toEqual({
      value: [],
      evidence: 'SCANNED',
      path: 'activity:newsletter.specialCategories (none found by scans)',
      required: false,
    });
    expect(byKey.get('annuaire')?.cells.a_controller?.evidence).toBe('INFERRED');
  });

  it('fills undeclared categories from scans and data subjects from the graph', () => {
    const facts = clinicFacts();
    const newsletter = facts.processingActivities![1]!;
    delete newsletter.personalDataCategories;
    delete newsletter.dataSubjectCategories;
    facts.sources![2]!.datasets![0]!.dataSubjectKinds = ['abonnés', 'prospects'];
    const cells = computeProcessingRecord(facts, AS_OF).activities.find((a) => a.key === 'newsletter')?.cells ?? {};
    expect(cells.c_personal_data).toEqual({
      value: ['CONTACT', 'ONLINE_ID'],
      evidence: 'SCANNED',
      path: 'activity:newsletter -USES-> dataset:abonnes -HAS_FIELD-> field:abonnes/email; activity:newsletter -USES-> dataset:abonnes -HAS_FIELD-> field:abonnes/ip',
      required: true,
    });
    expect(cells.c_data_subjects).toEqual({
      value: ['abonnés', 'prospects'],
      evidence: 'INFERRED',
      path: 'activity:newsletter -USES-> dataset:abonnes.dataSubjectKinds',
      required: true,
    });
  });

  it('lists the discrepancies between declarations and the graph', () => {
    expect(result.activities.map((a) => [a.key, a.discrepancies.map((d) => d.code)])).toEqual([
      ['annuaire', []],
      ['hebergement', ['RETENTION_ABSENT']],
      [
        'newsletter',
        [
          'UNDECLARED_CATEGORY',
          'UNDECLARED_TRANSFER',
          'UNDECLARED_TRANSFER',
          'UNDECLARED_TRANSFER',
          'RETENTION_ABSENT',
        ],
      ],
      ['paie', ['UNDECLARED_CATEGORY', 'UNDECLARED_TRANSFER']],
      ['patients', ['UNDECLARED_CATEGORY', 'UNDECLARED_TRANSFER', 'UNDECLARED_TRANSFER', 'UNDECLARED_TRANSFER']],
      ['videoprotection', ['NO_LEGAL_BASIS']],
    ]);
    expect(byKey.get('patients')?.discrepancies[0]).toEqual({
      code: 'UNDECLARED_CATEGORY',
      fr: "Catégorie « numéro d’identification national (NIR, passeport…) » (NATIONAL_ID) trouvée par les analyses dans dossiers/nir, mais aucune catégorie déclarée de l'activité ne s'y rapporte : compléter le registre ou revoir les constats.",
      en: 'Category "national identification number" (NATIONAL_ID) found by scans in dossiers/nir, but no declared category of the activity reads as it: complete the record or review the findings.',
      paths: ['activity:patients -USES-> dataset:dossiers -HAS_FIELD-> field:dossiers/nir'],
    });
    expect(byKey.get('videoprotection')?.discrepancies[0]?.fr).toBe(
      "L'activité utilise enregistrements sans base légale déclarée (art. 6 RGPD).",
    );
  });

  it('flags undeclared special categories, contradicted transfers and per-category retention gaps', () => {
    const facts = clinicFacts();
    const patients = facts.processingActivities![0]!;
    patients.specialCategories = [];
    patients.transfers = [
      { recipient: 'labo', country: 'DE', safeguard: 'ADEQUACY' },
      { recipient: 'mailer', country: 'JP', safeguard: 'ADEQUACY' },
      { recipient: 'ghost', country: 'US', safeguard: 'SCC' },
    ];
    facts.sources![0]!.datasets![0]!.fields!.push({
      name: 'casier',
      findings: [finding('CRIMINAL_OFFENCE', { specialCategory: 'CRIMINAL_OFFENCE', origin: 'DECLARED' })],
    });
    const annuaire = facts.processingActivities![4]!;
    delete annuaire.retention;
    annuaire.retentionByCategory = [{ category: 'Identité', retention: '3 ans' }];
    const record = computeProcessingRecord(facts, AS_OF);
    const codes = (key: string) => record.activities.find((a) => a.key === key)?.discrepancies.map((d) => d.code);
    expect(codes('patients')).toEqual([
      'UNDECLARED_CATEGORY',
      'UNDECLARED_SPECIAL_CATEGORY',
      'TRANSFER_NOT_OUTSIDE_EEA',
      'TRANSFER_COUNTRY_CONTRADICTED',
      'TRANSFER_ADEQUACY_CONTRADICTED',
      'TRANSFER_RECIPIENT_UNKNOWN',
      'UNDECLARED_TRANSFER',
      'UNDECLARED_TRANSFER',
      'UNDECLARED_TRANSFER',
      'UNDECLARED_TRANSFER',
    ]);
    // The criminal-record finding was declared, not scanned: no "found by scans" discrepancy for it.
    const special = record.activities.find((a) => a.key === 'patients')?.discrepancies[1];
    expect(special?.en).toBe(
      'Special category "health data" (HEALTH, GDPR Art. 9 or 10) found by scans in dossiers/diagnostic, but not declared for the activity: declare it with the Art. 9(2) exception that allows it, or review the findings.',
    );
    expect(codes('annuaire')).toEqual(['RETENTION_CATEGORY_MISSING']);
    expect(record.activities.find((a) => a.key === 'annuaire')?.discrepancies[0]?.en).toBe(
      'Retention periods are declared per category, but none for: contact details; and no general period.',
    );
  });

  it('names at most five fields in a message and counts the others', () => {
    const facts = clinicFacts();
    facts.sources![1]!.datasets![0]!.fields = Array.from({ length: 7 }, (_, i) => ({
      name: `ip${i}`,
      findings: [finding('ONLINE_ID')],
    }));
    facts.processingActivities![4]!.datasets = ['annu', 'resultats'];
    const annuaire = computeProcessingRecord(facts, AS_OF).activities.find((a) => a.key === 'annuaire');
    const online = annuaire?.discrepancies.find((d) => d.code === 'UNDECLARED_CATEGORY');
    expect(online?.fr).toBe(
      "Catégorie « identifiant en ligne (adresse IP, cookie…) » (ONLINE_ID) trouvée par les analyses dans resultats/ip0, resultats/ip1, resultats/ip2, resultats/ip3, resultats/ip4 et 2 autres champs, mais aucune catégorie déclarée de l'activité ne s'y rapporte : compléter le registre ou revoir les constats.",
    );
    expect(online?.paths.length).toBe(7);
  });
});
