/**
 * Word lists as data. The convention, for every rule that keeps lists of words or phrases:
 *
 * - The lists live in a JSON file beside the rule, named after it: `rules/<rule-id>.words.json`
 *   (rules/call-to-action.words.json, rules/twitter/personalization.words.json).
 * - The file maps a locale to families of phrases: `{ "<locale>": { "<family>": ["phrase", ...] } }`.
 *   A locale is a primary language subtag ("en", "fr"); a rule that does not read the language
 *   uses the one key "any". A family is a list with one job in the rule ("asks", "greetings").
 * - Phrases are written as people write them, with accents, capitals, hyphens and apostrophes
 *   ("N'hésitez pas", "dites-le-nous", "RSVP"). They are folded here, on first use (`fold`:
 *   lower case, no accents, dashes and runs of spaces as one space, straight apostrophes), and
 *   compared with folded text, so a list never carries its own pre-folded spellings.
 * - The rule imports its file (`import data from './x.words.json' with { type: 'json' }`, which
 *   tsc copies to dist/ and esbuild puts in the bundle) and hands it to `loadWords`.
 *
 * What the loader derives from a file (folded lists, sets, patterns) is kept in the file's one
 * cache; matchers are compiled by `compilePhrases`, whose cache is the one cache of matchers.
 * Regular expressions stay for real patterns (a possessive, then a noun, then a letter); the
 * words in them come from the lists through `pattern`.
 */
import { foldPhrase } from '../text/fold.js';
import { compilePhrases, type PhraseMatcher } from '../text/phrase-matcher.js';

/** A words file: locale, then family, then phrases. */
export type WordsData = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

export interface Words {
  /** The locales of the file that apply to a draft in `locale`: that one when the file has it, otherwise all. */
  localesFor(locale: string): readonly string[];
  /** A family's phrases, folded and without repeats, from the given locales (all by default). */
  list(family: string, locales?: readonly string[]): readonly string[];
  /** The same phrases as a set, to look up a folded word. */
  set(family: string, locales?: readonly string[]): ReadonlySet<string>;
  /** Finds the family's phrases, and any `extra` ones (from the rule's options), in text. */
  matcher(family: string, locales?: readonly string[], extra?: readonly string[]): PhraseMatcher;
  /**
   * A regular expression from `source`, in which `{{family}}` stands for the family's phrases
   * from every locale, as literal alternatives. Match it against folded text.
   */
  pattern(source: string, flags?: string): RegExp;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Reads a words file (see the convention above). Throws on a family no locale has, so a typo shows at once. */
export function loadWords(data: WordsData): Words {
  const allLocales = Object.keys(data);
  const derived = new Map<string, unknown>();
  const once = <T>(key: string, build: () => T): T => {
    if (!derived.has(key)) derived.set(key, build());
    return derived.get(key) as T;
  };

  const list = (family: string, locales: readonly string[] = allLocales): readonly string[] =>
    once(`list\u0000${family}\u0000${locales.join(',')}`, () => {
      if (!allLocales.some((locale) => data[locale]![family])) throw new Error(`no word family "${family}" in this words file`);
      const phrases = locales.flatMap((locale) => data[locale]?.[family] ?? []);
      return [...new Set(phrases.map(foldPhrase).filter((phrase) => phrase.length > 0))];
    });

  return {
    localesFor: (locale) => (allLocales.includes(locale) ? [locale] : allLocales),
    list,
    set: (family, locales = allLocales) => once(`set\u0000${family}\u0000${locales.join(',')}`, () => new Set(list(family, locales))),
    matcher: (family, locales = allLocales, extra = []) => compilePhrases(extra.length > 0 ? [...list(family, locales), ...extra] : list(family, locales)),
    pattern: (source, flags = 'u') =>
      once(`pattern\u0000${flags}\u0000${source}`, () =>
        new RegExp(
          source.replace(/\{\{([\w-]+)\}\}/g, (_, family: string) =>
            [...list(family)]
              .sort((a, b) => b.length - a.length)
              .map(escapeRegExp)
              .join('|'),
          ),
          flags,
        ),
      ),
  };
}
