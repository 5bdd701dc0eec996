import { describe, expect, it } from '@jest/globals';
import { datasetContext, matchNameRules } from './name-detector.js';
import { segmentWord, tokenizeIdentifier } from './tokenize.js';

describe('tokenizeIdentifier', () => {
  it('splits snake, kebab, camel and Pascal case, folds accents and case', () => {
    expect(tokenizeIdentifier('date_naissance')).toEqual(['date', 'naissance']);
    expect(tokenizeIdentifier('Date-De-Naissance')).toEqual(['date', 'de', 'naissance']);
    expect(tokenizeIdentifier('dateOfBirth')).toEqual(['date', 'of', 'naissance']);
    expect(tokenizeIdentifier('Prénom')).toEqual(['prenom']);
    expect(tokenizeIdentifier('IPAddress')).toEqual(['ip', 'address']);
    expect(tokenizeIdentifier('NationalIDNumber')).toEqual(['national', 'id', 'number']);
    expect(tokenizeIdentifier('TÉLÉPHONE_PORTABLE')).toEqual(['phone', 'mobile']);
  });

  it('splits digits except in known alphanumeric words', () => {
    expect(tokenizeIdentifier('adresse1')).toEqual(['address', '1']);
    expect(tokenizeIdentifier('dtNaissPatient2')).toEqual(['date', 'naissance', 'patient', '2']);
    expect(tokenizeIdentifier('ipv4_source')).toEqual(['ip', 'source']);
    expect(tokenizeIdentifier('code_cim10')).toEqual(['code', 'cim10']);
  });

  it('expands common abbreviations', () => {
    expect(tokenizeIdentifier('dnais')).toEqual(['date', 'naissance']);
    expect(tokenizeIdentifier('DOB')).toEqual(['date', 'naissance']);
    expect(tokenizeIdentifier('tel_port')).toEqual(['phone', 'port']);
    expect(tokenizeIdentifier('num_tel')).toEqual(['number', 'phone']);
    expect(tokenizeIdentifier('adr')).toEqual(['address']);
    expect(tokenizeIdentifier('E-Mail')).toEqual(['email']);
    expect(tokenizeIdentifier('DOMICILE_PARENTS')).toEqual(['domicile', 'parent']);
  });

  it('segments concatenated words only when known words cover them entirely', () => {
    expect(tokenizeIdentifier('datenaissance')).toEqual(['date', 'naissance']);
    expect(tokenizeIdentifier('NOMPATIENT')).toEqual(['nom', 'patient']);
    expect(tokenizeIdentifier('codepostal')).toEqual(['code', 'postal']);
    expect(segmentWord('agenda')).toBe(null);
    expect(segmentWord('nomination')).toBe(null);
    expect(tokenizeIdentifier('usage')).toEqual(['usage']);
  });
});

describe('name rules', () => {
  const rules = (field: string, dataset = 'patients'): string[] =>
    matchNameRules(tokenizeIdentifier(field), { source: 'name', dataset: datasetContext(dataset) })
      .filter((m) => m.blockedBy === null && m.strength > 0 && m.rule.personal)
      .map((m) => m.rule.id);

  it('matches personal concepts', () => {
    expect(rules('prenom')).toContain('identity.first-name');
    expect(rules('nom_naissance')).toContain('identity.last-name');
    expect(rules('dt_naiss')).toEqual(['birth.date']);
    expect(rules('cp')).toEqual(['location.cp']);
    expect(rules('num_secu')).toEqual(['national.nir']);
    expect(rules('customer_id')).toContain('internal.person-id');
  });

  it('is not fooled by look-alikes', () => {
    expect(rules('nom_produit')).toEqual([]);
    expect(rules('nom_service')).toEqual([]);
    expect(rules('nom_fichier')).toEqual([]);
    expect(rules('company_name')).toEqual([]);
    expect(rules('academic_year_code')).toEqual([]);
    expect(rules('solde_cp')).toEqual([]);
    expect(rules('code_produit')).toEqual([]);
    expect(rules('montant_ht')).toEqual([]);
    expect(rules('created_at')).toEqual([]);
    expect(rules('email_verified')).toEqual([]);
    expect(rules('age_moyen')).toEqual([]);
    expect(rules('code_insee_commune')).toEqual(['location.city']);
    expect(rules('caisse_secu')).toEqual([]);
    expect(rules('nom', 'produits')).toEqual([]);
  });

  it('reads the table name', () => {
    expect(datasetContext('public.patients').kind).toBe('person');
    expect(datasetContext('catalogue_produits').kind).toBe('nonPerson');
    expect(datasetContext('ref_cim10').kind).toBe('reference');
    expect(datasetContext('stats_activite').kind).toBe('aggregate');
    expect(datasetContext('exports/clients_2024.csv').kind).toBe('person');
    expect(datasetContext('t_data').kind).toBe('neutral');
  });
});
