import { civilOf, dayNumber } from '../calendar/civil-date.js';

export type GanttLang = 'fr' | 'en';
export const GANTT_LANGS: readonly GanttLang[] = ['fr', 'en'];

const MONTHS: Record<GanttLang, readonly string[]> = {
  // Abbreviations of the Imprimerie nationale / CLDR fr ("3 déc. 2026"), and of English style guides.
  fr: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

export function monthLabel(month: number, lang: GanttLang): string {
  return MONTHS[lang][month - 1];
}

/** `3 déc. 2026` / `3 Dec 2026`. */
export function formatDate(date: string, lang: GanttLang): string {
  const { year, month, day } = civilOf(dayNumber(date));
  return `${day} ${monthLabel(month, lang)} ${year}`;
}

/** A signed count of working days: `+3 j`, `-2 d`, `0 j`. */
export function formatDays(days: number, lang: GanttLang, signed = false): string {
  const sign = signed && days > 0 ? '+' : '';
  return `${sign}${days} ${LABELS[lang].dayUnit}`;
}

export interface GanttLabels {
  chart: string;
  page: (page: number, pages: number) => string;
  id: string;
  task: string;
  es: string;
  ef: string;
  ls: string;
  lf: string;
  tf: string;
  ff: string;
  variance: string;
  dayUnit: string;
  start: string;
  end: string;
  deadline: string;
  deadlineMargin: (days: string) => string;
  statusDate: string;
  week: string;
  late: string;
  legend: {
    task: string;
    critical: string;
    milestone: string;
    baseline: string;
    progress: string;
    float: string;
    negativeFloat: string;
    statusDate: string;
    deadline: string;
    nonWorking: string;
    columns: string;
  };
}

export const LABELS: Record<GanttLang, GanttLabels> = {
  fr: {
    chart: 'Diagramme de Gantt',
    page: (page, pages) => `page ${page}/${pages}`,
    id: 'Id',
    task: 'Tâche',
    es: 'Déb. tôt',
    ef: 'Fin tôt',
    ls: 'Déb. tard',
    lf: 'Fin tard',
    tf: 'MT',
    ff: 'ML',
    variance: 'Écart',
    dayUnit: 'j',
    start: 'Début',
    end: 'Fin',
    deadline: 'Échéance',
    deadlineMargin: (days) => `marge ${days}`,
    statusDate: 'État au',
    week: 'S',
    late: 'Retard',
    legend: {
      task: 'Tâche',
      critical: 'Tâche critique (hachurée)',
      milestone: 'Jalon',
      baseline: 'Référence (planning initial)',
      progress: 'Avancement',
      float: 'Marge totale',
      negativeFloat: 'Marge négative (dépassement)',
      statusDate: 'Date d’état',
      deadline: 'Échéance',
      nonWorking: 'Jour non ouvré',
      columns: 'MT : marge totale, ML : marge libre, Écart : fin prévue − fin de référence, en jours ouvrés (j).',
    },
  },
  en: {
    chart: 'Gantt chart',
    page: (page, pages) => `page ${page}/${pages}`,
    id: 'Id',
    task: 'Task',
    es: 'ES',
    ef: 'EF',
    ls: 'LS',
    lf: 'LF',
    tf: 'TF',
    ff: 'FF',
    variance: 'Var.',
    dayUnit: 'd',
    start: 'Start',
    end: 'End',
    deadline: 'Deadline',
    deadlineMargin: (days) => `float ${days}`,
    statusDate: 'Status date',
    week: 'W',
    late: 'Late',
    legend: {
      task: 'Task',
      critical: 'Critical task (hatched)',
      milestone: 'Milestone',
      baseline: 'Baseline',
      progress: 'Progress',
      float: 'Total float',
      negativeFloat: 'Negative float (overrun)',
      statusDate: 'Status date',
      deadline: 'Deadline',
      nonWorking: 'Non-working day',
      columns:
        'ES/EF: early start/finish, LS/LF: late start/finish, TF/FF: total/free float, Var.: forecast − baseline finish, in working days (d).',
    },
  },
};
