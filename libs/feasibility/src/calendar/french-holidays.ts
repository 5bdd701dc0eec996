import { dateOfDay, dayOf } from './civil-date.js';

/**
 * French public holidays (jours fériés), computed for any year.
 *
 * Source: Code du travail, art. L3133-1 (the eleven holidays of metropolitan France, a list in force
 * since 8 May was restored by loi n° 81-893 du 2 octobre 1981) and, for Alsace-Moselle (Bas-Rhin,
 * Haut-Rhin, Moselle), art. L3134-13 (Good Friday in communes with a Protestant or mixed church —
 * in practice observed throughout the three départements — and 26 December). Overseas départements
 * add abolition-of-slavery days that differ per territory: declare them as extra non-working days.
 *
 * Whit Monday remains a public holiday even where it is worked as the "journée de solidarité"
 * (art. L3133-7 ff.): declare it as an extra working day in that case.
 */
export type FrenchHolidayName =
  | 'NEW_YEAR'
  | 'GOOD_FRIDAY'
  | 'EASTER_MONDAY'
  | 'LABOUR_DAY'
  | 'VICTORY_1945'
  | 'ASCENSION'
  | 'WHIT_MONDAY'
  | 'BASTILLE_DAY'
  | 'ASSUMPTION'
  | 'ALL_SAINTS'
  | 'ARMISTICE_1918'
  | 'CHRISTMAS'
  | 'SAINT_STEPHEN';

export interface FrenchHoliday {
  date: string;
  name: FrenchHolidayName;
  fr: string;
  en: string;
}

export interface FrenchHolidayOptions {
  /** Adds Good Friday and 26 December (Alsace-Moselle local law). */
  alsaceMoselle?: boolean;
}

/**
 * Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), as a day number.
 * Valid for every Gregorian year.
 */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayOf(year, month, day);
}

const LABELS: Record<FrenchHolidayName, { fr: string; en: string }> = {
  NEW_YEAR: { fr: 'Jour de l’an', en: 'New Year’s Day' },
  GOOD_FRIDAY: { fr: 'Vendredi saint', en: 'Good Friday' },
  EASTER_MONDAY: { fr: 'Lundi de Pâques', en: 'Easter Monday' },
  LABOUR_DAY: { fr: 'Fête du Travail', en: 'Labour Day' },
  VICTORY_1945: { fr: 'Victoire 1945', en: 'Victory in Europe Day' },
  ASCENSION: { fr: 'Ascension', en: 'Ascension Day' },
  WHIT_MONDAY: { fr: 'Lundi de Pentecôte', en: 'Whit Monday' },
  BASTILLE_DAY: { fr: 'Fête nationale', en: 'Bastille Day' },
  ASSUMPTION: { fr: 'Assomption', en: 'Assumption Day' },
  ALL_SAINTS: { fr: 'Toussaint', en: 'All Saints’ Day' },
  ARMISTICE_1918: { fr: 'Armistice 1918', en: 'Armistice Day' },
  CHRISTMAS: { fr: 'Noël', en: 'Christmas Day' },
  SAINT_STEPHEN: { fr: 'Saint-Étienne', en: 'St Stephen’s Day' },
};

/** The public holidays of `year`, in date order. */
export function frenchPublicHolidays(year: number, options: FrenchHolidayOptions = {}): FrenchHoliday[] {
  const easter = easterSunday(year);
  const days: [number, FrenchHolidayName][] = [
    [dayOf(year, 1, 1), 'NEW_YEAR'],
    [easter + 1, 'EASTER_MONDAY'],
    [dayOf(year, 5, 1), 'LABOUR_DAY'],
    [dayOf(year, 5, 8), 'VICTORY_1945'],
    [easter + 39, 'ASCENSION'],
    [easter + 50, 'WHIT_MONDAY'],
    [dayOf(year, 7, 14), 'BASTILLE_DAY'],
    [dayOf(year, 8, 15), 'ASSUMPTION'],
    [dayOf(year, 11, 1), 'ALL_SAINTS'],
    [dayOf(year, 11, 11), 'ARMISTICE_1918'],
    [dayOf(year, 12, 25), 'CHRISTMAS'],
  ];
  if (options.alsaceMoselle) days.push([easter - 2, 'GOOD_FRIDAY'], [dayOf(year, 12, 26), 'SAINT_STEPHEN']);
  // Ascension can fall on 1 or 8 May (e.g. 2008: 1 May): both names are kept, sorted by date then name.
  return days
    .sort((x, y) => x[0] - y[0] || x[1].localeCompare(y[1]))
    .map(([day, name]) => ({ date: dateOfDay(day), name, ...LABELS[name] }));
}
