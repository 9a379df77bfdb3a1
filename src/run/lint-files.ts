/**
 * Linting the files and folders a run names: find the drafts, reuse cached results, lint the rest
 * on this thread or on worker threads, and return the results in path order. The engine is
 * imported only when some file has to be linted, so a run served from the cache never loads it.
 */
import os from 'node:os';
import path from 'node:path';
import type { CacheLookup, ResultCache } from '../cache/result-cache.js';
import type { Defaults, ResolvedConfig } from '../config/load.js';
import { contentHash } from '../cache/content-hash.js';
import { displayPath } from '../text/display-path.js';
import { leadsOutOf } from '../fs/leads-out.js';
import { findDraftFiles, type FileSearch, type FileSearchOptions } from './files.js';
import { PathTable, type PathList } from './parallel/path-table.js';
import type { FileLintOptions, FileOutcome } from './lint-file.js';
import type { FileResult } from '../types.js';
import type { FixWriter, PendingFix } from './write-fixes.js';

export interface LintFilesOptions {
  cwd?: string;
  config: ResolvedConfig;
  defaults?: Defaults;
  /** false to lint ignored files too (--no-ignore). */
  useIgnore?: boolean;
  /** Follow symbolic links that lead outside the folder given (--follow-symlinks); by default they are reported in `notices`. */
  followSymlinks?: boolean;
  /** Compute fixes: results then describe the fixed text, and `fixes` holds what to write. */
  fix?: boolean;
  /**
   * With `fix`: write each fix as soon as its file is linted (--fix), before its result is
   * passed on; a fix that cannot be written leaves the result of the text as it is on disk, and
   * a line in `errors`. `fixes` then stays empty.
   */
  writeFixes?: boolean;
  /** Report disable comments that silenced nothing. */
  reportUnusedDisableDirectives?: boolean;
  /** Threads: "auto" (default) uses worker threads for large runs, "off" never, N in all (the main thread is one). */
  concurrency?: Concurrency;
  /** Reuse results of unchanged files from this cache file (--cache, --cache-location). */
  cacheLocation?: string;
  /** Give each result the text it describes (`FileResult.source`), for formats that show drafts. */
  keepSource?: boolean;
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
  /** What the run chose not to read, one line each (a symbolic link that leaves the folder given); not failures. */
  notices: string[];
}

/** Below this many files per thread, starting worker threads costs more than it saves (measured). */
const FILES_PER_THREAD = 4000;

export function workerCount(concurrency: Concurrency, files: number): number {
  if (concurrency === 'off') return 1;
  if (typeof concurrency === 'number') return Math.max(1, Math.min(concurrency, files));
  return Math.max(1, Math.min(os.availableParallelism(), Math.floor(files / FILES_PER_THREAD), 8));
}

/**
 * The drafts a run names. When worker threads will lint them all (`threads` given, and more than
 * one for this many files), they come as one shared table of paths (see PathTable) and the list
 * of strings dies here: a list still held by lintFiles, even in a variable it no longer reads,
 * stayed alive for the whole run.
 */
async function findFiles(inputs: readonly string[], search: FileSearchOptions, threads?: Concurrency): Promise<Omit<FileSearch, 'files'> & { files: PathList }> {
  const found = await findDraftFiles(inputs, search);
  if (threads === undefined || workerCount(threads, found.files.length) <= 1) return found;
  return { ...found, files: PathTable.from(found.files) };
}

/** A cached result with the text of its file, which is unchanged since it was stored. */
async function withSourceFromDisk(result: FileResult, file: string): Promise<FileResult> {
  const [{ readFile }, { decodeDraft, withDraftTexts }, { parseDraftFile }] = await Promise.all([import('node:fs/promises'), import('./lint-file.js'), import('../draft/parse.js')]);
  try {
    return withDraftTexts({ ...result }, parseDraftFile(result.path, decodeDraft(await readFile(file))));
  } catch {
    return result;
  }
}

export async function lintFiles(inputs: readonly string[], options: LintFilesOptions): Promise<LintRun> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const config = options.config;
  // The cache module loads while the folders are walked.
  const cacheModule = options.cacheLocation ? import('../cache/result-cache.js') : undefined;
  cacheModule?.catch(() => {});
  // With a cache, which files get linted (and on how many threads) is known only after lookups.
  const search = await findFiles(inputs, { cwd, config, useIgnore: options.useIgnore ?? true, followSymlinks: options.followSymlinks ?? false }, options.cacheLocation ? undefined : (options.concurrency ?? 'auto'));
  const files = search.files;
  const perFile: FileLintOptions = {
    cwd,
    ...(options.defaults ? { defaults: options.defaults } : {}),
    fix: options.fix ?? false,
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives ?? false,
    hashContent: options.cacheLocation !== undefined,
    ...(options.keepSource ? { keepSource: true } : {}),
  };
  const run: LintRun = { results: [], errors: [...search.errors], skipped: search.skipped, fixes: [], notices: search.notices };
  const writer: FixWriter | undefined = options.fix && options.writeFixes ? new (await import('./write-fixes.js')).FixWriter() : undefined;
  const accept = (outcome: FileOutcome) => {
    if (outcome.error) run.errors.push(outcome.error);
    if (outcome.result) {
      if (options.onResult) options.onResult(outcome.result);
      else run.results.push(outcome.result);
    }
    if (outcome.fix && !writer) run.fixes.push(outcome.fix);
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
  let todo: number[] | undefined;
  // A cache whose folder is a link out of the working directory (planted by the repository) is not used.
  if (options.cacheLocation && leadsOutOf(options.cacheLocation, cwd)) {
    run.errors.push(`cannot use the cache ${options.cacheLocation}: its folder is a symbolic link that leads outside the working directory`);
  } else if (options.cacheLocation && cacheModule) {
    const { ResultCache, runKey } = await cacheModule;
    const location = path.resolve(cwd, options.cacheLocation);
    cache = new ResultCache(location, runKey(config, { defaults: options.defaults, unused: perFile.reportUnusedDisableDirectives }, path.dirname(location)), cwd);
    todo = [];
    for (let index = 0; index < files.length; index++) {
      const file = files.at(index)!;
      const found = cache.lookup(file, displayPath(file, cwd));
      // A stored result with fixes still to apply is linted again under --fix.
      if (found?.result && !(perFile.fix && found.result.fixableCount > 0)) {
        offer(index, { result: perFile.keepSource ? await withSourceFromDisk(found.result, file) : found.result });
      } else {
        // Kept only for files linted now: a served result must not outlive its report line.
        stored[index] = found;
        todo.push(index);
      }
    }
  }
  const linted = (index: number, outcome: FileOutcome) => {
    if (writer && outcome.fix) {
      const failure = writer.write(outcome.fix);
      if (failure !== undefined) {
        run.errors.push(failure);
        // The report shows the file as it stays on disk, with the problems the fix would have removed.
        const { fix: _fix, unfixed, ...rest } = outcome;
        outcome = { ...rest, ...(unfixed ? { result: unfixed } : {}) };
      }
    }
    const lookup = stored[index];
    if (cache && outcome.result && lookup) {
      // Under --fix a result describes the fixed text: it is stored under that text's hash (and no
      // stamp), so the file as it was, restored by git say, is linted again, not served this result.
      const hash = outcome.fix ? contentHash(outcome.fix.output) : (lookup.hash ?? outcome.hash);
      if (hash !== undefined) cache.set(files.at(index)!, outcome.fix ? undefined : lookup.stamp, hash, outcome.result);
    }
    offer(index, outcome);
  };

  // Files linted now, by their index in `files` (all of them when there is no cache).
  const count = todo ? todo.length : files.length;
  const indexOf = (k: number) => (todo ? todo[k]! : k);
  const threads = workerCount(options.concurrency ?? 'auto', count);
  if (threads > 1) {
    const { lintInParallel } = await import('./parallel/pool.js');
    const table = files instanceof PathTable && !todo ? files : PathTable.from({ length: count, at: (k) => files.at(indexOf(k)) });
    await lintInParallel(table, config, perFile, threads, (k, outcome) => linted(indexOf(k), outcome));
  } else if (count > 0) {
    const { lintFileFromDisk } = await import('./lint-file.js');
    for (let k = 0; k < count; k++) linted(indexOf(k), lintFileFromDisk(files.at(indexOf(k))!, config, perFile));
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
