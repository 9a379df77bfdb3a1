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
 * - The build writes the automata of `families` beside the built rule (`<rule-id>.phrases.bin`,
 *   see `familyTablesFile`); a rule that hands its URL to `loadWords` reads them instead of
 *   building them on its first draft, and builds them as before when the file is absent (a run
 *   from the sources), is damaged, or was written from other lists.
 *
 * What the loader derives from a file (folded lists, sets, patterns) is kept in the file's one
 * cache; matchers are compiled by `compilePhrases`, whose cache is the one cache of matchers.
 * Regular expressions stay for real patterns (a possessive, then a noun, then a letter); the
 * words in them come from the lists through `pattern`.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { decodeFamilyTables, encodeFamilyTables } from '../text/family-tables.js';
import { foldPhrase } from '../text/fold.js';
import { buildFamilyTables, compileFamilies, compilePhrases, familyMatcher, type FamilyMatcher, type PhraseMatcher } from '../text/phrase-matcher.js';

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
  /** Finds every family's phrases of these locales in text, in one pass; each match names its family. */
  families(locales?: readonly string[]): FamilyMatcher;
  /**
   * A regular expression from `source`, in which `{{family}}` stands for the family's phrases
   * from every locale, as literal alternatives. Match it against folded text.
   */
  pattern(source: string, flags?: string): RegExp;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A locale's families, own properties only (a family named "constructor" is a family like any other). */
const familiesIn = (data: WordsData, locale: string): Readonly<Record<string, readonly string[]>> => (Object.hasOwn(data, locale) ? data[locale]! : {});
const phrasesOf = (data: WordsData, locale: string, family: string): readonly string[] => {
  const families = familiesIn(data, locale);
  return Object.hasOwn(families, family) ? families[family]! : [];
};

/** The families of `locales` in file order, and what a tables file must have been written from to serve them. */
function familiesOf(data: WordsData, locales: readonly string[]): { names: string[]; source: string } {
  const names = [...new Set(locales.flatMap((locale) => Object.keys(familiesIn(data, locale))))];
  return { names, source: JSON.stringify(locales.map((locale) => [locale, familiesIn(data, locale)])) };
}

/**
 * The family tables of a words file, one per locale (the rules ask `families` for one language at
 * a time), as the bytes of a `.phrases.bin`: a 32-bit length, a JSON header (per locale: the lists
 * its tables were built from, where they are), then the tables, 32-bit
 * little-endian integers (src/text/family-tables.ts). The build writes it after compiling this
 * module, so the tables always come from the folding and automaton code they are read by.
 */
export function familyTablesFile(data: WordsData): Uint8Array {
  const entries: TablesEntry[] = [];
  const tables: Int32Array[] = [];
  const words = loadWords(data);
  let offset = 0;
  for (const locale of Object.keys(data)) {
    const { names, source } = familiesOf(data, [locale]);
    const encoded = encodeFamilyTables(buildFamilyTables(names.map((family) => [family, words.list(family, [locale])])));
    entries.push({ source, offset, length: encoded.length });
    tables.push(encoded);
    offset += encoded.length;
  }
  const header = new TextEncoder().encode(JSON.stringify({ version: TABLES_VERSION, entries }));
  // The tables start on a multiple of four bytes.
  const start = Math.ceil((4 + header.length) / 4) * 4;
  const out = new Uint8Array(start + offset * 4);
  const view = new DataView(out.buffer);
  view.setUint32(0, header.length, true);
  out.set(header, 4);
  let at = start;
  for (const table of tables) for (const value of table) view.setInt32((at += 4) - 4, value, true);
  return out;
}

const TABLES_VERSION = 2;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

interface TablesEntry {
  source: string;
  offset: number;
  length: number;
}

interface TablesHeader {
  version: number;
  entries: TablesEntry[];
  /** Where the tables start in the file (not in the file's header: set when it is read). */
  start: number;
}

// Headers read, by file, size and modification time (a long-running process may see it rebuilt).
const headers = new Map<string, TablesHeader>();

/**
 * The tables a `.phrases.bin` holds for the lists `source`, read from the file alone (a rule
 * reads one language's, not the whole file); undefined when the file is absent, unreadable, of
 * another version, cut short, or was written from other lists. (Tables that do not hold together
 * are refused when decoded.)
 */
function readTables(file: URL, source: string): Int32Array | undefined {
  if (!LITTLE_ENDIAN) return undefined;
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const { size, mtimeMs } = fstatSync(fd);
    const key = `${file.href}\u0000${size}\u0000${mtimeMs}`;
    let header = headers.get(key);
    if (!header) {
      const length = Buffer.alloc(4);
      if (readSync(fd, length, 0, 4, 0) !== 4 || length.readUInt32LE(0) > size - 4) return undefined;
      const headerBytes = Buffer.alloc(length.readUInt32LE(0));
      if (readSync(fd, headerBytes, 0, headerBytes.length, 4) !== headerBytes.length) return undefined;
      header = JSON.parse(headerBytes.toString('utf8')) as TablesHeader;
      if (header.version !== TABLES_VERSION || !Array.isArray(header.entries)) return undefined;
      header.start = Math.ceil((4 + headerBytes.length) / 4) * 4;
      headers.set(key, header);
    }
    const entry = header.entries.find((e) => e.source === source);
    if (!entry || !Number.isSafeInteger(entry.offset) || !Number.isSafeInteger(entry.length) || entry.offset < 0 || entry.length < 4) return undefined;
    const start = header.start + entry.offset * 4;
    if (start + entry.length * 4 > size) return undefined;
    const tables = new Int32Array(entry.length);
    const bytes = Buffer.from(tables.buffer);
    return readSync(fd, bytes, 0, bytes.length, start) === bytes.length ? tables : undefined;
  } catch {
    // No file (a run from the sources) or a damaged one: the rule builds its matchers itself.
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Reads a words file (see the convention above). Throws on a family no locale has, so a typo
 * shows at once. `tablesFile`: where the build wrote the file's family tables (`familyTablesFile`).
 */
export function loadWords(data: WordsData, tablesFile?: URL): Words {
  const allLocales = Object.keys(data);
  const derived = new Map<string, unknown>();
  const once = <T>(key: string, build: () => T): T => {
    if (!derived.has(key)) derived.set(key, build());
    return derived.get(key) as T;
  };

  const list = (family: string, locales: readonly string[] = allLocales): readonly string[] =>
    once(`list\u0000${family}\u0000${locales.join(',')}`, () => {
      if (!allLocales.some((locale) => Object.hasOwn(familiesIn(data, locale), family))) throw new Error(`no word family "${family}" in this words file`);
      const phrases = locales.flatMap((locale) => phrasesOf(data, locale, family));
      return [...new Set(phrases.map(foldPhrase).filter((phrase) => phrase.length > 0))];
    });

  return {
    localesFor: (locale) => (allLocales.includes(locale) ? [locale] : allLocales),
    list,
    set: (family, locales = allLocales) => once(`set\u0000${family}\u0000${locales.join(',')}`, () => new Set(list(family, locales))),
    families: (locales = allLocales) =>
      once(`families\u0000${locales.join(',')}`, () => {
        const { names, source } = familiesOf(data, locales);
        if (tablesFile) {
          const written = readTables(tablesFile, source);
          if (written) {
            try {
              return familyMatcher(names, decodeFamilyTables(written, names.length));
            } catch {
              // Tables that do not hold together: build the matcher as if there were none.
            }
          }
        }
        return compileFamilies(names.map((family) => [family, list(family, locales)] as const));
      }),
    // Without extra phrases the matcher is kept here, by family and locales: a rule asks for it on
    // every draft, and compilePhrases would join and hash the whole list to find it each time.
    matcher: (family, locales = allLocales, extra = []) =>
      extra.length > 0 ? compilePhrases([...list(family, locales), ...extra]) : once(`matcher\u0000${family}\u0000${locales.join(',')}`, () => compilePhrases(list(family, locales))),
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
