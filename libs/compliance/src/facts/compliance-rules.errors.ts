import { DomainError, ErrorKind } from '@cartographer/common';

/** Invalid inputs of the compliance rules (facts, as-of date, overrides, options). */
export enum ComplianceRulesErrorCode {
  /** `asOf` (or another date member) is not a calendar date written YYYY-MM-DD. */
  INVALID_DATE = 'COMPLIANCE_INVALID_DATE',
  /** A closed-vocabulary member (role, hosting, tool, status, tier…) has a value outside its list. */
  INVALID_VALUE = 'COMPLIANCE_INVALID_VALUE',
  /** An override names a criterion id that is not one of the nine WP248 criteria. */
  UNKNOWN_CRITERION = 'COMPLIANCE_UNKNOWN_CRITERION',
  /** An override without a justification. */
  MISSING_JUSTIFICATION = 'COMPLIANCE_MISSING_JUSTIFICATION',
  /** An override names an activity the organisation does not have. */
  UNKNOWN_ACTIVITY = 'COMPLIANCE_UNKNOWN_ACTIVITY',
  /** A malformed override or option (both a criterion and a result, a negative threshold…). */
  INVALID_OPTION = 'COMPLIANCE_INVALID_OPTION',
}

const KINDS: Readonly<Record<ComplianceRulesErrorCode, ErrorKind>> = {
  [ComplianceRulesErrorCode.INVALID_DATE]: ErrorKind.INVALID_INPUT,
  [ComplianceRulesErrorCode.INVALID_VALUE]: ErrorKind.INVALID_INPUT,
  [ComplianceRulesErrorCode.UNKNOWN_CRITERION]: ErrorKind.INVALID_INPUT,
  [ComplianceRulesErrorCode.MISSING_JUSTIFICATION]: ErrorKind.INVALID_INPUT,
  [ComplianceRulesErrorCode.UNKNOWN_ACTIVITY]: ErrorKind.NOT_FOUND,
  [ComplianceRulesErrorCode.INVALID_OPTION]: ErrorKind.INVALID_INPUT,
};

/** Names the member at fault (`overrides[2].justification`, `servers[0] 'aws'.hosting`) in `member`. */
export class ComplianceRulesError extends DomainError<ComplianceRulesErrorCode> {
  constructor(
    code: ComplianceRulesErrorCode,
    readonly member: string,
    message: string,
  ) {
    super(code, `${member}: ${message}`, KINDS);
  }

  override details(): Record<string, unknown> {
    return { member: this.member };
  }
}
