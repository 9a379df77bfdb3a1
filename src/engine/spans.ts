/** File spans of draft text, for reports and for fixes that must replace exactly what was matched. */
import type { Draft, DraftFile, SourceRange } from '../types.js';

/** The file span behind `draft.text[start, end)`. */
export function fileSpan(draft: Draft, start: number, end: number): SourceRange {
  return { start: draft.offsets[start]!, end: draft.offsets[end - 1]! + 1 };
}

/**
 * The file span behind `draft.text[start, end)` when the file spells that text contiguously
 * (no markup, escape or line prefix inside), so replacing it is safe; undefined otherwise.
 */
export function replaceableSpan(file: DraftFile, draft: Draft, start: number, end: number): SourceRange | undefined {
  const span = fileSpan(draft, start, end);
  return file.source.slice(span.start, span.end) === draft.text.slice(start, end) ? span : undefined;
}
