/** Run totals: problems, and drafts per platform and kind with the InMail credit estimate. */
import { compareText } from '../text/compare.js';
import type { FileResult } from '../types.js';

/** Approximate price in USD of one InMail credit bought without a Premium plan: the cost estimate in reports. */
export const INMAIL_CREDIT_USD = 10;

export interface RunSummary {
  files: number;
  drafts: number;
  errors: number;
  warnings: number;
  fixable: number;
  inmails: number;
  inmailCostUsd: number;
  /** Warnings counted but left out of the report (--quiet). */
  hiddenWarnings?: number;
  /** "twitter dm" → count, sorted by label, "no platform" last. */
  byPlatform: Map<string, number>;
}

export function summarise(results: readonly FileResult[]): RunSummary {
  const tally = new SummaryTally();
  for (const result of results) tally.add(result);
  return tally.summary();
}

/** Run totals kept as results go by, so a run that streams its report need not keep them. */
export class SummaryTally {
  private files = 0;
  private drafts = 0;
  private errors = 0;
  private warnings = 0;
  private fixable = 0;
  // Counted by platform, then kind: a label string per draft would cost more than the count.
  private readonly counts = new Map<string | null, Map<string | null, number>>();

  add(result: FileResult): void {
    this.files++;
    this.errors += result.errorCount;
    this.warnings += result.warningCount;
    this.fixable += result.fixableCount;
    for (const draft of result.drafts) {
      this.drafts++;
      let kinds = this.counts.get(draft.platform);
      if (!kinds) this.counts.set(draft.platform, (kinds = new Map()));
      kinds.set(draft.kind, (kinds.get(draft.kind) ?? 0) + 1);
    }
  }

  summary(): RunSummary {
    const byPlatform = new Map<string, number>();
    for (const [platform, kinds] of this.counts) {
      for (const [kind, count] of kinds) {
        const label = platform ? `${platform} ${kind ?? '(invalid kind)'}` : 'no platform';
        byPlatform.set(label, (byPlatform.get(label) ?? 0) + count);
      }
    }
    const inmails = this.counts.get('linkedin')?.get('inmail') ?? 0;
    return {
      files: this.files,
      drafts: this.drafts,
      errors: this.errors,
      warnings: this.warnings,
      fixable: this.fixable,
      inmails,
      inmailCostUsd: inmails * INMAIL_CREDIT_USD,
      byPlatform: new Map([...byPlatform].sort(([a], [b]) => (a === 'no platform' ? 1 : b === 'no platform' ? -1 : compareText(a, b)))),
    };
  }
}
