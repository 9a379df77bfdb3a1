/** Run totals: problems, and drafts per platform and kind with the InMail credit estimate. */
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
  const byPlatform = new Map<string, number>();
  let drafts = 0;
  let inmails = 0;
  for (const result of results) {
    for (const draft of result.drafts) {
      drafts++;
      const label = draft.platform ? `${draft.platform} ${draft.kind ?? '(invalid kind)'}` : 'no platform';
      byPlatform.set(label, (byPlatform.get(label) ?? 0) + 1);
      if (draft.platform === 'linkedin' && draft.kind === 'inmail') inmails++;
    }
  }
  return {
    files: results.length,
    drafts,
    errors: results.reduce((sum, r) => sum + r.errorCount, 0),
    warnings: results.reduce((sum, r) => sum + r.warningCount, 0),
    fixable: results.reduce((sum, r) => sum + r.fixableCount, 0),
    inmails,
    inmailCostUsd: inmails * INMAIL_CREDIT_USD,
    byPlatform: new Map(
      [...byPlatform].sort(([a], [b]) => (a === 'no platform' ? 1 : b === 'no platform' ? -1 : a.localeCompare(b))),
    ),
  };
}
