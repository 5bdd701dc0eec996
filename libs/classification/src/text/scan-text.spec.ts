import { describe, expect, it } from '@jest/globals';
import { PersonalDataCategory } from '../taxonomy.js';
import { scanText } from './scan-text.js';

describe('scanText', () => {
  it('counts identifiers per detector and category without returning values', () => {
    const text = [
      'Bonjour, M. Dupont a appelé au 06 12 34 56 78 puis au +33 6 98 76 54 32.',
      'Écrire à jean.dupont@example.fr ou à Marie DURAND.',
      'NIR 1 85 05 78 006 084 91, IBAN FR76 3000 6000 0112 3456 7890 189, carte 4111 1111 1111 1111.',
      'Connexion depuis 192.168.1.10 et 2001:db8::1, poste 00:1A:2B:3C:4D:5E.',
      'Née le 12/03/1985 à Brest. Véhicule AB-123-CD, passeport 09AB12345.',
      'Fournisseur SIRET 732 829 320 00074.',
    ].join('\n');
    const result = scanText(text);
    expect(result.counts).toEqual({
      email: 1,
      phone: 2,
      nir: 1,
      iban: 1,
      'payment-card': 1,
      ipv4: 1,
      ipv6: 1,
      'mac-address': 1,
      'person-name': 2,
      'birth-date': 1,
      'passport-fr': 1,
      'plate-fr': 1,
      siret: 1,
    });
    expect(result.byCategory).toEqual({
      [PersonalDataCategory.CONTACT]: 3,
      [PersonalDataCategory.NATIONAL_ID]: 2,
      [PersonalDataCategory.FINANCIAL]: 2,
      [PersonalDataCategory.ONLINE_ID]: 3,
      [PersonalDataCategory.IDENTITY]: 2,
      [PersonalDataCategory.BIRTH_DATE]: 1,
      [PersonalDataCategory.VEHICLE]: 1,
    });
    expect(result.findings).toBe(14);
    expect(result.organisationIdentifiers).toBe(1);
    expect(result.personal).toBe(true);
    expect(JSON.stringify(result)).not.toContain('dupont');
  });

  it('ignores near misses and look-alikes', () => {
    const text = [
      'Version 10.2.3 publiée le 12/03/2024, 1285 commandes, total 1234.56 EUR.',
      'NIR 1 85 05 78 006 084 92 (clé fausse), IBAN FR76 3000 6000 0112 3456 7890 188.',
      'Carte 4111 1111 1111 1112, lot 0612345678X, heure 10:30:00, fuseau +0100.',
      'Rendez-vous rue Victor Hugo, école Jules Ferry.',
      'adresse@ invalide, a@b, x@y.z',
    ].join('\n');
    const result = scanText(text);
    expect(result.counts).toEqual({});
    expect(result.personal).toBe(false);
  });

  it('returns zero findings for large hostile inputs', () => {
    expect(scanText('7'.repeat(1024 * 1024)).findings).toBe(0);
    expect(scanText('a@a'.repeat(350000)).findings).toBe(0);
    expect(scanText('+33 '.repeat(260000)).findings).toBe(0);
    expect(scanText('1 '.repeat(520000)).findings).toBe(0);
    expect(scanText('fe80:'.repeat(200000)).findings).toBe(0);
  });

  it('finds every phone of a long run of numbers', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `06 12 34 ${String(10 + (i % 89)).padStart(2, '0')} 78`).join(
      ' ',
    );
    expect(scanText(text).counts).toEqual({ phone: 1000 });
  });
});
