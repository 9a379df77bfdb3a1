import { describe, expect, it } from 'vitest';
import { hash128 } from '../src/text/hash.js';

describe('hash128 (SARIF fingerprints)', () => {
  it('is 32 hex digits, the same for the same text, and tells near texts apart', () => {
    expect(hash128('twitter/max-length\u0000168/140\u0000Hi')).toMatch(/^[0-9a-f]{32}$/);
    expect(hash128('abc')).toBe(hash128('abc'));
    const texts = Array.from({ length: 20_000 }, (_, i) => `rule\u0000message\u0000text ${i}\u0000${i % 7}`);
    expect(new Set(texts.map(hash128)).size).toBe(texts.length);
    // No two 32-bit quarters move together: each quarter alone is still nearly collision-free.
    const quarters = new Set(texts.map((t) => hash128(t).slice(8, 16)));
    expect(quarters.size).toBeGreaterThan(texts.length - 5);
  });
});
