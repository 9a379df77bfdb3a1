/**
 * The command's flags, as data: yargs builds the full parser and --help from this table, and
 * the quick parser reads the same table for the common case of paths and on/off flags.
 */
export interface FlagOption {
  alias?: string;
  type: 'string' | 'boolean' | 'number';
  default?: string | boolean | string[];
  array?: boolean;
  description: string;
}

export const OPTIONS = {
  config: { alias: 'c', type: 'string', description: 'Use this config file, skip discovery' },
  format: { alias: 'f', type: 'string', default: 'stylish', description: 'stylish, compact, json, sarif, github, junit, html, markdown, or a formatter module (path or package)' },
  'output-file': { alias: 'o', type: 'string', description: 'Write the report to a file' },
  'max-warnings': { type: 'number', description: 'Exit 1 when warnings exceed this number' },
  quiet: { alias: 'q', type: 'boolean', default: false, description: 'Report errors only' },
  fix: { type: 'boolean', default: false, description: 'Apply safe fixes in place' },
  'fix-dry-run': { type: 'boolean', default: false, description: 'Print what --fix would change' },
  stdin: { type: 'boolean', default: false, description: 'Lint standard input' },
  'stdin-filename': { type: 'string', description: 'File name for standard input' },
  platform: { type: 'string', description: 'Platform for drafts that do not say' },
  locale: { type: 'string', description: 'Locale for drafts that do not say' },
  rule: { type: 'string', array: true, default: [], description: "Change one rule: 'ID: SEVERITY' or 'ID: [SEVERITY, {options}]'" },
  ignore: { type: 'boolean', default: true, description: 'Honour .gitignore and config ignores (--no-ignore: lint them too)' },
  'follow-symlinks': { type: 'boolean', default: false, description: 'Follow symbolic links that lead outside the folder given (by default reported and skipped)' },
  cache: { type: 'boolean', default: false, description: 'Skip files unchanged since the last run (same content, config and version)' },
  'cache-location': { type: 'string', description: 'Cache file (default .dmlintcache)' },
  concurrency: { type: 'string', default: 'auto', description: 'Worker threads: auto, off, or a number' },
  'print-config': { type: 'string', description: 'Print the resolved config for a file' },
  'list-rules': { type: 'boolean', default: false, description: 'List every rule' },
  explain: { type: 'boolean', default: false, description: 'Show how the judgment rules weigh each draft of the files named, and exit' },
  init: { type: 'boolean', default: false, description: 'Write a starter .dmlintrc.json' },
  'report-unused-disable-directives': { type: 'boolean', default: false, description: 'Report disable comments that silence nothing' },
  color: { type: 'boolean', description: 'Force colour on (--color) or off (--no-color)' },
  // Long-running modes (src/cli/modes.ts).
  watch: { type: 'boolean', default: false, description: 'Lint again whenever a draft, config or plugin changes (Ctrl-C stops)' },
  lsp: { type: 'boolean', default: false, description: 'Run the language server for editors on stdin/stdout' },
  stdio: { type: 'boolean', default: false, description: 'With --lsp: accepted for clients that pass it (stdio is the only transport)' },
  mcp: { type: 'boolean', default: false, description: 'Run the MCP server for AI agents on stdin/stdout' },
  'suppress-all': { type: 'boolean', default: false, description: 'Record every problem found in dmlint-suppressions.json; later runs report only new ones' },
  'suppress-rule': { type: 'string', array: true, default: [], description: "Record this rule's problems in dmlint-suppressions.json (repeatable)" },
  'prune-suppressions': { type: 'boolean', default: false, description: 'Drop suppressions of problems that no longer occur' },
  'pass-on-unpruned-suppressions': { type: 'boolean', default: false, description: 'Do not fail when suppressed problems no longer occur' },
  'suppressions-location': { type: 'string', description: 'Suppressions file (default dmlint-suppressions.json beside the config)' },
} satisfies Record<string, FlagOption>;

export interface CliArgs {
  paths: string[];
  config?: string;
  format: string;
  outputFile?: string;
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
  printConfig?: string;
  listRules: boolean;
  explain: boolean;
  init: boolean;
  color?: boolean;
  reportUnusedDisableDirectives: boolean;
  concurrency: string;
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

/** The parsed flags (camel-cased keys, as yargs gives them) as the CLI uses them. */
export function toCliArgs(p: Record<string, unknown>): CliArgs {
  return {
    paths: ((p.paths as (string | number)[] | undefined) ?? []).map(String),
    ...(p.config !== undefined ? { config: p.config as string } : {}),
    format: p.format as string,
    ...(p.outputFile !== undefined ? { outputFile: p.outputFile as string } : {}),
    ...(p.maxWarnings !== undefined ? { maxWarnings: p.maxWarnings as number } : {}),
    quiet: p.quiet as boolean,
    fix: p.fix as boolean,
    fixDryRun: p.fixDryRun as boolean,
    stdin: p.stdin as boolean,
    ...(p.stdinFilename !== undefined ? { stdinFilename: p.stdinFilename as string } : {}),
    ...(p.platform !== undefined ? { platform: p.platform as string } : {}),
    ...(p.locale !== undefined ? { locale: p.locale as string } : {}),
    rule: (p.rule as string[]) ?? [],
    ignore: p.ignore as boolean,
    followSymlinks: (p.followSymlinks as boolean | undefined) ?? false,
    cache: p.cache as boolean,
    ...(p.cacheLocation !== undefined ? { cacheLocation: p.cacheLocation as string } : {}),
    ...(p.printConfig !== undefined ? { printConfig: p.printConfig as string } : {}),
    listRules: p.listRules as boolean,
    explain: p.explain as boolean,
    init: p.init as boolean,
    ...(p.color !== undefined ? { color: p.color as boolean } : {}),
    reportUnusedDisableDirectives: p.reportUnusedDisableDirectives as boolean,
    concurrency: String(p.concurrency),
    watch: p.watch as boolean,
    lsp: p.lsp as boolean,
    stdio: p.stdio as boolean,
    mcp: p.mcp as boolean,
    suppressAll: p.suppressAll as boolean,
    suppressRule: ((p.suppressRule as string[] | undefined) ?? []).map(String),
    pruneSuppressions: p.pruneSuppressions as boolean,
    passOnUnprunedSuppressions: p.passOnUnprunedSuppressions as boolean,
    ...(p.suppressionsLocation !== undefined ? { suppressionsLocation: p.suppressionsLocation as string } : {}),
  };
}
