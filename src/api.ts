/** The library: lint text or files with a resolved config; results in the JSON report's shape. */
export { setupFor, DEFAULT_PLACEHOLDER_LENGTH } from './lint-file.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isIgnored } from './config/for-file.js';
import { loadConfig, type Defaults, type ResolvedConfig } from './config/load.js';
import { displayPath } from './display-path.js';
import { lintAndFix } from './engine/fix.js';
import { lintSource } from './engine/lint.js';
import { decodeDraft, setupFor } from './lint-file.js';
import type { FileResult } from './types.js';
export { lintFiles, workerCount, type Concurrency, type LintFilesOptions, type LintRun } from './lint-files.js';


export interface LintTextOptions {
  /** Path the text is reported under; overrides and ignores are matched against it. */
  filePath?: string;
  /** A resolved config (from `loadConfig`); by default the one found from the working directory. */
  config?: ResolvedConfig;
  /** Metadata for drafts that do not set it, above config `defaults` (the CLI's --platform, --locale). */
  defaults?: Defaults;
  cwd?: string;
}

export { toReported, type ReportedDiagnostic, type ReportedFile } from './report-shape.js';
import { toReported, type ReportedFile } from './report-shape.js';

export async function lintText(text: string, options: LintTextOptions = {}): Promise<ReportedFile> {
  const cwd = options.cwd ?? process.cwd();
  const config = options.config ?? (await loadConfig({ cwd }));
  const absolute = path.resolve(cwd, options.filePath ?? '<text>.md');
  const { result } = lintSource(options.filePath ?? '<text>', text, setupFor(config, absolute, options.defaults));
  return toReported(result);
}

export interface StdinLint {
  result: FileResult;
  /** The fixed text, with `fix`, when it differs. */
  output?: string;
  /** The name matched config `ignores`: nothing was linted. */
  ignored: boolean;
}

/** Lints text from standard input under `filePath`, as editors and lint-staged send it. */
export function lintStdin(text: string, filePath: string, config: ResolvedConfig, options: { cwd: string; defaults?: Defaults; fix?: boolean; useIgnore?: boolean; reportUnusedDisableDirectives?: boolean }): StdinLint {
  const absolute = path.resolve(options.cwd, filePath);
  const shown = displayPath(absolute, options.cwd);
  const empty: FileResult = { path: shown, drafts: [], diagnostics: [], errorCount: 0, warningCount: 0, fixableCount: 0 };
  if ((options.useIgnore ?? true) && isIgnored(config, absolute)) return { result: empty, ignored: true };
  const setup = setupFor(config, absolute, options.defaults, options.reportUnusedDisableDirectives);
  if (!options.fix) return { result: lintSource(shown, text, setup).result, ignored: false };
  const outcome = lintAndFix(shown, text, setup);
  return { result: outcome.result, ...(outcome.output !== undefined ? { output: outcome.output } : {}), ignored: false };
}

export async function readDraftFile(file: string): Promise<string> {
  return decodeDraft(await readFile(file));
}

