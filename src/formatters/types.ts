import type { RunSummary } from '../summary.js';
import type { FileResult, RuleMeta } from '../types.js';

export interface FormatterContext {
  cwd: string;
  color: boolean;
  summary: RunSummary;
  /** Metadata of every rule the run knew, for formats that describe rules (SARIF). */
  rules?: ReadonlyMap<string, RuleMeta>;
}

/** A formatter is a plain function from results to the text of the report. */
export type Formatter = (results: readonly FileResult[], context: FormatterContext) => string;
