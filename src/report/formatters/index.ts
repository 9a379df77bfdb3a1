/** Formatters by name, loaded only when a run asks for one; other names are paths or packages. */
import type { AsyncFormatter, Formatter, StreamingFormat } from './types.js';

export type { AsyncFormatter, Formatter, FormatterContext, FormatterModule, ReportWriter, StreamingFormat } from './types.js';

/** A report format: the plain formatter, and the streaming form when the format has one. */
export interface ReportFormat {
  default: Formatter | AsyncFormatter;
  stream?: StreamingFormat;
  /** The format shows the drafts' text: results must carry `source`. */
  needsSource?: boolean;
}

const loaders: Record<string, () => Promise<ReportFormat>> = {
  stylish: () => import('./stylish.js'),
  compact: () => import('./compact.js'),
  json: () => import('./json.js'),
  sarif: () => import('./sarif.js'),
  github: () => import('./github.js'),
  junit: () => import('./junit.js'),
  html: () => import('./html.js'),
  markdown: () => import('./markdown.js'),
};

export const FORMATTER_NAMES = Object.keys(loaders);

/**
 * A built-in format by name; any other name is a formatter module's path or package, resolved
 * from `cwd` (undefined when `cwd` is not given). Throws FormatterLoadError when it cannot load.
 */
export async function loadReportFormat(name: string, cwd?: string): Promise<ReportFormat | undefined> {
  if (Object.hasOwn(loaders, name)) return loaders[name]!();
  if (cwd === undefined) return undefined;
  return (await import('./custom.js')).loadCustomFormat(name, cwd, FORMATTER_NAMES);
}

export async function loadFormatter(name: string): Promise<Formatter | AsyncFormatter | undefined> {
  return (await loadReportFormat(name))?.default;
}
