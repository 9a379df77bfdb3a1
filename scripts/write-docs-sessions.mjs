// Rewrites the output shown in the docs' ```console sessions with what the built command prints
// today (part of `npm run docs`; test/docs-examples.test.ts checks the pages against the same
// run). The drafts and configs the pages show under a name are written into one temporary
// project, each `$ npx dmlint ...` line is run there, and its output replaces the lines after it.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEARCH_PLACES } from '../dist/src/config/load.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PAGES = ['README.md', 'docs/cli.md', 'docs/configuration.md', 'docs/drafts.md', 'docs/integrations.md'];
const read = (page) => readFileSync(path.join(root, page), 'utf8');

const project = mkdtempSync(path.join(os.tmpdir(), 'dmlint-docs-'));
for (const page of PAGES) {
  for (const [, name, text] of read(page).matchAll(/`([\w./-]+\.(?:md|json))`:\n\n```(?:markdown|json)\n([\s\S]*?)^```/gm)) {
    if (SEARCH_PLACES.includes(path.basename(name))) continue;
    mkdirSync(path.dirname(path.join(project, name)), { recursive: true });
    writeFileSync(path.join(project, name), text);
  }
}

function run(command) {
  const echoStatus = command.endsWith('; echo $?');
  const line = echoStatus ? command.slice(0, -'; echo $?'.length) : command;
  const tokens = [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
  const argv = [];
  let stdinFile;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === '<') stdinFile = tokens[++i];
    else argv.push(tokens[i]);
  }
  const transcript = path.join(project, '.transcript');
  const fd = openSync(transcript, 'w');
  let status;
  try {
    status = spawnSync(process.execPath, [path.join(root, 'bin/dmlint.js'), ...argv.slice(2)], {
      cwd: project,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
      stdio: [stdinFile ? 'pipe' : 'ignore', fd, fd],
      ...(stdinFile ? { input: readFileSync(path.join(project, stdinFile)) } : {}),
    }).status;
  } finally {
    closeSync(fd);
  }
  return readFileSync(transcript, 'utf8') + (echoStatus ? `${status}\n` : '');
}

try {
  for (const page of PAGES) {
    const current = read(page);
    const next = current.replace(/^```console\n([\s\S]*?)^```/gm, (block, body) => {
      const parts = body.split(/^(?=\$ )/m).map((part) => {
        const [first, ...rest] = part.split('\n');
        return first.startsWith('$ npx dmlint') ? `${first}\n${run(first.slice(2))}` : [first, ...rest].join('\n');
      });
      return `\`\`\`console\n${parts.join('')}\`\`\``;
    });
    if (next !== current) {
      writeFileSync(path.join(root, page), next);
      console.log(`updated ${page}`);
    }
  }
} finally {
  rmSync(project, { recursive: true, force: true });
}
