/** Merge fields: `{{name}}`, with optional spaces inside the braces. */
import type { Placeholder } from '../types.js';

export const PLACEHOLDER_NAME = /^[A-Za-z_][\w.-]*$/;
const WELL_FORMED = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g;

export function findPlaceholders(text: string): Placeholder[] {
  const found: Placeholder[] = [];
  if (!text.includes('{{')) return found;
  for (const match of text.matchAll(WELL_FORMED)) {
    found.push({ name: match[1]!, start: match.index, end: match.index + match[0].length });
  }
  return found;
}

export interface ExpandedText {
  text: string;
  /** For each UTF-16 unit of the expanded text, its offset in the original text. */
  toOriginal: (index: number) => number;
}

/**
 * Replaces each placeholder by `x` repeated its configured length, so lengths are measured as
 * they will be once the merge field is filled in.
 */
export function expandPlaceholders(
  text: string,
  placeholders: Placeholder[],
  lengthOf: (name: string) => number,
): ExpandedText {
  if (placeholders.length === 0) return { text, toOriginal: (index) => index };
  const parts: string[] = [];
  // Where each placeholder's expansion starts in the expanded text, and its length: enough to map
  // any offset back when asked (only a draft over its limit asks, once). A table of every unit's
  // offset cost a pass over each draft's text and four bytes a character.
  const starts: number[] = [];
  const lengths: number[] = [];
  let written = 0;
  let cursor = 0;
  for (const placeholder of placeholders) {
    parts.push(text.slice(cursor, placeholder.start));
    written += placeholder.start - cursor;
    const length = lengthOf(placeholder.name);
    starts.push(written);
    lengths.push(length);
    parts.push('x'.repeat(length));
    written += length;
    cursor = placeholder.end;
  }
  parts.push(text.slice(cursor));
  const toOriginal = (index: number): number => {
    // The last placeholder whose expansion starts at or before `index`.
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (starts[middle]! <= index) low = middle + 1;
      else high = middle;
    }
    const k = low - 1;
    if (k < 0) return index;
    const past = index - starts[k]!;
    return past < lengths[k]! ? placeholders[k]!.start : placeholders[k]!.end + past - lengths[k]!;
  };
  return { text: parts.join(''), toOriginal };
}
