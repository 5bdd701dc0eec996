import { foldPhrase, foldText } from '../text/normalize.js';
import { AMBIGUOUS_FIRST_NAMES_DATA, FIRST_NAMES_DATA } from './first-names.data.js';
import { SURNAMES_DATA } from './surnames.data.js';
import {
  CIVILITY_VALUES,
  CRIMINAL_TERMS,
  ETHNIC_ORIGIN_VALUES,
  HEALTH_TERMS,
  MARITAL_VALUES,
  NATIONALITY_VALUES,
  POLITICAL_PARTY_VALUES,
  RELIGION_VALUES,
  RELIGIOUS_DIET_VALUES,
  SEX_VALUES,
  SEXUAL_ORIENTATION_VALUES,
  TRADE_UNION_VALUES,
} from './vocabularies.data.js';

/** A folded phrase set plus the longest phrase length in words, for n-gram lookups. */
export interface PhraseSet {
  readonly phrases: ReadonlySet<string>;
  /** First words of the phrases, to skip most words without building n-grams. */
  readonly firstWords: ReadonlySet<string>;
  readonly maxWords: number;
}

function phraseSet(data: string): PhraseSet {
  const phrases = new Set<string>();
  const firstWords = new Set<string>();
  let maxWords = 1;
  for (const raw of data.split(/[,\n]/)) {
    const p = foldPhrase(raw);
    if (p === '') continue;
    phrases.add(p);
    const words = p.split(' ');
    firstWords.add(words[0]);
    maxWords = Math.max(maxWords, words.length);
  }
  return { phrases, firstWords, maxWords };
}

function wordSet(data: string): ReadonlySet<string> {
  const set = new Set<string>();
  for (const raw of data.split(/\s+/)) {
    if (raw === '') continue;
    const folded = foldText(raw);
    set.add(folded);
    // "Jean-Pierre" is also found as "jean pierre" and "jeanpierre".
    if (folded.includes('-')) {
      set.add(folded.replace(/-/g, ' '));
      set.add(folded.replace(/-/g, ''));
    }
  }
  return set;
}

function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

export const firstNames = lazy(() => wordSet(FIRST_NAMES_DATA));
export const ambiguousFirstNames = lazy(() => wordSet(AMBIGUOUS_FIRST_NAMES_DATA));
export const surnames = lazy(() => wordSet(SURNAMES_DATA));

export const VOCABULARIES = {
  sex: lazy(() => phraseSet(SEX_VALUES)),
  civility: lazy(() => phraseSet(CIVILITY_VALUES)),
  marital: lazy(() => phraseSet(MARITAL_VALUES)),
  nationality: lazy(() => phraseSet(NATIONALITY_VALUES)),
  religion: lazy(() => phraseSet(RELIGION_VALUES)),
  religiousDiet: lazy(() => phraseSet(RELIGIOUS_DIET_VALUES)),
  politicalParty: lazy(() => phraseSet(POLITICAL_PARTY_VALUES)),
  tradeUnion: lazy(() => phraseSet(TRADE_UNION_VALUES)),
  sexualOrientation: lazy(() => phraseSet(SEXUAL_ORIENTATION_VALUES)),
  ethnicOrigin: lazy(() => phraseSet(ETHNIC_ORIGIN_VALUES)),
  criminalTerms: lazy(() => phraseSet(CRIMINAL_TERMS)),
  healthTerms: lazy(() => phraseSet(HEALTH_TERMS)),
} as const;

/** True when some run of 1..maxWords consecutive words of `words` is in the set. O(words × maxWords). */
export function containsPhrase(words: readonly string[], set: PhraseSet): boolean {
  for (let i = 0; i < words.length; i++) {
    if (!set.firstWords.has(words[i])) continue;
    let phrase = '';
    for (let n = 0; n < set.maxWords && i + n < words.length; n++) {
      phrase = n === 0 ? words[i] : phrase + ' ' + words[i + n];
      if (set.phrases.has(phrase)) return true;
    }
  }
  return false;
}

/** Number of entries in the first-name dictionary (documentation and tests). */
export function firstNameCount(): number {
  return firstNames().size;
}

/** True when the folded word is a known first name. */
export function isFirstNameWord(word: string): boolean {
  return firstNames().has(foldText(word));
}
