/**
 * Applying fixes: each is a replacement of a file span. Overlapping fixes are applied in
 * passes, re-linting between passes, until nothing changes (at most MAX_PASSES), as ESLint does.
 */
import type { Diagnostic, Fix } from '../types.js';

export const MAX_PASSES = 10;

/** Applies the non-overlapping fixes among `diagnostics` to `source`; returns the new text and how many applied. */
export function applyFixes(source: string, diagnostics: readonly Diagnostic[]): { text: string; applied: number } {
  const fixes = diagnostics
    .map((diagnostic) => diagnostic.fix)
    .filter((fix): fix is Fix => fix !== undefined)
    .sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const parts: string[] = [];
  let cursor = 0;
  let applied = 0;
  for (const fix of fixes) {
    // A fix that overlaps one already taken waits for the next pass.
    if (fix.range.start < cursor) continue;
    if (source.slice(fix.range.start, fix.range.end) === fix.text) continue;
    parts.push(source.slice(cursor, fix.range.start), fix.text);
    cursor = fix.range.end;
    applied++;
  }
  parts.push(source.slice(cursor));
  return { text: parts.join(''), applied };
}

import { lintSource, type LintSetup } from './lint.js';
import type { DraftFile, FileResult } from '../types.js';

export interface FixOutcome {
  result: FileResult;
  /** The fixed file text (byte-order mark kept), or undefined when nothing changed. */
  output?: string;
  /** The file as parsed for `result`: the fixed text when there were fixes. */
  file: DraftFile;
}

/** Lints, applies fixes, and lints again until stable; the result describes the fixed text. */
export function lintAndFix(path: string, text: string, setup: LintSetup): FixOutcome {
  let current = text;
  let outcome = lintSource(path, current, setup);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const { text: next, applied } = applyFixes(outcome.file.source, outcome.result.diagnostics);
    if (applied === 0) break;
    current = (outcome.file.hadBom ? '\uFEFF' : '') + next;
    outcome = lintSource(path, current, setup);
  }
  return current === text ? { result: outcome.result, file: outcome.file } : { result: outcome.result, output: current, file: outcome.file };
}
