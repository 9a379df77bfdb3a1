/**
 * Reads the command line with Node's own parser (node:util parseArgs, no dependency to load),
 * then holds every flag to the table in options.ts: a flag dmlint does not know, a value that is
 * missing or not accepted, and flags that cannot go together are refused in one line that names
 * the flag and what it accepts. Everything after `--` is a path.
 */
import { parseArgs as readTokens } from 'node:util';
import { readLocale } from '../draft/locales.js';
import { normalisePlatform } from '../draft/metadata.js';
import { closest } from '../text/closest.js';
import { COMMAND_FLAGS, OPTIONS, type CliArgs, type FlagName, type FlagOption } from './options.js';

export type { CliArgs };
export type ParseOutcome = { kind: 'run'; args: CliArgs } | { kind: 'help' } | { kind: 'version' } | { kind: 'refuse'; message: string };

const table: Record<string, FlagOption> = OPTIONS;
const tokenOptions = Object.fromEntries(
  Object.entries(table).map(([name, option]) => [name, { type: option.type, ...(option.short ? { short: option.short } : {}), ...(option.multiple ? { multiple: true } : {}) }]),
);

class Refusal extends Error {}
const refuse = (message: string): never => {
  throw new Refusal(message);
};

/** Reads `argv` (the arguments after the program name). */
export function parseArgs(argv: readonly string[]): ParseOutcome {
  try {
    return parse(argv);
  } catch (error) {
    if (error instanceof Refusal) return { kind: 'refuse', message: error.message };
    throw error;
  }
}

function parse(argv: readonly string[]): ParseOutcome {
  const { tokens } = readTokens({ args: [...argv], options: tokenOptions, strict: false, allowPositionals: true, allowNegative: true, tokens: true });
  const given = new Map<FlagName, string[] | boolean>();
  const paths: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      paths.push(token.value);
      continue;
    }
    if (token.kind === 'option-terminator') continue;
    const name = token.name as FlagName;
    const option: FlagOption | undefined = Object.hasOwn(table, name) ? table[name] : undefined;
    if (!option) {
      const shown = token.rawName.startsWith('--') ? token.rawName : `-${name}`;
      const suggestion = token.rawName.startsWith('--') ? closest(token.rawName.slice(2).replace(/^no-/, ''), Object.keys(table)) : undefined;
      refuse(`unknown flag ${shown}${suggestion ? `: did you mean --${suggestion}?` : ''} (dmlint --help lists the flags)`);
    }
    const negated = token.rawName.startsWith('--no-');
    if (option!.type === 'boolean') {
      if (token.value !== undefined && token.value !== 'true' && token.value !== 'false') {
        refuse(`--${name} takes no value (got "${token.value}"): write --${name}${name === 'help' || name === 'version' ? '' : ` or --no-${name}`}`);
      }
      given.set(name, token.value === undefined ? !negated : token.value === 'true');
      continue;
    }
    if (negated) refuse(`--no-${name}: --${name} takes a value (${option!.accepts}) and has no --no- form`);
    const value = token.value;
    // A separate value that looks like a flag is a flag: the value was left out. A negative number is a value.
    const looksLikeFlag = value !== undefined && !token.inlineValue && value.startsWith('-') && !/^-\d/.test(value);
    if (value === undefined || value === '' || looksLikeFlag) {
      refuse(`${token.rawName} needs a value${looksLikeFlag ? ` (${value} is a flag)` : ''}: ${option!.accepts}`);
    }
    const previous = given.get(name);
    given.set(name, option!.multiple && Array.isArray(previous) ? [...previous, value!] : [value!]);
  }

  if (given.get('help') === true) return { kind: 'help' };
  if (given.get('version') === true) return { kind: 'version' };

  const text = (name: FlagName) => {
    const values = given.get(name);
    return Array.isArray(values) ? values[values.length - 1] : undefined;
  };
  const flag = (name: FlagName, fallback: boolean) => {
    const value = given.get(name);
    return typeof value === 'boolean' ? value : fallback;
  };
  const bad = (name: FlagName, value: string): never => refuse(`--${name} "${value}": expected ${table[name]!.accepts}`);

  // A name that is not built in is a formatter module's path or package name: main.ts loads it.
  const format = text('format') ?? 'stylish';

  let maxWarnings: number | undefined;
  const maxWarningsText = text('max-warnings');
  if (maxWarningsText !== undefined) {
    if (!/^(?:\d+|-1)$/.test(maxWarningsText) || !Number.isSafeInteger(Number(maxWarningsText))) bad('max-warnings', maxWarningsText);
    maxWarnings = Number(maxWarningsText);
  }

  const concurrencyText = text('concurrency') ?? 'auto';
  let concurrency: CliArgs['concurrency'];
  if (concurrencyText === 'auto' || concurrencyText === 'off') concurrency = concurrencyText;
  else if (/^[1-9]\d{0,3}$/.test(concurrencyText)) concurrency = Number(concurrencyText);
  else concurrency = bad('concurrency', concurrencyText);

  const platform = text('platform');
  if (platform !== undefined && !normalisePlatform(platform)) bad('platform', platform);
  const locale = text('locale');
  if (locale !== undefined) {
    const reading = readLocale(locale);
    if ('problem' in reading) {
      refuse(`--locale "${locale}": ${reading.suggestion ? `did you mean "${reading.suggestion}"? ` : ''}expected ${table.locale!.accepts}`);
    }
  }

  const args: CliArgs = {
    paths,
    format,
    quiet: flag('quiet', false),
    fix: flag('fix', false),
    fixDryRun: flag('fix-dry-run', false),
    stdin: flag('stdin', false),
    rule: (given.get('rule') as string[] | undefined) ?? [],
    ignore: flag('ignore', true),
    followSymlinks: flag('follow-symlinks', false),
    cache: flag('cache', false),
    concurrency,
    listRules: flag('list-rules', false),
    explain: flag('explain', false),
    init: flag('init', false),
    reportUnusedDisableDirectives: flag('report-unused-disable-directives', false),
    watch: flag('watch', false),
    lsp: flag('lsp', false),
    stdio: flag('stdio', false),
    mcp: flag('mcp', false),
    suppressAll: flag('suppress-all', false),
    suppressRule: (given.get('suppress-rule') as string[] | undefined) ?? [],
    pruneSuppressions: flag('prune-suppressions', false),
    passOnUnprunedSuppressions: flag('pass-on-unpruned-suppressions', false),
  };
  const optional = {
    config: 'config',
    outputFile: 'output-file',
    stdinFilename: 'stdin-filename',
    cacheLocation: 'cache-location',
    printConfig: 'print-config',
    platform: 'platform',
    locale: 'locale',
    suppressionsLocation: 'suppressions-location',
  } as const;
  for (const [key, name] of Object.entries(optional)) {
    const value = text(name);
    if (value !== undefined) args[key as keyof typeof optional] = value;
  }
  if (maxWarnings !== undefined) args.maxWarnings = maxWarnings;
  if (given.has('color')) args.color = flag('color', false);

  // The long-running modes check what goes with them themselves (modes.ts).
  if (!args.watch && !args.lsp && !args.mcp && !args.stdio) checkCombinations(args, given);
  return { kind: 'run', args };
}

/** Flags that record or prune suppressions: they need a run over files. */
const RECORDING: readonly FlagName[] = ['suppress-all', 'suppress-rule', 'prune-suppressions'];
/** Flags --explain would leave unused: it reads the files named, prints, and changes nothing. */
const NOT_WITH_EXPLAIN: readonly FlagName[] = ['stdin', 'fix', 'fix-dry-run', 'output-file', ...RECORDING];

function checkCombinations(args: CliArgs, given: Map<FlagName, unknown>): void {
  const isGiven = (name: FlagName) => given.get(name) === true || Array.isArray(given.get(name));
  // --explain takes paths, unlike the other commands, but goes with none of them either.
  const commands = [...COMMAND_FLAGS, 'explain' as const].filter(isGiven);
  if (commands.length > 1) refuse(`--${commands[0]} and --${commands[1]} cannot be used together: give one of them`);
  const command = commands[0];
  if (command === 'explain') {
    const unused = NOT_WITH_EXPLAIN.find(isGiven);
    if (unused) refuse(`--explain prints how the judgment rules weigh the drafts of the files named, and changes nothing: not with --${unused}`);
    if (args.format !== 'stylish' && args.format !== 'json') refuse(`--explain prints text, or JSON with -f json: not -f ${args.format}`);
  } else if (command) {
    const does = command === 'init' ? 'writes a config' : command === 'list-rules' ? 'lists the rules' : 'prints the config for one file';
    if (args.paths.length > 0) refuse(`--${command} ${does} and lints nothing: remove the path${args.paths.length > 1 ? 's' : ''} (${args.paths.join(' ')})`);
    if (args.stdin) refuse(`--${command} ${does} and lints nothing: remove --stdin`);
  }
  if (args.fix && args.fixDryRun) refuse('--fix and --fix-dry-run cannot be used together: --fix-dry-run shows what --fix would write');
  if (args.stdinFilename !== undefined && !args.stdin) refuse('--stdin-filename names standard input: it goes with --stdin');
  if (args.stdin && args.paths.length > 0) refuse(`--stdin lints standard input: give no paths (${args.paths.join(' ')}), and name the input with --stdin-filename`);
  const recording = RECORDING.filter(isGiven);
  if (recording.length > 1) refuse(`--${recording[0]} and --${recording[1]} cannot be used together: record or prune, one at a time`);
  if (recording[0] && (args.stdin || args.fixDryRun)) refuse(`--${recording[0]} writes the suppressions file from what a run over files finds: not with ${args.stdin ? '--stdin' : '--fix-dry-run'}`);
}
