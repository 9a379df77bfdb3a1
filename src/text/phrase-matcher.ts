/**
 * Finds phrases in text on word boundaries, ignoring case, accents, dashes and line breaks.
 * Phrases are literal text: they are escaped, never read as regular expressions.
 */
import { fold, foldPhrase } from './fold.js';

export interface PhraseMatch {
  /** Offsets in the original text; end exclusive. */
  start: number;
  end: number;
  /** The phrase as listed (folded form). */
  phrase: string;
}

export type PhraseMatcher = (text: string) => PhraseMatch[];

const compiled = new Map<string, PhraseMatcher>();

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export function compilePhrases(phrases: readonly string[]): PhraseMatcher {
  // Rules ask for the same lists for every file: look them up before folding anything.
  const key = phrases.join('\u0000');
  const cached = compiled.get(key);
  if (cached) return cached;
  const folded = [...new Set(phrases.map(foldPhrase).filter((phrase) => phrase.length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  let matcher: PhraseMatcher;
  if (folded.length === 0) {
    matcher = () => [];
  } else {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${folded.map(escape).join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
    matcher = (text) => {
      const { text: haystack, toOriginal } = fold(text);
      const matches: PhraseMatch[] = [];
      for (const match of haystack.matchAll(pattern)) {
        const last = match.index + match[0].length - 1;
        const lastOriginal = toOriginal[last]!;
        const width = text.codePointAt(lastOriginal)! > 0xffff ? 2 : 1;
        matches.push({ start: toOriginal[match.index]!, end: lastOriginal + width, phrase: match[0] });
      }
      return matches;
    };
  }
  compiled.set(key, matcher);
  return matcher;
}
