import { describe, expect, it } from '@jest/globals';
import { ErrorKind } from '@cartographer/common';
import { FeasibilityError, FeasibilityErrorCode } from '../feasibility.errors.js';
import { dateOfDay, dayNumber, isoWeek, isoWeekday, tryDayNumber } from './civil-date.js';
import { easterSunday, frenchPublicHolidays } from './french-holidays.js';
import { WorkingCalendar } from './working-calendar.js';

// Expected dates are written out from the official calendars (service-public.fr "jours fériés"
// pages for 2025, 2026 and 2027), not derived from the code under test.

describe('easterSunday (anonymous Gregorian algorithm)', () => {
  it.each([
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    // The extremes of the Gregorian computus: 22 March (2285) and 25 April (2038).
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i: %s', (year, expected) => {
    expect(dateOfDay(easterSunday(year))).toBe(expected);
  });
});

describe('frenchPublicHolidays', () => {
  const dates = (year: number, alsaceMoselle = false) =>
    frenchPublicHolidays(year, { alsaceMoselle }).map((h) => h.date);

  it('2025: Easter Monday 21 April, Ascension 29 May, Whit Monday 9 June', () => {
    expect(dates(2025)).toEqual([
      '2025-01-01',
      '2025-04-21',
      '2025-05-01',
      '2025-05-08',
      '2025-05-29',
      '2025-06-09',
      '2025-07-14',
      '2025-08-15',
      '2025-11-01',
      '2025-11-11',
      '2025-12-25',
    ]);
  });

  it('2026: Easter Monday 6 April, Ascension 14 May, Whit Monday 25 May', () => {
    expect(dates(2026)).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-08',
      '2026-05-14',
      '2026-05-25',
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
  });

  it('2027: Easter Monday 29 March, Ascension 6 May (before 8 May), Whit Monday 17 May', () => {
    expect(dates(2027)).toEqual([
      '2027-01-01',
      '2027-03-29',
      '2027-05-01',
      '2027-05-06',
      '2027-05-08',
      '2027-05-17',
      '2027-07-14',
      '2027-08-15',
      '2027-11-01',
      '2027-11-11',
      '2027-12-25',
    ]);
  });

  it('Alsace-Moselle adds Good Friday and 26 December', () => {
    expect(frenchPublicHolidays(2026, { alsaceMoselle: true }).filter((h) => !dates(2026).includes(h.date))).toEqual([
      { date: '2026-04-03', name: 'GOOD_FRIDAY', fr: 'Vendredi saint', en: 'Good Friday' },
      { date: '2026-12-26', name: 'SAINT_STEPHEN', fr: 'Saint-Étienne', en: 'St Stephen’s Day' },
    ]);
  });

  it('keeps both names when Ascension falls on 1 May (2008)', () => {
    expect(
      frenchPublicHolidays(2008)
        .filter((h) => h.date === '2008-05-01')
        .map((h) => h.name),
    ).toEqual(['ASCENSION', 'LABOUR_DAY']);
  });
});

describe('civil dates', () => {
  it('refuses impossible dates and computes ISO weekdays and weeks', () => {
    expect(tryDayNumber('2026-02-29')).toBeUndefined();
    expect(tryDayNumber('2028-02-29')).toBe(dayNumber('2028-03-01') - 1);
    expect(tryDayNumber('2026-13-01')).toBeUndefined();
    expect(tryDayNumber('2026-1-01')).toBeUndefined();
    expect(isoWeekday(dayNumber('2026-12-03'))).toBe(3); // a Thursday
    expect(isoWeek(dayNumber('2026-12-31'))).toEqual({ year: 2026, week: 53 });
    expect(isoWeek(dayNumber('2027-01-04'))).toEqual({ year: 2027, week: 1 });
    expect(isoWeek(dayNumber('2025-12-29'))).toEqual({ year: 2026, week: 1 });
  });
});

describe('WorkingCalendar', () => {
  const calendar = new WorkingCalendar();

  it('knows weekends and holidays of the three years', () => {
    for (const holiday of [
      '2025-04-21',
      '2025-05-29',
      '2025-06-09',
      '2026-04-06',
      '2026-05-14',
      '2026-05-25',
      '2027-03-29',
      '2027-05-06',
      '2027-05-17',
    ]) {
      expect([holiday, calendar.isWorkingDay(holiday)]).toEqual([holiday, false]);
    }
    expect(calendar.isWorkingDay('2026-04-03')).toBe(true); // Good Friday outside Alsace-Moselle
    expect(calendar.isWorkingDay('2026-12-05')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-12-07')).toBe(true);
  });

  it('adds working days over Easter Monday, Ascension and Whit Monday', () => {
    expect(calendar.addWorkingDays('2025-04-18', 1)).toBe('2025-04-22'); // Fri → (Mon 21 off) Tue
    expect(calendar.addWorkingDays('2025-05-28', 1)).toBe('2025-05-30'); // Wed → (Thu 29 off) Fri
    expect(calendar.addWorkingDays('2025-06-06', 1)).toBe('2025-06-10'); // Fri → (Mon 9 off) Tue
    expect(calendar.addWorkingDays('2026-05-13', 1)).toBe('2026-05-15');
    expect(calendar.addWorkingDays('2026-05-22', 1)).toBe('2026-05-26');
    expect(calendar.addWorkingDays('2027-03-26', 1)).toBe('2027-03-30');
    expect(calendar.addWorkingDays('2027-05-05', 1)).toBe('2027-05-07');
    expect(calendar.addWorkingDays('2027-05-14', 1)).toBe('2027-05-18');
    expect(calendar.addWorkingDays('2026-05-26', -1)).toBe('2026-05-22');
    expect(calendar.addWorkingDays('2026-12-04', 1)).toBe('2026-12-07');
    expect(calendar.addWorkingDays('2026-12-07', 0)).toBe('2026-12-07');
  });

  it('counts a non-working start as the start of the next working day', () => {
    // Saturday 23 May 2026: the next working day is Tuesday 26 (Whit Monday 25 is off).
    expect(calendar.addWorkingDays('2026-05-23', 0)).toBe('2026-05-26');
    expect(calendar.addWorkingDays('2026-05-23', 1)).toBe('2026-05-27');
    expect(calendar.nextWorkingDay('2026-05-23')).toBe('2026-05-26');
    expect(calendar.previousWorkingDay('2026-05-25')).toBe('2026-05-22');
  });

  it('takes differences in working days, half-open and antisymmetric', () => {
    // [Thu 30 Apr, Mon 11 May 2026): 30 Apr, 4, 5, 6, 7 May (1 and 8 May are holidays).
    expect(calendar.workingDaysBetween('2026-04-30', '2026-05-11')).toBe(5);
    expect(calendar.workingDaysBetween('2026-05-11', '2026-04-30')).toBe(-5);
    // 24 Dec 2026, then 28, 29, 30, 31 Dec (25 Dec and 1 Jan 2027 are holidays).
    expect(calendar.workingDaysBetween('2026-12-24', '2027-01-04')).toBe(5);
    // Before the internal anchor (2000-01-01 was a Saturday, a holiday): 30 and 31 Dec 1999, 3 Jan 2000.
    expect(calendar.workingDaysBetween('1999-12-30', '2000-01-04')).toBe(3);
    expect(calendar.addWorkingDays('2000-01-04', -3)).toBe('1999-12-30');
    // May 2026: 21 weekdays minus 1, 8, 14 and 25 May.
    expect(calendar.countWorkingDays('2026-05-01', '2026-05-31')).toBe(17);
    expect(calendar.countWorkingDays('2026-05-31', '2026-05-01')).toBe(0);
  });

  it('applies extra non-working days, extra working days and Alsace-Moselle', () => {
    const bridge = new WorkingCalendar({ nonWorkingDays: ['2026-05-15'] });
    expect(bridge.countWorkingDays('2026-05-01', '2026-05-31')).toBe(16);
    const solidarity = new WorkingCalendar({ workingDays: ['2026-05-25'] });
    expect(solidarity.countWorkingDays('2026-05-01', '2026-05-31')).toBe(18);
    expect(solidarity.addWorkingDays('2026-05-22', 1)).toBe('2026-05-25');
    const alsace = new WorkingCalendar({ alsaceMoselle: true });
    expect(alsace.addWorkingDays('2025-04-17', 1)).toBe('2025-04-22'); // Good Friday 18 and Easter Monday 21 off
    expect(alsace.addWorkingDays('2026-12-24', 1)).toBe('2026-12-28'); // 25, 26 (Saturday anyway), 27
    expect(alsace.isWorkingDay('2025-12-26')).toBe(false); // a Friday
    const sixDays = new WorkingCalendar({ weekend: [7], frenchHolidays: false });
    expect(sixDays.countWorkingDays('2026-05-01', '2026-05-31')).toBe(26);
  });

  it('refuses a bad date, a calendar without working days and runaway arithmetic', () => {
    const error = (run: () => unknown) => {
      try {
        run();
      } catch (caught) {
        return caught;
      }
      throw new Error('expected an error');
    };
    const badDate = error(
      () => new WorkingCalendar({ nonWorkingDays: ['2026-05-15', '2026-02-30'] }),
    ) as FeasibilityError;
    expect(badDate).toBeInstanceOf(FeasibilityError);
    expect([badDate.code, badDate.kind, badDate.message]).toEqual([
      FeasibilityErrorCode.INVALID_CALENDAR,
      ErrorKind.INVALID_INPUT,
      "calendar.nonWorkingDays[1]: '2026-02-30' is not a YYYY-MM-DD date between 1900-01-01 and 2299-12-31",
    ]);
    const allOff = error(() => new WorkingCalendar({ weekend: [1, 2, 3, 4, 5, 6, 7] })) as FeasibilityError;
    expect(allOff.message).toBe('calendar.weekend: every weekday is off: the calendar has no working day');
    const far = error(() => calendar.addWorkingDays('2290-01-01', 5000)) as FeasibilityError;
    expect(far.message).toBe('date arithmetic reaches after the supported range 1900-01-01 to 2299-12-31');
    expect((error(() => calendar.addWorkingDays('2026-01-01', 1.5)) as FeasibilityError).code).toBe(
      FeasibilityErrorCode.INVALID_OPTION,
    );
  });
});

describe('civilOf and dateOfDay', () => {
  it('agree with the platform calendar on every day from 1900 to 2299', () => {
    // The arithmetic conversion is checked against Date, day by day, over the supported range.
    const mismatches: string[] = [];
    for (let day = dayNumber('1900-01-01'); day <= dayNumber('2299-12-31'); day++) {
      const expected = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (dateOfDay(day) !== expected) mismatches.push(expected);
    }
    expect(mismatches).toEqual([]);
  });
});
