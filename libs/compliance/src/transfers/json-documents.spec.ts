import { describe, expect, it } from '@jest/globals';
import {
  computeProcessingRecord,
  computeTransfers,
  dpiaDocument,
  dpiaJson,
  registerDocument,
  registerJson,
  screenDpia,
  transfersDocument,
  transfersJson,
} from '@cartographer/compliance';
import type { ComplianceFacts } from '../facts/compliance-facts.js';
import { clinicFacts, finding } from '../facts/facts.fixture.js';

const AS_OF = '2026-12-03';

function tiny(): ComplianceFacts {
  return {
    organisation: { key: 'org', name: 'Org', country: 'FR' },
    recipients: [{ key: 'r', name: 'R', role: 'PROCESSOR', country: 'IN', safeguard: 'NONE' }],
    sources: [
      {
        key: 's',
        name: 'S',
        department: 'd',
        datasets: [{ key: 'ds', name: 'DS', fields: [{ name: 'email', findings: [finding('CONTACT')] }] }],
      },
    ],
    processingActivities: [
      {
        key: 'a',
        name: 'A',
        department: 'd',
        purposes: ['P'],
        legalBases: ['CONTRACT'],
        dataSubjectCategories: ['Clients'],
        personalDataCategories: ['Coordonnées'],
        recipients: ['r'],
        transfers: [{ recipient: 'r', country: 'IN', safeguard: 'NONE' }],
        retention: '3 ans',
        securityMeasures: ['Chiffrement'],
        datasets: ['ds'],
        evaluationScoring: false,
        automatedDecisions: { exists: false },
        monitoring: { systematic: false },
        innovativeTechnology: false,
        preventsRightOrService: false,
        dataSubjectCount: 10,
      },
    ],
  };
}

/** The clinic with every list reversed: the documents must not depend on input order. */
function shuffled(): ComplianceFacts {
  const f = clinicFacts();
  f.servers!.reverse();
  f.recipients!.reverse();
  f.sources!.reverse();
  for (const s of f.sources!) s.datasets!.reverse();
  f.processingActivities!.reverse();
  return f;
}

describe('JSON documents of carto transfers | register | dpia', () => {
  it('transfers: the documented shape', () => {
    expect(transfersDocument(computeTransfers(tiny(), AS_OF))).toEqual({
      organisation: 'org',
      asOf: AS_OF,
      transfers: [
        {
          activity: 'a',
          from: { kind: 'ORGANISATION', key: 'org' },
          to: { kind: 'RECIPIENT', key: 'r', country: 'IN', jurisdiction: 'THIRD_COUNTRY' },
          access: 'DISCLOSURE',
          dataCategories: ['CONTACT'],
          specialCategories: [],
          mechanism: {
            required: 'ART46_OR_ART49',
            recorded: 'NONE',
            applied: null,
            adequacyDecision: null,
            exceptional: false,
            tiaStatus: 'MISSING',
          },
          sccModule: 2,
          status: 'MISSING_SAFEGUARD',
          reasons: [
            {
              code: 'TRANSFER_DISCLOSURE',
              fr: "Transfert (lignes directrices 05/2021 du CEPD) : l'activité communique des données personnelles au destinataire r (R), sous-traitant situé hors de l'EEE (Inde, IN).",
              en: 'Transfer (EDPB Guidelines 05/2021): the activity discloses personal data to recipient r (R), a processor, in India (IN), outside the EEA.',
            },
            {
              code: 'NO_SAFEGUARD',
              fr: "Aucune garantie n'est enregistrée pour ce transfert vers un pays tiers sans décision d'adéquation applicable (Inde, IN) : prévoir des clauses contractuelles types (décision 2021/914, module 2), des règles d'entreprise contraignantes ou, exceptionnellement, une dérogation de l'article 49.",
              en: 'No safeguard is recorded for this transfer to India (IN), a third country without an applicable adequacy decision: put in place standard contractual clauses (Decision 2021/914, module 2), binding corporate rules or, exceptionally, an Art. 49 derogation.',
            },
          ],
        },
      ],
    });
  });

  it('register: the documented shape, 100 % when every item is declared', () => {
    const doc = registerDocument(computeProcessingRecord(tiny(), AS_OF));
    expect([doc.organisation, doc.asOf, doc.completeness]).toEqual(['org', AS_OF, 100]);
    expect(doc.activities.map((a) => [a.key, a.name, a.kind, a.completeness, Object.keys(a.cells)])).toEqual([
      [
        'a',
        'A',
        'CONTROLLER',
        100,
        [
          'a_controller',
          'b_purposes',
          'c_data_subjects',
          'c_personal_data',
          'd_recipients',
          'e_transfers',
          'f_retention',
          'g_security',
          'legal_bases',
          'special_categories',
        ],
      ],
    ]);
    expect(doc.activities[0]?.cells.b_purposes).toEqual({
      value: ['P'],
      evidence: 'DECLARED',
      path: 'activity:a.purposes',
    });
    expect(doc.activities[0]?.discrepancies).toEqual([]);
  });

  it('dpia: the documented shape', () => {
    const doc = dpiaDocument(screenDpia(tiny(), AS_OF));
    expect(
      doc.activities.map((a) => [
        a.key,
        a.result,
        a.criteria.map((c) => [c.id, c.met]),
        a.cnilList,
        a.exemptions,
        a.overridden,
      ]),
    ).toEqual([
      [
        'a',
        'NOT_REQUIRED',
        [
          ['evaluation_scoring', false],
          ['automated_decision_legal_effect', false],
          ['systematic_monitoring', false],
          ['sensitive_data', false],
          ['large_scale', false],
          ['matching_combining', false],
          ['vulnerable_subjects', false],
          ['innovative_technology', false],
          ['prevents_right_or_service', false],
        ],
        [],
        [],
        false,
      ],
    ]);
    expect(doc.activities[0]?.criteria[4]).toEqual({
      id: 'large_scale',
      met: false,
      reason: {
        code: 'NOT_LARGE_SCALE_SUBJECTS',
        fr: '10 personnes concernées déclarées, en deçà du seuil de 10 000 (seuil paramétrable, non fixé par les textes).',
        en: '10 data subjects declared, below the threshold of 10000 (a configurable threshold, not set by law).',
      },
      evidence: { kind: 'DECLARED', items: ['activity:a.dataSubjectCount'] },
      suggested: false,
      outdated: false,
    });
  });

  it('is byte-identical for the same facts and date, whatever the input order', () => {
    const a = clinicFacts();
    const b = shuffled();
    expect(transfersJson(computeTransfers(b, AS_OF))).toBe(transfersJson(computeTransfers(a, AS_OF)));
    expect(registerJson(computeProcessingRecord(b, AS_OF))).toBe(registerJson(computeProcessingRecord(a, AS_OF)));
    expect(dpiaJson(screenDpia(b, AS_OF))).toBe(dpiaJson(screenDpia(a, AS_OF)));
    expect(transfersJson(computeTransfers(a, AS_OF)).endsWith('}\n')).toBe(true);
  });
});
