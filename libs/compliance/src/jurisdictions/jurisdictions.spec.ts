import { describe, expect, it } from '@jest/globals';
import { ComplianceError, ComplianceErrorCode } from '../compliance.errors.js';
import { ISO_3166_1_ALPHA_2, isValidCountryCode } from './iso-3166.js';
import {
  ADEQUACY_DECISIONS,
  EEA_EFTA_STATES,
  EU_MEMBER_STATES,
  EU_TERRITORIES,
  INTERNATIONAL_ORGANISATION_ADEQUACY,
  JURISDICTION_TABLE_META,
  JURISDICTION_TABLE_VERSION,
  TERRITORIES_OUTSIDE_EU_EEA,
} from './jurisdiction-table.js';
import {
  DPF_CERTIFICATION_LABELS,
  isDpfCertification,
  Jurisdiction,
  JurisdictionBasis,
  listJurisdictions,
  type RecipientSector,
  resolveJurisdiction,
} from './jurisdictions.js';

const AT = new Date('2026-11-26T12:00:00Z');
const THIRD =
  'an Art. 46 GDPR safeguard (e.g. standard contractual clauses, binding corporate rules) or an Art. 49 derogation';

function thrown(action: () => unknown): ComplianceError {
  try {
    action();
  } catch (error) {
    if (error instanceof ComplianceError) return error;
    throw error;
  }
  throw new Error('expected a ComplianceError');
}

function summary(country: string, extra: { certifications?: string[]; sector?: RecipientSector } = {}) {
  const result = resolveJurisdiction({ country, at: AT, ...extra });
  return {
    country: result.country,
    jurisdiction: result.jurisdiction,
    basis: result.basis,
    conditionMet: result.adequacy?.conditionMet,
    transferMechanismRequired: result.transferMechanismRequired,
  };
}

describe('resolveJurisdiction — EU and EEA', () => {
  it('classifies France as EU, with no transfer mechanism', () => {
    expect(resolveJurisdiction({ country: 'FR', at: AT })).toEqual({
      country: 'FR',
      countryName: 'France',
      countryNameFr: 'France',
      jurisdiction: Jurisdiction.EU,
      basis: JurisdictionBasis.EU_MEMBER_STATE,
      transferMechanismRequired: false,
      explanation:
        'France (FR) is an EU member state: the GDPR applies there directly, so hosting or sending personal data there is not a transfer under GDPR Chapter V.',
    });
  });

  it('classifies Germany and Greece (also typed EL) as EU', () => {
    expect(summary('DE')).toEqual({
      country: 'DE',
      jurisdiction: Jurisdiction.EU,
      basis: JurisdictionBasis.EU_MEMBER_STATE,
      conditionMet: undefined,
      transferMechanismRequired: false,
    });
    expect(summary('EL').country).toBe('GR');
    expect(summary('el').jurisdiction).toBe(Jurisdiction.EU);
  });

  it('classifies outermost regions and Åland as EU territory of their member state', () => {
    const guadeloupe = resolveJurisdiction({ country: 'GP', at: AT });
    expect(guadeloupe.jurisdiction).toBe(Jurisdiction.EU);
    expect(guadeloupe.basis).toBe(JurisdictionBasis.EU_TERRITORY);
    expect(guadeloupe.memberState).toBe('FR');
    expect(guadeloupe.transferMechanismRequired).toBe(false);
    expect(guadeloupe.explanation).toBe(
      'Guadeloupe (GP) is EU territory (France, outermost region, Art. 349 and 355(1) TFEU): the GDPR applies there, so hosting or sending personal data there is not a transfer under GDPR Chapter V.',
    );
    expect(resolveJurisdiction({ country: 'AX', at: AT }).memberState).toBe('FI');
  });

  it('classifies Norway, Iceland and Liechtenstein as EEA', () => {
    for (const country of ['NO', 'IS', 'LI']) {
      expect(summary(country)).toEqual({
        country,
        jurisdiction: Jurisdiction.EEA,
        basis: JurisdictionBasis.EEA_EFTA_STATE,
        conditionMet: undefined,
        transferMechanismRequired: false,
      });
    }
    expect(resolveJurisdiction({ country: 'NO', at: AT }).explanation).toBe(
      'Norway (NO) is an EEA state outside the EU: the GDPR applies there through the EEA Agreement (EEA Joint Committee Decision No 154/2018), so this is not a transfer to a third country under GDPR Chapter V.',
    );
  });
});

describe('resolveJurisdiction — full adequacy', () => {
  it('classifies Switzerland as ADEQUACY with its decision', () => {
    expect(resolveJurisdiction({ country: 'CH', at: AT })).toEqual({
      country: 'CH',
      countryName: 'Switzerland',
      countryNameFr: 'Suisse',
      jurisdiction: Jurisdiction.ADEQUACY,
      basis: JurisdictionBasis.ADEQUACY_FULL,
      adequacy: {
        decision: 'Commission Decision 2000/518/EC of 26 July 2000',
        date: '2000-07-26',
        scope: 'FULL',
        conditionMet: true,
        celex: '32000D0518',
        url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32000D0518',
      },
      transferMechanismRequired: false,
      explanation:
        'Switzerland (CH) benefits from an adequacy decision (Commission Decision 2000/518/EC of 26 July 2000): transfers there need no further safeguard (Art. 45(1) GDPR).',
    });
  });

  it('classifies every full-scope beneficiary as ADEQUACY whatever the recipient', () => {
    const full = ['AD', 'AR', 'BR', 'CH', 'FO', 'GB', 'GG', 'IL', 'IM', 'JE', 'KR', 'NZ', 'UY'];
    for (const country of full) {
      expect(summary(country, { sector: 'PUBLIC', certifications: [] })).toEqual({
        country,
        jurisdiction: Jurisdiction.ADEQUACY,
        basis: JurisdictionBasis.ADEQUACY_FULL,
        conditionMet: true,
        transferMechanismRequired: false,
      });
    }
  });

  it('resolves UK (alias) to GB under the decision renewed until 27 December 2031', () => {
    const uk = resolveJurisdiction({ country: 'UK', at: AT });
    expect(uk.country).toBe('GB');
    expect(uk.adequacy).toEqual({
      decision: 'Commission Implementing Decision (EU) 2021/1772 of 28 June 2021',
      date: '2021-06-28',
      scope: 'FULL',
      conditionMet: true,
      celex: '32021D1772',
      url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32021D1772',
      validUntil: '2031-12-27',
    });
  });

  it('treats GB as a third country once the sunset date has passed without a recorded renewal', () => {
    expect(summary('GB')).toEqual({
      country: 'GB',
      jurisdiction: Jurisdiction.ADEQUACY,
      basis: JurisdictionBasis.ADEQUACY_FULL,
      conditionMet: true,
      transferMechanismRequired: false,
    });
    expect(resolveJurisdiction({ country: 'GB', at: new Date('2031-12-27T23:59:59Z') }).jurisdiction).toBe(
      Jurisdiction.ADEQUACY,
    );
    const expired = resolveJurisdiction({ country: 'GB', at: new Date('2031-12-28T00:00:00Z') });
    expect(expired.jurisdiction).toBe(Jurisdiction.THIRD_COUNTRY);
    expect(expired.basis).toBe(JurisdictionBasis.ADEQUACY_EXPIRED);
    expect(expired.adequacy?.conditionMet).toBe(false);
    expect(expired.transferMechanismRequired).toBe(true);
    expect(expired.explanation).toBe(
      `United Kingdom (GB) had an adequacy decision (Commission Implementing Decision (EU) 2021/1772 of 28 June 2021) that applied until 2031-12-27; this table (as of 2026-11-26) records no renewal, so it is treated as a third country and the transfer needs ${THIRD}. Update the jurisdiction table.`,
    );
  });

  it('states the scope limitations of full decisions that have some', () => {
    expect(resolveJurisdiction({ country: 'IL', at: AT }).explanation).toBe(
      'Israel (IL) benefits from an adequacy decision (Commission Decision 2011/61/EU of 31 January 2011): transfers there need no further safeguard (Art. 45(1) GDPR). Scope: the decision covers automated international transfers, and non-automated ones that are then subject to further automated processing in Israel (Article 1).',
    );
  });
});

describe('resolveJurisdiction — partial adequacy, United States (EU-U.S. DPF)', () => {
  it('is ADEQUACY when a DPF certification is recorded', () => {
    const result = resolveJurisdiction({ country: 'US', certifications: ['ISO 27001', 'EU-US DPF'], at: AT });
    expect(result.jurisdiction).toBe(Jurisdiction.ADEQUACY);
    expect(result.basis).toBe(JurisdictionBasis.ADEQUACY_PARTIAL_MET);
    expect(result.transferMechanismRequired).toBe(false);
    expect(result.adequacy).toEqual({
      decision: 'Commission Implementing Decision (EU) 2023/1795 of 10 July 2023',
      date: '2023-07-10',
      scope: 'PARTIAL',
      condition:
        'organisations self-certified under the EU-U.S. Data Privacy Framework, with an active entry on the Data Privacy Framework List covering the data concerned (HR or non-HR data).',
      conditionMet: true,
      celex: '32023D1795',
      url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32023D1795',
    });
    expect(result.explanation).toBe(
      'United States (US) benefits only from a partial adequacy decision (Commission Implementing Decision (EU) 2023/1795 of 10 July 2023) covering organisations self-certified under the EU-U.S. Data Privacy Framework, with an active entry on the Data Privacy Framework List covering the data concerned (HR or non-HR data). This recipient is within that scope (an EU-U.S. DPF certification is recorded), so the transfer is covered by adequacy (Art. 45(1) GDPR).',
    );
  });

  it('is THIRD_COUNTRY, conditionMet false, when certifications are recorded but none is DPF', () => {
    const result = resolveJurisdiction({ country: 'US', certifications: ['ISO 27001', 'SOC 2'], at: AT });
    expect(result.jurisdiction).toBe(Jurisdiction.THIRD_COUNTRY);
    expect(result.basis).toBe(JurisdictionBasis.ADEQUACY_PARTIAL_NOT_MET);
    expect(result.adequacy?.conditionMet).toBe(false);
    expect(result.transferMechanismRequired).toBe(true);
    expect(result.explanation).toBe(
      'United States (US) benefits only from a partial adequacy decision (Commission Implementing Decision (EU) 2023/1795 of 10 July 2023) covering organisations self-certified under the EU-U.S. Data Privacy Framework, with an active entry on the Data Privacy Framework List covering the data concerned (HR or non-HR data). ' +
        `This recipient is outside that scope (its recorded certifications include no EU-U.S. DPF certification), so it is treated as a third country: the transfer needs ${THIRD}. ` +
        "For adequacy to apply: check the recipient on the Data Privacy Framework List (dataprivacyframework.gov), then record the certification 'EU-US DPF'.",
    );
  });

  it('is THIRD_COUNTRY, conditionMet null, when no certifications are recorded', () => {
    const result = resolveJurisdiction({ country: 'us', at: AT });
    expect(result.country).toBe('US');
    expect(result.jurisdiction).toBe(Jurisdiction.THIRD_COUNTRY);
    expect(result.basis).toBe(JurisdictionBasis.ADEQUACY_PARTIAL_UNVERIFIED);
    expect(result.adequacy?.conditionMet).toBeNull();
    expect(result.transferMechanismRequired).toBe(true);
    expect(result.explanation).toContain(
      `Whether this recipient is within that scope is unknown and must be checked (no certifications are recorded for it), so until then it is treated as a third country: the transfer needs ${THIRD}.`,
    );
  });

  it('mentions that a Privacy Shield certification does not count', () => {
    const result = resolveJurisdiction({ country: 'US', certifications: ['EU-US Privacy Shield'], at: AT });
    expect(result.adequacy?.conditionMet).toBe(false);
    expect(result.explanation).toContain(
      '(its recorded certifications include no EU-U.S. DPF certification; the Privacy Shield, invalidated by the Court of Justice on 16 July 2020 (C-311/18), does not count)',
    );
  });

  it('matches DPF labels case-insensitively, as whole labels only', () => {
    expect(DPF_CERTIFICATION_LABELS.map(isDpfCertification)).toEqual([true, true, true, true, true, true]);
    const accepted = ['eu-us dpf', 'EU–U.S. DPF', ' DPF ', 'data privacy framework', 'EU_US_DPF', 'Eu Us  Dpf'];
    expect(accepted.map(isDpfCertification)).toEqual([true, true, true, true, true, true]);
    const refused = ['Swiss-US DPF', 'UK Extension to the EU-US DPF', 'DPF pending', 'Privacy Shield', '', 'D P F'];
    expect(refused.map(isDpfCertification)).toEqual([false, false, false, false, false, false]);
    expect(isDpfCertification(`DPF${' '.repeat(10_000)}`)).toBe(false);
  });
});

describe('resolveJurisdiction — partial adequacy, Canada (PIPEDA) and Japan (APPI)', () => {
  it('applies Canadian adequacy to commercial organisations only', () => {
    expect(summary('CA', { sector: 'COMMERCIAL' })).toEqual({
      country: 'CA',
      jurisdiction: Jurisdiction.ADEQUACY,
      basis: JurisdictionBasis.ADEQUACY_PARTIAL_MET,
      conditionMet: true,
      transferMechanismRequired: false,
    });
    expect(summary('CA', { sector: 'PUBLIC' })).toEqual({
      country: 'CA',
      jurisdiction: Jurisdiction.THIRD_COUNTRY,
      basis: JurisdictionBasis.ADEQUACY_PARTIAL_NOT_MET,
      conditionMet: false,
      transferMechanismRequired: true,
    });
    for (const sector of ['UNKNOWN', 'NON_PROFIT', undefined] as const) {
      expect(summary('CA', { sector })).toEqual({
        country: 'CA',
        jurisdiction: Jurisdiction.THIRD_COUNTRY,
        basis: JurisdictionBasis.ADEQUACY_PARTIAL_UNVERIFIED,
        conditionMet: null,
        transferMechanismRequired: true,
      });
    }
  });

  it('explains what would make Canadian adequacy apply to a recipient of unknown sector', () => {
    expect(resolveJurisdiction({ country: 'CA', at: AT }).explanation).toBe(
      'Canada (CA) benefits only from a partial adequacy decision (Commission Decision 2002/2/EC of 20 December 2001) covering recipients subject to the Personal Information Protection and Electronic Documents Act (PIPEDA), i.e. organisations processing personal data in the course of commercial activities; public bodies and non-commercial processing are not covered. ' +
        `Whether this recipient is within that scope is unknown and must be checked (its sector is not recorded), so until then it is treated as a third country: the transfer needs ${THIRD}. ` +
        "For adequacy to apply: verify that the Canadian recipient is subject to PIPEDA for this data, then record sector 'COMMERCIAL'.",
    );
  });

  it('applies Japanese adequacy to private-sector business operators only', () => {
    expect(summary('JP', { sector: 'COMMERCIAL' })).toEqual({
      country: 'JP',
      jurisdiction: Jurisdiction.ADEQUACY,
      basis: JurisdictionBasis.ADEQUACY_PARTIAL_MET,
      conditionMet: true,
      transferMechanismRequired: false,
    });
    expect(summary('JP', { sector: 'PUBLIC' })).toEqual({
      country: 'JP',
      jurisdiction: Jurisdiction.THIRD_COUNTRY,
      basis: JurisdictionBasis.ADEQUACY_PARTIAL_NOT_MET,
      conditionMet: false,
      transferMechanismRequired: true,
    });
    expect(summary('JP')).toEqual({
      country: 'JP',
      jurisdiction: Jurisdiction.THIRD_COUNTRY,
      basis: JurisdictionBasis.ADEQUACY_PARTIAL_UNVERIFIED,
      conditionMet: null,
      transferMechanismRequired: true,
    });
  });

  it('ignores certifications for sector-based conditions and sectors for the DPF condition', () => {
    expect(summary('CA', { certifications: ['EU-US DPF'] }).conditionMet).toBeNull();
    expect(summary('US', { sector: 'COMMERCIAL' }).conditionMet).toBeNull();
  });
});

describe('resolveJurisdiction — third countries', () => {
  it('classifies China, India and Russia as third countries without adequacy', () => {
    for (const country of ['CN', 'IN', 'RU']) {
      expect(summary(country, { sector: 'COMMERCIAL', certifications: ['EU-US DPF'] })).toEqual({
        country,
        jurisdiction: Jurisdiction.THIRD_COUNTRY,
        basis: JurisdictionBasis.NO_ADEQUACY,
        conditionMet: undefined,
        transferMechanismRequired: true,
      });
    }
    const china = resolveJurisdiction({ country: 'CN', at: AT });
    expect(china.adequacy).toBeUndefined();
    expect(china.explanation).toBe(
      `China (CN) is a third country under GDPR Chapter V with no adequacy decision: the transfer needs ${THIRD}.`,
    );
  });

  it('classifies Brazil as full adequacy since Implementing Decision (EU) 2026/179', () => {
    const brazil = resolveJurisdiction({ country: 'BR', at: AT });
    expect(brazil.jurisdiction).toBe(Jurisdiction.ADEQUACY);
    expect(brazil.adequacy?.decision).toBe('Commission Implementing Decision (EU) 2026/179 of 26 January 2026');
    expect(brazil.adequacy?.celex).toBe('32026D0179');
  });

  it('explains territories of EU and EEA states that lie outside the GDPR area', () => {
    expect(resolveJurisdiction({ country: 'NC', at: AT }).explanation).toBe(
      `New Caledonia (NC) is a third country under GDPR Chapter V with no adequacy decision (it is an overseas country or territory of France (Part Four and Annex II TFEU), outside the EU): the transfer needs ${THIRD}.`,
    );
    expect(summary('GL').jurisdiction).toBe(Jurisdiction.THIRD_COUNTRY);
    expect(summary('SJ').jurisdiction).toBe(Jurisdiction.THIRD_COUNTRY);
    expect(summary('GI').jurisdiction).toBe(Jurisdiction.THIRD_COUNTRY);
  });
});

describe('resolveJurisdiction — invalid input', () => {
  it('throws UNKNOWN_COUNTRY naming the field and the value', () => {
    const error = thrown(() => resolveJurisdiction({ country: 'XZ', field: 'servers[3].country' }));
    expect(error.code).toBe(ComplianceErrorCode.UNKNOWN_COUNTRY);
    expect(error.field).toBe('servers[3].country');
    expect(error.message).toBe("servers[3].country: 'XZ' is not an ISO 3166-1 alpha-2 country code");
  });

  it('throws MALFORMED_COUNTRY for empty, three-letter, alphanumeric and huge values', () => {
    for (const country of ['', 'FRA', 'F1', 'fr ', 'x'.repeat(10_240)]) {
      const error = thrown(() => resolveJurisdiction({ country, field: 'servers[3].country' }));
      expect(error.code).toBe(ComplianceErrorCode.MALFORMED_COUNTRY);
      expect(error.message.length).toBeLessThan(200);
    }
    expect(thrown(() => resolveJurisdiction({ country: 'FRA' })).message).toBe(
      "country: 'FRA' is not an ISO 3166-1 alpha-2 country code (expected two letters, e.g. 'FR')",
    );
  });

  it('throws INVALID_SECTOR and INVALID_CERTIFICATIONS for values outside their types', () => {
    const sector = thrown(() =>
      resolveJurisdiction({ country: 'CA', field: 'vendors[0].country', sector: 'commercial' as RecipientSector }),
    );
    expect(sector.code).toBe(ComplianceErrorCode.INVALID_SECTOR);
    expect(sector.message).toBe(
      "vendors[0].country: sector 'commercial' is not a recipient sector (expected one of COMMERCIAL, PUBLIC, NON_PROFIT, UNKNOWN)",
    );
    const certifications = thrown(() =>
      resolveJurisdiction({ country: 'US', certifications: 'EU-US DPF' as unknown as string[] }),
    );
    expect(certifications.code).toBe(ComplianceErrorCode.INVALID_CERTIFICATIONS);
    expect(certifications.message).toBe("country: certifications must be an array of strings, got 'EU-US DPF'");
    expect(
      thrown(() => resolveJurisdiction({ country: 'US', certifications: ['DPF', 7] as unknown as string[] })).message,
    ).toBe('country: certifications must be an array of strings, got an array with a non-string entry');
  });
});

describe('listJurisdictions', () => {
  const listing = listJurisdictions();

  it('lists every ISO code once, sorted', () => {
    expect(listing).toHaveLength(249);
    expect(listing.map((entry) => entry.country)).toEqual(Object.keys(ISO_3166_1_ALPHA_2).sort());
  });

  it('counts 34 EU places, 3 EEA states, 16 adequacy beneficiaries and 196 third countries', () => {
    const count = (jurisdiction: Jurisdiction) => listing.filter((entry) => entry.jurisdiction === jurisdiction).length;
    expect([count(Jurisdiction.EU), count(Jurisdiction.EEA), count(Jurisdiction.ADEQUACY)]).toEqual([34, 3, 16]);
    expect(count(Jurisdiction.THIRD_COUNTRY)).toBe(196);
  });

  it('lists partial beneficiaries as ADEQUACY with their decision, for docs', () => {
    const us = listing.find((entry) => entry.country === 'US');
    expect(us?.jurisdiction).toBe(Jurisdiction.ADEQUACY);
    expect(us?.adequacy?.scope).toBe('PARTIAL');
    expect(listing.find((entry) => entry.country === 'RE')).toEqual({
      country: 'RE',
      countryName: 'Réunion',
      countryNameFr: 'La Réunion',
      jurisdiction: Jurisdiction.EU,
      memberState: 'FR',
    });
  });

  it('agrees with resolveJurisdiction for every code when partial conditions are met', () => {
    const disagreements = listing.filter(
      (entry) =>
        resolveJurisdiction({
          country: entry.country,
          certifications: ['EU-US DPF'],
          sector: 'COMMERCIAL',
          at: AT,
        }).jurisdiction !== entry.jurisdiction,
    );
    expect(disagreements).toEqual([]);
  });
});

describe('jurisdiction table integrity', () => {
  const adequacyCodes = ADEQUACY_DECISIONS.map((entry) => entry.country);
  const euTerritoryCodes = EU_TERRITORIES.map((entry) => entry.country);

  it('has 27 EU member states and 3 EEA EFTA states, all valid ISO codes', () => {
    expect(EU_MEMBER_STATES).toHaveLength(27);
    expect(EEA_EFTA_STATES).toEqual(['IS', 'LI', 'NO']);
    const all = [...EU_MEMBER_STATES, ...EEA_EFTA_STATES, ...euTerritoryCodes, ...adequacyCodes];
    expect(all.filter((code) => !(code in ISO_3166_1_ALPHA_2) || !isValidCountryCode(code))).toEqual([]);
    const related = TERRITORIES_OUTSIDE_EU_EEA.flatMap((entry) => [entry.country, entry.relatedState]);
    expect(related.filter((code) => !(code in ISO_3166_1_ALPHA_2))).toEqual([]);
    expect(EU_TERRITORIES.filter((entry) => !EU_MEMBER_STATES.includes(entry.memberState))).toEqual([]);
  });

  it('records the adequacy decisions in force as of the table date, without overlaps', () => {
    expect(adequacyCodes).toEqual([
      'AD',
      'AR',
      'BR',
      'CA',
      'CH',
      'FO',
      'GB',
      'GG',
      'IL',
      'IM',
      'JE',
      'JP',
      'KR',
      'NZ',
      'US',
      'UY',
    ]);
    const all = [...EU_MEMBER_STATES, ...EEA_EFTA_STATES, ...euTerritoryCodes, ...adequacyCodes];
    expect(new Set(all).size).toBe(all.length);
    const outside = TERRITORIES_OUTSIDE_EU_EEA.map((entry) => entry.country);
    expect(outside.filter((code) => EU_MEMBER_STATES.includes(code) || euTerritoryCodes.includes(code))).toEqual([]);
  });

  it('gives partial decisions a condition and full ones none', () => {
    expect(ADEQUACY_DECISIONS.filter((entry) => entry.scope === 'PARTIAL').map((entry) => entry.country)).toEqual([
      'CA',
      'JP',
      'US',
    ]);
    expect(
      ADEQUACY_DECISIONS.filter((entry) => (entry.scope === 'PARTIAL') !== (entry.condition !== undefined)),
    ).toEqual([]);
  });

  it('cites each decision with a date, a CELEX number matching it and an EUR-Lex URL', () => {
    const decisions = [...ADEQUACY_DECISIONS, ...INTERNATIONAL_ORGANISATION_ADEQUACY];
    const problems = decisions.filter((entry) => {
      const [year, number] = entry.decision.match(/(\d{4})\/(\d+)/)?.slice(1) ?? [];
      const celexMatches = entry.celex === `3${year}D${(number ?? '').padStart(4, '0')}`;
      const dateOk =
        /^\d{4}-\d{2}-\d{2}$/.test(entry.date) &&
        !Number.isNaN(Date.parse(entry.date)) &&
        entry.date <= JURISDICTION_TABLE_META.asOf;
      return (
        !celexMatches ||
        !dateOk ||
        entry.url !== `https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:${entry.celex}`
      );
    });
    expect(problems).toEqual([]);
  });

  it('records the European Patent Organisation separately, as an international organisation', () => {
    expect(INTERNATIONAL_ORGANISATION_ADEQUACY.map((entry) => [entry.organisation, entry.celex])).toEqual([
      ['European Patent Organisation', '32025D1382'],
    ]);
  });

  it('stamps the table with its version and check date, and freezes it', () => {
    expect(JURISDICTION_TABLE_VERSION).toBe('2026-11-26');
    expect(JURISDICTION_TABLE_META.asOf).toBe('2026-11-26');
    expect(JURISDICTION_TABLE_META.newestSourceDate <= JURISDICTION_TABLE_META.asOf).toBe(true);
    expect(Object.isFrozen(ADEQUACY_DECISIONS)).toBe(true);
    expect(Object.isFrozen(ADEQUACY_DECISIONS[0])).toBe(true);
    expect(Object.isFrozen(EU_MEMBER_STATES)).toBe(true);
  });
});
