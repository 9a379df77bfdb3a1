/** dmlint's library entry point. */
export { lintText, lintFiles, lintStdin, readDraftFile, type LintTextOptions, type LintFilesOptions, type LintRun, type ReportedFile, type ReportedDiagnostic } from './api/lint.js';
export { loadConfig, resolveConfig, builtinRules } from './api/config.js';
export { explainText, type DraftExplanation } from './api/explain.js';
export type { ResolvedConfig, LoadConfigOptions } from './config/load.js';
export { ConfigError } from './config/errors.js';
export { defineRule } from './rule-api/define-rule.js';
export { RuleTester, RuleTestError, type RuleTestCase, type RuleTestOptions, type RuleTestResult, type ExpectedDiagnostic } from './api/rule-tester.js';
export { parseDraftFile } from './draft/parse.js';
export { weighTweet, TWITTER_V2, TWITTER_V3 } from './text/twitter-weight.js';
export { summarise, type RunSummary } from './report/summary.js';
export * as formatters from './api/formatters.js';
export type { AsyncFormatter, Formatter, FormatterContext, FormatterModule, ReportWriter, StreamingFormat } from './report/formatters/types.js';
export type * from './types.js';
