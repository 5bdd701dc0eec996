import { FeasibilityError, FeasibilityErrorCode, type PlanIssue, quote } from '../feasibility.errors.js';
import { civilOf, dateOfDay, dayNumber, isoWeekday, tryDayNumber } from './civil-date.js';
import { frenchPublicHolidays } from './french-holidays.js';

/** ISO weekday numbers: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Which days are worked. Every member is optional; the default is Monday to Friday minus French holidays. */
export interface CalendarSpec {
  /** Weekdays never worked; default Saturday and Sunday (`[6, 7]`). */
  weekend?: IsoWeekday[];
  /** French public holidays of metropolitan France (Code du travail L3133-1) are off; default true. */
  frenchHolidays?: boolean;
  /** Also Good Friday and 26 December (Alsace-Moselle, Code du travail L3134-13); default false. */
  alsaceMoselle?: boolean;
  /** Extra days off (company closures, bridges), `YYYY-MM-DD`. */
  nonWorkingDays?: string[];
  /** Days worked although weekend or holiday (e.g. Whit Monday as "journée de solidarité"); they win over every other rule. */
  workingDays?: string[];
}

/** Date arithmetic is bounded to these years so that no loop can run away. */
export const CALENDAR_MIN_DATE = '1900-01-01';
export const CALENDAR_MAX_DATE = '2299-12-31';
const MIN_DAY = dayNumber(CALENDAR_MIN_DATE);
const MAX_DAY = dayNumber(CALENDAR_MAX_DATE);
/** Index 0 of the timeline is the first working day on or after this date. */
const ANCHOR_DAY = dayNumber('2000-01-01');

/**
 * A working-day calendar over calendar dates (UTC, no time of day).
 *
 * Internally every date maps to a *boundary*: the number of working days between a fixed anchor and
 * the start of that date (negative before the anchor). The working day at index `i` is the one that
 * starts at boundary `i`. "Start of date D" is boundary `startIndex(D)`; "end of date D" is
 * `startIndex(D + 1 day)`. A non-working date therefore starts where the next working day starts and
 * ends where the previous working day ends. All arithmetic (add, difference, CPM) is on boundaries.
 */
export class WorkingCalendar {
  private readonly weekend: ReadonlySet<number>;
  private readonly nonWorking: ReadonlySet<number>;
  private readonly working: ReadonlySet<number>;
  private readonly holidaysByYear = new Map<number, ReadonlySet<number>>();
  /** Working days on or after the anchor, ascending. */
  private readonly forward: number[] = [];
  /** Working days before the anchor, descending. */
  private readonly backward: number[] = [];
  private forwardScanned = ANCHOR_DAY - 1;
  private backwardScanned = ANCHOR_DAY;

  constructor(readonly spec: CalendarSpec = {}) {
    const issues: PlanIssue[] = [];
    const weekend = spec.weekend ?? [6, 7];
    weekend.forEach((weekday, i) => {
      if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
        issues.push({
          path: `calendar.weekend[${i}]`,
          reason: `${quote(weekday)} is not an ISO weekday (1 = Monday … 7 = Sunday)`,
        });
      }
    });
    if (issues.length === 0 && new Set(weekend).size === 7) {
      issues.push({ path: 'calendar.weekend', reason: 'every weekday is off: the calendar has no working day' });
    }
    const days = (list: string[] | undefined, member: string) =>
      new Set(
        (list ?? []).map((text, i) => {
          const day = typeof text === 'string' ? tryDayNumber(text) : undefined;
          if (day === undefined || day < MIN_DAY || day > MAX_DAY) {
            issues.push({
              path: `calendar.${member}[${i}]`,
              reason: `${quote(text)} is not a YYYY-MM-DD date between ${CALENDAR_MIN_DATE} and ${CALENDAR_MAX_DATE}`,
            });
          }
          return day ?? NaN;
        }),
      );
    this.nonWorking = days(spec.nonWorkingDays, 'nonWorkingDays');
    this.working = days(spec.workingDays, 'workingDays');
    if (issues.length > 0) throw FeasibilityError.of(FeasibilityErrorCode.INVALID_CALENDAR, issues);
    // ISO 1..7 to isoWeekday() 0..6.
    this.weekend = new Set(weekend.map((weekday) => weekday - 1));
  }

  // ------------------------------------------------------------------ date API (YYYY-MM-DD)

  isWorkingDay(date: string): boolean {
    return this.isWorkingDayNumber(this.day(date));
  }

  /** `date` itself when worked, otherwise the next working day. */
  nextWorkingDay(date: string): string {
    return this.dateAt(this.startIndex(this.day(date)));
  }

  /** `date` itself when worked, otherwise the previous working day. */
  previousWorkingDay(date: string): string {
    return this.dateAt(this.startIndex(this.day(date) + 1) - 1);
  }

  /**
   * The working day `n` working days after (n > 0) or before (n < 0) `date`: for a working `date`,
   * `addWorkingDays('2026-12-04', 1)` (a Friday) is Monday 2026-12-07, like Excel's WORKDAY. A
   * non-working `date` counts as the start of the next working day, so `n = 0` rolls it forward.
   */
  addWorkingDays(date: string, n: number): string {
    if (!Number.isInteger(n)) throw this.optionError('n', n, 'is not a whole number of working days');
    return this.dateAt(this.startIndex(this.day(date)) + n);
  }

  /**
   * Working days from the start of `from` to the start of `to` (the working days of [from, to),
   * negative when `to` is earlier): `addWorkingDays(from, workingDaysBetween(from, to)) === to`
   * for every working `to`.
   */
  workingDaysBetween(from: string, to: string): number {
    return this.startIndex(this.day(to)) - this.startIndex(this.day(from));
  }

  /** Working days of [from, to], both included (Excel's NETWORKDAYS); 0 when `to` is before `from`. */
  countWorkingDays(from: string, to: string): number {
    return Math.max(0, this.startIndex(this.day(to) + 1) - this.startIndex(this.day(from)));
  }

  // ------------------------------------------------------------------ boundary API (used by the CPM)

  /** Boundary at the start of `day` (a day number). */
  startIndex(day: number): number {
    this.checkRange(day);
    if (day >= ANCHOR_DAY) {
      while (this.forwardScanned < day) this.scanForward();
      return lowerBound(this.forward, day);
    }
    while (this.backwardScanned > day) this.scanBackward();
    return -countAtLeast(this.backward, day);
  }

  /** Boundary at the end of `day`. */
  finishIndex(day: number): number {
    return this.startIndex(day + 1);
  }

  /** Day number of the working day at `index`. */
  dayAt(index: number): number {
    if (index >= 0) {
      while (this.forward.length <= index) this.scanForward();
      return this.forward[index];
    }
    while (this.backward.length < -index) this.scanBackward();
    return this.backward[-index - 1];
  }

  dateAt(index: number): string {
    return dateOfDay(this.dayAt(index));
  }

  isWorkingDayNumber(day: number): boolean {
    if (this.working.has(day)) return true;
    if (this.nonWorking.has(day) || this.weekend.has(isoWeekday(day))) return false;
    return !(this.spec.frenchHolidays ?? true) || !this.holidays(civilOf(day).year).has(day);
  }

  // ------------------------------------------------------------------ internals

  private holidays(year: number): ReadonlySet<number> {
    let set = this.holidaysByYear.get(year);
    if (set === undefined) {
      const list = frenchPublicHolidays(year, { alsaceMoselle: this.spec.alsaceMoselle ?? false });
      set = new Set(list.map((holiday) => dayNumber(holiday.date)));
      this.holidaysByYear.set(year, set);
    }
    return set;
  }

  private scanForward(): void {
    const day = ++this.forwardScanned;
    this.checkRange(day);
    if (this.isWorkingDayNumber(day)) this.forward.push(day);
  }

  private scanBackward(): void {
    const day = --this.backwardScanned;
    this.checkRange(day);
    if (this.isWorkingDayNumber(day)) this.backward.push(day);
  }

  private checkRange(day: number): void {
    if (day < MIN_DAY || day > MAX_DAY + 1) {
      throw new FeasibilityError(
        FeasibilityErrorCode.INVALID_CALENDAR,
        `date arithmetic reaches ${day < MIN_DAY ? 'before' : 'after'} the supported range ${CALENDAR_MIN_DATE} to ${CALENDAR_MAX_DATE}`,
      );
    }
  }

  private day(date: string): number {
    const day = typeof date === 'string' ? tryDayNumber(date) : undefined;
    if (day === undefined) {
      throw new FeasibilityError(FeasibilityErrorCode.INVALID_CALENDAR, `${quote(date)} is not a YYYY-MM-DD date`);
    }
    return day;
  }

  private optionError(name: string, value: unknown, reason: string): FeasibilityError {
    return new FeasibilityError(FeasibilityErrorCode.INVALID_OPTION, `${name}: ${quote(value)} ${reason}`);
  }
}

/** First index whose value is >= target in an ascending array (its length when none). */
function lowerBound(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid] < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** How many values of a descending array are >= target. */
function countAtLeast(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid] >= target) low = mid + 1;
    else high = mid;
  }
  return low;
}
