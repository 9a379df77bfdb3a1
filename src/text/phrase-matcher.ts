/**
 * Finds phrases in text on word boundaries, ignoring case, accents, dashes and line breaks.
 * Phrases are literal text, never regular expressions, matched in one linear pass
 * (Aho-Corasick) whatever their number and whatever the text.
 */
import { PhraseAutomaton } from './aho-corasick.js';
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

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const COMBINING = /\p{M}/u;

/** Whether the character at `index` (or the text's edge) lets a word end or start there. */
function isBoundary(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return true;
  const code = text.charCodeAt(index);
  // A surrogate half: look at the whole code point.
  const char = code >= 0xdc00 && code <= 0xdfff && index > 0 ? String.fromCodePoint(text.codePointAt(index - 1)!) : String.fromCodePoint(text.codePointAt(index)!);
  return !WORD_CHAR.test(char);
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
    const automaton = new PhraseAutomaton(folded);
    matcher = (text) => {
      const { text: haystack, toOriginal } = fold(text);
      // Keep, at each start, the longest phrase on word boundaries; then take them left to right
      // without overlaps, as a regular expression with the longest alternatives first would.
      const longestAt = new Map<number, number>();
      for (const [start, end] of automaton.occurrences(haystack)) {
        // A phrase that ends in an apostrophe ("je peux t'") runs into the next word by design.
        const endsOpen = haystack.charCodeAt(end - 1) === 39;
        if (!isBoundary(haystack, start - 1) || (!endsOpen && !isBoundary(haystack, end))) continue;
        if ((longestAt.get(start) ?? 0) < end) longestAt.set(start, end);
      }
      const matches: PhraseMatch[] = [];
      let cursor = 0;
      for (const start of [...longestAt.keys()].sort((a, b) => a - b)) {
        if (start < cursor) continue;
        const end = longestAt.get(start)!;
        const lastOriginal = toOriginal[end - 1]!;
        let originalEnd = lastOriginal + (text.codePointAt(lastOriginal)! > 0xffff ? 2 : 1);
        // Combining marks that folding dropped belong to the last letter: a fix never splits them off.
        while (originalEnd < text.length && COMBINING.test(text[originalEnd]!)) originalEnd++;
        matches.push({ start: toOriginal[start]!, end: originalEnd, phrase: haystack.slice(start, end) });
        cursor = end;
      }
      return matches;
    };
  }
  compiled.set(key, matcher);
  return matcher;
}
