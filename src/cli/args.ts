/** Command-line flags, parsed with yargs without letting it exit the process. */
import yargs from 'yargs';

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
  cache: boolean;
  cacheLocation?: string;
  printConfig?: string;
  listRules: boolean;
  init: boolean;
  color?: boolean;
  reportUnusedDisableDirectives: boolean;
  concurrency: string;
}

export type ParseOutcome = { kind: 'run'; args: CliArgs } | { kind: 'exit'; code: number; output: string };

export async function parseArgs(argv: string[], version: string): Promise<ParseOutcome> {
  const parser = yargs()
    .scriptName('dmlint')
    .command('$0 [paths..]', 'Lint outreach message drafts (Markdown). Default path: the current directory.', (command) =>
      command.positional('paths', { type: 'string', array: true, description: 'Files, directories or globs' }),
    )
    .option('config', { alias: 'c', type: 'string', description: 'Use this config file, skip discovery' })
    .option('format', { alias: 'f', type: 'string', default: 'stylish', description: 'stylish, compact, json, sarif, github, junit' })
    .option('output-file', { alias: 'o', type: 'string', description: 'Write the report to a file' })
    .option('max-warnings', { type: 'number', description: 'Exit 1 when warnings exceed this number' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, description: 'Report errors only' })
    .option('fix', { type: 'boolean', default: false, description: 'Apply safe fixes in place' })
    .option('fix-dry-run', { type: 'boolean', default: false, description: 'Print what --fix would change' })
    .option('stdin', { type: 'boolean', default: false, description: 'Lint standard input' })
    .option('stdin-filename', { type: 'string', description: 'File name for standard input' })
    .option('platform', { type: 'string', description: 'Platform for drafts that do not say' })
    .option('locale', { type: 'string', description: 'Locale for drafts that do not say' })
    .option('rule', { type: 'string', array: true, default: [], description: "Change one rule: 'ID: SEVERITY' or 'ID: [SEVERITY, {options}]'" })
    .option('ignore', { type: 'boolean', default: true, description: 'Honour .gitignore and config ignores (--no-ignore: lint them too)' })
    .option('cache', { type: 'boolean', default: false, description: 'Skip files unchanged since the last run (same content, config and version)' })
    .option('cache-location', { type: 'string', description: 'Cache file (default .dmlintcache)' })
    .option('concurrency', { type: 'string', default: 'auto', description: 'Worker threads: auto, off, or a number' })
    .option('print-config', { type: 'string', description: 'Print the resolved config for a file' })
    .option('list-rules', { type: 'boolean', default: false, description: 'List every rule' })
    .option('init', { type: 'boolean', default: false, description: 'Write a starter .dmlintrc.json' })
    .option('report-unused-disable-directives', { type: 'boolean', default: false, description: 'Report disable comments that silence nothing' })
    .option('color', { type: 'boolean', description: 'Force colour on (--color) or off (--no-color)' })
    .strict()
    .version(version)
    .help()
    .alias('help', 'h')
    .wrap(100)
    .exitProcess(false);

  return new Promise((resolve) => {
    void parser.parse(argv, {}, (error, parsed, output) => {
      if (error) {
        resolve({ kind: 'exit', code: 2, output: `dmlint: ${error.message}\nRun "dmlint --help" for the flags.\n` });
        return;
      }
      if (output) {
        resolve({ kind: 'exit', code: 0, output: `${output}\n` });
        return;
      }
      const p = parsed as Record<string, unknown>;
      resolve({
        kind: 'run',
        args: {
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
          cache: p.cache as boolean,
          ...(p.cacheLocation !== undefined ? { cacheLocation: p.cacheLocation as string } : {}),
          ...(p.printConfig !== undefined ? { printConfig: p.printConfig as string } : {}),
          listRules: p.listRules as boolean,
          init: p.init as boolean,
          ...(p.color !== undefined ? { color: p.color as boolean } : {}),
          reportUnusedDisableDirectives: p.reportUnusedDisableDirectives as boolean,
          concurrency: String(p.concurrency),
        },
      });
    });
  });
}
