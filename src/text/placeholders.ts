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
  const map: number[] = [];
  let cursor = 0;
  for (const placeholder of placeholders) {
    parts.push(text.slice(cursor, placeholder.start));
    for (let i = cursor; i < placeholder.start; i++) map.push(i);
    const length = lengthOf(placeholder.name);
    parts.push('x'.repeat(length));
    for (let i = 0; i < length; i++) map.push(placeholder.start);
    cursor = placeholder.end;
  }
  parts.push(text.slice(cursor));
  for (let i = cursor; i < text.length; i++) map.push(i);
  const offsets = Int32Array.from(map);
  return { text: parts.join(''), toOriginal: (index) => offsets[index]! };
}
