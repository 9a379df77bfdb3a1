/** Run totals: problems, and drafts per platform and kind with the InMail credit estimate. */
import { compareText } from './text/compare.js';
import type { FileResult } from './types.js';

/** Approximate price of one InMail credit bought without premium (SPEC.md). */
export const INMAIL_CREDIT_USD = 10;

export interface RunSummary {
  files: number;
  drafts: number;
  errors: number;
  warnings: number;
  fixable: number;
  inmails: number;
  inmailCostUsd: number;
  /** "twitter dm" → count, sorted by label, "no platform" last. */
  byPlatform: Map<string, number>;
}

export function summarise(results: readonly FileResult[]): RunSummary {
  // Counted by platform, then kind: a label string per draft would cost more than the count.
  const counts = new Map<string | null, Map<string | null, number>>();
  let drafts = 0;
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
    fixable += result.fixableCount;
    for (const draft of result.drafts) {
      drafts++;
      let kinds = counts.get(draft.platform);
      if (!kinds) counts.set(draft.platform, (kinds = new Map()));
      kinds.set(draft.kind, (kinds.get(draft.kind) ?? 0) + 1);
    }
  }
  const byPlatform = new Map<string, number>();
  for (const [platform, kinds] of counts) {
    for (const [kind, count] of kinds) {
      const label = platform ? `${platform} ${kind ?? '(invalid kind)'}` : 'no platform';
      byPlatform.set(label, (byPlatform.get(label) ?? 0) + count);
    }
  }
  const inmails = counts.get('linkedin')?.get('inmail') ?? 0;
  return {
    files: results.length,
    drafts,
    errors,
    warnings,
    fixable,
    inmails,
    inmailCostUsd: inmails * INMAIL_CREDIT_USD,
    byPlatform: new Map(
      [...byPlatform].sort(([a], [b]) => (a === 'no platform' ? 1 : b === 'no platform' ? -1 : compareText(a, b))),
    ),
  };
}
