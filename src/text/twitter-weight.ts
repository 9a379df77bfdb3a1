/**
 * Twitter's weighted length (the twitter-text v3 rules): text is NFC-normalised; each code point
 * weighs 2 unless it falls in a light range (1); a URL weighs 23; with emoji parsing (v3) any
 * emoji sequence weighs 2. Validity also fails on U+FFFE, U+FEFF and U+FFFF.
 */
import { extractUrls } from './urls.js';

export interface WeightConfig {
  maxWeightedLength: number;
  scale: number;
  defaultWeight: number;
  transformedUrlLength: number;
  emojiParsing: boolean;
  ranges: { start: number; end: number; weight: number }[];
}

const LIGHT_RANGES = [
  { start: 0, end: 4351, weight: 100 },
  { start: 8192, end: 8205, weight: 100 },
  { start: 8208, end: 8223, weight: 100 },
  { start: 8242, end: 8247, weight: 100 },
];

/** twitter-text's v2 configuration: weights without emoji sequences. */
export const TWITTER_V2: WeightConfig = {
  maxWeightedLength: 280,
  scale: 100,
  defaultWeight: 200,
  transformedUrlLength: 23,
  emojiParsing: false,
  ranges: LIGHT_RANGES,
};

/** twitter-text's v3 configuration, the one Twitter uses today. */
export const TWITTER_V3: WeightConfig = { ...TWITTER_V2, emojiParsing: true };

// An emoji: a keycap, a flag, or pictographs (with modifier, variation selector or tags) joined
// by ZWJ. Copyright and registered signs count as emoji only with the emoji variation selector.
const EMOJI =
  /[#*0-9]\uFE0F?\u20E3|\p{RI}\p{RI}|(?:[\u00A9\u00AE]\uFE0F|(?![\u00A9\u00AE])\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F)?[\u{E0020}-\u{E007F}]*)(?:\u200D(?:[\u00A9\u00AE]\uFE0F|(?![\u00A9\u00AE])\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F)?))*/gu;
const INVALID_CHAR = /[\uFFFE\uFEFF\uFFFF]/;
const NOT_ASCII = /[^\x00-\x7f]/;

export interface WeightResult {
  /** Weighted length, in characters. */
  weightedLength: number;
  /** Within the limit, non-empty, no invalid characters. */
  valid: boolean;
  /** Index (UTF-16, original text) of the last unit inside the valid range, as twitter-text reports it. */
  validRangeEnd: number;
  /** Index (UTF-16, original text) where the first unit past the limit starts; -1 when none. */
  overflowStart: number;
}

interface Normalised {
  text: string;
  /** For each normalised unit, the first and last original unit of the character it came from. */
  firstOriginal: (index: number) => number;
  lastOriginal: (index: number) => number;
}

let segmenter: Intl.Segmenter | undefined;

function normalise(text: string): Normalised {
  const nfc = text.normalize('NFC');
  if (nfc === text) return { text, firstOriginal: (i) => i, lastOriginal: (i) => i };
  // Normalisation changed the text: map through grapheme clusters, which normalise independently.
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  const first: number[] = [];
  const last: number[] = [];
  let rebuilt = '';
  for (const { segment, index } of segmenter.segment(text)) {
    const piece = segment.normalize('NFC');
    rebuilt += piece;
    for (let k = 0; k < piece.length; k++) {
      first.push(index);
      last.push(index + segment.length - 1);
    }
  }
  if (rebuilt !== nfc) {
    const offset = text.length - nfc.length;
    return { text: nfc, firstOriginal: (i) => Math.max(0, i + offset), lastOriginal: (i) => i + offset };
  }
  return { text: nfc, firstOriginal: (i) => first[i]!, lastOriginal: (i) => last[i]! };
}

function weightOf(point: number, config: WeightConfig): number {
  for (const range of config.ranges) {
    if (point >= range.start && point <= range.end) return range.weight;
  }
  return config.defaultWeight;
}


export function weighTweet(text: string, config: WeightConfig = TWITTER_V3): WeightResult {
  const normalised = normalise(text);
  const source = normalised.text;
  // Entities by start, in order; the loop keeps the next of each kind instead of a lookup per unit.
  const urls = extractUrls(source);
  // No emoji sequence is all ASCII (keycaps end in U+20E3, flags and pictographs are beyond).
  const emoji = config.emojiParsing && NOT_ASCII.test(source) ? [...source.matchAll(EMOJI)].map((m) => ({ start: m.index, end: m.index + m[0].length })) : [];
  // Units before the first invalid character need no test of their own.
  const firstInvalid = source.search(INVALID_CHAR);
  const testFrom = firstInvalid < 0 ? source.length : firstInvalid;
  const limit = config.maxWeightedLength * config.scale;
  let weight = 0;
  let valid = true;
  let validEnd = 0;
  let overflowAt = -1;
  let nextUrl = 0;
  let nextEmoji = 0;
  for (let i = 0; i < source.length; i++) {
    const entityStart = i;
    while (nextUrl < urls.length && urls[nextUrl]!.start < i) nextUrl++;
    while (nextEmoji < emoji.length && emoji[nextEmoji]!.start < i) nextEmoji++;
    const url = nextUrl < urls.length && urls[nextUrl]!.start === i ? urls[nextUrl] : undefined;
    const sequence = url || !(nextEmoji < emoji.length && emoji[nextEmoji]!.start === i) ? undefined : emoji[nextEmoji];
    if (url) {
      weight += config.transformedUrlLength * config.scale;
      i = url.end - 1;
    } else if (sequence) {
      weight += config.defaultWeight;
      i = sequence.end - 1;
    } else {
      const point = source.codePointAt(i)!;
      weight += weightOf(point, config);
      if (point > 0xffff) i++;
    }
    if (valid && i >= testFrom) valid = !INVALID_CHAR.test(source[i]!);
    if (weight <= limit) {
      if (valid) validEnd = i;
    } else if (overflowAt < 0) {
      overflowAt = entityStart;
    }
  }
  const weightedLength = weight / config.scale;
  return {
    weightedLength,
    valid: valid && weightedLength > 0 && weightedLength <= config.maxWeightedLength,
    validRangeEnd: source.length === 0 ? 0 : normalised.lastOriginal(validEnd),
    overflowStart: overflowAt < 0 ? -1 : normalised.firstOriginal(overflowAt),
  };
}

/** Code points, the unit the other platforms count in. */
export function countCodePoints(text: string): { length: number; overflowStart: (max: number) => number } {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++;
    length++;
  }
  return {
    length,
    overflowStart(max: number) {
      let count = 0;
      for (let i = 0; i < text.length; i++) {
        if (count === max) return i;
        const c = text.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++;
        count++;
      }
      return -1;
    },
  };
}
