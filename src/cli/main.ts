/** The dmlint command: parses flags, runs the lint, prints the report, returns the exit code. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from './args.js';
import type { RuleEntry } from '../config/load.js';
import { packageVersion } from '../package/info.js';
import { MACHINE_FORMATS } from '../report/formatters/names.js';
import type { ReportOutput } from './report.js';
import type { CliIo } from './io.js';
import { LanguageNotice } from './language-notice.js';
import type { CliArgs } from './options.js';
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

/** Rule ids as links to their pages: only in colour, and only where the terminal shows OSC 8 links. */
async function useHyperlinks(color: boolean, io: CliIo): Promise<boolean> {
  if (!color) return false;
  const { createSupportsHyperlinks } = await import('supports-hyperlinks');
  return createSupportsHyperlinks(io.stdout as NodeJS.WriteStream);
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === 'refuse') {
    // A refusal may quote an argument, which may be a file name from the repository: escaped.
    io.stderr.write(`dmlint: ${escapeControl(parsed.message)}\n`);
    return EXIT_FAILURE;
  }
  if (parsed.kind === 'help') {
    io.stdout.write((await import('./help.js')).helpText());
    return EXIT_OK;
  }
  if (parsed.kind === 'version') {
    io.stdout.write(`${packageVersion()}\n`);
    return EXIT_OK;
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
  if (args.init) return (await import('./init.js')).init(io);

  // Modules load while other work goes on: the ESM loader reads each one off the main thread.
  const reporting = import('./report.js');
  const { loadConfig, ConfigError, loadFormat, isBuiltInFormat, lintFiles, DEFAULT_CACHE_LOCATION, parseRuleFlags, RuleFlagError } = await import('./lint-run.js');
  // A name that is not built in is a formatter module's path or package name.
  const formatLoading = loadFormat(args.format, io.cwd);
  // Awaited below on every path that reports; the others (a bad flag, a config error) drop them.
  reporting.catch(() => {});
  formatLoading.catch(() => {});

  // --platform and --locale were checked with the other flags.
  const defaults = { ...(args.platform !== undefined ? { platform: args.platform } : {}), ...(args.locale !== undefined ? { locale: args.locale } : {}) };

  let config;
  try {
    if (args.config !== undefined && !existsSync(path.resolve(io.cwd, args.config))) return fail(`--config "${args.config}": no such file`);
    const ruleOverrides = parseRuleFlags(args.rule) as Record<string, RuleEntry>;
    config = await loadConfig({ cwd: io.cwd, ...(args.config !== undefined ? { configFile: args.config } : {}), ruleOverrides });
  } catch (error) {
    if (error instanceof ConfigError || error instanceof RuleFlagError) return fail(error.message);
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
    for (const error of errors) warn(error);
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
  const setupErrors: string[] = [];
  const suppressions = await openSuppressionRun(args, config, io, fail, setupErrors);
  if (suppressions === false) return EXIT_FAILURE;
  const keepSource = format.needsSource === true;
  const { Report, openReportFile } = await reporting;
  let output: ReportOutput = { write: (text) => void io.stdout.write(text), close: () => {}, discard: () => {} };
  if (args.outputFile) {
    if (leadsOutOf(args.outputFile, io.cwd)) return fail(`--output-file: cannot write ${args.outputFile}: its folder is a symbolic link that leads outside the working directory`);
    try {
      output = openReportFile(path.resolve(io.cwd, args.outputFile));
    } catch (error) {
      return fail(`--output-file: cannot write ${args.outputFile}: ${(error as Error).message}`);
    }
  }
  const custom = !isBuiltInFormat(args.format);
  const rules = new Map([...config.registry].map(([id, rule]) => [id, rule.meta]));
  const color = useColor(args, io) && !args.outputFile;
  const hyperlinks = args.format === 'stylish' && (await useHyperlinks(color, io));
  const report = new Report(format, { cwd: io.cwd, color, hyperlinks, rules, quiet: args.quiet, stream: !args.fixDryRun }, output);
  const notice = new LanguageNotice(config);
  // A diff on standard output would break a report that programs read there: it goes to stderr then.
  const diffs = (MACHINE_FORMATS.includes(args.format) || custom) && !args.outputFile ? io.stderr : io.stdout;

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
      diffs.write(createTwoFilesPatch(`a/${linted.result.path}`, `b/${linted.result.path}`, text, linted.output));
    }
    notice.add(linted.result);
    report.add(suppressions ? suppressions.filter(linted.result) : linted.result);
    for (const error of setupErrors) warn(error);
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
    concurrency: args.concurrency,
    ...(cacheLocation ? { cacheLocation } : {}),
    ...(keepSource ? { keepSource } : {}),
    onResult: (result) => {
      notice.add(result);
      report.add(suppressions ? suppressions.filter(result) : result);
    },
  });
  // A run that fails inside leaves no partial report file behind.
  const run = await linting.catch((error: unknown) => {
    output.discard();
    throw error;
  });
  if (args.fixDryRun) {
    const { createTwoFilesPatch } = await import('diff');
    for (const fix of run.fixes) diffs.write(createTwoFilesPatch(`a/${fix.shown}`, `b/${fix.shown}`, fix.original, fix.output));
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
      return fail(`${args.outputFile ? `--output-file: cannot write ${args.outputFile}` : `format "${args.format}" failed`}: ${(error as Error).message}`);
    }
    const languages = notice.text();
    if (languages) warn(languages);
    if (args.outputFile) {
      const problems = summary.errors + summary.warnings;
      io.stdout.write(
        `dmlint: ${plural(problems, 'problem')} (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}) in ${plural(summary.files, 'file')}; report written to ${args.outputFile}\n`,
      );
    }
    if (errors.length > 0) return EXIT_FAILURE;
    if (summary.errors > 0) return EXIT_PROBLEMS;
    if (args.maxWarnings !== undefined && args.maxWarnings >= 0 && summary.warnings > args.maxWarnings) {
      const hidden = args.quiet ? ' (not shown: --quiet)' : '';
      warn(`${plural(summary.warnings, 'warning')} exceed${summary.warnings === 1 ? 's' : ''} --max-warnings ${args.maxWarnings}${hidden}`);
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
  // Recording with --stdin or --fix-dry-run was refused with the other flags (args.ts).
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
