import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { globbySync } from 'globby';
import { describe, expect, it } from 'vitest';
import { foldPhrase } from '../src/text/fold.js';
import { familyTablesFile, loadWords, type WordsData } from '../src/rule-api/words.js';
import { builtinRules } from '../src/api/config.js';
import { ROOT, tableParts, tempDir } from './helpers.js';

describe('word lists (src/rule-api/words.ts)', () => {
  const words = loadWords({
    en: { asks: ['Let me know', 'RSVP'], fillers: ['just'] },
    fr: { asks: ["N'hésitez pas", 'dites-le-nous', 'Ça vous dit'], fillers: ['donc'] },
  });

  it('folds phrases written as people write them (accents, capitals, hyphens, curly apostrophes)', () => {
    expect(words.list('asks', ['fr'])).toEqual(["n'hesitez pas", 'dites le nous', 'ca vous dit']);
    expect(words.set('asks').has('rsvp')).toBe(true);
    const found = words.matcher('asks', ['fr'])('Bonjour ! N’HÉSITEZ PAS à me répondre. Dites-le-nous.');
    expect(found.map((match) => match.phrase)).toEqual(["n'hesitez pas", 'dites le nous']);
  });

  it("uses a draft's own locale when the file has it, and every locale otherwise", () => {
    expect(words.localesFor('fr')).toEqual(['fr']);
    expect(words.localesFor('und')).toEqual(['en', 'fr']);
    expect(words.set('fillers', words.localesFor('de'))).toEqual(new Set(['just', 'donc']));
  });

  it("adds a rule's extra phrases (its options) to a family's matcher", () => {
    expect(words.matcher('asks', ['en'])('Ping me when ready')).toEqual([]);
    expect(words.matcher('asks', ['en'], ['ping me'])('Ping me when ready').map((match) => match.phrase)).toEqual(['ping me']);
  });

  it('puts a family, escaped, where a pattern names it', () => {
    const pattern = loadWords({ en: { who: ['you', 'y.all'] } }).pattern('^(?:{{who}})!$');
    expect(pattern.test('y.all!')).toBe(true);
    expect(pattern.test('yxall!')).toBe(false);
  });

  it('throws on a family that no locale of the file has', () => {
    expect(() => words.list('greetings')).toThrow('no word family "greetings"');
  });
});

describe('the words files of the built-in rules', () => {
  const files = globbySync('rules/**/*.words.json', { cwd: ROOT }).sort();
  const ruleIds = builtinRules.map((rule) => rule.meta.id);

  it('exist', () => {
    expect(files).toContain('rules/call-to-action.words.json');
  });

  it.each(files)('%s: named after a rule, locale → family → phrases, no phrase twice once folded', (file) => {
    expect(ruleIds).toContain(file.replace(/^rules\//, '').replace(/\.words\.json$/, ''));
    const data = JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as WordsData;
    for (const [locale, families] of Object.entries(data)) {
      expect(locale).toMatch(/^(?:[a-z]{2,3}|any)$/);
      for (const [family, phrases] of Object.entries(families)) {
        expect(family).toMatch(/^[a-z][a-z-]*$/);
        const folded = phrases.map(foldPhrase);
        expect(folded.every((phrase) => phrase.length > 0), `${locale}.${family}: an empty phrase`).toBe(true);
        const repeated = folded.filter((phrase, i) => folded.indexOf(phrase) !== i);
        expect(repeated, `${locale}.${family}: listed twice`).toEqual([]);
      }
    }
  });
});

describe('family matchers written ahead of time (<rule>.phrases.bin)', () => {
  const tablesAt = (data: WordsData) => {
    const file = path.join(tempDir(), 'x.phrases.bin');
    writeFileSync(file, familyTablesFile(data));
    return pathToFileURL(file);
  };
  const found = (words: ReturnType<typeof loadWords>, locales: string[], text: string) =>
    words.families(locales)(text).map((m) => `${m.family}:${m.start}-${m.end}:${m.phrase}`);

  it('are read instead of built: a file written from other lists finds those lists', () => {
    const written = { en: { offers: ['free trial'] } };
    const asked = { en: { offers: ['free gifts'] } };
    const file = tablesAt(written);
    // Make the file claim the lists it is asked for: only a rule that reads it finds "free trial".
    const bytes = Buffer.from(readFileSync(file));
    const swapped = bytes.toString('latin1').replace(JSON.stringify(JSON.stringify([['en', written.en]])), JSON.stringify(JSON.stringify([['en', asked.en]])));
    expect(swapped.length).toBe(bytes.length);
    writeFileSync(file, Buffer.from(swapped, 'latin1'));
    expect(found(loadWords(asked, file), ['en'], 'A free trial, free gifts')).toEqual(['offers:2-12:free trial']);
  });

  it('are ignored when written from other lists, damaged or absent: the matchers are built as without them', () => {
    const data = { en: { offers: ['free gift', 'Last chance'] }, fr: { offers: ['Dernière chance'] } };
    const text = 'Last chance for a FREE gift! Dernière chance.';
    const built = found(loadWords(data), ['en', 'fr'], text);
    expect(built).toEqual(['offers:0-11:last chance', 'offers:18-27:free gift', 'offers:29-44:derniere chance']);
    expect(found(loadWords(data, tablesAt({ en: { offers: ['free gift'] } })), ['en', 'fr'], text)).toEqual(built);
    const damaged = tablesAt(data);
    writeFileSync(damaged, readFileSync(damaged).subarray(0, 40));
    expect(found(loadWords(data, damaged), ['en', 'fr'], text)).toEqual(built);
    // Tables whose counts do not add up to their length (the first count of every table doubled).
    const miscounted = tablesAt(data);
    const bytes = readFileSync(miscounted);
    const header = JSON.parse(bytes.toString('utf8', 4, 4 + bytes.readUInt32LE(0))) as { entries: { offset: number }[] };
    const start = Math.ceil((4 + bytes.readUInt32LE(0)) / 4) * 4;
    for (const entry of header.entries) bytes.writeInt32LE(bytes.readInt32LE(start + entry.offset * 4) * 2, start + entry.offset * 4);
    writeFileSync(miscounted, bytes);
    expect(found(loadWords(data, miscounted), ['en', 'fr'], text)).toEqual(built);
    expect(found(loadWords(data, new URL('file:///nowhere/x.phrases.bin')), ['en', 'fr'], text)).toEqual(built);
  });

  it('number families in the file order, even with names like "2" (which an object puts first)', () => {
    const data = { en: { x: ['ex'], '2': ['two words'], offers: ['two words', 'free gift'] } };
    const text = 'two words, ex, a free gift';
    const built = found(loadWords(data), ['en'], text);
    expect(built).toEqual(['2:0-9:two words', 'x:11-13:ex', 'offers:0-9:two words', 'offers:17-26:free gift']);
    expect(found(loadWords(data, tablesAt(data)), ['en'], text)).toEqual(built);
  });

  describe('refuse damaged tables and build the matchers instead, never looping or failing', () => {
    const data = { en: { offers: ['free gift', 'last chance'], urgency: ['last chance', 'act now', 'act'] } };
    const text = 'Act now: last chance for a free gift! act';
    const built = found(loadWords(data), ['en'], text);

    /** A tables file for `data` whose English table `edit` changed. */
    const damaged = (edit: (table: Int32Array, at: Record<string, number>) => void) => {
      const bytes = readFileSync(tablesAt(data));
      const headerLength = bytes.readUInt32LE(0);
      const header = JSON.parse(bytes.toString('utf8', 4, 4 + headerLength)) as { entries: { offset: number; length: number }[] };
      const start = Math.ceil((4 + headerLength) / 4) * 4;
      const entry = header.entries[0]!;
      const table = new Int32Array(entry.length);
      for (let i = 0; i < entry.length; i++) table[i] = bytes.readInt32LE(start + (entry.offset + i) * 4);
      edit(table, tableParts(table));
      for (let i = 0; i < entry.length; i++) bytes.writeInt32LE(table[i]!, start + (entry.offset + i) * 4);
      const file = path.join(tempDir(), 'x.phrases.bin');
      writeFileSync(file, bytes);
      return pathToFileURL(file);
    };
    const deepest = (table: Int32Array, at: Record<string, number>) => {
      let state = 1;
      for (let s = 1; s < at.states!; s++) if (table[at.output! + s]! > table[at.output! + state]!) state = s;
      return state;
    };

    it.each<[string, (table: Int32Array, at: Record<string, number>) => void]>([
      ['a count of families below zero', (table, at) => void (table[at.owners! + 1] = -2)],
      ['a failure link to itself', (table, at) => void (table[at.fail! + deepest(table, at)] = deepest(table, at))],
      ['a dictionary link to itself', (table, at) => void (table[at.dictionary! + deepest(table, at)] = deepest(table, at))],
      ['a child state past the last', (table, at) => void (table[at.childState!] = at.states! + 5)],
      ['a family that does not exist', (table, at) => void (table[at.owners! + 2] = 99)],
    ])('%s', (_, edit) => {
      expect(found(loadWords(data, damaged(edit)), ['en'], text)).toEqual(built);
    });
  });

  // The files the build wrote beside the built rules, against matchers built from the lists.
  const shipped = globbySync('dist/rules/**/*.phrases.bin', { cwd: ROOT }).sort();
  const texts = globbySync('fixtures/**/*.md', { cwd: ROOT }).map((file) => readFileSync(path.join(ROOT, file), 'utf8'));

  it('are written by the build for the judgment rules', () => {
    expect(shipped).toEqual(['dist/rules/facebook/unsolicited-pitch.phrases.bin', 'dist/rules/linkedin/inmail-value-proposition.phrases.bin']);
  });

  it.each(shipped)('%s finds what the lists find, in each language, on every fixture', (file) => {
    const data = JSON.parse(readFileSync(path.join(ROOT, file.replace(/^dist\//, '').replace(/\.phrases\.bin$/, '.words.json')), 'utf8')) as WordsData;
    const fromFile = loadWords(data, pathToFileURL(path.join(ROOT, file)));
    const fromLists = loadWords(data);
    let matches = 0;
    for (const locales of [['en'], ['fr']]) {
      for (const text of texts) {
        const expected = found(fromLists, locales, text);
        expect(found(fromFile, locales, text)).toEqual(expected);
        matches += expected.length;
      }
    }
    expect(matches).toBeGreaterThan(50);
  });
});
