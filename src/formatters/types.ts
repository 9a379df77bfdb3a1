import type { RunSummary } from '../summary.js';
import type { FileResult } from '../types.js';

export interface FormatterContext {
  cwd: string;
  color: boolean;
  summary: RunSummary;
}

/** A formatter is a plain function from results to the text of the report. */
export type Formatter = (results: readonly FileResult[], context: FormatterContext) => string;
