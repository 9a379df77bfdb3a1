// The quick test for two capitals in a row must answer exactly as /\p{Lu}{2}/u does: no-shouting
// and the pitch rule's keyword-reply search skip a draft on its word.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasTwoCapitals } from '../src/text/capitals.js';

const RUNS = Number(process.env.FC_RUNS ?? 300);
const TWO_CAPITALS = /\p{Lu}{2}/u;

describe('hasTwoCapitals', () => {
  it('answers as the Unicode pattern on chosen texts', () => {
    const cases: [string, boolean][] = [
      ['hello there', false],
      ['Hello There', false],
      ['reply YES', true],
      ['ÉTÉ', true],
      ['Été', false],
      ['😀😀 ok', false],
      ['𝐀𝐁', true], // mathematical bold capitals, outside the BMP
      ['𐐀𐐁', true], // Deseret
      ['A😀B', false],
      ['ΩΣ', true],
      ['Ωσ', false],
      ['日本語', false],
    ];
    for (const [text, expected] of cases) {
      expect(hasTwoCapitals(text), text).toBe(expected);
      expect(TWO_CAPITALS.test(text), text).toBe(expected);
    }
  });

  it('holds for every upper-case letter outside the BMP: its high surrogate is below the emoji', () => {
    for (let code = 0x10000; code <= 0x10ffff; code++) {
      const letter = String.fromCodePoint(code);
      if (/\p{Lu}/u.test(letter)) expect(letter.charCodeAt(0), code.toString(16)).toBeLessThanOrEqual(0xd83b);
    }
  });

  it('answers as the Unicode pattern on generated text', () => {
    const unit = fc.oneof(
      fc.constantFrom('A', 'b', 'É', 'é', ' ', '😀', '𝐀', 'ſ', 'Ω', 'ω', 'ǅ', '\ud835', '\udc00', 'Ⅸ', 'ⓐ', 'Ⓐ'),
      fc.string({ unit: 'binary', maxLength: 2 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (units) => {
        const text = units.join('');
        expect(hasTwoCapitals(text)).toBe(TWO_CAPITALS.test(text));
      }),
      { numRuns: RUNS * 10 },
    );
  });
});
