/**
 * Finds phrases in text on word boundaries, ignoring case, accents, dashes and line breaks.
 * Phrases are literal text, never regular expressions, matched in one linear pass
 * (Aho-Corasick) whatever their number and whatever the text.
 */
import { PhraseAutomaton, type AutomatonTables } from './aho-corasick.js';
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
  if (code < 128) return !((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || code === 95);
  // A surrogate half: look at the whole code point.
  const char = code >= 0xdc00 && code <= 0xdfff && index > 0 ? String.fromCodePoint(text.codePointAt(index - 1)!) : String.fromCodePoint(text.codePointAt(index)!);
  return !WORD_CHAR.test(char);
}

/** The automaton's occurrences in folded text that stand on word boundaries, flat: start, end, state. */
function wordOccurrences(automaton: PhraseAutomaton, haystack: string): number[] {
  const all = automaton.occurrenceStates(haystack);
  const kept: number[] = [];
  for (let k = 0; k < all.length; k += 3) {
    const start = all[k]!;
    const end = all[k + 1]!;
    // A phrase that ends in an apostrophe ("je peux t'") runs into the next word by design.
    const endsOpen = haystack.charCodeAt(end - 1) === 39;
    if (isBoundary(haystack, start - 1) && (endsOpen || isBoundary(haystack, end))) kept.push(start, end, all[k + 2]!);
  }
  return kept;
}

export function compilePhrases(phrases: readonly string[]): PhraseMatcher {
  // Rules ask for the same lists for every file: look them up before folding anything.
  const key = phrases.join('\u0000');
  const cached = compiled.get(key);
  if (cached) return cached;
  // One list is one family: the longest phrase at each start on word boundaries, then left to
  // right without overlaps, as a regular expression with the longest alternatives first would.
  const family = familyMatcher(['phrases'], buildFamilyTables([['phrases', phrases]]));
  const matcher: PhraseMatcher = (text) => family(text).map(({ start, end, phrase }) => ({ start, end, phrase }));
  compiled.set(key, matcher);
  return matcher;
}

export interface FamilyMatch extends PhraseMatch {
  family: string;
}

export type FamilyMatcher = (text: string) => FamilyMatch[];

const compiledFamilies = new Map<string, FamilyMatcher>();

/**
 * What a family matcher is made of: one automaton over every family's phrases, and for each
 * state where a phrase ends the families that list it (flat: state, count, family indexes...;
 * a family is its index in the families' order).
 */
export interface FamilyTables {
  automaton: AutomatonTables;
  owners: Int32Array;
}

/**
 * Folds the families' phrases and builds their tables (what a build writes ahead of time). The
 * families come as a list, so that their order, which numbers them, is the caller's (an object
 * would put keys like "2" first).
 */
export function buildFamilyTables(families: readonly (readonly [string, readonly string[]])[]): FamilyTables {
  // Folded phrase → the indexes of the families that list it.
  const owners = new Map<string, number[]>();
  families.forEach(([, phrases], index) => {
    for (const phrase of new Set(phrases.map(foldPhrase).filter((p) => p.length > 0))) {
      const list = owners.get(phrase);
      if (list) list.push(index);
      else owners.set(phrase, [index]);
    }
  });
  const automaton = new PhraseAutomaton([...owners.keys()].sort((a, b) => b.length - a.length));
  const flat: number[] = [];
  for (const [phrase, list] of owners) flat.push(automaton.stateOf(phrase), list.length, ...list);
  return { automaton: automaton.tables, owners: Int32Array.from(flat) };
}

/**
 * Finds the phrases of several families in one pass: for each family the same matches as
 * `compilePhrases(family's phrases)` gives (longest at each start, then left to right without
 * overlaps), from one automaton over every family's phrases instead of one pass per family.
 */
export function compileFamilies(families: Readonly<Record<string, readonly string[]>> | readonly (readonly [string, readonly string[]])[]): FamilyMatcher {
  const ordered: readonly (readonly [string, readonly string[]])[] = Array.isArray(families) ? families : Object.entries(families);
  const key = ordered.map(([family, phrases]) => `${family}\u0001${phrases.join('\u0000')}`).join('\u0002');
  const cached = compiledFamilies.get(key);
  if (cached) return cached;
  const matcher = familyMatcher(
    ordered.map(([family]) => family),
    buildFamilyTables(ordered),
  );
  compiledFamilies.set(key, matcher);
  return matcher;
}

/** The matcher of families named `familyNames` (in order), from their tables, built now or read from a file. */
export function familyMatcher(familyNames: readonly string[], tables: FamilyTables): FamilyMatcher {
  const automaton = tables.automaton.fail.length > 1 ? new PhraseAutomaton(tables.automaton) : undefined;
  // Automaton state where a phrase ends → where its families are listed in `owners` (count, then indexes).
  const { owners } = tables;
  const ownersAt = new Int32Array(tables.automaton.fail.length);
  for (let at = 0; at < owners.length; at += 2 + owners[at + 1]!) ownersAt[owners[at]!] = at + 1;
  return (text) => {
    if (!automaton) return [];
    const { text: haystack, toOriginal } = fold(text);
    // Every phrase on word boundaries, once per family that lists it, as (family, start, end).
    const found: number[] = [];
    const occurrences = wordOccurrences(automaton, haystack);
    for (let k = 0; k < occurrences.length; k += 3) {
      const at = ownersAt[occurrences[k + 2]!]!;
      for (let j = 0; j < owners[at]!; j++) found.push(owners[at + 1 + j]!, occurrences[k]!, occurrences[k + 1]!);
    }
    // Per family, left to right, the longest at each start, without overlaps: what one family's
    // own matcher takes.
    const order = Array.from({ length: found.length / 3 }, (_, i) => i * 3);
    order.sort((a, b) => found[a]! - found[b]! || found[a + 1]! - found[b + 1]! || found[b + 2]! - found[a + 2]!);
    const matches: FamilyMatch[] = [];
    let family = -1;
    let cursor = 0;
    for (const at of order) {
      const [f, start, end] = [found[at]!, found[at + 1]!, found[at + 2]!];
      if (f !== family) {
        family = f;
        cursor = 0;
      }
      if (start < cursor) continue;
      const lastOriginal = toOriginal[end - 1]!;
      let originalEnd = lastOriginal + (text.codePointAt(lastOriginal)! > 0xffff ? 2 : 1);
      // Combining marks that folding dropped belong to the last letter: a fix never splits them off.
      while (originalEnd < text.length && text.charCodeAt(originalEnd) >= 0x300 && COMBINING.test(text[originalEnd]!)) originalEnd++;
      matches.push({ family: familyNames[f]!, start: toOriginal[start]!, end: originalEnd, phrase: haystack.slice(start, end) });
      cursor = end;
    }
    return matches;
  };
}
