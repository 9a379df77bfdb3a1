/**
 * Where the CLI's report goes as results arrive. Every format streams: each batch of files is
 * handed to the format's writer as soon as it is ready and only the totals are kept (junit keeps
 * its body as bytes, since its opening tags carry the totals). --fix-dry-run keeps the results
 * and writes the report at the end, after the diffs.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { FormatterContext, ReportFormat, ReportWriter } from '../report/formatters/index.js';
import { SummaryTally, type RunSummary } from '../report/summary.js';
import type { FileResult } from '../types.js';
import { TemporaryFile } from '../fs/safe-write.js';

/** Files per write: few enough system calls, small enough to show progress on a large run. */
const BATCH = 64;

export interface ReportOptions extends Omit<FormatterContext, 'summary'> {
  /** Errors only (--quiet). */
  quiet: boolean;
  /** Write the report as results come; false keeps them for the end (--fix-dry-run prints diffs first). */
  stream: boolean;
}

export interface ReportOutput {
  write(text: string): void;
  close(): void;
  /** Drops what was written (a run that reports nothing, as --stdin --fix). */
  discard(): void;
}

/**
 * The report file (--output-file): written beside it under a temporary name created before the
 * run (exclusively, never through a link: src/fs/safe-write.ts), so a bad path fails at once,
 * then renamed into place, so a run that fails midway leaves the last report as it was.
 */
export function openReportFile(file: string): ReportOutput {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = new TemporaryFile(file);
  return {
    write: (text) => partial.write(text),
    close: () => partial.commit(),
    discard: () => partial.discard(),
  };
}

export class Report {
  private readonly tally = new SummaryTally();
  private readonly writer: ReportWriter | undefined;
  private kept: FileResult[] = [];
  /** With --quiet: fixable problems among the errors shown. */
  private shownFixable = 0;

  constructor(
    private readonly format: ReportFormat,
    private readonly options: ReportOptions,
    private readonly output: ReportOutput,
  ) {
    const { quiet: _quiet, stream, ...context } = options;
    this.writer = stream && format.stream ? format.stream(context) : undefined;
  }

  add(result: FileResult): void {
    this.tally.add(result);
    const shown = this.options.quiet ? errorsOnly(result) : result;
    this.shownFixable += shown.fixableCount;
    this.kept.push(shown);
    if (this.writer && this.kept.length >= BATCH) this.flush();
  }

  /**
   * Writes what remains and the totals; returns the totals of every problem, shown or not. A
   * promise only for a formatter of the user's that returns one (built-in formats never do).
   */
  end(): RunSummary | Promise<RunSummary> {
    const summary = this.tally.summary();
    // --quiet hides warnings but still counts them (for --max-warnings); the report says how many.
    const shownSummary = this.options.quiet ? { ...summary, warnings: 0, fixable: this.shownFixable, hiddenWarnings: summary.warnings } : summary;
    if (this.writer) {
      this.flush();
      this.output.write(this.writer.end(shownSummary));
    } else {
      const { quiet: _quiet, stream: _stream, ...context } = this.options;
      const text = this.format.default(this.kept, { ...context, summary: shownSummary });
      this.kept = [];
      if (typeof text !== 'string') return text.then((resolved) => this.close(resolved, summary));
      this.output.write(text);
    }
    this.output.close();
    return summary;
  }

  private close(text: unknown, summary: RunSummary): RunSummary {
    if (typeof text !== 'string') throw new Error(`the formatter returned ${typeof text}, not the report text`);
    this.output.write(text);
    this.output.close();
    return summary;
  }

  private flush(): void {
    const text = this.writer!.files(this.kept);
    this.kept = [];
    if (text) this.output.write(text);
  }
}

function errorsOnly(result: FileResult): FileResult {
  const diagnostics = result.diagnostics.filter((d) => d.severity === 'error');
  return { ...result, diagnostics, warningCount: 0, fixableCount: diagnostics.filter((d) => d.fixable).length };
}
