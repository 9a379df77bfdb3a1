// Twitter weighting against the official twitter-text conformance vectors in ../shared.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { TWITTER_V2, TWITTER_V3, weighTweet, type WeightConfig } from '../src/text/twitter-weight.js';
import { ROOT } from './helpers.js';

const VECTORS = path.resolve(ROOT, '../shared/conformance/twitter-text/validate.yml');
const present = existsSync(VECTORS);

interface Vector {
  description: string;
  text: string;
  expected: { weightedLength: number; valid: boolean; validRangeEnd: number };
}

const sections: [string, WeightConfig][] = [
  // twitter-text runs this section with its v2 configuration (emoji weighed per code point)...
  ['WeightedTweetsCounterTest', TWITTER_V2],
  // ...and these with v3, the configuration dmlint's rules use.
  ['WeightedTweetsWithDiscountedEmojiCounterTest', TWITTER_V3],
  ['UnicodeDirectionalMarkerCounterTest', TWITTER_V3],
];

describe.skipIf(!present)('twitter-text conformance vectors', () => {
  const tests = present ? (parse(readFileSync(VECTORS, 'utf8')) as { tests: Record<string, Vector[]> }).tests : {};
  for (const [section, config] of sections) {
    const vectors = tests[section] ?? [];
    it(`${section} has cases`, () => expect(vectors.length).toBeGreaterThan(0));
    for (const vector of vectors) {
      it(`${section}: ${vector.description}`, () => {
        const result = weighTweet(vector.text, config);
        expect({
          weightedLength: result.weightedLength,
          valid: result.valid,
          validRangeEnd: result.validRangeEnd,
        }).toEqual({
          weightedLength: vector.expected.weightedLength,
          valid: vector.expected.valid,
          validRangeEnd: vector.expected.validRangeEnd,
        });
      });
    }
  }
});

if (!present) {
  describe('twitter-text conformance vectors', () => {
    it.skip(`skipped: ${VECTORS} is absent (it ships beside the project in CI, not in a user's clone)`, () => {});
  });
}
