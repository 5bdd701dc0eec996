import { DomainError, ErrorKind } from '@cartographer/common';

/** Codes for invalid compliance inputs, mapped once to API and CLI errors. */
export enum ComplianceErrorCode {
  /** Not shaped like an alpha-2 code at all: empty, wrong length, digits, spaces, not a string. */
  MALFORMED_COUNTRY = 'COMPLIANCE_MALFORMED_COUNTRY',
  /** Two letters, but not an officially assigned ISO 3166-1 alpha-2 code (nor an accepted alias). */
  UNKNOWN_COUNTRY = 'COMPLIANCE_UNKNOWN_COUNTRY',
  /** `sector` is not one of the values of `RecipientSector`. */
  INVALID_SECTOR = 'COMPLIANCE_INVALID_SECTOR',
  /** `certifications` is not an array of strings. */
  INVALID_CERTIFICATIONS = 'COMPLIANCE_INVALID_CERTIFICATIONS',
}

const KINDS: Readonly<Record<ComplianceErrorCode, ErrorKind>> = {
  [ComplianceErrorCode.MALFORMED_COUNTRY]: ErrorKind.INVALID_INPUT,
  [ComplianceErrorCode.UNKNOWN_COUNTRY]: ErrorKind.INVALID_INPUT,
  [ComplianceErrorCode.INVALID_SECTOR]: ErrorKind.INVALID_INPUT,
  [ComplianceErrorCode.INVALID_CERTIFICATIONS]: ErrorKind.INVALID_INPUT,
};

export class ComplianceError extends DomainError<ComplianceErrorCode> {
  /** The input field the error is about (e.g. `servers[3].country`), already sanitised. */
  readonly field?: string;

  constructor(code: ComplianceErrorCode, message: string, options?: { cause?: unknown; field?: string }) {
    super(code, message, KINDS, options?.cause === undefined ? undefined : { cause: options.cause });
    this.field = options?.field;
  }
}

/** At most this many characters of a rejected value are quoted back in a message. */
export const QUOTED_VALUE_MAX_CHARS = 16;
const FIELD_MAX_CHARS = 80;

// Controls, format characters (bidi overrides, zero-width), separators other than the plain
// space, private-use and unassigned code points: shown escaped so a message cannot be
// reflowed, spoofed or hide content.
const UNSAFE_CHAR = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]|(?! )\p{Zs}/u;

function escapeChar(char: string): string {
  if (char === "'") return "\\'";
  if (char === '\\') return '\\\\';
  if (UNSAFE_CHAR.test(char)) return `\\u{${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`;
  return char;
}

/**
 * Quotes an untrusted value for an error message: a short prefix, unsafe characters escaped,
 * the total length stated when cut. Hostile inputs (10 KB strings, control characters) stay
 * harmless in logs and API responses.
 */
export function quoteUntrusted(value: unknown): string {
  if (typeof value !== 'string') return describeType(value);
  // One pass without copying: hostile values may be megabytes long.
  let shown = '';
  let count = 0;
  for (const char of value) {
    if (count < QUOTED_VALUE_MAX_CHARS) shown += escapeChar(char);
    count += 1;
  }
  if (count <= QUOTED_VALUE_MAX_CHARS) return `'${shown}'`;
  return `'${shown}…' (${count} characters)`;
}

/** The field name is chosen by calling code but may embed user-provided keys: sanitise it too. */
export function sanitiseFieldName(field: string | undefined, fallback: string): string {
  if (typeof field !== 'string' || field.length === 0) return fallback;
  const chars = Array.from(field);
  const safe = chars
    .slice(0, FIELD_MAX_CHARS)
    .map((char) => (UNSAFE_CHAR.test(char) ? '?' : char))
    .join('');
  return chars.length > FIELD_MAX_CHARS ? `${safe}…` : safe;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a value of type ${typeof value}`;
}
