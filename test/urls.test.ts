// URLs in ASCII text are found with ASCII patterns (they compile in microseconds, the Unicode
// ones in milliseconds): on any ASCII text both must find exactly the same URLs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findUrls, mayHoldUrl } from '../src/text/urls.js';
import { expectSameOnGeneratedText } from './helpers.js';

const RUNS = Number(process.env.FC_RUNS ?? 300) * 10;
const piece = fc.constantFrom(
  'https://', 'http://', 'HTTPS://', 'www.', 'example', '.com', '.fr', '.co', '.xyz', '.notatld', '/path', '?q=1', '#frag', ':8080', '-', '_', '.',
  ',', ';', ':', '!', '?', "'", '"', ')', '(', ']', '}', '*', '@', '$', '#', ' ', '\n', '\t', '\u0000', '\u007f', '<', '>', 'a', 'Z', '9', 'mailto:',
);
const asciiText = fc.oneof(fc.array(piece, { maxLength: 30 }).map((parts) => parts.join('')), fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), maxLength: 80 }));

describe('URL extraction on ASCII text', () => {
  it('finds what the Unicode patterns find', () => {
    expect(findUrls('See https://example.com/a?b=c, or www.example.fr.')).toEqual(findUrls('See https://example.com/a?b=c, or www.example.fr.', true));
    expect(findUrls('See https://example.com/a?b=c, or www.example.fr.').map((u) => u.url)).toEqual(['https://example.com/a?b=c', 'www.example.fr']);
    fc.assert(
      fc.property(asciiText, (text) => {
        expect(findUrls(text, false)).toEqual(findUrls(text, true));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the test for a possible URL', () => {
  it('answers as the pattern it replaces, whatever stands around the dots', () => {
    const pieces = ['.', '..', 'a', 'Z', '0', '9', ' ', '-', '_', '/', 'é', 'É', '\u0301', '日', 'ا', '٣', '𝐀', '𝟘', '\uD835', '\uDC00', '😀', '\u200D', 'ǅ', 'ß', '\u2160', '!', 'x.com'];
    const pattern = /[\p{L}\p{N}\p{M}]\.\p{L}/u;
    expectSameOnGeneratedText(pieces, 12, mayHoldUrl, (text) => pattern.test(text));
  });
});
