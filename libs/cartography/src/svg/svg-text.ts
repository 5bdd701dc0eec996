import { CartographyError, CartographyErrorCode } from '../cartography.errors.js';

export type Language = 'fr' | 'en';
export const LANGUAGES: readonly Language[] = ['fr', 'en'];

export function requireLanguage(language: unknown): Language {
  if (language !== 'fr' && language !== 'en')
    throw new CartographyError(CartographyErrorCode.INVALID_OPTION, `language: must be 'fr' or 'en'`, 'language');
  return language;
}

/**
 * Text for SVG content and attributes: control, format (bidi, zero-width) and lone surrogate
 * characters dropped, XML specials escaped, cut at `max` characters with an ellipsis.
 */
export function svgText(value: string, max = 60): string {
  const clean = [...value.replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, '')];
  const cut = clean.length > max ? `${clean.slice(0, max - 1).join('')}…` : clean.join('');
  return cut.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** A number in the language's grouping (narrow no-break space in French), without Intl locale data. */
export function formatCount(value: number, language: Language): string {
  const digits = String(Math.round(value));
  const sep = language === 'fr' ? '\u202f' : ',';
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** 1.2 k / 3.4 M style for bars and badges. */
export function formatCompact(value: number, language: Language): string {
  const fmt = (v: number, unit: string) =>
    `${(Math.round(v * 10) / 10).toString().replace('.', language === 'fr' ? ',' : '.')}${unit}`;
  if (value >= 1e9) return fmt(value / 1e9, language === 'fr' ? ' Md' : 'B');
  if (value >= 1e6) return fmt(value / 1e6, language === 'fr' ? ' M' : 'M');
  if (value >= 1e4) return fmt(value / 1e3, language === 'fr' ? ' k' : 'k');
  return formatCount(value, language);
}

/** Coordinates written with at most one decimal, so the bytes do not depend on float noise. */
export function n(value: number): string {
  const r = Math.round(value * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

/** Approximate width of a text in the figures' sans-serif font. */
export function textWidth(text: string, size: number): number {
  return [...text].length * size * 0.56;
}
