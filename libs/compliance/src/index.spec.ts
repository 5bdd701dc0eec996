import { describe, expect, it } from '@jest/globals';
import * as compliance from '@cartographer/compliance';

describe('@cartographer/compliance public API', () => {
  it('exports the jurisdiction API through the alias', () => {
    expect(Object.keys(compliance).sort()).toEqual([
      'ADEQUACY_DECISIONS',
      'COUNTRY_CODE_ALIASES',
      'ComplianceError',
      'ComplianceErrorCode',
      'DPF_CERTIFICATION_LABELS',
      'EEA_EFTA_STATES',
      'EU_MEMBER_STATES',
      'EU_TERRITORIES',
      'INTERNATIONAL_ORGANISATION_ADEQUACY',
      'ISO_3166_1_ALPHA_2',
      'JURISDICTION_TABLE_META',
      'JURISDICTION_TABLE_VERSION',
      'Jurisdiction',
      'JurisdictionBasis',
      'QUOTED_VALUE_MAX_CHARS',
      'RECIPIENT_SECTORS',
      'REFUSED_CODE_HINTS',
      'TERRITORIES_OUTSIDE_EU_EEA',
      'getCountryName',
      'isDpfCertification',
      'isValidCountryCode',
      'listJurisdictions',
      'normaliseCountryCode',
      'quoteUntrusted',
      'resolveJurisdiction',
      'sanitiseFieldName',
    ]);
    expect(compliance.resolveJurisdiction({ country: 'de' }).jurisdiction).toBe(compliance.Jurisdiction.EU);
  });
});
