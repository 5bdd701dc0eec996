import { describe, expect, it } from '@jest/globals';
import { computeTransfers, sccModuleFor, type Transfer } from '@cartographer/compliance';
import type { ComplianceFacts, RecipientFacts } from '../facts/compliance-facts.js';
import { clinicFacts, finding } from '../facts/facts.fixture.js';

const AS_OF = '2026-12-03';

function summary(t: Transfer) {
  return [t.activity, `${t.to.kind}:${t.to.key}`, t.to.country, t.access, t.status, t.reasons.map((r) => r.code)];
}

function recipient(facts: ComplianceFacts, key: string): RecipientFacts {
  const found = facts.recipients?.find((r) => r.key === key);
  if (!found) throw new Error(`fixture has no recipient ${key}`);
  return found;
}

/** One activity disclosing one scanned e-mail column to one recipient. */
function oneRecipient(r: Partial<RecipientFacts>, extra: Partial<ComplianceFacts> = {}): ComplianceFacts {
  return {
    organisation: { key: 'org', name: 'Org', country: 'FR' },
    recipients: [{ key: 'r', name: 'R', role: 'PROCESSOR', country: 'US', safeguard: 'NONE', ...r }],
    sources: [
      {
        key: 's',
        name: 'S',
        department: 'd',
        datasets: [{ key: 'ds', name: 'DS', fields: [{ name: 'email', findings: [finding('CONTACT')] }] }],
      },
    ],
    processingActivities: [{ key: 'a', name: 'A', department: 'd', recipients: ['r'], datasets: ['ds'] }],
    ...extra,
  };
}

describe('SCC module from the roles on the edge (Decision 2021/914)', () => {
  it('C→C 1, C→P 2, P→P 3, P→C 4', () => {
    expect(sccModuleFor('CONTROLLER', 'CONTROLLER')).toBe(1);
    expect(sccModuleFor('CONTROLLER', 'PROCESSOR')).toBe(2);
    expect(sccModuleFor('PROCESSOR', 'PROCESSOR')).toBe(3);
    expect(sccModuleFor('PROCESSOR', 'CONTROLLER')).toBe(4);
  });

  it('reads the exporter role from the activity and the importer role from the recipient', () => {
    const asProcessor = oneRecipient({ role: 'CONTROLLER', country: 'IN' });
    asProcessor.processingActivities = [{ ...asProcessor.processingActivities![0]!, organisationRole: 'PROCESSOR' }];
    const [t] = computeTransfers(asProcessor, AS_OF).transfers;
    expect(t?.roles).toEqual({ exporter: 'PROCESSOR', importer: 'CONTROLLER', exporterDeclared: true });
    expect(t?.mechanism.sccModule).toBe(4);
    const [sub] = computeTransfers(oneRecipient({ role: 'SUB_PROCESSOR', country: 'IN' }), AS_OF).transfers;
    expect(sub?.roles).toEqual({ exporter: 'PROCESSOR', importer: 'PROCESSOR', exporterDeclared: false });
    expect(sub?.mechanism.sccModule).toBe(3);
  });
});

describe('computeTransfers on the clinic', () => {
  const result = computeTransfers(clinicFacts(), AS_OF);

  it('finds every edge leaving the EEA, and only those, sorted', () => {
    expect(result.organisation).toBe('clinique');
    expect(result.asOf).toBe(AS_OF);
    expect(result.transfers.map(summary)).toEqual([
      [
        'newsletter',
        'RECIPIENT:analytics',
        'IN',
        'DISCLOSURE',
        'MISSING_SAFEGUARD',
        ['TRANSFER_DISCLOSURE', 'NO_SAFEGUARD'],
      ],
      ['newsletter', 'RECIPIENT:crm', 'US', 'DISCLOSURE', 'COVERED', ['TRANSFER_DISCLOSURE', 'ADEQUACY_APPLIES']],
      [
        'newsletter',
        'SERVER:srv-ovh-ca',
        'CA',
        'HOSTING',
        'TO_VERIFY',
        ['TRANSFER_HOSTING', 'PARTIAL_ADEQUACY_UNVERIFIED'],
      ],
      ['paie', 'RECIPIENT:support', 'MA', 'REMOTE_ACCESS', 'COVERED', ['TRANSFER_REMOTE_ACCESS', 'SCC_RECORDED']],
      ['patients', 'RECIPIENT:labo', 'CH', 'DISCLOSURE', 'COVERED', ['TRANSFER_DISCLOSURE', 'ADEQUACY_APPLIES']],
      [
        'patients',
        'RECIPIENT:mailer',
        'US',
        'DISCLOSURE',
        'TO_VERIFY',
        ['TRANSFER_DISCLOSURE', 'PARTIAL_ADEQUACY_UNVERIFIED'],
      ],
      [
        'patients',
        'SERVER:srv-aws-fra',
        'US',
        'REMOTE_ACCESS',
        'TO_VERIFY',
        ['TRANSFER_REMOTE_ACCESS', 'SCC_RECORDED', 'TIA_MISSING'],
      ],
      [
        'patients',
        'SERVER:srv-us-lab',
        'US',
        'HOSTING',
        'TO_VERIFY',
        ['TRANSFER_HOSTING', 'PARTIAL_ADEQUACY_UNVERIFIED'],
      ],
    ]);
    expect(result.notes).toEqual([]);
  });

  it('reports the categories that travel, from non-rejected findings, restricted to a flow’s fields', () => {
    const byTo = new Map(result.transfers.map((t) => [`${t.activity}>${t.to.key}`, t]));
    // ville carries a rejected LOCATION finding: it does not travel as personal data.
    expect(byTo.get('patients>mailer')?.dataCategories).toEqual(['HEALTH', 'IDENTITY', 'NATIONAL_ID']);
    expect(byTo.get('patients>mailer')?.specialCategories).toEqual(['HEALTH']);
    // The flow export-labo carries only diagnostic.
    expect(byTo.get('patients>srv-us-lab')?.dataCategories).toEqual(['HEALTH']);
    expect(byTo.get('patients>srv-us-lab')?.paths).toEqual([
      'activity:patients -USES-> dataset:dossiers <-FLOWS_FROM- flow:export-labo -FLOWS_TO-> dataset:resultats <-CONTAINS- source:labo-src -HOSTED_ON-> server:srv-us-lab',
    ]);
    expect(byTo.get('patients>srv-aws-fra')?.from).toEqual({ kind: 'SOURCE', key: 'dpi' });
    expect(byTo.get('paie>support')?.dataCategories).toEqual(['FINANCIAL', 'INTERNAL_ID']);
  });

  it('records the adequacy decision, the SCC module and the TIA of each transfer', () => {
    const labo = result.transfers.find((t) => t.to.key === 'labo');
    expect(labo?.mechanism).toEqual({
      required: 'ADEQUACY',
      recorded: 'ADEQUACY',
      applied: 'ADEQUACY',
      adequacy: {
        decision: 'Commission Decision 2000/518/EC of 26 July 2000',
        date: '2000-07-26',
        celex: '32000D0518',
        url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32000D0518',
        scope: 'FULL',
        conditionMet: true,
      },
      sccModule: 1,
      recordedSccModule: null,
      bcrReference: null,
      derogation: null,
      exceptional: false,
      documentation: null,
    });
    expect(labo?.tia.status).toBe('NOT_REQUIRED');
    const support = result.transfers.find((t) => t.to.key === 'support');
    expect(support?.tia).toEqual({
      required: true,
      status: 'COMPLETED',
      reference: 'AITD-2025-07',
      assessedOn: '2025-07-01',
      reevaluateBy: '2027-07-01',
      conclusion: 'EFFECTIVE',
      supplementaryMeasures: ['Chiffrement TLS 1.3', 'Pseudonymisation des matricules'],
      steps: [
        { step: 'KNOW_TRANSFER', done: true, prefilled: true },
        { step: 'IDENTIFY_TOOL', done: true, prefilled: true },
        { step: 'ASSESS_LAW_AND_PRACTICE', done: true, prefilled: false },
        { step: 'SUPPLEMENTARY_MEASURES', done: true, prefilled: false },
        { step: 'PROCEDURAL_STEPS', done: true, prefilled: false },
        { step: 'REEVALUATE', done: true, prefilled: false },
      ],
    });
    expect(support?.mechanism.documentation).toBe('Contrat DPA 2025-04, annexe SCC');
  });

  it('explains a missing safeguard in French and English', () => {
    const analytics = result.transfers.find((t) => t.to.key === 'analytics');
    expect(analytics?.reasons).toEqual([
      {
        code: 'TRANSFER_DISCLOSURE',
        fr: "Transfert (lignes directrices 05/2021 du CEPD) : l'activité communique des données personnelles au destinataire analytics (Analytics Pvt Ltd), responsable du traitement situé hors de l'EEE (Inde, IN).",
        en: 'Transfer (EDPB Guidelines 05/2021): the activity discloses personal data to recipient analytics (Analytics Pvt Ltd), a controller, in India (IN), outside the EEA.',
      },
      {
        code: 'NO_SAFEGUARD',
        fr: "Aucune garantie n'est enregistrée pour ce transfert vers un pays tiers sans décision d'adéquation applicable (Inde, IN) : prévoir des clauses contractuelles types (décision 2021/914, module 1), des règles d'entreprise contraignantes ou, exceptionnellement, une dérogation de l'article 49.",
        en: 'No safeguard is recorded for this transfer to India (IN), a third country without an applicable adequacy decision: put in place standard contractual clauses (Decision 2021/914, module 1), binding corporate rules or, exceptionally, an Art. 49 derogation.',
      },
    ]);
  });
});

describe('transfer status rules', () => {
  const statusOf = (facts: ComplianceFacts, asOf = AS_OF) =>
    computeTransfers(facts, asOf).transfers.map((t) => [t.to.country, t.status, t.reasons.map((r) => r.code)]);

  it('a US importer: DPF certified is covered, no certification recorded is to verify', () => {
    expect(statusOf(oneRecipient({ certifications: ['EU-U.S. Data Privacy Framework'] }))).toEqual([
      ['US', 'COVERED', ['TRANSFER_DISCLOSURE', 'ADEQUACY_APPLIES']],
    ]);
    expect(statusOf(oneRecipient({}))).toEqual([
      ['US', 'TO_VERIFY', ['TRANSFER_DISCLOSURE', 'PARTIAL_ADEQUACY_UNVERIFIED']],
    ]);
  });

  it('a Canadian importer outside PIPEDA’s commercial scope is to verify, with what to check', () => {
    const [t] = computeTransfers(
      oneRecipient({ country: 'CA', sector: 'PUBLIC', role: 'PUBLIC_AUTHORITY' }),
      AS_OF,
    ).transfers;
    expect(t?.status).toBe('TO_VERIFY');
    expect(t?.mechanism.required).toBe('ADEQUACY_OR_ART46');
    expect(t?.mechanism.adequacy?.conditionMet).toBe(false);
    expect(t?.reasons[1]?.en).toBe(
      'Canada (CA) benefits only from a partial adequacy decision (Commission Decision 2002/2/EC of 20 December 2001) whose condition is not established for this importer (the importer is recorded as outside the commercial scope of PIPEDA); until it is, the transfer needs an Art. 46 safeguard (e.g. standard contractual clauses, module 1).',
    );
    expect(statusOf(oneRecipient({ country: 'CA', sector: 'COMMERCIAL' }))).toEqual([
      ['CA', 'COVERED', ['TRANSFER_DISCLOSURE', 'ADEQUACY_APPLIES']],
    ]);
  });

  it('SCCs: covered with a concluded TIA; to verify without one, with the wrong module, or for an Art. 3(2) importer', () => {
    const tia = {
      stepsDone: [
        'KNOW_TRANSFER',
        'IDENTIFY_TOOL',
        'ASSESS_LAW_AND_PRACTICE',
        'SUPPLEMENTARY_MEASURES',
        'PROCEDURAL_STEPS',
        'REEVALUATE',
      ] as const,
      conclusion: 'EFFECTIVE' as const,
      reevaluateBy: '2027-01-01',
    };
    const scc = (tool: RecipientFacts['transferTool'], extra: Partial<RecipientFacts> = {}) =>
      oneRecipient({ country: 'IN', safeguard: 'SCC', transferTool: tool, ...extra });
    expect(statusOf(scc({ sccModule: 2, tia: { ...tia, stepsDone: [...tia.stepsDone] } }))).toEqual([
      ['IN', 'COVERED', ['TRANSFER_DISCLOSURE', 'SCC_RECORDED']],
    ]);
    expect(statusOf(scc({ sccModule: 2 }))).toEqual([
      ['IN', 'TO_VERIFY', ['TRANSFER_DISCLOSURE', 'SCC_RECORDED', 'TIA_MISSING']],
    ]);
    expect(statusOf(scc({ sccModule: 1, tia: { ...tia, stepsDone: [...tia.stepsDone] } }))).toEqual([
      ['IN', 'TO_VERIFY', ['TRANSFER_DISCLOSURE', 'SCC_RECORDED', 'SCC_MODULE_MISMATCH']],
    ]);
    expect(statusOf(scc({ tia: { ...tia, stepsDone: [...tia.stepsDone] } }, { subjectToGdpr: true }))).toEqual([
      ['IN', 'TO_VERIFY', ['TRANSFER_DISCLOSURE', 'SCC_RECORDED', 'SCC_IMPORTER_SUBJECT_TO_GDPR']],
    ]);
    expect(statusOf(scc({ tia: { stepsDone: ['KNOW_TRANSFER'] } }))).toEqual([
      ['IN', 'TO_VERIFY', ['TRANSFER_DISCLOSURE', 'SCC_RECORDED', 'TIA_IN_PROGRESS']],
    ]);
    // Re-evaluation date passed as of the date.
    expect(statusOf(scc({ tia: { ...tia, stepsDone: [...tia.stepsDone] } }), '2027-01-02')).toEqual([
      ['IN', 'TO_VERIFY', ['TRANSFER_DISCLOSURE', 'SCC_RECORDED', 'TIA_OUTDATED']],
    ]);
    expect(statusOf(scc({ tia: { ...tia, stepsDone: [...tia.stepsDone], conclusion: 'NOT_EFFECTIVE' } }))).toEqual([
      ['IN', 'MISSING_SAFEGUARD', ['TRANSFER_DISCLOSURE', 'TIA_NOT_EFFECTIVE']],
    ]);
  });

  it('BCRs are an Art. 46 tool with a TIA', () => {
    const [t] = computeTransfers(
      oneRecipient({ country: 'IN', safeguard: 'BCR', transferTool: { bcrReference: 'BCR-P Groupe X (CNIL, 2024)' } }),
      AS_OF,
    ).transfers;
    expect([t?.status, t?.mechanism.applied, t?.mechanism.bcrReference, t?.tia.status]).toEqual([
      'TO_VERIFY',
      'BCR',
      'BCR-P Groupe X (CNIL, 2024)',
      'MISSING',
    ]);
  });

  it('an Art. 49 derogation is flagged exceptional, and refused for hosting or without a ground', () => {
    const withGround = computeTransfers(
      oneRecipient({ country: 'IN', safeguard: 'DEROGATION', transferTool: { derogation: 'EXPLICIT_CONSENT' } }),
      AS_OF,
    ).transfers[0];
    expect([withGround?.status, withGround?.mechanism.exceptional, withGround?.tia.status]).toEqual([
      'COVERED',
      true,
      'NOT_REQUIRED',
    ]);
    expect(withGround?.reasons.map((r) => r.code)).toEqual(['TRANSFER_DISCLOSURE', 'DEROGATION_EXCEPTIONAL']);
    expect(statusOf(oneRecipient({ country: 'IN', safeguard: 'DEROGATION' }))).toEqual([
      ['IN', 'TO_VERIFY', ['TRANSFER_DISCLOSURE', 'DEROGATION_GROUND_MISSING']],
    ]);
    const hosted = oneRecipient({
      country: 'FR',
      safeguard: 'DEROGATION',
      transferTool: { derogation: 'CONTRACT_WITH_SUBJECT' },
    });
    hosted.servers = [{ key: 'srv', name: 'Srv', hosting: 'CLOUD', country: 'IN', operator: 'r' }];
    hosted.sources![0]!.servers = ['srv'];
    expect(statusOf(hosted)).toEqual([['IN', 'TO_VERIFY', ['TRANSFER_HOSTING', 'DEROGATION_REPETITIVE']]]);
    expect(computeTransfers(hosted, AS_OF).transfers[0]?.reasons.map((r) => r.fr)).toEqual([
      "Transfert (lignes directrices 05/2021 du CEPD) : les données de la source s sont hébergées par un prestataire sur le serveur srv (Srv), situé hors de l'EEE (Inde, IN).",
      "Une dérogation de l'article 49 (exécution d’un contrat avec la personne, art. 49.1.b) ne peut pas encadrer un hébergement, transfert continu par nature : les dérogations sont réservées aux transferts occasionnels et non répétitifs (lignes directrices 2/2018 du CEPD). Prévoir un outil de l'article 46.",
    ]);
  });

  it('adequacy recorded where none applies is a missing safeguard; the UK decision lapses after its sunset', () => {
    expect(statusOf(oneRecipient({ country: 'IN', safeguard: 'ADEQUACY' }))).toEqual([
      ['IN', 'MISSING_SAFEGUARD', ['TRANSFER_DISCLOSURE', 'ADEQUACY_RECORDED_NOT_APPLICABLE']],
    ]);
    expect(statusOf(oneRecipient({ country: 'GB', safeguard: 'ADEQUACY' }))).toEqual([
      ['GB', 'COVERED', ['TRANSFER_DISCLOSURE', 'ADEQUACY_APPLIES']],
    ]);
    expect(statusOf(oneRecipient({ country: 'GB', safeguard: 'ADEQUACY' }), '2031-12-28')).toEqual([
      ['GB', 'MISSING_SAFEGUARD', ['TRANSFER_DISCLOSURE', 'ADEQUACY_RECORDED_NOT_APPLICABLE']],
    ]);
  });

  it('is no transfer: EEA recipients, internal services, servers the organisation runs, non-personal data', () => {
    expect(statusOf(oneRecipient({ country: 'NO' }))).toEqual([]);
    expect(statusOf(oneRecipient({ role: 'INTERNAL' }))).toEqual([]);
    const ownServer = oneRecipient({ country: 'FR' });
    ownServer.servers = [{ key: 'srv', name: 'Own', hosting: 'ON_PREMISES', country: 'US' }];
    ownServer.sources![0]!.servers = ['srv'];
    expect(statusOf(ownServer)).toEqual([]);
    const notPersonal = oneRecipient({});
    notPersonal.sources![0]!.datasets![0]!.fields = [
      { name: 'email', findings: [finding('CONTACT', { status: 'REJECTED' })] },
    ];
    expect(statusOf(notPersonal)).toEqual([]);
    // Declared categories make it personal even without a finding.
    notPersonal.processingActivities![0]!.personalDataCategories = ['Coordonnées'];
    const [declared] = computeTransfers(notPersonal, AS_OF).transfers;
    expect([declared?.dataCategories, declared?.declaredCategories]).toEqual([[], ['Coordonnées']]);
  });

  it('counts remote access from a third country, and the establishment country', () => {
    expect(statusOf(oneRecipient({ country: 'FR', accessCountries: ['IN'] }))).toEqual([
      ['IN', 'MISSING_SAFEGUARD', ['TRANSFER_REMOTE_ACCESS', 'NO_SAFEGUARD']],
    ]);
    expect(statusOf(oneRecipient({ country: 'FR', establishmentCountry: 'IN' }))).toEqual([
      ['IN', 'MISSING_SAFEGUARD', ['TRANSFER_DISCLOSURE', 'NO_SAFEGUARD']],
    ]);
  });

  it('an exporter established outside the EEA makes a covered transfer to verify', () => {
    const facts = oneRecipient({ certifications: ['DPF'] });
    facts.organisation.country = 'BR';
    expect(
      statusOf({
        ...facts,
        recipients: [
          {
            ...facts.recipients![0]!,
            country: 'IN',
            safeguard: 'DEROGATION',
            transferTool: { derogation: 'LEGAL_CLAIMS' },
          },
        ],
      }),
    ).toEqual([['IN', 'TO_VERIFY', ['TRANSFER_DISCLOSURE', 'DEROGATION_EXCEPTIONAL', 'EXPORTER_OUTSIDE_EEA']]]);
  });

  it('states dangling references instead of failing', () => {
    const facts = clinicFacts();
    facts.processingActivities![0]!.datasets = ['dossiers', 'ghost'];
    facts.processingActivities![0]!.recipients = ['labo', 'nobody'];
    facts.sources![0]!.servers = ['srv-local', 'srv-aws-fra', 'srv-gone'];
    const result = computeTransfers(facts, AS_OF);
    expect(result.notes.map((n) => n.en)).toEqual([
      'Activity patients: the reference dataset ghost matches nothing in the inventory; it is ignored.',
      'Source dpi: the server srv-gone does not exist in the inventory; it is ignored.',
      'Activity patients: the recipient nobody does not exist in the inventory; it is ignored.',
    ]);
    expect(result.transfers.filter((t) => t.activity === 'patients').map((t) => t.to.key)).toEqual([
      'labo',
      'srv-aws-fra',
      'srv-us-lab',
    ]);
  });

  it('reads the recorded tool from the activity’s declared transfer before the recipient’s default', () => {
    const facts = clinicFacts();
    recipient(facts, 'mailer').safeguard = 'NONE';
    facts.processingActivities![0]!.transfers = [
      { recipient: 'mailer', country: 'US', safeguard: 'DEROGATION', derogation: 'CONTRACT_WITH_SUBJECT' },
    ];
    const mailer = computeTransfers(facts, AS_OF).transfers.find((t) => t.to.key === 'mailer');
    expect([mailer?.mechanism.recorded, mailer?.mechanism.derogation, mailer?.status]).toEqual([
      'DEROGATION',
      'CONTRACT_WITH_SUBJECT',
      'COVERED',
    ]);
  });
});
