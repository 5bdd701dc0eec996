import { DomainError, ErrorKind } from '@cartographer/common';

/** Invalid inputs of the risk register: security facts, measures, decisions, actions, matrix. */
export enum RisksErrorCode {
  /** A measure id that is not in the catalogue (`MEASURE_CATALOGUE`). */
  UNKNOWN_MEASURE = 'RISKS_UNKNOWN_MEASURE',
  /** A severity or likelihood score that is not an integer from 1 to 4. */
  INVALID_SCORE = 'RISKS_INVALID_SCORE',
  /** An override without a justification (empty or blank). */
  MISSING_JUSTIFICATION = 'RISKS_MISSING_JUSTIFICATION',
  /** An action without an owner. */
  MISSING_OWNER = 'RISKS_MISSING_OWNER',
  /** A date member that is not a calendar date written YYYY-MM-DD. */
  INVALID_DATE = 'RISKS_INVALID_DATE',
  /** A closed-vocabulary member outside its list, a share outside 0–1, a negative count, a duplicate key. */
  INVALID_VALUE = 'RISKS_INVALID_VALUE',
  /** A decision or an action names a risk the register does not have (another organisation's, a typo). */
  UNKNOWN_RISK = 'RISKS_UNKNOWN_RISK',
  /** A security fact names a server, department or activity the facts do not have. */
  UNKNOWN_ASSET = 'RISKS_UNKNOWN_ASSET',
  /** A risk matrix that does not put every cell of the 4×4 grid in exactly one zone. */
  INVALID_MATRIX = 'RISKS_INVALID_MATRIX',
}

const KINDS: Readonly<Record<RisksErrorCode, ErrorKind>> = {
  [RisksErrorCode.UNKNOWN_MEASURE]: ErrorKind.INVALID_INPUT,
  [RisksErrorCode.INVALID_SCORE]: ErrorKind.INVALID_INPUT,
  [RisksErrorCode.MISSING_JUSTIFICATION]: ErrorKind.INVALID_INPUT,
  [RisksErrorCode.MISSING_OWNER]: ErrorKind.INVALID_INPUT,
  [RisksErrorCode.INVALID_DATE]: ErrorKind.INVALID_INPUT,
  [RisksErrorCode.INVALID_VALUE]: ErrorKind.INVALID_INPUT,
  [RisksErrorCode.UNKNOWN_RISK]: ErrorKind.NOT_FOUND,
  [RisksErrorCode.UNKNOWN_ASSET]: ErrorKind.NOT_FOUND,
  [RisksErrorCode.INVALID_MATRIX]: ErrorKind.INVALID_INPUT,
};

/** Names the member at fault (`security.actions[2] 'act-1'.owner`) in `member` and the message. */
export class RisksError extends DomainError<RisksErrorCode> {
  constructor(
    code: RisksErrorCode,
    readonly member: string,
    message: string,
  ) {
    super(code, `${member}: ${message}`, KINDS);
  }

  override details(): Record<string, unknown> {
    return { member: this.member };
  }
}
