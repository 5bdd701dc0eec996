import { describe, expect, it } from '@jest/globals';
import { computeExtraterritorialExposure, matchProvider, PROVIDER_TABLE } from '@cartographer/compliance';
import { clinicFacts } from '../facts/facts.fixture.js';

describe('extraterritorial law exposure of hosting providers', () => {
  it('classifies every server of the clinic, apart from Chapter V', () => {
    const result = computeExtraterritorialExposure(clinicFacts(), '2026-12-03');
    expect(result.tableVersion).toBe('2026-12-03');
    expect(
      result.servers.map((s) => [s.server, s.status, s.parent, s.parentCountry, s.basis, s.laws, s.activities]),
    ).toEqual([
      [
        'srv-aws-fra',
        'EXPOSED',
        'Amazon.com, Inc.',
        'US',
        'BUILT_IN_TABLE',
        ['US_CLOUD_ACT', 'US_FISA_702'],
        ['patients'],
      ],
      ['srv-local', 'NOT_EXPOSED', null, null, 'OPERATED_BY_ORGANISATION', [], ['paie', 'patients', 'videoprotection']],
      ['srv-mystery', 'UNKNOWN', null, null, null, [], ['annuaire']],
      ['srv-ovh-ca', 'NOT_EXPOSED', 'OVH Groupe SA', 'FR', 'BUILT_IN_TABLE', [], ['newsletter']],
      ['srv-us-lab', 'EXPOSED', 'Alphabet Inc.', 'US', 'BUILT_IN_TABLE', ['US_CLOUD_ACT', 'US_FISA_702'], ['patients']],
    ]);
    // Hosted in Germany all the same: the exposure is the parent's law, not the data's location.
    expect(result.servers[0]?.hostingCountry).toBe('DE');
    expect(result.servers[0]?.reasons[0]?.fr).toBe(
      "La société mère du prestataire (Amazon.com, Inc.) relève du droit du pays de son siège (États-Unis, US) : Clarifying Lawful Overseas Use of Data Act (CLOUD Act) ; Foreign Intelligence Surveillance Act, section 702 peuvent contraindre le fournisseur à communiquer les données qu'il détient, même hébergées dans l'Union. Ce n'est pas en soi un transfert au sens du chapitre V, mais un risque d'accès à évaluer (chiffrement avec clés maîtrisées dans l'EEE, offre qualifiée SecNumCloud).",
    );
  });

  it('lets the user extend the table, and a declared parent wins over both', () => {
    const facts = clinicFacts();
    facts.providers = [
      { name: 'Nuage Local', parent: 'Holding Nuage Inc.', parentCountry: 'US', source: 'Kbis et rapport annuel 2025' },
    ];
    facts.servers![1]!.providerParent = { name: 'Amazon Europe Holding', country: 'LU' };
    const byKey = new Map(computeExtraterritorialExposure(facts, '2026-12-03').servers.map((s) => [s.server, s]));
    expect([
      byKey.get('srv-mystery')?.status,
      byKey.get('srv-mystery')?.basis,
      byKey.get('srv-mystery')?.source,
    ]).toEqual(['EXPOSED', 'USER_TABLE', 'Kbis et rapport annuel 2025']);
    expect([byKey.get('srv-aws-fra')?.status, byKey.get('srv-aws-fra')?.basis]).toEqual(['NOT_EXPOSED', 'DECLARED']);
  });

  it('applies a law only from its date', () => {
    const [aws] = computeExtraterritorialExposure(clinicFacts(), '2017-01-01').servers;
    expect(aws?.laws).toEqual(['US_FISA_702']);
  });

  it('matches provider names on whole leading words', () => {
    expect(matchProvider('Amazon Web Services EMEA SARL', PROVIDER_TABLE)?.parent).toBe('Amazon.com, Inc.');
    expect(matchProvider('microsoft 365', PROVIDER_TABLE)?.parent).toBe('Microsoft Corporation');
    expect(matchProvider('OVHcloud', PROVIDER_TABLE)?.parentCountry).toBe('FR');
    expect(matchProvider('Scaleway', PROVIDER_TABLE)?.parentCountry).toBe('FR');
    expect(matchProvider('3DS Outscale', PROVIDER_TABLE)?.parentCountry).toBe('FR');
    expect(matchProvider('Hetzner Online GmbH', PROVIDER_TABLE)?.parentCountry).toBe('DE');
    expect(matchProvider('Alibaba Cloud', PROVIDER_TABLE)?.parentCountry).toBe('CN');
    expect(matchProvider('Amazonia Hébergement', PROVIDER_TABLE)).toBeNull();
    expect(matchProvider('Mon IBM', PROVIDER_TABLE)).toBeNull();
  });
});
