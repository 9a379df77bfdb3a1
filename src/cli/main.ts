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
    io.stderr.write(`dmlint: ${parsed.message}\n`);
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
  const fail = (message: string) => {
    io.stderr.write(`dmlint: ${message}\n`);
    return EXIT_FAILURE;
  };

  if (args.watch || args.lsp || args.mcp || args.stdio) return (await import('./modes.js')).runMode(args, io);
  if (args.init) return (await import('./init.js')).init(io);

  // Modules load while other work goes on: the ESM loader reads each one off the main thread.
  const reporting = import('./report.js');
  const { loadConfig, ConfigError, loadReportFormat, lintFiles, DEFAULT_CACHE_LOCATION, parseRuleFlags, RuleFlagError } = await import('./lint-run.js');
  const formatLoading = loadReportFormat(args.format);
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
  if (args.printConfig !== undefined) {
    io.stdout.write((await commands()).printConfig(config, args.printConfig, io.cwd));
    return EXIT_OK;
  }

  const format = (await formatLoading)!;
  const { Report, openReportFile } = await reporting;
  let output: ReportOutput = { write: (text) => void io.stdout.write(text), close: () => {}, discard: () => {} };
  if (args.outputFile) {
    try {
      output = openReportFile(path.resolve(io.cwd, args.outputFile));
    } catch (error) {
      return fail(`--output-file: cannot write ${args.outputFile}: ${(error as Error).message}`);
    }
  }
  const rules = new Map([...config.registry].map(([id, rule]) => [id, rule.meta]));
  const color = useColor(args, io) && !args.outputFile;
  const hyperlinks = args.format === 'stylish' && (await useHyperlinks(color, io));
  const report = new Report(format, { cwd: io.cwd, color, hyperlinks, rules, quiet: args.quiet, stream: !args.fixDryRun }, output);
  const notice = new LanguageNotice(config);
  // A diff on standard output would break a report that programs read there: it goes to stderr then.
  const diffs = MACHINE_FORMATS.includes(args.format) && !args.outputFile ? io.stderr : io.stdout;

  if (args.stdin) {
    const text = await io.readStdin();
    const name = args.stdinFilename ?? '<stdin>.md';
    const { lintStdin } = await import('../api/lint.js');
    const linted = lintStdin(text, name, config, { cwd: io.cwd, defaults, fix: args.fix || args.fixDryRun, useIgnore: args.ignore, reportUnusedDisableDirectives: args.reportUnusedDisableDirectives });
    if (linted.ignored) io.stderr.write(`dmlint: ${name} is ignored by config "ignores"; use --no-ignore to lint it\n`);
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
    report.add(linted.result);
    return finish([]);
  }
  const cacheLocation = args.cache || args.cacheLocation ? (args.cacheLocation ?? DEFAULT_CACHE_LOCATION) : undefined;
  const linting = lintFiles(args.paths, {
    cwd: io.cwd,
    config,
    defaults,
    useIgnore: args.ignore,
    fix: args.fix || args.fixDryRun,
    reportUnusedDisableDirectives: args.reportUnusedDisableDirectives,
    concurrency: args.concurrency,
    ...(cacheLocation ? { cacheLocation } : {}),
    onResult: (result) => {
      notice.add(result);
      report.add(result);
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
  } else if (args.fix) {
    const { writeFixes } = await import('../run/write-fixes.js');
    run.errors.push(...(await writeFixes(run.fixes)));
  }
  for (const skipped of run.skipped) {
    io.stderr.write(`dmlint: ${skipped} is ignored by config "ignores"; use --no-ignore to lint it\n`);
  }
  for (const error of run.errors) io.stderr.write(`dmlint: ${error}\n`);

  return finish(run.errors);

  function finish(errors: string[]): number {
    let summary;
    try {
      summary = report.end();
    } catch (error) {
      if (!args.outputFile) throw error;
      return fail(`--output-file: cannot write ${args.outputFile}: ${(error as Error).message}`);
    }
    const languages = notice.text();
    if (languages) io.stderr.write(`dmlint: ${languages}\n`);
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
      io.stderr.write(`dmlint: ${plural(summary.warnings, 'warning')} exceed${summary.warnings === 1 ? 's' : ''} --max-warnings ${args.maxWarnings}${hidden}\n`);
      return EXIT_PROBLEMS;
    }
    return EXIT_OK;
  }
}
