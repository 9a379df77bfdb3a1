/** Formatters by name, loaded only when a run asks for one. */
import { FORMAT_NAMES } from './names.js';
import type { AsyncFormatter, Formatter, StreamingFormat } from './types.js';

export type { AsyncFormatter, Formatter, FormatterContext, FormatterModule, ReportWriter, StreamingFormat } from './types.js';

/** A report format: the plain formatter, and the streaming form when the format has one. */
export interface ReportFormat {
  default: Formatter | AsyncFormatter;
  stream?: StreamingFormat;
  /** The format shows the drafts' text: results must carry `source`. */
  needsSource?: boolean;
}

const loaders: Record<(typeof FORMAT_NAMES)[number], () => Promise<ReportFormat>> = {
  stylish: () => import('./stylish.js'),
  compact: () => import('./compact.js'),
  json: () => import('./json.js'),
  sarif: () => import('./sarif.js'),
  github: () => import('./github.js'),
  junit: () => import('./junit.js'),
  html: () => import('./html.js'),
  markdown: () => import('./markdown.js'),
};

export const FORMATTER_NAMES: readonly string[] = FORMAT_NAMES;

/** A built-in format by name (other names are formatter modules: src/cli/custom-format.ts). */
export async function loadReportFormat(name: string): Promise<ReportFormat | undefined> {
  return Object.hasOwn(loaders, name) ? loaders[name as keyof typeof loaders]() : undefined;
}

export async function loadFormatter(name: string): Promise<Formatter | AsyncFormatter | undefined> {
  return (await loadReportFormat(name))?.default;
}
