/** A draft's length as its platform counts it, with placeholders at their configured length. */
import type { Draft, RuleSettings } from '../types.js';
import { expandPlaceholders } from './placeholders.js';
import { TWITTER_V3, countCodePoints, weighTweet } from './twitter-weight.js';

export interface Measure {
  length: number;
  /** Offset in the draft text of the first character past `max`, or -1 when within it. */
  overflowAt(max: number): number;
}

export function placeholderLength(name: string, settings: RuleSettings): number {
  return settings.placeholders?.[name]?.length ?? settings.defaultPlaceholderLength;
}

// The summary and the length rules measure the same draft: do it once per draft and settings.
const measured = new WeakMap<Draft, { settings: RuleSettings; measure: Measure }>();

export function measureDraft(draft: Draft, settings: RuleSettings): Measure {
  const known = measured.get(draft);
  if (known && known.settings === settings) return known.measure;
  const measure = measureUncached(draft, settings);
  measured.set(draft, { settings, measure });
  return measure;
}

function measureUncached(draft: Draft, settings: RuleSettings): Measure {
  const expanded = expandPlaceholders(draft.text, draft.placeholders, (name) => placeholderLength(name, settings));
  const toDraft = (index: number) => (index < 0 ? -1 : expanded.toOriginal(index));
  if (draft.platform === 'twitter') {
    const length = weighTweet(expanded.text).weightedLength;
    return {
      length,
      overflowAt: (max) =>
        length <= max ? -1 : toDraft(weighTweet(expanded.text, { ...TWITTER_V3, maxWeightedLength: max }).overflowStart),
    };
  }
  const counted = countCodePoints(expanded.text);
  return { length: counted.length, overflowAt: (max) => toDraft(counted.overflowStart(max)) };
}
