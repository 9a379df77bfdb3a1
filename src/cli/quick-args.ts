/**
 * The flags of the commonest calls (a hook, CI or an editor passing file names, maybe --cache,
 * --fix, -f github or --max-warnings 0) read without loading yargs, which is a fifth of a
 * one-draft run's start. Anything unusual, from a repeated value or a value that starts with a
 * dash to --help, returns undefined and goes to yargs. test/cli-args.test.ts checks that both
 * parsers agree wherever this one answers.
 */
import { OPTIONS, toCliArgs, type CliArgs, type FlagOption } from './options.js';

const camelCase = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
const table: Record<string, FlagOption> = OPTIONS;
const byAlias = new Map(Object.entries(table).flatMap(([name, option]) => (option.alias ? [[option.alias, name] as const] : [])));

/** A flag's value as yargs would give it, or undefined where this parser does not decide. */
function readValue(option: FlagOption, value: string | undefined): string | number | undefined {
  if (value === undefined || value === '' || value.startsWith('-') || option.array) return undefined;
  if (option.type === 'string') return value;
  return option.type === 'number' && /^(0|[1-9]\d{0,8})$/.test(value) ? Number(value) : undefined;
}

export function quickParseArgs(argv: readonly string[]): CliArgs | undefined {
  const parsed: Record<string, unknown> = { paths: [] as string[] };
  for (const [name, option] of Object.entries(table)) {
    if (option.default !== undefined) parsed[camelCase(name)] = Array.isArray(option.default) ? [...option.default] : option.default;
  }
  const given = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (!token.startsWith('-')) {
      (parsed.paths as string[]).push(token);
      continue;
    }
    const equals = token.indexOf('=');
    const negated = token.startsWith('--no-');
    const name = token.startsWith('--') ? token.slice(negated ? 5 : 2, equals < 0 ? undefined : equals) : byAlias.get(token.slice(1));
    if (name === undefined || !Object.hasOwn(table, name)) return undefined;
    const option = table[name]!;
    if (option.type === 'boolean') {
      if (equals >= 0) return undefined;
      parsed[camelCase(name)] = !negated;
      continue;
    }
    // A flag with a value: once, as --name value, --name=value or -x value.
    if (negated || given.has(name)) return undefined;
    given.add(name);
    const value = readValue(option, equals >= 0 ? token.slice(equals + 1) : argv[++i]);
    if (value === undefined) return undefined;
    parsed[camelCase(name)] = value;
  }
  return toCliArgs(parsed);
}
