/** dmlint's library entry point. */
export { lintText, lintFiles, lintStdin, readDraftFile, type LintTextOptions, type LintFilesOptions, type LintRun, type ReportedFile, type ReportedDiagnostic } from './api.js';
export { loadConfig, resolveConfig, type ResolvedConfig, type LoadConfigOptions } from './config/load.js';
export { ConfigError } from './config/errors.js';
export { defineRule } from './define-rule.js';
export { builtinRules } from '../rules/index.js';
export { parseDraftFile } from './draft/parse.js';
export { weighTweet, TWITTER_V2, TWITTER_V3 } from './text/twitter-weight.js';
export { main as runCli } from './cli/main.js';
export { summarise, type RunSummary } from './summary.js';
export * as formatters from './formatters/all.js';
export type * from './types.js';
