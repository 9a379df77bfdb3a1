/**
 * The flags of the commonest calls (a hook or CI passing file names, maybe --cache or --fix)
 * read without loading yargs, which is a fifth of a one-draft run's start. Anything else, from
 * a flag with a value to --help, returns undefined and goes to yargs. test/cli-args.test.ts
 * checks that both parsers agree wherever this one answers.
 */
import { OPTIONS, toCliArgs, type CliArgs, type FlagOption } from './options.js';

const camelCase = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
const table: Record<string, FlagOption> = OPTIONS;

export function quickParseArgs(argv: readonly string[]): CliArgs | undefined {
  const parsed: Record<string, unknown> = { paths: [] as string[] };
  for (const [name, option] of Object.entries(table)) {
    if (option.default !== undefined) parsed[camelCase(name)] = Array.isArray(option.default) ? [...option.default] : option.default;
  }
  for (const token of argv) {
    if (!token.startsWith('-')) {
      (parsed.paths as string[]).push(token);
      continue;
    }
    const negated = token.startsWith('--no-');
    const name = token.slice(negated ? 5 : 2);
    if (!token.startsWith('--') || !Object.hasOwn(table, name) || table[name]!.type !== 'boolean') return undefined;
    parsed[camelCase(name)] = !negated;
  }
  return toCliArgs(parsed);
}
