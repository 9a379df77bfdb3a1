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
  const lengths = placeholders.map((placeholder) => lengthOf(placeholder.name));
  let size = text.length;
  for (const [k, placeholder] of placeholders.entries()) size += lengths[k]! - (placeholder.end - placeholder.start);
  // One typed array of the final size: a list of numbers grown a character at a time took 8 bytes
  // and more per character, enough to end the process on a draft of 200 MB.
  const offsets = new Int32Array(size);
  let written = 0;
  let cursor = 0;
  for (const [k, placeholder] of placeholders.entries()) {
    parts.push(text.slice(cursor, placeholder.start));
    for (let i = cursor; i < placeholder.start; i++) offsets[written++] = i;
    const length = lengths[k]!;
    parts.push('x'.repeat(length));
    offsets.fill(placeholder.start, written, written + length);
    written += length;
    cursor = placeholder.end;
  }
  parts.push(text.slice(cursor));
  for (let i = cursor; i < text.length; i++) offsets[written++] = i;
  return { text: parts.join(''), toOriginal: (index) => offsets[index]! };
}
