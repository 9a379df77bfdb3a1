/**
 * Linting the files and folders a run names: find the drafts, reuse cached results, lint the rest
 * on this thread or on worker threads, and return the results in path order. The engine is
 * imported only when some file has to be linted, so a run served from the cache never loads it.
 */
import os from 'node:os';
import path from 'node:path';
import type { CacheLookup, ResultCache } from './cache.js';
import { loadConfig, type Defaults, type ResolvedConfig } from './config/load.js';
import { displayPath } from './display-path.js';
import { findDraftFiles } from './files.js';
import type { FileLintOptions, FileOutcome } from './lint-file.js';
import type { FileResult } from './types.js';
import type { PendingFix } from './write-fixes.js';

export interface LintFilesOptions {
  cwd?: string;
  config?: ResolvedConfig;
  defaults?: Defaults;
  /** false to lint ignored files too (--no-ignore). */
  useIgnore?: boolean;
  /** Compute fixes: results then describe the fixed text, and `fixes` holds what to write. */
  fix?: boolean;
  /** Report disable comments that silenced nothing. */
  reportUnusedDisableDirectives?: boolean;
  /** Threads: "auto" (default) uses worker threads for large runs, "off" never, N in all (the main thread is one). */
  concurrency?: Concurrency;
  /** Reuse results of unchanged files from this cache file (--cache, --cache-location). */
  cacheLocation?: string;
  /**
   * Called with each file's result, in path order, as soon as it and every file before it are
   * linted; the run then keeps none of them (`results` stays empty), so memory does not grow
   * with the number of files.
   */
  onResult?: (result: FileResult) => void;
}

export type Concurrency = 'auto' | 'off' | number;

export interface LintRun {
  results: FileResult[];
  /** One line per input or file that could not be linted (exit code 2). */
  errors: string[];
  /** Explicit files skipped because config ignores them. */
  skipped: string[];
  /** With `fix`: the files whose text changed, for `writeFixes` or a diff. */
  fixes: PendingFix[];
}

/** Below this many files per thread, starting worker threads costs more than it saves (measured). */
const FILES_PER_THREAD = 4000;

export function workerCount(concurrency: Concurrency, files: number): number {
  if (concurrency === 'off') return 1;
  if (typeof concurrency === 'number') return Math.max(1, Math.min(concurrency, files));
  return Math.max(1, Math.min(os.availableParallelism(), Math.floor(files / FILES_PER_THREAD), 8));
}

export async function lintFiles(inputs: readonly string[], options: LintFilesOptions = {}): Promise<LintRun> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const config = options.config ?? (await loadConfig({ cwd }));
  // The cache module loads while the folders are walked.
  const cacheModule = options.cacheLocation ? import('./cache.js') : undefined;
  cacheModule?.catch(() => {});
  const search = await findDraftFiles(inputs, { cwd, config, useIgnore: options.useIgnore ?? true });
  const files = search.files;
  const perFile: FileLintOptions = {
    cwd,
    ...(options.defaults ? { defaults: options.defaults } : {}),
    fix: options.fix ?? false,
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives ?? false,
  };
  const run: LintRun = { results: [], errors: [...search.errors], skipped: search.skipped, fixes: [] };
  const accept = (outcome: FileOutcome) => {
    if (outcome.error) run.errors.push(outcome.error);
    if (outcome.result) {
      if (options.onResult) options.onResult(outcome.result);
      else run.results.push(outcome.result);
    }
    if (outcome.fix) run.fixes.push(outcome.fix);
  };
  // Outcomes come from the cache and from every thread in any order; they go on in path order,
  // each as soon as all before it are in, so a streamed report never waits for the whole run.
  const waiting = new Map<number, FileOutcome>();
  let next = 0;
  const offer = (index: number, outcome: FileOutcome) => {
    // The next one in order goes straight on (the common case: no map); later ones wait for it.
    if (index !== next) {
      waiting.set(index, outcome);
      return;
    }
    accept(outcome);
    for (let ready = waiting.get(++next); ready; ready = waiting.get(next)) {
      waiting.delete(next++);
      accept(ready);
    }
  };

  // With a cache, files whose content is unchanged keep their stored result.
  let cache: ResultCache | undefined;
  const stored: (CacheLookup | undefined)[] = [];
  let todo = files.map((_, index) => index);
  if (options.cacheLocation && cacheModule) {
    const { ResultCache, runKey } = await cacheModule;
    const location = path.resolve(cwd, options.cacheLocation);
    cache = new ResultCache(location, runKey(config, { defaults: options.defaults, unused: perFile.reportUnusedDisableDirectives }, path.dirname(location)), cwd);
    todo = [];
    for (const [index, file] of files.entries()) {
      const found = cache.lookup(file, displayPath(file, cwd));
      // A stored result with fixes still to apply is linted again under --fix.
      if (found?.result && !(perFile.fix && found.result.fixableCount > 0)) {
        offer(index, { result: found.result });
      } else {
        // Kept only for files linted now: a served result must not outlive its report line.
        stored[index] = found;
        todo.push(index);
      }
    }
  }
  const linted = (index: number, outcome: FileOutcome) => {
    if (cache && outcome.result && stored[index]) cache.set(files[index]!, stored[index]!, outcome.result);
    offer(index, outcome);
  };

  const threads = workerCount(options.concurrency ?? 'auto', todo.length);
  if (threads > 1) {
    const { lintInParallel } = await import('./engine/pool.js');
    await lintInParallel(todo.map((index) => files[index]!), config, perFile, threads, (k, outcome) => linted(todo[k]!, outcome));
  } else if (todo.length > 0) {
    const { lintFileFromDisk } = await import('./lint-file.js');
    for (const index of todo) linted(index, lintFileFromDisk(files[index]!, config, perFile));
  }
  if (next !== files.length) throw new Error(`internal error: ${files.length - next} of ${files.length} files got no outcome`);

  if (cache) {
    try {
      await cache.save();
    } catch (error) {
      run.errors.push(`cannot write the cache ${options.cacheLocation}: ${(error as Error).message}`);
    }
  }
  return run;
}
