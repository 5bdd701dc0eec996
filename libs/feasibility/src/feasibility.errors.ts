import { DomainError, ErrorKind } from '@cartographer/common';

/** Codes of @cartographer/feasibility; each names what is wrong in a plan, a calendar or an option. */
export enum FeasibilityErrorCode {
  /** The plan does not follow its format: types, unknown keys, missing members, impossible dates. */
  INVALID_PLAN = 'FEASIBILITY_INVALID_PLAN',
  /** Two tasks share an id. */
  DUPLICATE_TASK = 'FEASIBILITY_DUPLICATE_TASK',
  /** A dependency names a task the plan does not have. */
  UNKNOWN_TASK = 'FEASIBILITY_UNKNOWN_TASK',
  /** A task lists the same predecessor twice with the same link type (SS and FF from one task is allowed). */
  DUPLICATE_DEPENDENCY = 'FEASIBILITY_DUPLICATE_DEPENDENCY',
  /** The dependencies loop back on themselves; the message lists the tasks of one cycle. */
  DEPENDENCY_CYCLE = 'FEASIBILITY_DEPENDENCY_CYCLE',
  /** A duration below zero working days. */
  NEGATIVE_DURATION = 'FEASIBILITY_NEGATIVE_DURATION',
  /** A baseline that finishes before it starts, or has only one of its two dates. */
  INVALID_BASELINE = 'FEASIBILITY_INVALID_BASELINE',
  /** Actual dates and percent complete that contradict each other or the status date. */
  INVALID_PROGRESS = 'FEASIBILITY_INVALID_PROGRESS',
  /** A calendar date that is not a real YYYY-MM-DD date, out of range, or a calendar without working days. */
  INVALID_CALENDAR = 'FEASIBILITY_INVALID_CALENDAR',
  /** A rendering or scheduling option out of its bounds. */
  INVALID_OPTION = 'FEASIBILITY_INVALID_OPTION',
  /** A country that is not an ISO 3166-1 alpha-2 code, where a grid intensity or a jurisdiction is looked up. */
  UNKNOWN_COUNTRY = 'FEASIBILITY_UNKNOWN_COUNTRY',
  /** A provider named in a comparison that the price table does not have. */
  UNKNOWN_PROVIDER = 'FEASIBILITY_UNKNOWN_PROVIDER',
  /** A price table row without its date, currency, source or with an impossible amount. */
  INVALID_PRICE_TABLE = 'FEASIBILITY_INVALID_PRICE_TABLE',
  /** Facts given to a recommendation that contradict themselves (negative volume, unknown server). */
  INVALID_FACTS = 'FEASIBILITY_INVALID_FACTS',
}

export const FEASIBILITY_ERROR_KINDS: Readonly<Record<FeasibilityErrorCode, ErrorKind>> = {
  [FeasibilityErrorCode.INVALID_PLAN]: ErrorKind.INVALID_INPUT,
  [FeasibilityErrorCode.DUPLICATE_TASK]: ErrorKind.INVALID_INPUT,
  [FeasibilityErrorCode.UNKNOWN_TASK]: ErrorKind.INVALID_INPUT,
  [FeasibilityErrorCode.DUPLICATE_DEPENDENCY]: ErrorKind.INVALID_INPUT,
  [FeasibilityErrorCode.DEPENDENCY_CYCLE]: ErrorKind.INVALID_INPUT,
  [FeasibilityErrorCode.NEGATIVE_DURATION]: ErrorKind.INVALID_INPUT,
  [FeasibilityErrorCode.INVALID_BASELINE]: ErrorKind.INVALID_INPUT,
  [FeasibilityErrorCode.INVALID_PROGRESS]: ErrorKind.INVALID_INPUT,
  [FeasibilityErrorCode.INVALID_CALENDAR]: ErrorKind.INVALID_INPUT,
  [FeasibilityErrorCode.INVALID_OPTION]: ErrorKind.INVALID_INPUT,
  [FeasibilityErrorCode.UNKNOWN_COUNTRY]: ErrorKind.INVALID_INPUT,
  [FeasibilityErrorCode.UNKNOWN_PROVIDER]: ErrorKind.INVALID_INPUT,
  [FeasibilityErrorCode.INVALID_PRICE_TABLE]: ErrorKind.INVALID_INPUT,
  [FeasibilityErrorCode.INVALID_FACTS]: ErrorKind.INVALID_INPUT,
};

/** One problem, located: `path` in the plan document (`tasks[3].dependencies[0]`), `task` the task id. */
export interface PlanIssue {
  path: string;
  task?: string;
  reason: string;
}

const MAX_LISTED_ISSUES = 20;

/**
 * A feasibility error lists its issues (all of them in `issues`, the first 20 in the message); the
 * message names each item by its path and task id, so a planner can find it in the file.
 */
export class FeasibilityError extends DomainError<FeasibilityErrorCode> {
  constructor(
    code: FeasibilityErrorCode,
    message: string,
    readonly issues: readonly PlanIssue[] = [],
  ) {
    super(code, message, FEASIBILITY_ERROR_KINDS);
  }

  static of(code: FeasibilityErrorCode, issues: readonly PlanIssue[]): FeasibilityError {
    const lines = issues.slice(0, MAX_LISTED_ISSUES).map(describeIssue);
    const more = issues.length > MAX_LISTED_ISSUES ? ` (and ${issues.length - MAX_LISTED_ISSUES} more)` : '';
    return new FeasibilityError(code, `${lines.join('; ')}${more}`, issues);
  }

  override details(): Record<string, unknown> {
    return { issues: this.issues.slice(0, MAX_LISTED_ISSUES) };
  }
}

function describeIssue(issue: PlanIssue): string {
  const where = issue.path || 'plan';
  return issue.task === undefined
    ? `${where}: ${issue.reason}`
    : `${where} (task ${quote(issue.task)}): ${issue.reason}`;
}

/** Quotes a user string in a message (other values unquoted): at most `max` characters, control characters replaced. */
export function quote(value: unknown, max = 60): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  // eslint-disable-next-line no-control-regex
  const printable = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '?');
  const cut = printable.length > max ? `${printable.slice(0, max)}…` : printable;
  return typeof value === 'string' ? `'${cut}'` : cut;
}
