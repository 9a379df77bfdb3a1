#!/usr/bin/env node
// The language server under its own name, for editors configured with a server command:
// the same as `dmlint --lsp` (a --stdio argument, which many clients add, is accepted).
process.argv.splice(2, 0, '--lsp');
await import('./dmlint.js');
