import { describe, expect, it } from '@jest/globals';
import { ClassificationError, ClassificationErrorCode } from '../classification.errors.js';
import { PersonalDataCategory, SpecialCategoryKind } from '../taxonomy.js';
import { Treatment } from '../treatments.js';
import { ibanCheckDigits } from '../values/iban.validator.js';
import { nirKey } from '../values/nir.validator.js';
import { classifyField } from './classify-field.js';

const REFERENCE = { referenceDate: '2025-06-30' };

function nirs(count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const first13 = `${1 + (i % 2)}${String(50 + (i % 40)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 95)).padStart(2, '0')}${String(100 + i).padStart(3, '0')}${String(1 + i).padStart(3, '0')}`;
    out.push(first13 + String(nirKey(first13)).padStart(2, '0'));
  }
  return out;
}

function ibans(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const bban = `3000600001${String(12345678901 + i * 7919).padStart(11, '0')}${String(i % 97).padStart(2, '0')}`;
    return `FR${ibanCheckDigits('FR', bban)}${bban}`;
  });
}

const FIRST = ['Jean', 'Marie', 'Lucas', 'Chloé', 'Nathalie', 'Karim', 'Emma', 'Pierre', 'Sophie', 'Hugo'];
const LAST = ['Martin', 'Dubois', 'Kerbrat', 'Nguyen', 'Lefèvre', 'Moreau', 'Abgrall', 'Petit', 'Roux', 'Benali'];

describe('classifyField from names only', () => {
  it('flags French and English personal columns with their category and treatment', () => {
    const nom = classifyField({ dataset: 'patients', field: 'nom' });
    expect(nom.personal).toBe(true);
    expect(nom.category).toBe(PersonalDataCategory.IDENTITY);
    expect(nom.treatment).toBe(Treatment.PSEUDONYMISE);
    expect(nom.confidence).toBe(0.85);

    const birth = classifyField({ dataset: 'customers', field: 'dateOfBirth' });
    expect(birth.category).toBe(PersonalDataCategory.BIRTH_DATE);
    expect(birth.quasiIdentifier).toBe(true);
    expect(birth.treatment).toBe(Treatment.GENERALISE);

    const nir = classifyField({ dataset: 'agents', field: 'num_secu' });
    expect(nir.category).toBe(PersonalDataCategory.NATIONAL_ID);
    expect(nir.treatmentReason).toContain('décret n° 2019-341');
    expect(nir.evidence[0]).toEqual({
      detector: 'column-name',
      version: '1.0.0',
      source: 'name',
      rule: 'national.nir',
      category: PersonalDataCategory.NATIONAL_ID,
      weight: 0.95,
      explanation:
        'Column name tokens "secu" match rule national.nir (French social security number (NIR) or foreign equivalent).',
    });
  });

  it('flags special categories from names and comments', () => {
    const union = classifyField({ dataset: 'agents', field: 'mandat_syndical' });
    expect(union.specialCategory).toBe(true);
    expect(union.specialCategoryKind).toBe(SpecialCategoryKind.TRADE_UNION);
    expect(union.treatment).toBe(Treatment.AGGREGATE);

    const fromComment = classifyField({
      dataset: 'dossiers',
      field: 'col_17',
      comment: 'Casier judiciaire (bulletin n°2)',
    });
    expect(fromComment.personal).toBe(true);
    expect(fromComment.specialCategoryKind).toBe(SpecialCategoryKind.CRIMINAL_OFFENCE);
    expect(fromComment.evidence[0].source).toBe('comment');
  });

  it('is not fooled by look-alike names', () => {
    for (const field of [
      'nom_produit',
      'code_produit',
      'montant_ht',
      'academic_year_code',
      'created_at',
      'raison_sociale',
      'product_name',
      'sku',
    ]) {
      expect(classifyField({ dataset: 'orders', field }).personal).toBe(false);
    }
    const product = classifyField({ dataset: 'produits', field: 'nom' });
    expect(product.personal).toBe(false);
    expect(product.treatment).toBe(Treatment.KEEP);
  });

  it('reads declared boolean flags as metadata, not identifiers', () => {
    expect(classifyField({ dataset: 'customers', field: 'email_opt_in', dataType: 'boolean' }).personal).toBe(false);
    const smoker = classifyField({ dataset: 'patients', field: 'fumeur', dataType: 'boolean' });
    expect(smoker.category).toBe(PersonalDataCategory.HEALTH);
  });
});

describe('classifyField with values', () => {
  it('confirms a name with matching values and returns a masked exemplar', () => {
    const emails = FIRST.map((f, i) =>
      `${f.toLowerCase()}.${LAST[i].toLowerCase()}@example.fr`.normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
    );
    const result = classifyField({ dataset: 'clients', field: 'email', sample: [...emails, null, ''] }, REFERENCE);
    expect(result.category).toBe(PersonalDataCategory.CONTACT);
    expect(result.confidence).toBe(0.99);
    expect(result.maskedExemplar).toBe('j***@e***.fr');
    const values = result.evidence.find((e) => e.detector === 'email');
    expect(values).toMatchObject({ source: 'values', matched: 10, sampled: 10, hitRatio: 1 });
    expect(JSON.stringify(result)).not.toContain('jean.martin');
  });

  it('finds personal data from values alone under a meaningless column name', () => {
    const values = nirs(50);
    const result = classifyField({ dataset: 't_import', field: 'col_7', sample: values });
    expect(result.personal).toBe(true);
    expect(result.category).toBe(PersonalDataCategory.NATIONAL_ID);
    expect(result.maskedExemplar).toBe(`${values[0][0]}**************`);

    const banks = classifyField({ dataset: 't_import', field: 'c12', sample: ibans(40) });
    expect(banks.category).toBe(PersonalDataCategory.FINANCIAL);
    expect(banks.maskedExemplar?.startsWith('FR')).toBe(true);
  });

  it('does not take 5-digit codes for postal codes unless the name agrees', () => {
    const codes = Array.from({ length: 200 }, (_, i) => String(10000 + ((i * 379) % 85000)));
    expect(classifyField({ dataset: 'articles', field: 'code', sample: codes }).personal).toBe(false);
    const cp = classifyField({ dataset: 'clients', field: 'cp', sample: codes });
    expect(cp.category).toBe(PersonalDataCategory.LOCATION);
    expect(cp.quasiIdentifier).toBe(true);
  });

  it('does not take batch numbers that look like phones for phones', () => {
    const batches = Array.from({ length: 200 }, (_, i) => `0${1 + (i % 9)}${String(12345678 + i * 7).slice(0, 8)}`);
    expect(classifyField({ dataset: 'materiel', field: 'numero_lot', sample: batches }).personal).toBe(false);
  });

  it('weakens an ambiguous name when the values are not person names', () => {
    const things = Array.from({ length: 60 }, (_, i) => `Chaise modèle ${i}`);
    const result = classifyField({ dataset: 't_divers', field: 'nom', sample: things });
    expect(result.personal).toBe(false);
    expect(result.evidence.some((e) => e.detector === 'person-name' && e.weight === 0)).toBe(true);
  });

  it('detects special categories from value vocabularies', () => {
    const blood = classifyField({
      dataset: 't1',
      field: 'x',
      sample: ['A+', 'O-', 'AB+', 'B+', 'O+', 'A-', 'O+', 'A+', 'B-', 'AB-'],
    });
    expect(blood.specialCategoryKind).toBe(SpecialCategoryKind.HEALTH);
    const unions = classifyField({
      dataset: 'agents',
      field: 'organisation',
      sample: ['CGT', 'CFDT', 'FO', 'CGT', 'UNSA', 'CFDT', 'FO', 'CGT', 'CFE-CGC', 'SUD Santé'],
    });
    expect(unions.specialCategoryKind).toBe(SpecialCategoryKind.TRADE_UNION);
    const icd = classifyField({
      dataset: 'actes',
      field: 'code',
      sample: ['E11.9', 'I10', 'J45.9', 'C50.9', 'F32.1', 'S72.0', 'N39.0', 'I48.9', 'E66.9', 'M17.1'],
    });
    expect(icd.specialCategoryKind).toBe(SpecialCategoryKind.HEALTH);
    const diet = classifyField({
      dataset: 'inscriptions',
      field: 'regime',
      sample: [...Array(40).fill('Standard'), ...Array(6).fill('Sans porc'), ...Array(4).fill('Végétarien')],
    });
    expect(diet.specialCategoryKind).toBe(SpecialCategoryKind.RELIGIOUS_BELIEF);
  });

  it('reads role mailboxes as organisation data', () => {
    const roles = Array.from({ length: 30 }, (_, i) => `${['contact', 'info', 'sales'][i % 3]}@supplier${i}.com`);
    expect(classifyField({ dataset: 'fournisseurs', field: 'email', sample: roles }).personal).toBe(false);
  });

  it('flags free text that contains identifiers', () => {
    const notes = Array.from({ length: 40 }, (_, i) =>
      i % 4 === 0
        ? `Rappeler Mme Durand au 06 12 34 56 ${String(10 + i).padStart(2, '0')} avant vendredi.`
        : 'Dossier complet, rien à signaler pour le moment.',
    );
    const result = classifyField({ dataset: 'suivi', field: 'commentaire', sample: notes });
    expect(result.personal).toBe(true);
    expect(result.treatment).toBe(Treatment.DELETE);
  });

  it('uses the reference date for dates of birth', () => {
    const dates = Array.from({ length: 50 }, (_, i) => `${1940 + i}-0${1 + (i % 9)}-1${i % 9}`);
    const result = classifyField({ dataset: 'patients', field: 'ddn', sample: dates }, REFERENCE);
    expect(result.category).toBe(PersonalDataCategory.BIRTH_DATE);
    expect(result.evidence.find((e) => e.detector === 'birth-date')).toMatchObject({ matched: 50, sampled: 50 });
  });

  it('handles a hostile 1 MB value and reports nothing for it', () => {
    const hostile = '1'.repeat(1024 * 1024);
    const result = classifyField({ dataset: 't', field: 'blob', sample: [hostile, 'a@a'.repeat(300000)] });
    expect(result.personal).toBe(false);
  });
});

describe('classifyField input checks', () => {
  it('rejects malformed input with a typed error that echoes no value', () => {
    expect(() => classifyField({ dataset: 'x', field: '' })).toThrow(ClassificationError);
    try {
      classifyField({ dataset: 'x', field: 'f', sample: ['secret'] }, { referenceDate: 'not a date' });
      throw new Error('expected an error');
    } catch (error) {
      expect(error).toBeInstanceOf(ClassificationError);
      expect((error as ClassificationError).code).toBe(ClassificationErrorCode.INVALID_OPTION);
      expect((error as Error).message).not.toContain('secret');
    }
  });
});
