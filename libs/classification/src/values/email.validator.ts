import { foldText, isAsciiLetterCode, isDigitCode } from '../text/normalize.js';

const LOCAL_SPECIALS = "!#$%&'*+-/=?^_`{|}~.";

/** ASCII characters allowed in a dot-atom local part (RFC 5322), as a lookup table. */
const LOCAL_CODES = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (isAsciiLetterCode(c) || isDigitCode(c) || LOCAL_SPECIALS.includes(String.fromCharCode(c))) LOCAL_CODES[c] = 1;
}

export function isEmailLocalCode(c: number): boolean {
  return c < 128 && LOCAL_CODES[c] === 1;
}

export function isDomainCode(c: number): boolean {
  return isAsciiLetterCode(c) || isDigitCode(c) || c === 45 || c === 46;
}

/** Checks the local part: 1-64 characters, no leading, trailing or doubled dot. */
export function isValidLocalPart(s: string, start: number, end: number): boolean {
  const len = end - start;
  if (len < 1 || len > 64) return false;
  if (s.charCodeAt(start) === 46 || s.charCodeAt(end - 1) === 46) return false;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (!isEmailLocalCode(c)) return false;
    if (c === 46 && s.charCodeAt(i + 1) === 46) return false;
  }
  return true;
}

/**
 * Checks a domain: at least two labels of 1-63 letters, digits or inner dashes, at most 253
 * characters, and a top-level label of 2+ letters (or an xn-- IDN label).
 */
export function isValidDomain(s: string, start: number, end: number): boolean {
  const len = end - start;
  if (len < 4 || len > 253) return false;
  let labels = 0;
  let labelStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || s.charCodeAt(i) === 46) {
      const labelLen = i - labelStart;
      if (labelLen < 1 || labelLen > 63) return false;
      if (s.charCodeAt(labelStart) === 45 || s.charCodeAt(i - 1) === 45) return false;
      labels++;
      if (i === end) {
        const tld = s.slice(labelStart, end);
        if (tld.startsWith('xn--')) return labels >= 2;
        if (tld.length < 2) return false;
        for (let j = 0; j < tld.length; j++) if (!isAsciiLetterCode(tld.charCodeAt(j))) return false;
      }
      labelStart = i + 1;
    } else if (!isDomainCode(s.charCodeAt(i))) {
      return false;
    }
  }
  return labels >= 2;
}

/** Whole value is an e-mail address (dot-atom form; quoted local parts and IP literals are not accepted). */
export function isEmail(value: string): boolean {
  const s = value.trim();
  if (s.length < 6 || s.length > 320) return false;
  const at = s.indexOf('@');
  if (at < 1 || s.indexOf('@', at + 1) !== -1) return false;
  return isValidLocalPart(s, 0, at) && isValidDomain(s, at + 1, s.length);
}

// Role-based mailboxes reach a function, not a person: an organisation's contact data.
const ROLE_LOCAL_PARTS: ReadonlySet<string> = new Set([
  'contact',
  'info',
  'infos',
  'information',
  'hello',
  'bonjour',
  'admin',
  'administrateur',
  'administration',
  'support',
  'sales',
  'vente',
  'ventes',
  'commercial',
  'service',
  'serviceclient',
  'service-client',
  'sav',
  'noreply',
  'no-reply',
  'donotreply',
  'ne-pas-repondre',
  'nepasrepondre',
  'postmaster',
  'webmaster',
  'hostmaster',
  'abuse',
  'security',
  'securite',
  'accueil',
  'secretariat',
  'direction',
  'rh',
  'hr',
  'jobs',
  'recrutement',
  'careers',
  'compta',
  'comptabilite',
  'accounting',
  'billing',
  'facturation',
  'invoices',
  'factures',
  'marketing',
  'newsletter',
  'presse',
  'press',
  'media',
  'communication',
  'office',
  'team',
  'equipe',
  'dpo',
  'rgpd',
  'gdpr',
  'privacy',
  'legal',
  'juridique',
  'mairie',
  'courrier',
  'help',
  'aide',
  'helpdesk',
  'it',
  'dsi',
  'root',
  'system',
  'notifications',
  'alerts',
  'orders',
  'commandes',
  'shop',
  'boutique',
  'reservation',
  'reservations',
  'booking',
  'partenaires',
  'partners',
  'achats',
  'purchasing',
]);

/** True for a role mailbox such as contact@, info@, noreply@ (organisation data, not a person). */
export function isRoleEmail(value: string): boolean {
  const s = value.trim();
  const at = s.indexOf('@');
  if (at < 1) return false;
  return ROLE_LOCAL_PARTS.has(foldText(s.slice(0, at)));
}
