/** A file's result as the JSON report and the library show it: no offsets, fixes or fingerprints. */
import type { Diagnostic, FileResult, RuleMeta } from '../types.js';
import { docsUrlOf } from './formatters/links.js';

/** A diagnostic as the JSON report shows it, with its rule's page when the rule has one. */
export type ReportedDiagnostic = Omit<Diagnostic, 'offset' | 'endOffset' | 'fix' | 'fingerprint'> & { docsUrl?: string };
export interface ReportedFile extends Omit<FileResult, 'diagnostics' | 'fixableCount'> {
  diagnostics: ReportedDiagnostic[];
}

/** `rules`: the run's rule metadata, which gives each diagnostic its `docsUrl`. */
export function toReported(result: FileResult, rules?: ReadonlyMap<string, RuleMeta>): ReportedFile {
  // Called as `results.map(toReported)`, the second argument is an index: no rules then.
  const known = rules instanceof Map ? rules : undefined;
  return {
    path: result.path,
    drafts: result.drafts,
    diagnostics: result.diagnostics.map(({ offset: _o, endOffset: _e, fix: _f, fingerprint: _p, ...rest }) => {
      const docsUrl = docsUrlOf(rest.ruleId, known);
      return docsUrl ? { ...rest, docsUrl } : rest;
    }),
    errorCount: result.errorCount,
    warningCount: result.warningCount,
  };
}
