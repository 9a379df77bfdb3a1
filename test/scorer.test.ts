// The scorer's fast paths give what the plain paths give: one pass over every word family against
// one pass per family, the automaton's tables against a naive search, n-grams looked up through
// the model's index against every n-gram made. The plain paths are what the weights were fitted on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pitchFeatures, PITCH_MODEL } from '../rules/facebook/unsolicited-pitch.js';
import { valueFeatures, VALUE_MODEL } from '../rules/linkedin/inmail-value-proposition.js';
import pitchWords from '../rules/facebook/unsolicited-pitch.words.json' with { type: 'json' };
import { PhraseAutomaton } from '../src/text/aho-corasick.js';
import { compileFamilies, compilePhrases } from '../src/text/phrase-matcher.js';
import { expectSameOnGeneratedText } from './helpers.js';
import { allSignals, featureValues, flattenWeights, nestWeights, score, tokenize, tokenizeByPattern, type Contribution, type Pull, type ScorerModel, type Signal } from '../src/text/scorer.js';
// @ts-expect-error: a plain ESM script without types
import { writerExamples } from '../eval/judgment/data.mjs';

interface Example {
  rule: string;
  locale: string;
  text: string;
  subject?: string;
}
const examples = (writerExamples() as Example[]).filter((_, i) => i % 7 === 0);

describe('word families in one pass', () => {
  it('finds for each family what that family alone finds, on the labelled drafts', () => {
    for (const [, families] of Object.entries(pitchWords as Record<string, Record<string, string[]>>)) {
      const all = compileFamilies(families);
      for (const { text } of examples) {
        const found = all(text);
        for (const [family, phrases] of Object.entries(families)) {
          const alone = compilePhrases(phrases)(text).map(({ start, end, phrase }) => ({ start, end, phrase }));
          expect(found.filter((m) => m.family === family).map(({ start, end, phrase }) => ({ start, end, phrase }))).toEqual(alone);
        }
      }
    }
  });

  it('agrees with one pass per family on generated text and phrases', () => {
    const word = fc.constantFrom('a', 'an', 'ab', 'b', 'ba', 'abc', 'été', "t'", 'x');
    fc.assert(
      fc.property(fc.array(fc.array(fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }), fc.array(word, { maxLength: 40 }), (lists, words) => {
        const families = Object.fromEntries(lists.map((phrases, i) => [`f${i}`, phrases]));
        const text = words.join(' ');
        const found = compileFamilies(families)(text);
        for (const [family, phrases] of Object.entries(families)) {
          expect(found.filter((m) => m.family === family).map(({ start, end }) => [start, end])).toEqual(compilePhrases(phrases)(text).map(({ start, end }) => [start, end]));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the automaton tables', () => {
  it('find every occurrence a naive search finds, in the same order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[ab é]{1,4}$/), { minLength: 1, maxLength: 8 }), fc.stringMatching(/^[ab éc]{0,60}$/), (phrases, text) => {
        const naive: [number, number][] = [];
        for (let end = 1; end <= text.length; end++) {
          for (const phrase of [...phrases].sort((a, b) => b.length - a.length)) {
            if (end >= phrase.length && text.slice(end - phrase.length, end) === phrase) naive.push([end - phrase.length, end]);
          }
        }
        expect(new PhraseAutomaton(phrases).occurrences(text)).toEqual(naive);
      }),
      { numRuns: 500 },
    );
  });
});

/** The logit as the model was fitted: bias plus weight times value of each feature (eval/judgment/train.mjs). */
function fittedLogit(model: ScorerModel, signals: readonly Signal[]): number {
  let logit = model.bias;
  for (const [feature, value] of featureValues(signals)) logit += (model.weights[feature] ?? 0) * value;
  return logit;
}

const sorted = (pulls: readonly Pull[]) => [...pulls].sort((a, b) => (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0));
const byFeature = (contributions: readonly Contribution[]) => Object.fromEntries(contributions.map((c) => [c.feature, { value: c.value, spans: c.spans }]));

describe('n-grams through the model index', () => {
  it('give the same scores as every n-gram made, and as the fitted model, on the labelled drafts', () => {
    let compared = 0;
    for (const example of examples) {
      const [model, features] =
        example.rule === 'facebook/unsolicited-pitch'
          ? [PITCH_MODEL, pitchFeatures(example.text, example.locale)]
          : example.rule === 'linkedin/inmail-value-proposition'
            ? [VALUE_MODEL, valueFeatures(example.text, example.subject ?? '', example.locale)]
            : [];
      if (!model || !features) continue;
      const signals = allSignals(features);
      const plain = score(model, signals);
      expect(plain.logit).toBeCloseTo(fittedLogit(model, signals), 9);
      const fast = score(model, features.signals, features.ngrams);
      expect(fast.logit).toBeCloseTo(plain.logit, 9);
      // The evidence a reported draft shows is the same too: what pulls each way, read straight
      // from the index or from the contributions of every n-gram made.
      for (const direction of [1, -1] as const) {
        expect(sorted(score(model, features.signals, features.ngrams).pulls(direction))).toEqual(sorted(score(model, signals).pulls(direction)));
        expect(sorted(score(model, features.signals, features.ngrams).pulls(direction))).toEqual(sorted(plain.pulls(direction)));
      }
      expect(byFeature(fast.contributions)).toEqual(byFeature(plain.contributions));
      compared++;
    }
    expect(compared).toBeGreaterThan(200);
  });
});

describe('the tokenizer', () => {
  it('reads what the token pattern alone reads, on the labelled drafts', () => {
    for (const { text, subject } of writerExamples() as Example[]) {
      expect(tokenize(text)).toEqual(tokenizeByPattern(text));
      if (subject) expect(tokenize(subject)).toEqual(tokenizeByPattern(subject));
    }
  });

  it('reads what the token pattern alone reads, on generated text', () => {
    const pieces = [
      ...['a', 'l', 'q', 'u', 'qu', 'd', 'h', 'w', 'http', 'https://', 'www.', 'x.fr', 'é', 'É', 'œ', 'ß', 'İ', '𝐀', 'ǅ', 'ا', '日'],
      ...["'", '’', ' ', '  ', '\n', '-', '.', ',', ':', '/', '!', '?', '%', '{', '{{', '}}', '}', '$', '€', '£', '0', '12', '3.5', 'k', 'm', 'eur', 'usd', 'euros', 'A', 'Z', '😀', '©', '\u0301', '\uD800'],
    ];
    expectSameOnGeneratedText(pieces, 30, tokenize, tokenizeByPattern);
  });
});

describe('the weights files', () => {
  it('are grouped as the scorer looks them up, and flatten back to the same weights', () => {
    for (const model of [PITCH_MODEL, VALUE_MODEL]) {
      const flat = flattenWeights(model.nested!);
      expect(Object.keys(flat).length).toBeGreaterThan(1000);
      expect(nestWeights(flat)).toEqual(model.nested);
      // Every group is what its name says: signals hold no n-gram, n-grams sit under their prefix.
      expect(Object.keys(model.nested!.signals).filter((name) => /^(?:subject:)?[wpb]:/.test(name))).toEqual([]);
    }
  });
});

describe('n-gram values and the length of a text', () => {
  const valueOf = (text: string, shrinkOnly?: boolean) => {
    const values = new Set(allSignals({ signals: [], ngrams: [{ text, shrinkOnly }] }).map((signal) => signal.value));
    expect(values.size).toBe(1);
    return [...values][0]!;
  };
  const words = (count: number) => Array.from({ length: count }, (_, i) => `word${String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26))}`).join(' ');

  it('weighs the n-grams of a long text less, by the square root of its length', () => {
    expect(valueOf(words(80))).toBeCloseTo(Math.sqrt(20 / 80), 10);
    expect(valueOf(words(80), true)).toBeCloseTo(Math.sqrt(20 / 80), 10);
  });

  it('with shrinkOnly, never weighs a short text more than a typical one (a birthday wish with one emoji)', () => {
    expect(valueOf('Happy birthday from the Tuesday quiz team! 🎂')).toBeGreaterThan(1.4);
    expect(valueOf('Happy birthday from the Tuesday quiz team! 🎂', true)).toBe(1);
    expect(valueOf(words(20), true)).toBe(1);
  });

  it('the pitch rule does not amplify a short message: an emoji in a birthday wish is not a pitch', () => {
    const signals = pitchFeatures('Happy birthday from the Tuesday quiz team! 🎂', 'en');
    expect(signals.ngrams.every((part) => part.shrinkOnly)).toBe(true);
    expect(score(PITCH_MODEL, signals.signals, signals.ngrams).probability).toBeLessThan(PITCH_MODEL.threshold);
  });
});
