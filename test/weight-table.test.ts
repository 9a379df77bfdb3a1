// The packed weights of a judgment rule's .weights.json: every weight found by its name, exactly as
// fitted, and nothing found that the model does not weigh.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PITCH_MODEL } from '../rules/facebook/unsolicited-pitch.js';
import { VALUE_MODEL } from '../rules/linkedin/inmail-value-proposition.js';
import { score } from '../src/text/scorer.js';
import { packWeights, WeightTable } from '../src/text/weight-table.js';

// Names as tokens make them: letters with and without accents, apostrophes, classes, CJK, spaces between bigram words.
const name = fc.stringMatching(/^(?:[abé'<>z日]|  ?){1,6}$/);
const weight = fc.integer({ min: -99_999, max: 99_999 }).map((units) => units / 10_000);

describe('packed weights', () => {
  it('find every weight by its name, exactly, and no other name, for any names', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(name, weight), { selector: ([n]) => n, maxLength: 40 }), fc.array(name, { maxLength: 10 }), (entries, others) => {
        const table = WeightTable.unpack(packWeights(entries));
        const byName = new Map(entries);
        expect(table.size).toBe(entries.length);
        for (const [n, w] of entries) expect(table.get(n)).toBe(w);
        for (const other of others) expect(table.get(other)).toBe(byName.get(other));
        // The names beginning with a prefix are one run of the table, and all of them.
        for (const prefix of [...others, ...entries.map(([n]) => n.slice(0, 2))]) {
          const [from, to] = table.startingWith(prefix);
          const inRun = Array.from({ length: to - from }, (_, i) => table.name(from + i)).sort();
          expect(inRun).toEqual(entries.map(([n]) => n).filter((n) => n.startsWith(prefix)).sort());
        }
        // A table made in memory looks up the same.
        const inMemory = WeightTable.of(entries);
        for (const n of [...entries.map(([n]) => n), ...others]) expect(inMemory.get(n)).toBe(table.get(n));
      }),
    );
  });

  it('refuse what they cannot hold exactly', () => {
    expect(() => packWeights([['a', 0.12345]])).toThrow(/ten-thousandths/);
    expect(() => packWeights([['a', 10]])).toThrow(/under 10/);
    expect(() => packWeights([['a\nb', 1]])).toThrow(/line break/);
    expect(() => packWeights([['', 1]])).toThrow(/empty/);
    expect(() => packWeights([['a', 1], ['a', 2]])).toThrow(/named twice/);
    expect(packWeights([['b', -0.5], ['a', 9.9999]])).toEqual({ names: 'a\nb', weights: '+99999-05000' });
  });

  it('refuse a group whose names and weights do not match', () => {
    expect(() => WeightTable.unpack({ names: 'a\nb', weights: '+00001' })).toThrow(/damaged weights: 2 names, 1 weights/);
    expect(() => WeightTable.unpack({ names: 'a', weights: '+00001+00002' })).toThrow(/damaged weights: 1 names, 2 weights/);
    expect(() => WeightTable.unpack({ names: 'a', weights: '+0001' })).toThrow(/damaged weights/);
    expect(() => WeightTable.unpack({ names: '', weights: '+00001' })).not.toThrow();
    for (const weights of ['      ', '1e3000', 'abcdef', '+0000a', '++0001']) expect(() => WeightTable.unpack({ names: 'a', weights }), weights).toThrow(/sign and five digits/);
    expect(WeightTable.unpack({ names: '', weights: '' }).size).toBe(0);
  });

  it('score the shipped models as their flat weights do', () => {
    for (const model of [PITCH_MODEL, VALUE_MODEL]) {
      const flat = { bias: model.bias, threshold: model.threshold, weights: { ...model.weights } };
      const names = Object.keys(flat.weights);
      // Every feature of the model alone, through the packed tables and through the flat weights.
      for (const feature of names.filter((_, i) => i % 5 === 0)) {
        const packed = score(model, [{ feature }]);
        expect(packed.logit).toBe(score(flat, [{ feature }]).logit);
        expect(packed.logit).toBe(model.bias + model.weights[feature]!);
      }
      expect(score(model, [{ feature: 'w:no-such-word-here' }]).logit).toBe(model.bias);
    }
  });
});
