// Rewrites the output shown in the docs' ```console sessions with what the built command prints
// today (part of `npm run docs`; test/docs-examples.test.ts checks the pages against the same run).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEARCH_PLACES } from '../dist/src/config/load.js';
import { namedFiles, PAGES, runSession, withOutputs } from './docs-sessions.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const project = mkdtempSync(path.join(os.tmpdir(), 'dmlint-docs-'));
try {
  for (const [name, text] of Object.entries(namedFiles(root, SEARCH_PLACES))) {
    mkdirSync(path.dirname(path.join(project, name)), { recursive: true });
    writeFileSync(path.join(project, name), text);
  }
  const bin = path.join(root, 'bin/dmlint.js');
  for (const page of PAGES) {
    const current = readFileSync(path.join(root, page), 'utf8');
    const next = withOutputs(current, (command) => runSession(command, { project, bin }));
    if (next !== current) {
      writeFileSync(path.join(root, page), next);
      console.log(`updated ${page}`);
    }
  }
} finally {
  rmSync(project, { recursive: true, force: true });
}
