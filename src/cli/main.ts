/** The dmlint command: parses flags, runs the lint, prints the report, returns the exit code. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CliArgs, ParseOutcome } from './args.js';
import { quickParseArgs } from './quick-args.js';
import type { RuleEntry } from '../config/load.js';
import { packageVersion } from '../package/info.js';
import type { ReportOutput } from './report.js';
import type { CliIo } from './io.js';
import { escapeControl } from '../report/formatters/escape.js';
import { leadsOutOf } from '../fs/leads-out.js';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_FAILURE = 2;


function useColor(args: CliArgs, io: CliIo): boolean {
  if (args.color !== undefined) return args.color;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const quick = quickParseArgs(argv);
  // yargs is loaded only for calls the quick parser leaves to it (values, short flags, --help).
  const parsed: ParseOutcome = quick ? { kind: 'run', args: quick } : await (await import('./args.js')).parseArgs(argv, packageVersion());
  if (parsed.kind === 'exit') {
    (parsed.code === 0 ? io.stdout : io.stderr).write(parsed.output);
    return parsed.code;
  }
  const args = parsed.args;
  // Every line to stderr may carry a file name or config text from the repository: escaped, so
  // neither a terminal sequence nor a newline starting a workflow command gets through.
  const warn = (message: string) => void io.stderr.write(`dmlint: ${escapeControl(message)}\n`);
  const fail = (message: string) => {
    warn(message);
    return EXIT_FAILURE;
  };

  if (args.watch || args.lsp || args.mcp || args.stdio) return (await import('./modes.js')).runMode(args, io);

  let concurrency: 'auto' | 'off' | number;
  if (args.concurrency === 'auto' || args.concurrency === 'off') concurrency = args.concurrency;
  else if (/^[1-9]\d*$/.test(args.concurrency)) concurrency = Number(args.concurrency);
  else return fail(`--concurrency "${args.concurrency}": expected auto, off or a positive number`);
  if (args.stdinFilename !== undefined && !args.stdin) return fail('--stdin-filename goes with --stdin');
  if (args.stdin && args.paths.length > 0) return fail('--stdin lints standard input: give no paths (name it with --stdin-filename)');
  if (args.init) return (await import('./commands.js')).init(io);

  // Modules load while other work goes on: the ESM loader reads each one off the main thread.
  const reporting = import('./report.js');
  const { loadConfig, ConfigError, normaliseLocale, normalisePlatform, loadReportFormat, FORMATTER_NAMES, lintFiles, DEFAULT_CACHE_LOCATION, parseRuleFlags } =
    await import('./lint-run.js');
  // A name that is not built in is a formatter module's path or package name.
  const formatLoading = FORMATTER_NAMES.includes(args.format)
    ? loadReportFormat(args.format)
    : import('./custom-format.js').then(({ loadCustomFormat }) => loadCustomFormat(args.format, io.cwd, FORMATTER_NAMES));
  // Awaited below on every path that reports; the others (a bad flag, a config error) drop them.
  reporting.catch(() => {});
  formatLoading.catch(() => {});

  const defaults: { platform?: string; locale?: string } = {};
  if (args.platform !== undefined) {
    if (!normalisePlatform(args.platform)) return fail(`--platform "${args.platform}": expected twitter, facebook or linkedin (or x, messenger)`);
    defaults.platform = args.platform;
  }
  if (args.locale !== undefined) {
    if (!normaliseLocale(args.locale)) return fail(`--locale "${args.locale}": not a valid BCP 47 locale (for example en, fr, fr-FR)`);
    defaults.locale = args.locale;
  }

  let config;
  try {
    const ruleOverrides = parseRuleFlags(args.rule) as Record<string, RuleEntry>;
    config = await loadConfig({ cwd: io.cwd, ...(args.config ? { configFile: args.config } : {}), ruleOverrides });
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    return fail(error instanceof Error ? error.message : String(error));
  }

  const commands = () => import('./commands.js');
  if (args.listRules) {
    io.stdout.write((await commands()).listRules(config, args.format));
    return EXIT_OK;
  }
  if (args.explain) {
    const { explainFiles, formatExplanations } = await import('./explain.js');
    const { files, errors } = await explainFiles(args.paths, config, { cwd: io.cwd, defaults });
    io.stdout.write(args.format === 'json' ? `${JSON.stringify(files, null, 2)}\n` : formatExplanations(files));
    for (const error of errors) io.stderr.write(`dmlint: ${error}\n`);
    return errors.length > 0 ? EXIT_FAILURE : EXIT_OK;
  }
  if (args.printConfig !== undefined) {
    io.stdout.write((await commands()).printConfig(config, args.printConfig, io.cwd));
    return EXIT_OK;
  }

  let format;
  try {
    format = await formatLoading;
  } catch (error) {
    return fail((error as Error).message);
  }
  if (!format) return fail(`unknown format "${args.format}" (expected one of ${FORMATTER_NAMES.join(', ')})`);
  const setupErrors: string[] = [];
  const suppressions = await openSuppressionRun(args, config, io, fail, setupErrors);
  if (suppressions === false) return EXIT_FAILURE;
  const keepSource = format.needsSource === true;
  const { Report, openReportFile } = await reporting;
  let output: ReportOutput = { write: (text) => void io.stdout.write(text), close: () => {}, discard: () => {} };
  if (args.outputFile) {
    if (leadsOutOf(args.outputFile, io.cwd)) return fail(`cannot write ${args.outputFile}: its folder is a symbolic link that leads outside the working directory`);
    try {
      output = openReportFile(path.resolve(io.cwd, args.outputFile));
    } catch (error) {
      return fail(`cannot write ${args.outputFile}: ${(error as Error).message}`);
    }
  }
  const custom = !FORMATTER_NAMES.includes(args.format);
  const rules = new Map([...config.registry].map(([id, rule]) => [id, rule.meta]));
  const report = new Report(format, { cwd: io.cwd, color: useColor(args, io) && !args.outputFile, rules, quiet: args.quiet, stream: !args.fixDryRun }, output);

  if (args.stdin) {
    const input = await io.readStdin();
    const name = args.stdinFilename ?? '<stdin>.md';
    let text: string;
    try {
      text = typeof input === 'string' ? input : (await import('../run/lint-file.js')).decodeDraft(input);
    } catch (error) {
      // Refused as a file would be; with --fix, the input goes back unchanged, so an editor keeps its buffer.
      if (args.fix) io.stdout.write(input);
      return fail(`${name}: ${(error as Error).message}`);
    }
    const { lintStdin } = await import('../api/lint.js');
    const linted = lintStdin(text, name, config, { cwd: io.cwd, defaults, fix: args.fix || args.fixDryRun, useIgnore: args.ignore, reportUnusedDisableDirectives: args.reportUnusedDisableDirectives, keepSource });
    if (linted.ignored) warn(`${name} is ignored by config "ignores"; use --no-ignore to lint it`);
    // As editors expect: with --fix, standard output is the fixed text and nothing else.
    if (args.fix) {
      output.discard();
      io.stdout.write(linted.output ?? text);
      return linted.result.errorCount > 0 ? EXIT_PROBLEMS : EXIT_OK;
    }
    if (args.fixDryRun && linted.output !== undefined) {
      const { createTwoFilesPatch } = await import('diff');
      io.stdout.write(createTwoFilesPatch(`a/${linted.result.path}`, `b/${linted.result.path}`, text, linted.output));
    }
    report.add(suppressions ? suppressions.filter(linted.result) : linted.result);
    for (const error of setupErrors) io.stderr.write(`dmlint: ${error}\n`);
    return finish(setupErrors);
  }
  const cacheLocation = args.cache || args.cacheLocation ? (args.cacheLocation ?? DEFAULT_CACHE_LOCATION) : undefined;
  const linting = lintFiles(args.paths, {
    cwd: io.cwd,
    config,
    defaults,
    useIgnore: args.ignore,
    followSymlinks: args.followSymlinks,
    fix: args.fix || args.fixDryRun,
    writeFixes: args.fix,
    reportUnusedDisableDirectives: args.reportUnusedDisableDirectives,
    concurrency,
    ...(cacheLocation ? { cacheLocation } : {}),
    ...(keepSource ? { keepSource } : {}),
    onResult: suppressions ? (result) => report.add(suppressions.filter(result)) : (result) => report.add(result),
  });
  // A run that fails inside leaves no partial report file behind.
  const run = await linting.catch((error: unknown) => {
    output.discard();
    throw error;
  });
  if (args.fixDryRun) {
    const { createTwoFilesPatch } = await import('diff');
    for (const fix of run.fixes) io.stdout.write(createTwoFilesPatch(`a/${fix.shown}`, `b/${fix.shown}`, fix.original, fix.output));
  }
  for (const skipped of run.skipped) warn(`${skipped} is ignored by config "ignores"; use --no-ignore to lint it`);
  for (const notice of run.notices) warn(notice);
  run.errors.push(...setupErrors);
  for (const error of run.errors) warn(error);
  if (suppressions) {
    const settled = await suppressions.finish(args.paths);
    for (const message of settled.messages) warn(message);
    // Exit 2, as ESLint does: the reason was said above.
    if (settled.failed) run.errors.push('unpruned suppressions');
  }

  return finish(run.errors);

  async function finish(errors: string[]): Promise<number> {
    let summary;
    try {
      summary = await report.end();
    } catch (error) {
      if (!args.outputFile && !custom) throw error;
      return fail(`${args.outputFile ? `cannot write ${args.outputFile}` : `format "${args.format}" failed`}: ${(error as Error).message}`);
    }
    if (args.outputFile) {
      const problems = summary.errors + summary.warnings;
      io.stdout.write(
        `dmlint: ${plural(problems, 'problem')} (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}) in ${plural(summary.files, 'file')}; report written to ${args.outputFile}\n`,
      );
    }
    if (errors.length > 0) return EXIT_FAILURE;
    if (summary.errors > 0) return EXIT_PROBLEMS;
    if (args.maxWarnings !== undefined && args.maxWarnings >= 0 && summary.warnings > args.maxWarnings) {
      warn(`${summary.warnings} warnings exceed --max-warnings ${args.maxWarnings}`);
      return EXIT_PROBLEMS;
    }
    return EXIT_OK;
  }
}

/**
 * Bulk suppressions for this run: undefined when there are none (no flag, no file), false when
 * the run must stop (a flag that cannot be honoured). A file that cannot be read is reported and
 * the run goes on without it, so its problems are all shown and the exit code says so.
 */
async function openSuppressionRun(
  args: CliArgs,
  config: { configFile?: string; registry: ReadonlyMap<string, unknown> },
  io: CliIo,
  fail: (message: string) => number,
  runErrors: string[],
) {
  const flagged = args.suppressAll || args.suppressRule.length > 0 || args.pruneSuppressions;
  const location = path.resolve(io.cwd, args.suppressionsLocation ?? path.join(config.configFile ? path.dirname(config.configFile) : io.cwd, 'dmlint-suppressions.json'));
  if (!flagged && !existsSync(location)) return undefined;
  if (flagged && (args.stdin || args.fixDryRun)) {
    fail(`--suppress-all, --suppress-rule and --prune-suppressions record what a run over files finds: not with ${args.stdin ? '--stdin' : '--fix-dry-run'}`);
    return false;
  }
  const { openSuppressions } = await import('./suppressions.js');
  try {
    return openSuppressions(location, args, new Set(config.registry.keys()), io.cwd);
  } catch (error) {
    if (flagged) {
      fail((error as Error).message);
      return false;
    }
    // Said with the run's other errors, and it fails the run (exit 2).
    runErrors.push(`${(error as Error).message}; linted without suppressions`);
    return undefined;
  }
}
