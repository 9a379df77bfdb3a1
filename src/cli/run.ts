/** The executable's body: run the CLI on this process and set its exit code. */
import { processIo } from './io.js';
import { main } from './main.js';

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`dmlint: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
