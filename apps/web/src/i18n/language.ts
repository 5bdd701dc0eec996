export type Language = 'fr' | 'en';

export const LANGUAGES: readonly Language[] = ['fr', 'en'];
export const STORAGE_KEY = 'carto.language';

/** The stored choice when there is one, else French (the default for French organisations). */
export function initialLanguage(stored: string | null | undefined): Language {
  return LANGUAGES.includes(stored as Language) ? (stored as Language) : 'fr';
}
