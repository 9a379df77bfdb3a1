/** Linting one file from disk: what the main thread and each worker thread do per file. */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { settingsForFile } from '../config/for-file.js';
import { contentHash } from '../cache/content-hash.js';
import { displayPath } from '../text/display-path.js';
import { defaultsLayer, type Defaults, type ResolvedConfig } from '../config/load.js';
import { lintAndFix } from '../engine/fix.js';
import { lintSource, type LintSetup } from '../engine/lint.js';
import type { DraftFile, FileResult } from '../types.js';
import { stampOf, type FileStamp, type PendingFix } from './write-fixes.js';

export const DEFAULT_PLACEHOLDER_LENGTH = 12;
const MIB = 1024 * 1024;
/**
 * Draft files are a few kilobytes; past this, a file is reported and skipped rather than read
 * whole into memory (a 5 MB file of drafts lints in about a second: docs/security.md).
 */
export const MAX_FILE_BYTES = 16 * MIB;

export interface FileLintOptions {
  cwd: string;
  defaults?: Defaults;
  fix?: boolean;
  reportUnusedDisableDirectives?: boolean;
  /** Also give the hash of the bytes read (--cache). */
  hashContent?: boolean;
  /** Give each result the text it describes (`FileResult.source`), for formats that show drafts. */
  keepSource?: boolean;
}

/** What became of one file: a result (and a fix to write), or a one-line error. */
export interface FileOutcome {
  result?: FileResult;
  fix?: PendingFix;
  /** With a fix: the result of the text as read, which stands if the fix cannot be written. */
  unfixed?: FileResult;
  error?: string;
  /** With `hashContent`: the hash of the bytes the result comes from. */
  hash?: string;
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


/** Decodes a file as UTF-8 text; refuses binary and invalid UTF-8 with a one-line reason. */
export function decodeDraft(bytes: Uint8Array): string {
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) throw new Error('binary file (contains NUL bytes), not a Markdown draft');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new Error('not valid UTF-8 text; save the file as UTF-8');
  }
}

/** Reads and lints one file; synchronous, since in a loop over many small files that is fastest. */
export function lintFileFromDisk(file: string, config: ResolvedConfig, options: FileLintOptions): FileOutcome {
  const shown = displayPath(file, options.cwd);
  let source: string;
  let hash: string | undefined;
  let stamp: FileStamp | undefined;
  try {
    // Read and stat through one descriptor (the same calls readFileSync makes): the size is
    // checked before anything is read, and a fix is written only over this very version.
    const fd = openSync(file, 'r');
    let bytes: Buffer;
    try {
      const stats = fstatSync(fd);
      if (stats.size > MAX_FILE_BYTES) {
        throw new Error(`file too large (${(stats.size / MIB).toFixed(1)} MiB; dmlint reads draft files up to ${MAX_FILE_BYTES / MIB} MiB), skipped`);
      }
      if (options.fix) stamp = stampOf(stats);
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.hashContent) hash = contentHash(bytes);
    source = decodeDraft(bytes);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ? (error as Error).message.replace(/^\w+: /, '') : (error as Error).message;
    return { error: `${shown}: ${reason}` };
  }
  const setup = setupFor(config, file, options.defaults, options.reportUnusedDisableDirectives);
  const hashed = hash === undefined ? {} : { hash };
  const outcome = options.fix ? lintAndFix(shown, source, setup) : lintSource(shown, source, setup);
  if (options.keepSource) withDraftTexts(outcome.result, outcome.file);
  const output = 'output' in outcome ? (outcome.output as string | undefined) : undefined;
  if (output === undefined) return { result: outcome.result, ...hashed };
  // With a fix: the result of the text as read stands if the fix cannot be written.
  const unfixed = (outcome as { unfixed?: FileResult }).unfixed;
  return { result: outcome.result, ...hashed, ...(unfixed ? { unfixed } : {}), fix: { file, shown, original: source, output, ...(stamp ? { stamp } : {}) } };
}

/** Gives a result the text it describes and its drafts' texts (`keepSource`), from the file as parsed. */
export function withDraftTexts(result: FileResult, file: DraftFile): FileResult {
  result.source = file.source;
  result.texts = file.drafts.map((draft) => ({
    index: draft.index,
    text: draft.text,
    offsets: draft.offsets,
    ...(draft.subject !== undefined ? { subject: draft.subject } : {}),
    ...(draft.metadata.subject?.range ? { subjectRange: draft.metadata.subject.range } : {}),
  }));
  return result;
}
