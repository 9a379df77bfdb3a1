/** Command-line flags, parsed with yargs without letting it exit the process. */
import yargs from 'yargs';
import { OPTIONS, toCliArgs, type CliArgs } from './options.js';
import { escapeControl } from '../report/formatters/escape.js';

export type { CliArgs };
export type ParseOutcome = { kind: 'run'; args: CliArgs } | { kind: 'exit'; code: number; output: string };

export async function parseArgs(argv: string[], version: string): Promise<ParseOutcome> {
  const parser = yargs()
    .scriptName('dmlint')
    .command('$0 [paths..]', 'Lint outreach message drafts (Markdown). Default path: the current directory.', (command) =>
      command.positional('paths', { type: 'string', array: true, description: 'Files, directories or globs' }),
    )
    .options(structuredClone(OPTIONS))
    .strict()
    .version(version)
    .help()
    .alias('help', 'h')
    .wrap(100)
    .exitProcess(false);

  return new Promise((resolve) => {
    void parser.parse(argv, {}, (error, parsed, output) => {
      if (error) {
        // The message may quote an argument, which may be a file name from the repository: escaped.
        resolve({ kind: 'exit', code: 2, output: `dmlint: ${escapeControl(error.message)}\nRun "dmlint --help" for the flags.\n` });
        return;
      }
      if (output) {
        resolve({ kind: 'exit', code: 0, output: `${output}\n` });
        return;
      }
      resolve({ kind: 'run', args: toCliArgs(parsed as Record<string, unknown>) });
    });
  });
}
