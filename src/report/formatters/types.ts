import type { RunSummary } from '../summary.js';
import type { FileResult, RuleMeta } from '../../types.js';

export interface FormatterContext {
  cwd: string;
  color: boolean;
  summary: RunSummary;
  /** Rule ids as terminal hyperlinks (OSC 8) to their pages (stylish, where the terminal shows them). */
  hyperlinks?: boolean;
  /** Metadata of every rule the run knew: their pages' links, and the rules SARIF describes. */
  rules?: ReadonlyMap<string, RuleMeta>;
}

/** A formatter is a plain function from results to the text of the report. */
export type Formatter = (results: readonly FileResult[], context: FormatterContext) => string;

/** A formatter of your own may also return a promise of the text. */
export type AsyncFormatter = (results: readonly FileResult[], context: FormatterContext) => string | Promise<string>;

/**
 * A report written while the run goes: text for each batch of results as they come, in path
 * order, then the totals. The CLI streams the formats that have one, so a run over 100,000
 * drafts does not keep every result until the end.
 */
export interface ReportWriter {
  files(results: readonly FileResult[]): string;
  end(summary: RunSummary): string;
}

export type StreamingFormat = (context: Omit<FormatterContext, 'summary'>) => ReportWriter;

/** The plain formatter of a streaming format: one batch, then the end, so both give the same text. */
export function wholeReport(format: StreamingFormat): Formatter {
  return (results, { summary, ...context }) => {
    const writer = format(context);
    return writer.files(results) + writer.end(summary);
  };
}

/**
 * What a formatter module exports, for `dmlint -f ./my-formatter.mjs` or `-f dmlint-formatter-x`:
 * the built-in formats are modules of this shape too.
 */
export interface FormatterModule {
  /** The whole report from every result: what dmlint calls unless `stream` is given. */
  default: AsyncFormatter;
  /** Optional: a writer that takes results a batch at a time, so a large run keeps none of them. */
  stream?: StreamingFormat;
  /** Optional: true when the format shows the drafts' text; results then carry `source`. */
  needsSource?: boolean;
}
