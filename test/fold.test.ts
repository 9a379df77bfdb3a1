// Folding, as phrase matching and the scorers read text: lower case, accents off, dashes and runs
// of white space as one space, curly apostrophes straight, and each folded unit mapped back to the
// character it came from. The fold in src/text/fold.ts is written for speed (an ASCII loop, code
// units made into a string at once); this test holds it to the definition written plainly.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fold, foldPhrase } from '../src/text/fold.js';
import { expectSameOnGeneratedText } from './helpers.js';
// @ts-expect-error: a plain ESM script without types
import { writerExamples } from '../eval/judgment/data.mjs';

const SPECIAL: Record<string, string> = { '\u2019': "'", '\u2018': "'", '\u02bc': "'", '\u00b4': "'", œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss' };

function plainFold(text: string): { text: string; toOriginal: number[] } {
  let out = '';
  const toOriginal: number[] = [];
  let lastWasSpace = true;
  for (let i = 0; i < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    // In ASCII, space, tab, line feed, carriage return and '-' count as space (vertical tab and
    // form feed are kept as they are); beyond ASCII, any Unicode space or dash.
    const isSpace = char.charCodeAt(0) < 128 ? /[ \t\n\r-]/.test(char) : /[\s\u2010-\u2015\u2212]/u.test(char);
    const piece = SPECIAL[char] ?? (isSpace ? ' ' : char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
    if (piece === ' ') {
      if (!lastWasSpace) {
        out += ' ';
        toOriginal.push(i);
      }
      lastWasSpace = true;
    } else if (piece.length > 0) {
      out += piece;
      for (let k = 0; k < piece.length; k++) toOriginal.push(i);
      lastWasSpace = false;
    }
    i += char.length;
  }
  return { text: out, toOriginal };
}

const folded = (text: string) => {
  const result = fold(text);
  return { text: result.text, toOriginal: [...result.toOriginal] };
};

describe('fold', () => {
  it('folds as the plain definition does, on the labelled drafts', () => {
    for (const { text } of writerExamples() as { text: string }[]) expect(folded(text)).toEqual(plainFold(text));
  });

  it('folds as the plain definition does, on generated text (ASCII first, then anything)', () => {
    const pieces = ['a', 'Z', ' ', '  ', '\n', '\t', '\v', '\f', '-', '—', "'", '’', 'é', 'É', 'e\u0301', 'œ', 'Œ', 'ß', 'İ', 'ﬁ', '😀', '𝐀', '\u00a0', '\u2212', '1', '.', '{{x}}'];
    expectSameOnGeneratedText(pieces, 40, folded, plainFold);
  });

  it('folds a phrase of a list as text is folded, trimmed (every phrase of every words file, and generated ones)', () => {
    for (const file of readdirSync('rules', { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.words.json'))) {
      const data = JSON.parse(readFileSync(path.join('rules', file), 'utf8')) as Record<string, Record<string, string[]>>;
      for (const phrases of Object.values(data).flatMap((families) => Object.values(families))) for (const phrase of phrases) expect(foldPhrase(phrase)).toBe(plainFold(phrase).text.trim());
    }
    const pieces = ['a', 'Q', ' ', '\t', '\n', '\r', '\v', '\f', '-', '--', "'", '’', 'é', '\u00a0', 'ß', '.', '!'];
    expectSameOnGeneratedText(pieces, 20, foldPhrase, (phrase) => plainFold(phrase).text.trim());
  });

  it('folds a text whose folding is longer than itself (every ß and œ grows it)', () => {
    const text = 'ß'.repeat(5000) + 'Œ'.repeat(5000);
    expect(folded(text)).toEqual(plainFold(text));
  });
});
