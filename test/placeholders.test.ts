// Merge fields expanded to their configured length for measuring, and offsets in the expanded
// text mapped back to the draft: where an over-long draft's first extra character is reported.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandPlaceholders, findPlaceholders } from '../src/text/placeholders.js';

const RUNS = Number(process.env.FC_RUNS ?? 300);

/** Every unit's offset, written out one by one: what `toOriginal` must answer. */
function unitByUnit(text: string, lengthOf: (name: string) => number): { text: string; offsets: number[] } {
  let out = '';
  const offsets: number[] = [];
  let cursor = 0;
  for (const placeholder of findPlaceholders(text)) {
    for (let i = cursor; i < placeholder.start; i++) offsets.push(i);
    out += text.slice(cursor, placeholder.start);
    const length = lengthOf(placeholder.name);
    for (let i = 0; i < length; i++) offsets.push(placeholder.start);
    out += 'x'.repeat(length);
    cursor = placeholder.end;
  }
  for (let i = cursor; i < text.length; i++) offsets.push(i);
  return { text: out + text.slice(cursor), offsets };
}

describe('expandPlaceholders', () => {
  it('maps every offset of the expanded text back to the draft', () => {
    const lengths: Record<string, number> = { first_name: 10, company: 0, city: 1 };
    const lengthOf = (name: string) => lengths[name] ?? 20;
    const text = 'Hi {{first_name}}{{company}}, {{ city }} is lovely. {{nope}}!';
    const expanded = expandPlaceholders(text, findPlaceholders(text), lengthOf);
    expect(expanded.text).toBe(`Hi ${'x'.repeat(10)}, x is lovely. ${'x'.repeat(20)}!`);
    // Inside an expansion: the placeholder's start; after it: the text that follows it.
    expect(expanded.toOriginal(3)).toBe(3);
    expect(expanded.toOriginal(12)).toBe(3);
    expect(expanded.toOriginal(13)).toBe(text.indexOf(','));
    expect(expanded.toOriginal(15)).toBe(text.indexOf('{{ city }}'));
    expect(expanded.toOriginal(expanded.text.length - 1)).toBe(text.length - 1);
  });

  it('agrees with a unit-by-unit mapping on generated drafts', () => {
    const piece = fc.constantFrom('Hi ', '{{first_name}}', '{{ company }}', '{{a}}', '{{b}}', '{{', '}}', '😀', 'é', ', ', '!', '{{x}}{{y}}');
    const draft = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
    const lengths = fc.dictionary(fc.constantFrom('first_name', 'company', 'a', 'b', 'x', 'y'), fc.nat(12));
    fc.assert(
      fc.property(draft, lengths, (text, table) => {
        const lengthOf = (name: string) => table[name] ?? 3;
        const expanded = expandPlaceholders(text, findPlaceholders(text), lengthOf);
        const expected = unitByUnit(text, lengthOf);
        expect(expanded.text).toBe(expected.text);
        expect(Array.from({ length: expanded.text.length }, (_, i) => expanded.toOriginal(i))).toEqual(expected.offsets);
      }),
      { numRuns: RUNS * 10 },
    );
  });
});
