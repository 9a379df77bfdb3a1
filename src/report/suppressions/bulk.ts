/**
 * Bulk suppressions, in ESLint's manner: the problems a repository has today are recorded per
 * file and rule (--suppress-all, --suppress-rule), later runs report only problems beyond the
 * recorded counts, and --prune-suppressions lowers the counts as problems are fixed, so the
 * ratchet only turns one way. Applied to each result as it streams by: a run keeps no results.
 */
import path from 'node:path';
import type { Diagnostic, FileResult } from '../../types.js';
import { FINGERPRINT_LENGTH, type RuleSuppression, type SuppressionEntries } from './file.js';

/** apply: report what is beyond the counts; suppress: record today's problems first; prune: lower the counts to what occurs. */
export type SuppressionMode = { kind: 'apply' } | { kind: 'prune' } | { kind: 'suppress'; rules: 'all' | ReadonlySet<string> };

/** Recorded problems that did not occur in a run, per file and rule. */
export interface UnusedSuppressions {
  files: number;
  problems: number;
}

const fingerprintOf = (d: Diagnostic) => (d.fingerprint ?? '').slice(0, FINGERPRINT_LENGTH);

export class BulkSuppressions {
  /** Entries of files that went by in this run. */
  private readonly seen = new Set<string>();
  private readonly unusedByFile = new Map<string, number>();
  /** Problems that the recorded counts kept out of the report. */
  suppressed = 0;
  /** With suppress: how many problems were recorded, in how many files. */
  recorded = { problems: 0, files: 0 };

  constructor(
    /** Folder of the suppressions file: the paths in it are relative to it. */
    private readonly folder: string,
    readonly entries: SuppressionEntries,
    private readonly mode: SuppressionMode,
  ) {}

  /** The key of a result's file: its path relative to the suppressions file's folder, with `/`. */
  keyOf(result: FileResult, cwd: string): string {
    // A report path inside the working directory is already relative to it, with `/`.
    if (this.folder === cwd && !path.isAbsolute(result.path)) return result.path;
    return path.relative(this.folder, path.resolve(cwd, result.path)).split(path.sep).join('/');
  }

  /** The result as the report should show it: problems within the recorded counts taken out. */
  filter(result: FileResult, cwd: string): FileResult {
    const key = this.keyOf(result, cwd);
    this.seen.add(key);
    if (this.mode.kind === 'suppress') this.record(key, result.diagnostics, this.mode.rules);
    const recorded = this.entries.get(key);
    if (!recorded) return result;

    const byRule = groupByRule(result.diagnostics);
    const hidden = new Set<Diagnostic>();
    for (const [ruleId, entry] of recorded) {
      const found = byRule.get(ruleId) ?? [];
      for (const d of withinCount(found, entry)) hidden.add(d);
      if (found.length < entry.count) this.unusedByFile.set(key, (this.unusedByFile.get(key) ?? 0) + entry.count - found.length);
      if (this.mode.kind === 'prune' && found.length <= entry.count) {
        if (found.length === 0) recorded.delete(ruleId);
        else recorded.set(ruleId, { count: found.length, fingerprints: found.map(fingerprintOf) });
      }
    }
    if (this.mode.kind === 'prune' && recorded.size === 0) this.entries.delete(key);
    if (hidden.size === 0) return result;
    this.suppressed += hidden.size;
    const diagnostics = result.diagnostics.filter((d) => !hidden.has(d));
    const errorCount = diagnostics.filter((d) => d.severity === 'error').length;
    return { ...result, diagnostics, errorCount, warningCount: diagnostics.length - errorCount, fixableCount: diagnostics.filter((d) => d.fixable).length };
  }

  /** Records a file's problems: every rule's (its entry replaced whole), or the named rules' only. */
  private record(key: string, diagnostics: readonly Diagnostic[], rules: 'all' | ReadonlySet<string>): void {
    const previous = this.entries.get(key);
    const next = new Map<string, RuleSuppression>(rules === 'all' ? [] : [...(previous ?? [])].filter(([ruleId]) => !rules.has(ruleId)));
    let count = 0;
    for (const [ruleId, found] of groupByRule(diagnostics)) {
      if (rules !== 'all' && !rules.has(ruleId)) continue;
      next.set(ruleId, { count: found.length, fingerprints: found.map(fingerprintOf) });
      count += found.length;
    }
    if (next.size > 0) this.entries.set(key, next);
    else this.entries.delete(key);
    if (count > 0) {
      this.recorded.problems += count;
      this.recorded.files++;
    }
  }

  /**
   * Entries of files that did not go by: those whose file is gone (deleted or renamed) are
   * unused. Only files under `roots` are looked at, the folders this run searched: a run over a
   * few named files checks nothing else. Suppress and prune drop them.
   */
  settle(roots: readonly string[], exists: (file: string) => boolean): UnusedSuppressions {
    for (const [key, rules] of this.entries) {
      if (this.seen.has(key)) continue;
      const file = path.resolve(this.folder, key);
      if (!roots.some((root) => file.startsWith(root.endsWith(path.sep) ? root : root + path.sep)) || exists(file)) continue;
      let count = 0;
      for (const entry of rules.values()) count += entry.count;
      this.unusedByFile.set(key, count);
      if (this.mode.kind !== 'apply') this.entries.delete(key);
    }
    let problems = 0;
    for (const count of this.unusedByFile.values()) problems += count;
    return { files: this.unusedByFile.size, problems };
  }
}

function groupByRule(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const byRule = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byRule.get(d.ruleId);
    if (list) list.push(d);
    else byRule.set(d.ruleId, [d]);
  }
  return byRule;
}

/**
 * Which of a rule's problems in a file the recorded count covers: all of them when there are no
 * more than the count; otherwise the count's worth, taken from problems whose fingerprints are
 * recorded, so what is reported is first what was not there before.
 */
function withinCount(found: readonly Diagnostic[], entry: RuleSuppression): Diagnostic[] {
  if (found.length <= entry.count) return [...found];
  const known = new Map<string, number>();
  for (const print of entry.fingerprints) known.set(print, (known.get(print) ?? 0) + 1);
  const matched: Diagnostic[] = [];
  const unmatched: Diagnostic[] = [];
  for (const d of found) {
    const print = fingerprintOf(d);
    const left = known.get(print) ?? 0;
    if (left > 0) {
      known.set(print, left - 1);
      matched.push(d);
    } else {
      unmatched.push(d);
    }
  }
  // More old problems than the count (a hand-edited file): the last ones are reported.
  return [...matched, ...unmatched].slice(0, entry.count);
}
