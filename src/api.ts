/** The library: lint text or files with a resolved config; results in the JSON report's shape. */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isIgnored, settingsForFile } from './config/for-file.js';
import { defaultsLayer, loadConfig, type Defaults, type ResolvedConfig } from './config/load.js';
import { lintAndFix } from './engine/fix.js';
import { lintSource, type LintSetup } from './engine/lint.js';
import { findDraftFiles } from './files.js';
import type { Diagnostic, FileResult } from './types.js';
import type { PendingFix } from './write-fixes.js';

export const DEFAULT_PLACEHOLDER_LENGTH = 12;

export interface LintTextOptions {
  /** Path the text is reported under; overrides and ignores are matched against it. */
  filePath?: string;
  /** A resolved config (from `loadConfig`); by default the one found from the working directory. */
  config?: ResolvedConfig;
  /** Metadata for drafts that do not set it, above config `defaults` (the CLI's --platform, --locale). */
  defaults?: Defaults;
  cwd?: string;
}

/** A diagnostic as the JSON report shows it. */
export type ReportedDiagnostic = Omit<Diagnostic, 'offset' | 'endOffset' | 'fix' | 'fingerprint'>;
export interface ReportedFile extends Omit<FileResult, 'diagnostics' | 'fixableCount'> {
  diagnostics: ReportedDiagnostic[];
}

export function setupFor(config: ResolvedConfig, absolutePath: string, defaults?: Defaults, reportUnusedDisableDirectives = false): LintSetup {
  const settings = settingsForFile(config, absolutePath);
  return {
    rules: config.registry,
    ruleSettings: settings.rules,
    settings: { placeholders: settings.placeholders, defaultPlaceholderLength: DEFAULT_PLACEHOLDER_LENGTH },
    defaults: [defaultsLayer(settings.defaults, 'config'), ...(defaults ? [defaultsLayer(defaults, 'cli')] : [])],
    reportUnusedDisableDirectives,
  };
}

export function toReported(result: FileResult): ReportedFile {
  return {
    path: result.path,
    drafts: result.drafts,
    diagnostics: result.diagnostics.map(({ offset: _o, endOffset: _e, fix: _f, fingerprint: _p, ...rest }) => rest),
    errorCount: result.errorCount,
    warningCount: result.warningCount,
  };
}

function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return (relative && !relative.startsWith('..') ? relative : file).split(path.sep).join('/');
}

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
}

export interface LintRun {
  results: FileResult[];
  /** One line per input or file that could not be linted (exit code 2). */
  errors: string[];
  /** Explicit files skipped because config ignores them. */
  skipped: string[];
  /** With `fix`: the files whose text changed, for `writeFixes` or a diff. */
  fixes: PendingFix[];
}

/** Reads a file as UTF-8 text; refuses binary and invalid UTF-8 with a one-line reason. */
export async function readDraftFile(file: string): Promise<string> {
  return decodeDraft(await readFile(file));
}

/** Synchronous read: in a loop over many small files it beats queueing them on the thread pool. */
export function readDraftFileSync(file: string): string {
  return decodeDraft(readFileSync(file));
}

function decodeDraft(bytes: Buffer): string {
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) throw new Error('binary file (contains NUL bytes), not a Markdown draft');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new Error('not valid UTF-8 text; save the file as UTF-8');
  }
}

export async function lintFiles(inputs: readonly string[], options: LintFilesOptions = {}): Promise<LintRun> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const config = options.config ?? (await loadConfig({ cwd }));
  const search = await findDraftFiles(inputs, { cwd, config, useIgnore: options.useIgnore ?? true });
  const results: FileResult[] = [];
  const errors = [...search.errors];
  const fixes: PendingFix[] = [];
  for (const file of search.files) {
    const shown = displayPath(file, cwd);
    let text: string;
    try {
      text = readDraftFileSync(file);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ? (error as Error).message.replace(/^\w+: /, '') : (error as Error).message;
      errors.push(`${shown}: ${reason}`);
      continue;
    }
    const setup = setupFor(config, file, options.defaults, options.reportUnusedDisableDirectives);
    if (options.fix) {
      const outcome = lintAndFix(shown, text, setup);
      results.push(outcome.result);
      if (outcome.output !== undefined) fixes.push({ file, shown, original: text, output: outcome.output });
    } else {
      results.push(lintSource(shown, text, setup).result);
    }
  }
  return { results, errors, skipped: search.skipped, fixes };
}
