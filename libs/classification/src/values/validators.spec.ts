import { describe, expect, it } from '@jest/globals';
import { luhnCheckDigit, luhnValid, mod97 } from './checksums.js';
import { isPlausibleBirthDate, parseDate, toReferenceDate } from './date.validator.js';
import { isEmail, isRoleEmail } from './email.validator.js';
import { ibanCheckDigits, isBic, isIban } from './iban.validator.js';
import { isIpv4, isIpv6, isMacAddress } from './ip-address.validator.js';
import { parsePlate } from './licence-plate.validator.js';
import { isNir, nirKey, parseNirCompact } from './nir.validator.js';
import { isFrenchPassport } from './passport.validator.js';
import { cardBrand, isPaymentCard } from './payment-card.validator.js';
import { parsePhone } from './phone.validator.js';
import { departmentOfPostalCode, isFrenchPostalCode } from './postal-code.validator.js';
import { isSiren, isSiret } from './siren.validator.js';

describe('checksums', () => {
  it('computes Luhn validity and check digits', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnCheckDigit('411111111111111')).toBe(1);
    expect(luhnValid('')).toBe(false);
  });

  it('computes mod 97 of long decimal strings exactly', () => {
    expect(mod97('1850578006084')).toBe(6);
    expect(mod97('370400440532013000131489')).toBe(1);
  });
});

describe('NIR', () => {
  it('accepts valid numbers with or without separators', () => {
    expect(nirKey('1850578006084')).toBe(91);
    expect(isNir('185057800608491')).toBe(true);
    expect(isNir('1 85 05 78 006 084 91')).toBe(true);
    expect(isNir('2 69 03 49 588 157 48')).toBe(true);
  });

  it('rejects a wrong key, a wrong length and impossible fields', () => {
    expect(isNir('185057800608492')).toBe(false);
    expect(isNir('18505780060849')).toBe(false);
    expect(isNir('1850578006084910')).toBe(false);
    // Sex digit 5 does not exist.
    expect(isNir(`5850578006084${String(nirKey('5850578006084')).padStart(2, '0')}`)).toBe(false);
    // Month 13 and 45 do not exist; department 00 and order 000 neither.
    expect(isNir(`1851378006084${String(nirKey('1851378006084')).padStart(2, '0')}`)).toBe(false);
    expect(isNir(`1854578006084${String(nirKey('1854578006084')).padStart(2, '0')}`)).toBe(false);
    expect(isNir(`1850500006084${String(nirKey('1850500006084')).padStart(2, '0')}`)).toBe(false);
    expect(isNir(`1850578006000${String(nirKey('1850578006000')).padStart(2, '0')}`)).toBe(false);
  });

  it('handles Corsica: 2A read as 19 and 2B as 18 for the key', () => {
    expect(nirKey('185052A006084')).toBe(35);
    expect(isNir('1 85 05 2A 006 084 35')).toBe(true);
    expect(isNir('185052A00608435')).toBe(true);
    expect(isNir('185052a00608435')).toBe(true);
    expect(isNir('185052A00608408')).toBe(false);
    expect(isNir('285122B04213164')).toBe(true);
    expect(isNir('285122B04213165')).toBe(false);
    expect(parseNirCompact('285122B04213164')).toEqual({ sex: 'female', temporary: false, corsica: true });
  });

  it('accepts temporary numbers and incomplete civil-status months', () => {
    expect(parseNirCompact('785059912304521')).toEqual({ sex: 'male', temporary: true, corsica: false });
    expect(isNir('185207800608440')).toBe(true);
    expect(isNir('185557800608418')).toBe(true);
  });
});

describe('IBAN and BIC', () => {
  it('accepts valid IBANs, grouped or not', () => {
    expect(isIban('FR7630006000011234567890189')).toBe(true);
    expect(isIban('FR76 3000 6000 0112 3456 7890 189')).toBe(true);
    expect(isIban('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(isIban('gb29 nwbk 6016 1331 9268 19')).toBe(true);
    expect(ibanCheckDigits('FR', '30006000011234567890189')).toBe('76');
  });

  it('rejects a changed digit, a wrong length and an unknown country', () => {
    expect(isIban('FR7630006000011234567890188')).toBe(false);
    expect(isIban('FR763000600001123456789018')).toBe(false);
    expect(isIban('DE8937040044053201300')).toBe(false);
    expect(isIban('ZZ7630006000011234567890189')).toBe(false);
  });

  it('checks the BIC shape and country', () => {
    expect(isBic('BNPAFRPP')).toBe(true);
    expect(isBic('BNPAFRPPXXX')).toBe(true);
    expect(isBic('BNPAZZPP')).toBe(false);
    expect(isBic('BNPAFRP')).toBe(false);
  });
});

describe('SIREN and SIRET', () => {
  it('validates Luhn and rejects an off-by-one', () => {
    expect(isSiren('732 829 320')).toBe(true);
    expect(isSiren('732829321')).toBe(false);
    expect(isSiret('732 829 320 00074')).toBe(true);
    expect(isSiret('73282932000075')).toBe(false);
    expect(isSiret('7328293200007')).toBe(false);
  });

  it('applies the La Poste exception (sum of digits multiple of 5)', () => {
    expect(luhnValid('35600000001000')).toBe(false);
    expect(isSiret('35600000001000')).toBe(true);
    expect(isSiret('35600000001001')).toBe(false);
    expect(isSiret('35600000000048')).toBe(true);
  });
});

describe('payment cards', () => {
  it('recognises brands by prefix and length', () => {
    expect(cardBrand('4111111111111111')).toBe('visa');
    expect(cardBrand('5555555555554444')).toBe('mastercard');
    expect(cardBrand('378282246310005')).toBe('amex');
    expect(cardBrand('9111111111111111')).toBe(null);
  });

  it('needs a valid Luhn key, a known prefix and a valid length', () => {
    expect(isPaymentCard('4111 1111 1111 1111')).toBe(true);
    expect(isPaymentCard('4111-1111-1111-1111')).toBe(true);
    expect(isPaymentCard('378282246310005')).toBe(true);
    expect(isPaymentCard('4111111111111112')).toBe(false);
    expect(isPaymentCard('0000000000000000')).toBe(false);
    expect(isPaymentCard('37828224631000')).toBe(false);
    expect(isPaymentCard('4111  1111 1111 1111')).toBe(false);
  });
});

describe('IP and MAC addresses', () => {
  it('accepts strict IPv4 only', () => {
    expect(isIpv4('192.168.1.10')).toBe(true);
    expect(isIpv4('0.0.0.0')).toBe(true);
    expect(isIpv4('256.1.1.1')).toBe(false);
    expect(isIpv4('192.168.01.1')).toBe(false);
    expect(isIpv4('1.2.3')).toBe(false);
    expect(isIpv4('1.2.3.4.5')).toBe(false);
    expect(isIpv4('1.2.3.')).toBe(false);
  });

  it('accepts RFC 4291 IPv6 forms', () => {
    expect(isIpv6('2001:0db8:85a3:0000:0000:8a2e:0370:7334')).toBe(true);
    expect(isIpv6('2001:db8::1')).toBe(true);
    expect(isIpv6('::1')).toBe(true);
    expect(isIpv6('::')).toBe(true);
    expect(isIpv6('::ffff:192.168.1.1')).toBe(true);
    expect(isIpv6('1::2::3')).toBe(false);
    expect(isIpv6('12345::1')).toBe(false);
    expect(isIpv6('1:2:3:4:5:6:7:8:9')).toBe(false);
    expect(isIpv6('10:30')).toBe(false);
    expect(isIpv6('1:2:3:4:5:6:7:8:')).toBe(false);
  });

  it('accepts MAC-48 with one separator kind', () => {
    expect(isMacAddress('00:1A:2B:3C:4D:5E')).toBe(true);
    expect(isMacAddress('00-1a-2b-3c-4d-5e')).toBe(true);
    expect(isMacAddress('00:1A-2B:3C:4D:5E')).toBe(false);
  });
});

describe('e-mail', () => {
  it('validates syntax and tells role mailboxes apart', () => {
    expect(isEmail('jean.dupont@example.fr')).toBe(true);
    expect(isEmail('j.dupont+news@sub.example.co.uk')).toBe(true);
    expect(isEmail('jean..dupont@example.fr')).toBe(false);
    expect(isEmail('jean@example')).toBe(false);
    expect(isEmail('jean@-example.fr')).toBe(false);
    expect(isEmail('@example.fr')).toBe(false);
    expect(isEmail('a@b@example.fr')).toBe(false);
    expect(isRoleEmail('contact@example.fr')).toBe(true);
    expect(isRoleEmail('jean.dupont@example.fr')).toBe(false);
  });
});

describe('phone', () => {
  it('parses French national and international numbers', () => {
    expect(parsePhone('06 12 34 56 78')).toEqual({ kind: 'fr-national', formatted: true, digits: '612345678' });
    expect(parsePhone('06.12.34.56.78')?.kind).toBe('fr-national');
    expect(parsePhone('0612345678')).toEqual({ kind: 'fr-national', formatted: false, digits: '612345678' });
    expect(parsePhone('+33 6 12 34 56 78')?.kind).toBe('fr-international');
    expect(parsePhone('+33 (0)6 12 34 56 78')?.kind).toBe('fr-international');
    expect(parsePhone('0033612345678')?.kind).toBe('fr-international');
    expect(parsePhone('+44 20 7946 0958')?.kind).toBe('international');
    expect(parsePhone('+1 (415) 555-2671')?.kind).toBe('international');
  });

  it('rejects near misses', () => {
    expect(parsePhone('0012345678')).toBe(null);
    expect(parsePhone('061234567')).toBe(null);
    expect(parsePhone('+33 06 12 34 56 78')).toBe(null);
    expect(parsePhone('06  12 34 56 78')).toBe(null);
    expect(parsePhone('+0100')).toBe(null);
    expect(parsePhone('06-12-34-56-7x')).toBe(null);
  });
});

describe('postal code', () => {
  it('accepts French departments, Corsica and overseas', () => {
    expect(isFrenchPostalCode('75001')).toBe(true);
    expect(isFrenchPostalCode('20000')).toBe(true);
    expect(isFrenchPostalCode('97400')).toBe(true);
    expect(isFrenchPostalCode('98000')).toBe(true);
    expect(isFrenchPostalCode('00100')).toBe(false);
    expect(isFrenchPostalCode('96100')).toBe(false);
    expect(isFrenchPostalCode('20900')).toBe(false);
    expect(isFrenchPostalCode('7500')).toBe(false);
    expect(departmentOfPostalCode('97411')).toBe('974');
    expect(departmentOfPostalCode('29200')).toBe('29');
  });
});

describe('dates and dates of birth', () => {
  it('parses ISO, day-first and month-first (when unambiguous) dates', () => {
    expect(parseDate('1985-03-12')).toEqual({ year: 1985, month: 3, day: 12, hasTime: false });
    expect(parseDate('12/03/1985')).toEqual({ year: 1985, month: 3, day: 12, hasTime: false });
    expect(parseDate('12/31/1985')).toEqual({ year: 1985, month: 12, day: 31, hasTime: false });
    expect(parseDate('2024-02-29T10:00:00Z')).toEqual({ year: 2024, month: 2, day: 29, hasTime: true });
    expect(parseDate('1985-03-12 00:00:00')).toEqual({ year: 1985, month: 3, day: 12, hasTime: false });
    expect(parseDate('2023-02-29')).toBe(null);
    expect(parseDate('19850312')).toBe(null);
  });

  it('checks an age of 0 to 120 years at the reference date given', () => {
    const reference = toReferenceDate('2025-06-30');
    expect(isPlausibleBirthDate('1985-03-12', reference)).toBe(true);
    expect(isPlausibleBirthDate('2025-06-30', reference)).toBe(true);
    expect(isPlausibleBirthDate('2025-07-01', reference)).toBe(false);
    expect(isPlausibleBirthDate('1900-01-01', reference)).toBe(false);
    expect(isPlausibleBirthDate('1985-03-12T08:30:00', reference)).toBe(false);
    expect(isPlausibleBirthDate('1870-01-01', null)).toBe(false);
  });
});

describe('passport and licence plates', () => {
  it('checks the French passport format', () => {
    expect(isFrenchPassport('09AB12345')).toBe(true);
    expect(isFrenchPassport('09AB1234')).toBe(false);
    expect(isFrenchPassport('0XAB12345')).toBe(false);
  });

  it('applies the SIV letter rules and reads FNI plates', () => {
    expect(parsePlate('AB-123-CD')).toBe('siv');
    expect(parsePlate('AB 123 CD')).toBe('siv');
    expect(parsePlate('ab123cd')).toBe('siv');
    expect(parsePlate('WW-123-CD')).toBe('siv-temporary');
    expect(parsePlate('AI-123-CD')).toBe(null);
    expect(parsePlate('AB-123-OU')).toBe(null);
    expect(parsePlate('SS-123-AB')).toBe(null);
    expect(parsePlate('AB-123-SS')).toBe(null);
    expect(parsePlate('AB-123-WW')).toBe(null);
    expect(parsePlate('AB-000-CD')).toBe(null);
    expect(parsePlate('123 ABC 75')).toBe('fni');
    expect(parsePlate('1234 AB 2A')).toBe('fni');
    expect(parsePlate('123 ABC 20')).toBe(null);
    expect(parsePlate('123 ABC 974')).toBe('fni');
  });
});
