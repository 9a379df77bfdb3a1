import { readFileSync } from 'node:fs';
import path from 'node:path';
import { globbySync } from 'globby';
import { describe, expect, it } from 'vitest';
import { foldPhrase } from '../src/text/fold.js';
import { loadWords, type WordsData } from '../src/rule-api/words.js';
import { builtinRules } from '../src/api/config.js';
import { ROOT } from './helpers.js';

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
