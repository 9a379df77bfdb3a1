import { describe, expect, it } from 'vitest';
import { compilePhrases } from '../src/text/phrase-matcher.js';

describe('phrase matching', () => {
  it('takes the leftmost match, the longest at that point, on word boundaries, without overlaps', () => {
    const match = compilePhrases(['limited time', 'limited time offer', 'time offer ends', 'offer']);
    expect(match('A limited-time offer ends. An offering. Offer!').map((m) => m.phrase)).toEqual(['limited time offer', 'offer']);
  });

  it('maps matches back through accents, case, line breaks and astral characters', () => {
    const text = 'Profitez 😀 de notre OFFRE\nexclusive 😀';
    const [m] = compilePhrases(['offre exclusive'])(text);
    expect(text.slice(m!.start, m!.end)).toBe('OFFRE\nexclusive');
  });

  it("lets a phrase that ends in an apostrophe run into the next word, and only then", () => {
    const match = compilePhrases(["je peux t'", 'je peux t']);
    expect(match("Je peux t'envoyer le lien").map((m) => m.phrase)).toEqual(["je peux t'"]);
    expect(match('Je peux tenter').map((m) => m.phrase)).toEqual([]);
  });

  it('follows a failure chain of 15,000 links in a loop, not by recursion (a phrase of 30,000 units)', () => {
    const phrase = 'ab'.repeat(15_000);
    // After the second "abab…ab", the "b" has no child: the search falls back link by link to the root.
    const text = `x ${phrase} x ${phrase.slice(2)}b b`;
    expect(compilePhrases([phrase, 'b'])(text).map((m) => [m.start, m.end])).toEqual([
      [2, 30_002],
      [text.length - 1, text.length],
    ]);
  });

  it('stays linear on adversarial input: thousands of phrases sharing prefixes over a long run of one letter', () => {
    const phrases = Array.from({ length: 3000 }, (_, i) => `${'a'.repeat(20 + (i % 40))}b${i}`);
    const text = `${'a'.repeat(200_000)} ${phrases[2999]}`;
    const started = performance.now();
    const found = compilePhrases(phrases)(text);
    // Not a timing assertion (the benchmark measures speed): a backtracking matcher takes minutes here.
    expect(found.map((m) => m.phrase)).toEqual([phrases[2999]]);
    expect(performance.now() - started).toBeLessThan(60_000);
  });
});
