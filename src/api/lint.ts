/** The library: lint text or files with a resolved config; results in the JSON report's shape. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isIgnored } from '../config/for-file.js';
import type { Defaults, ResolvedConfig } from '../config/load.js';
import { lintAndFix } from '../engine/fix.js';
import { lintSource } from '../engine/lint.js';
import { toReported, type ReportedFile } from '../report/shape.js';
import { decodeDraft, setupFor, withDraftTexts } from '../run/lint-file.js';
import { lintFiles as lintFilesWith, type LintFilesOptions as RunOptions, type LintRun } from '../run/lint-files.js';
import { displayPath } from '../text/display-path.js';
import type { FileResult } from '../types.js';
import { loadConfig } from './config.js';

export { setupFor, DEFAULT_PLACEHOLDER_LENGTH } from '../run/lint-file.js';
export { workerCount, type Concurrency, type LintRun } from '../run/lint-files.js';
export { toReported, type ReportedDiagnostic, type ReportedFile } from '../report/shape.js';

export interface LintFilesOptions extends Omit<RunOptions, 'config'> {
  /** A resolved config (from `loadConfig`); by default the one found from `cwd`. */
  config?: ResolvedConfig;
}

/** Lints the files, folders and globs named in `inputs` (the current folder when none). */
export async function lintFiles(inputs: readonly string[], options: LintFilesOptions = {}): Promise<LintRun> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const config = options.config ?? (await loadConfig({ cwd }));
  return lintFilesWith(inputs, { ...options, cwd, config });
}

export interface LintTextOptions {
  /** Path the text is reported under; overrides and ignores are matched against it. */
  filePath?: string;
  /** A resolved config (from `loadConfig`); by default the one found from the working directory. */
  config?: ResolvedConfig;
  /** Metadata for drafts that do not set it, above config `defaults` (the CLI's --platform, --locale). */
  defaults?: Defaults;
  cwd?: string;
}


export async function lintText(text: string, options: LintTextOptions = {}): Promise<ReportedFile> {
  const cwd = options.cwd ?? process.cwd();
  const config = options.config ?? (await loadConfig({ cwd }));
  const absolute = path.resolve(cwd, options.filePath ?? '<text>.md');
  const { result } = lintSource(options.filePath ?? '<text>', text, setupFor(config, absolute, options.defaults));
  return toReported(result, new Map([...config.registry].map(([id, rule]) => [id, rule.meta])));
}

export interface StdinLint {
  result: FileResult;
  /** The fixed text, with `fix`, when it differs. */
  output?: string;
  /** The name matched config `ignores`: nothing was linted. */
  ignored: boolean;
}

/** Lints text from standard input under `filePath`, as editors and lint-staged send it. */
export function lintStdin(
  text: string,
  filePath: string,
  config: ResolvedConfig,
  options: { cwd: string; defaults?: Defaults; fix?: boolean; useIgnore?: boolean; reportUnusedDisableDirectives?: boolean; keepSource?: boolean },
): StdinLint {
  const absolute = path.resolve(options.cwd, filePath);
  const shown = displayPath(absolute, options.cwd);
  const empty: FileResult = { path: shown, drafts: [], diagnostics: [], errorCount: 0, warningCount: 0, fixableCount: 0 };
  if ((options.useIgnore ?? true) && isIgnored(config, absolute)) return { result: empty, ignored: true };
  const setup = setupFor(config, absolute, options.defaults, options.reportUnusedDisableDirectives);
  const outcome = options.fix ? lintAndFix(shown, text, setup) : lintSource(shown, text, setup);
  if (options.keepSource) withDraftTexts(outcome.result, outcome.file);
  const output = 'output' in outcome ? (outcome.output as string | undefined) : undefined;
  return { result: outcome.result, ...(output !== undefined ? { output } : {}), ignored: false };
}

export async function readDraftFile(file: string): Promise<string> {
  return decodeDraft(await readFile(file));
}

