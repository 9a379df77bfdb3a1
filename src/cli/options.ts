/**
 * The command's flags, as data: the parser (args.ts), --help and the refusals all read this
 * table, and a test holds the README's flag table to it.
 */
import { FORMAT_NAMES } from '../report/formatters/names.js';

export interface FlagOption {
  /** One-letter form: `-f`. */
  short?: string;
  type: 'string' | 'boolean';
  /** What the value is, in --help: `PATH`. */
  value?: string;
  /** The values it takes, in words, for --help and for every refusal of a bad value. */
  accepts?: string;
  /** May be given many times, each adding a value (--rule). Other flags keep their last value. */
  multiple?: boolean;
  description: string;
}

export const OPTIONS = {
  config: { short: 'c', type: 'string', value: 'PATH', accepts: 'a config file path', description: 'Use this config file, skip discovery' },
  format: {
    short: 'f',
    type: 'string',
    value: 'NAME',
    accepts: `one of ${FORMAT_NAMES.join(', ')}, a formatter module's path, or an installed formatter package`,
    description: 'Report format (default stylish)',
  },
  'output-file': { short: 'o', type: 'string', value: 'PATH', accepts: 'a file path', description: 'Write the report to a file' },
  'max-warnings': {
    type: 'string',
    value: 'N',
    accepts: 'a whole number, 0 or more (-1: no limit)',
    description: 'Exit 1 when warnings exceed N',
  },
  quiet: { short: 'q', type: 'boolean', description: 'Report errors only' },
  fix: { type: 'boolean', description: 'Apply safe fixes in place' },
  'fix-dry-run': { type: 'boolean', description: 'Print what --fix would change, as a diff' },
  stdin: { type: 'boolean', description: 'Lint standard input' },
  'stdin-filename': { type: 'string', value: 'NAME', accepts: 'a file name', description: 'File name for standard input (config applies to it)' },
  platform: {
    type: 'string',
    value: 'P',
    accepts: 'twitter, facebook or linkedin (or x, messenger)',
    description: 'Platform for drafts that do not say',
  },
  locale: {
    type: 'string',
    value: 'L',
    accepts: 'a language code: en or fr, the languages dmlint reads, or another (de, es...) to skip the rules that read words',
    description: 'Locale for drafts that do not say',
  },
  rule: {
    type: 'string',
    value: 'RULE',
    multiple: true,
    accepts: `'ID: SEVERITY', 'ID: ["error", {options}]' or '{"ID": SEVERITY, ...}'`,
    description: "Change rules for this run: 'ID: SEVERITY', 'ID: [SEVERITY, {options}]' or '{\"ID\": SEVERITY}'",
  },
  ignore: { type: 'boolean', description: 'Honour .gitignore and config ignores (--no-ignore: lint them too)' },
  'follow-symlinks': { type: 'boolean', description: 'Follow symbolic links that lead outside the folder given (by default reported and skipped)' },
  cache: { type: 'boolean', description: 'Skip files unchanged since the last run (same content, config and version)' },
  'cache-location': { type: 'string', value: 'PATH', accepts: 'a file path', description: 'Cache file (default .dmlintcache)' },
  concurrency: { type: 'string', value: 'N', accepts: 'auto, off or a whole number, 1 or more', description: 'Worker threads: auto (default), off, or a number' },
  'print-config': { type: 'string', value: 'FILE', accepts: 'a file path', description: 'Print the resolved config for a file' },
  'list-rules': { type: 'boolean', description: 'List every rule (-f json for JSON)' },
  explain: { type: 'boolean', description: 'Show how the judgment rules weigh each draft of the files named, and exit (-f json for JSON)' },
  init: { type: 'boolean', description: 'Write a starter .dmlintrc.json' },
  'report-unused-disable-directives': { type: 'boolean', description: 'Report disable comments that silence nothing' },
  color: { type: 'boolean', description: 'Force colour on (--color) or off (--no-color)' },
  // Bulk suppressions (src/cli/suppressions.ts).
  'suppress-all': { type: 'boolean', description: 'Record every problem found in dmlint-suppressions.json; later runs report only new ones' },
  'suppress-rule': {
    type: 'string',
    value: 'ID',
    multiple: true,
    accepts: 'a rule id (dmlint --list-rules lists them)',
    description: "Record this rule's problems in dmlint-suppressions.json (repeatable)",
  },
  'prune-suppressions': { type: 'boolean', description: 'Drop suppressions of problems that no longer occur' },
  'pass-on-unpruned-suppressions': { type: 'boolean', description: 'Do not fail when suppressed problems no longer occur' },
  'suppressions-location': {
    type: 'string',
    value: 'PATH',
    accepts: 'a file path',
    description: 'Suppressions file (default dmlint-suppressions.json beside the config)',
  },
  // Long-running modes (src/cli/modes.ts).
  watch: { type: 'boolean', description: 'Lint again whenever a draft, config or plugin changes (Ctrl-C stops)' },
  lsp: { type: 'boolean', description: 'Run the language server for editors on stdin/stdout' },
  stdio: { type: 'boolean', description: 'With --lsp: accepted for clients that pass it (stdio is the only transport)' },
  mcp: { type: 'boolean', description: 'Run the MCP server for AI agents on stdin/stdout' },
  help: { short: 'h', type: 'boolean', description: 'Show this help' },
  version: { short: 'v', type: 'boolean', description: 'Print the version' },
} satisfies Record<string, FlagOption>;

export type FlagName = keyof typeof OPTIONS;

/** Flags that do something other than lint: they take no paths, no --stdin, and not each other. */
export const COMMAND_FLAGS: readonly FlagName[] = ['init', 'list-rules', 'print-config'];

export interface CliArgs {
  paths: string[];
  config?: string;
  format: string;
  outputFile?: string;
  /** Undefined or -1: no limit. */
  maxWarnings?: number;
  quiet: boolean;
  fix: boolean;
  fixDryRun: boolean;
  stdin: boolean;
  stdinFilename?: string;
  platform?: string;
  locale?: string;
  rule: string[];
  ignore: boolean;
  followSymlinks: boolean;
  cache: boolean;
  cacheLocation?: string;
  concurrency: 'auto' | 'off' | number;
  printConfig?: string;
  listRules: boolean;
  explain: boolean;
  init: boolean;
  reportUnusedDisableDirectives: boolean;
  color?: boolean;
  watch: boolean;
  lsp: boolean;
  stdio: boolean;
  mcp: boolean;
  suppressAll: boolean;
  suppressRule: string[];
  pruneSuppressions: boolean;
  passOnUnprunedSuppressions: boolean;
  suppressionsLocation?: string;
}
