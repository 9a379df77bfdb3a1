/**
 * Linting one open document for the language server: its unsaved text, under the config found
 * from its own folder with its overrides, through the same engine as the CLI. Keeps what the
 * code actions need afterwards: the engine's diagnostics with their offsets and fixes, and the
 * parsed file.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isIgnored } from '../../config/for-file.js';
import type { ResolvedConfig } from '../../config/load.js';
import { parseDraftFile } from '../../draft/parse.js';
import { lintAndFix } from '../../engine/fix.js';
import { lintSource, type LintSetup } from '../../engine/lint.js';
import { setupFor } from '../../api/lint.js';
import { displayPath } from '../../text/display-path.js';
import type { Diagnostic, DraftFile } from '../../types.js';
import type { ConfigStore } from './config-store.js';

/** Larger documents are not linted as they are typed (the CLI still lints them). */
export const MAX_LIVE_LENGTH = 5_000_000;

export interface DocumentLint {
  uri: string;
  version: number;
  /** 1 when the editor's text starts with a byte-order mark the engine's offsets leave out. */
  bom: number;
  diagnostics: Diagnostic[];
  /** Set when the document was linted (not when its config is broken, it is ignored or too large). */
  linted?: { file: DraftFile; setup: LintSetup; config: ResolvedConfig; shown: string };
  /** One problem that stands for the whole document: a broken config, or a document too large. */
  notice?: { message: string; severity: 'error' | 'information' };
}

export interface OpenDocument {
  uri: string;
  version: number;
  languageId?: string;
  getText(): string;
}

/** A `file:` URI's path, or undefined for other schemes (untitled buffers, virtual files). */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Markdown documents, by the client's language id or by the file extension. */
export function isDraftDocument(document: { uri: string; languageId?: string }): boolean {
  if (document.languageId?.toLowerCase() === 'markdown') return true;
  return /\.(?:md|markdown)$/i.test(document.uri.split(/[?#]/)[0]!);
}

export async function lintDocument(document: OpenDocument, configs: ConfigStore, root: string): Promise<DocumentLint> {
  const text = document.getText();
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const base = { uri: document.uri, version: document.version, bom, diagnostics: [] };
  // A buffer that is not a file is linted as if it were a draft at the workspace root.
  const absolute = filePathOf(document.uri) ?? path.join(root, 'untitled.md');
  const outcome = await configs.forFile(absolute);
  if (outcome.error) {
    return { ...base, notice: { message: `dmlint cannot lint this file: config ${outcome.error.message}`, severity: 'error' } };
  }
  const config = outcome.config;
  if (isIgnored(config, absolute)) return base;
  if (text.length > MAX_LIVE_LENGTH) {
    const size = (text.length / 1e6).toFixed(1);
    return { ...base, notice: { message: `dmlint: not linted as you type: ${size} million characters, over the ${MAX_LIVE_LENGTH / 1e6} million limit. Run dmlint on the file.`, severity: 'information' } };
  }
  const shown = displayPath(absolute, root);
  const setup = setupFor(config, absolute);
  const { file, result } = lintSource(shown, text, setup);
  return { ...base, diagnostics: result.diagnostics, linted: { file, setup, config, shown } };
}

/** Parses text as the lint did (same metadata defaults), for checking an edit. */
export function reparser(lint: NonNullable<DocumentLint['linted']>): (text: string) => DraftFile {
  return (text) => parseDraftFile(lint.shown, text, { defaults: lint.setup.defaults });
}

/** The document's text with every fix applied (in passes, as --fix does), or undefined when none. */
export function fixAll(lint: NonNullable<DocumentLint['linted']>, text: string): string | undefined {
  return lintAndFix(lint.shown, text, lint.setup).output;
}
