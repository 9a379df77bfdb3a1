/** A file's result as the JSON report and the library show it: no offsets, fixes or fingerprints. */
import type { Diagnostic, FileResult } from '../types.js';

/** A diagnostic as the JSON report shows it. */
export type ReportedDiagnostic = Omit<Diagnostic, 'offset' | 'endOffset' | 'fix' | 'fingerprint'>;
export interface ReportedFile extends Omit<FileResult, 'diagnostics' | 'fixableCount'> {
  diagnostics: ReportedDiagnostic[];
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
