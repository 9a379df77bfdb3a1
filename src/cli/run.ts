/** The executable's body: run the CLI on this process and set its exit code. */
import { processIo } from './io.js';
import { main } from './main.js';
import { escapeControl } from '../report/formatters/escape.js';

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
    // Everything the run does is awaited by main; once what it printed has reached stdout and
    // stderr, exit at once rather than wait for V8's background work (compiler and GC threads),
    // which cost ~6 ms at the end of a large run.
    process.stdout.write('', () => process.stderr.write('', () => process.exit()));
  },
  (error: unknown) => {
    process.stderr.write(`dmlint: internal error: ${escapeControl((error as Error)?.stack ?? String(error))}\n`);
    process.exitCode = 2;
  },
);
