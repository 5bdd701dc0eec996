import { DomainError, ErrorKind } from '@cartographer/common';

/** Errors of the compliance registers' use cases (the pure rules throw ComplianceRulesErrors). */
export enum RegistersErrorCode {
  /** The organisation does not exist, or the caller may not read it (the two are not told apart). */
  ORGANISATION_NOT_FOUND = 'REGISTERS_ORGANISATION_NOT_FOUND',
  /** The department filter names a department the organisation does not have. */
  DEPARTMENT_NOT_FOUND = 'REGISTERS_DEPARTMENT_NOT_FOUND',
  /** The activity named does not belong to the organisation (or does not exist). */
  ACTIVITY_NOT_FOUND = 'REGISTERS_ACTIVITY_NOT_FOUND',
  /** The recipient named does not belong to the organisation (or does not exist, or is not readable). */
  RECIPIENT_NOT_FOUND = 'REGISTERS_RECIPIENT_NOT_FOUND',
  /** The risk named is not a risk of the organisation's register. */
  RISK_NOT_FOUND = 'REGISTERS_RISK_NOT_FOUND',
  /** The action named is not in the organisation's action plan. */
  ACTION_NOT_FOUND = 'REGISTERS_ACTION_NOT_FOUND',
  /** An input member is malformed: as-of date, format, language, override, TIA record. */
  INVALID_INPUT = 'REGISTERS_INVALID_INPUT',
}

const KINDS: Readonly<Record<RegistersErrorCode, ErrorKind>> = {
  [RegistersErrorCode.ORGANISATION_NOT_FOUND]: ErrorKind.NOT_FOUND,
  [RegistersErrorCode.DEPARTMENT_NOT_FOUND]: ErrorKind.NOT_FOUND,
  [RegistersErrorCode.ACTIVITY_NOT_FOUND]: ErrorKind.NOT_FOUND,
  [RegistersErrorCode.RECIPIENT_NOT_FOUND]: ErrorKind.NOT_FOUND,
  [RegistersErrorCode.RISK_NOT_FOUND]: ErrorKind.NOT_FOUND,
  [RegistersErrorCode.ACTION_NOT_FOUND]: ErrorKind.NOT_FOUND,
  [RegistersErrorCode.INVALID_INPUT]: ErrorKind.INVALID_INPUT,
};

/** `member` names the input at fault (`asOf`, `department`, `override.justification`). */
export class RegistersError extends DomainError<RegistersErrorCode> {
  constructor(
    code: RegistersErrorCode,
    readonly member: string,
    message: string,
  ) {
    super(code, `${member}: ${message}`, KINDS);
  }

  override details(): Record<string, unknown> {
    return { member: this.member };
  }
}

/** A value quoted for an error message: at most 64 characters, controls escaped. */
export function quoted(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  // eslint-disable-next-line no-control-regex
  const safe = text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '?');
  return safe.length > 64 ? `'${safe.slice(0, 64)}…' (${safe.length} characters)` : `'${safe}'`;
}
