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
  /** With `output`: the result of the text before any fix. */
  unfixed?: FileResult;
  /** The file as parsed for `result`: the fixed text when there were fixes. */
  file: DraftFile;
}

/**
 * Lints, applies fixes, and lints again until stable; the result describes the fixed text.
 * A rule whose fixes still apply after MAX_PASSES keeps changing its own output (a replacement
 * that contains what it replaces): its fixes are refused, the text is fixed again from the start
 * without them, and its diagnostics say why they were not fixed.
 */
export function lintAndFix(path: string, text: string, setup: LintSetup): FixOutcome {
  const refused = new Set<string>();
  for (;;) {
    const attempt = fixPasses(path, text, setup, refused);
    if (attempt.unsettled.size === 0) {
      const result = refused.size === 0 ? attempt.outcome.result : withRefusedFixes(attempt.outcome.result, refused);
      const file = attempt.outcome.file;
      return attempt.text === text ? { result, file } : { result, output: attempt.text, unfixed: attempt.first, file };
    }
    for (const ruleId of attempt.unsettled) refused.add(ruleId);
  }
}

function fixPasses(path: string, text: string, setup: LintSetup, refused: ReadonlySet<string>) {
  let current = text;
  let outcome = lintSource(path, current, setup);
  const first = outcome.result;
  const usable = (diagnostics: readonly Diagnostic[]) => (refused.size === 0 ? diagnostics : diagnostics.filter((d) => !refused.has(d.ruleId)));
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const { text: next, applied } = applyFixes(outcome.file.source, usable(outcome.result.diagnostics));
    if (applied === 0) return { text: current, outcome, first, unsettled: new Set<string>() };
    current = (outcome.file.hadBom ? '\uFEFF' : '') + next;
    outcome = lintSource(path, current, setup);
  }
  // After the last pass, a rule with as many fixes left as it started with made no progress: its
  // fixes recreate what they fix. One with fewer left just had more work than the passes allow.
  const fixesOf = (diagnostics: readonly Diagnostic[]) => {
    const counts = new Map<string, number>();
    for (const d of usable(diagnostics)) if (d.fix) counts.set(d.ruleId, (counts.get(d.ruleId) ?? 0) + 1);
    return counts;
  };
  const before = fixesOf(first.diagnostics);
  const unsettled = new Set([...fixesOf(outcome.result.diagnostics)].filter(([ruleId, left]) => left >= (before.get(ruleId) ?? 0)).map(([ruleId]) => ruleId));
  return { text: current, outcome, first, unsettled };
}

function withRefusedFixes(result: FileResult, refused: ReadonlySet<string>): FileResult {
  const diagnostics = result.diagnostics.map((d) => {
    if (!refused.has(d.ruleId) || !d.fix) return d;
    const { fix: _fix, ...rest } = d;
    return { ...rest, fixable: false, message: `${d.message} (not fixed: this fix changes its own output again each time it is applied)` };
  });
  return { ...result, diagnostics, fixableCount: diagnostics.filter((d) => d.fixable).length };
}
