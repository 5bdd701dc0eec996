/**
 * Calendar dates as `YYYY-MM-DD` strings and as day numbers (days since 1970-01-01), in the
 * proleptic Gregorian calendar, with no time of day and no time zone: a plan date is a calendar
 * date, the same wherever it is read. No wall clock is ever consulted.
 */

/** Plans are accepted between these dates (inclusive): wide enough for any project, small enough to bound loops. */
export const MIN_PLAN_DATE = '2000-01-01';
export const MAX_PLAN_DATE = '2199-12-31';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** The day number of a real calendar date, or undefined when `text` is not one (e.g. `2026-02-30`). */
export function tryDayNumber(text: string): number | undefined {
  const match = DATE_PATTERN.exec(text);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The day number of a date the caller has already validated. */
export function dayNumber(text: string): number {
  const day = tryDayNumber(text);
  if (day === undefined) throw new RangeError(`not a YYYY-MM-DD calendar date: ${text.slice(0, 20)}`);
  return day;
}

export function dateOfDay(day: number): string {
  const { year, month, day: dayOfMonth } = civilOf(day);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${dayOfMonth < 10 ? '0' : ''}${dayOfMonth}`;
}

/** 0 = Monday … 6 = Sunday (ISO 8601 order). 1970-01-01 was a Thursday. */
export function isoWeekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Year, month and day of a day number, by arithmetic (H. Hinnant's civil_from_days): the CPM calls it for every date it prints. */
export function civilOf(day: number): CivilDate {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1,
  };
}

export function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO 8601 week number (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(day: number): { year: number; week: number } {
  const thursday = day - isoWeekday(day) + 3;
  const year = civilOf(thursday).year;
  return { year, week: Math.floor((thursday - dayOf(year, 1, 1)) / 7) + 1 };
}

/** True when `text` is a real date within [MIN_PLAN_DATE, MAX_PLAN_DATE]. */
export function isPlanDate(text: string): boolean {
  const day = tryDayNumber(text);
  return day !== undefined && text >= MIN_PLAN_DATE && text <= MAX_PLAN_DATE;
}
