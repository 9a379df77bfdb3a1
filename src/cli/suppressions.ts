/**
 * The CLI's side of bulk suppressions: where the file is (beside the config, or
 * --suppressions-location), which mode the flags ask for, and what is said at the end.
 * Loaded only when a suppression flag is given or the file exists.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { writeFileSafely } from '../fs/safe-write.js';
import { BulkSuppressions, type SuppressionMode } from '../report/suppressions/bulk.js';
import { parseSuppressions, serialiseSuppressions, SuppressionsFileError, type SuppressionEntries } from '../report/suppressions/file.js';
import { closest } from '../text/closest.js';
import { displayPath } from '../text/display-path.js';
import type { FileResult } from '../types.js';

export interface SuppressionFlags {
  suppressAll: boolean;
  suppressRule: string[];
  pruneSuppressions: boolean;
  passOnUnprunedSuppressions: boolean;
}

export interface SuppressionRun {
  filter(result: FileResult): FileResult;
  /** Writes the file (suppress, prune) and says what happened; `failed` when the run must exit 2. */
  finish(inputs: readonly string[]): Promise<{ messages: string[]; failed: boolean }>;
}

const plural = (count: number, word: string) => `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;

export function suppressionMode(flags: SuppressionFlags): SuppressionMode {
  if (flags.suppressAll) return { kind: 'suppress', rules: 'all' };
  if (flags.suppressRule.length > 0) return { kind: 'suppress', rules: new Set(flags.suppressRule) };
  return flags.pruneSuppressions ? { kind: 'prune' } : { kind: 'apply' };
}

/**
 * Opens the suppressions file for a run. Throws SuppressionsFileError for a file that cannot be
 * read; the caller reports it and lints without suppressions.
 */
export function openSuppressions(location: string, flags: SuppressionFlags, knownRules: ReadonlySet<string>, cwd: string): SuppressionRun {
  const mode = suppressionMode(flags);
  const shown = displayPath(location, cwd);
  for (const id of flags.suppressRule) {
    if (!knownRules.has(id)) {
      const near = closest(id, knownRules);
      throw new SuppressionsFileError(`--suppress-rule "${id}": no such rule${near ? ` (did you mean "${near}"?)` : ''}: expected a rule id (dmlint --list-rules lists them)`);
    }
  }
  let entries: SuppressionEntries = new Map();
  if (existsSync(location)) entries = parseSuppressions(readFileSync(location, 'utf8'), shown);
  const bulk = new BulkSuppressions(path.dirname(location), entries, mode);

  return {
    filter: (result) => bulk.filter(result, cwd),
    async finish(inputs) {
      const unused = bulk.settle(searchedFolders(inputs, cwd), existsSync);
      const messages: string[] = [];
      if (mode.kind !== 'apply') {
        mkdirSync(path.dirname(location), { recursive: true });
        // Created as every file dmlint writes: exclusively, never through a link (docs/security.md).
        writeFileSafely(location, serialiseSuppressions(bulk.entries));
      }
      if (mode.kind === 'suppress') {
        messages.push(`recorded ${plural(bulk.recorded.problems, 'problem')} in ${plural(bulk.recorded.files, 'file')} in ${shown}`);
      }
      if (mode.kind === 'prune') {
        messages.push(
          unused.problems > 0
            ? `pruned ${plural(unused.problems, 'suppressed problem')} that ${unused.problems === 1 ? 'no longer occurs' : 'no longer occur'} (${plural(unused.files, 'file')}) from ${shown}`
            : `nothing to prune in ${shown}`,
        );
        return { messages, failed: false };
      }
      if (mode.kind === 'suppress' && mode.rules === 'all') return { messages, failed: false };
      if (unused.problems > 0 && !flags.passOnUnprunedSuppressions) {
        messages.push(
          `${plural(unused.problems, 'suppressed problem')} in ${shown} ${unused.problems === 1 ? 'no longer occurs' : 'no longer occur'} (${plural(unused.files, 'file')}): run dmlint --prune-suppressions to drop them, so they cannot come back unseen (or pass --pass-on-unpruned-suppressions)`,
        );
        return { messages, failed: true };
      }
      return { messages, failed: false };
    },
  };
}

/** The folders a run searched (its folders, and the fixed part of its globs): where a missing file means a deleted one. */
function searchedFolders(inputs: readonly string[], cwd: string): string[] {
  const roots: string[] = [];
  for (const input of inputs.length > 0 ? inputs : ['.']) {
    const absolute = path.resolve(cwd, input);
    if (statSync(absolute, { throwIfNoEntry: false })?.isDirectory()) roots.push(absolute);
    else {
      const scanned = picomatch.scan(input.split(path.sep).join('/'));
      if (scanned.isGlob) roots.push(path.resolve(cwd, scanned.base || '.'));
    }
  }
  return roots;
}
