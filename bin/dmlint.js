#!/usr/bin/env node
import { main } from '../dist/src/cli/main.js';
import { processIo } from '../dist/src/cli/io.js';

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`dmlint: internal error: ${error?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
