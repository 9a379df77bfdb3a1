// The terminal sessions of the docs: the drafts and config files the pages show under a name (a
// line ending in "`drafts/spring.md`:" right before a ```markdown or ```json block), the
// ```console blocks' `$ npx dmlint ...` lines, and how each is run. Shared by
// scripts/write-docs-sessions.mjs (`npm run docs` writes the output) and
// test/docs-examples.test.ts (which checks it).
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const PAGES = ['README.md', 'docs/cli.md', 'docs/configuration.md', 'docs/drafts.md', 'docs/integrations.md'];

const CONSOLE = /^```console\n([\s\S]*?)^```/gm;

/**
 * The files the pages show under a name, by that name. A config file discovery would find (one of
 * `searchPlaces`) is left out: it would change every other session, so the sessions name their
 * configs with --config.
 */
export function namedFiles(root, searchPlaces) {
  const files = {};
  for (const page of PAGES) {
    const text = readFileSync(path.join(root, page), 'utf8');
    for (const [, name, body] of text.matchAll(/`([\w./-]+\.(?:md|json))`:\n\n```(?:markdown|json)\n([\s\S]*?)^```/gm)) {
      if (searchPlaces.includes(path.basename(name))) continue;
      if (name in files && files[name] !== body) throw new Error(`${page} shows another ${name}`);
      files[name] = body;
    }
  }
  return files;
}

/** Each `$ npx dmlint ...` of a page's console blocks, with the output the page shows after it. */
export function sessions(text) {
  const found = [];
  for (const [, body] of text.matchAll(CONSOLE)) {
    for (const part of body.split(/^(?=\$ )/m)) {
      const [first, ...rest] = part.split('\n');
      if (first.startsWith('$ npx dmlint')) found.push({ command: first.slice(2), output: rest.join('\n') });
    }
  }
  return found;
}

/** A page with each session's output replaced by `outputOf(command)`. */
export function withOutputs(text, outputOf) {
  return text.replace(CONSOLE, (_, body) => {
    const parts = body.split(/^(?=\$ )/m).map((part) => {
      const [first, ...rest] = part.split('\n');
      return first.startsWith('$ npx dmlint') ? `${first}\n${outputOf(first.slice(2))}` : [first, ...rest].join('\n');
    });
    return `\`\`\`console\n${parts.join('')}\`\`\``;
  });
}

/**
 * Runs a session's command in `project` as a POSIX shell would for these examples (words, quotes,
 * one `< file`, a trailing `; echo $?`), stdout and stderr interleaved as a terminal shows them.
 */
export function runSession(command, { project, bin }) {
  const echoStatus = command.endsWith('; echo $?');
  const line = echoStatus ? command.slice(0, -'; echo $?'.length) : command;
  const tokens = [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
  const argv = [];
  let stdinFile;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === '<') stdinFile = tokens[++i];
    else argv.push(tokens[i]);
  }
  // One file for stdout and stderr keeps the order the two were written in.
  const transcript = path.join(project, '.transcript');
  const fd = openSync(transcript, 'w');
  let status;
  try {
    status = spawnSync(process.execPath, [bin, ...argv.slice(2)], {
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
