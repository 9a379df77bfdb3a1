// The terminal sessions shown in README and docs/ are what the built command prints today. The
// drafts and config files the pages show under a name (a line ending in "`drafts/spring.md`:"
// right before a ```markdown or ```json block) are written into one project; each ```console block's `$ npx dmlint ...`
// lines are run there, and what follows each command in the block must be its output, word for
// word, stdout and stderr interleaved as a terminal shows them. A command may end in
// `; echo $?`: its exit code is then the last line.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEARCH_PLACES } from '../src/config/load.js';
import { ROOT, tempProject } from './helpers.js';

const PAGES = ['README.md', 'docs/cli.md', 'docs/configuration.md', 'docs/drafts.md', 'docs/integrations.md'];
const read = (page: string) => readFileSync(path.join(ROOT, page), 'utf8');

/**
 * The files the pages show under a name, by that name. A config file discovery would find
 * (`package.json`, `.dmlintrc.json`) is left out: it would change every other session, so the
 * sessions name their configs with --config.
 */
function namedFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const page of PAGES) {
    for (const [, name, text] of read(page).matchAll(/`([\w./-]+\.(?:md|json))`:\n\n```(?:markdown|json)\n([\s\S]*?)^```/gm)) {
      if ((SEARCH_PLACES as readonly string[]).includes(path.basename(name!))) continue;
      if (name! in files && files[name!] !== text) throw new Error(`${page} shows another ${name}`);
      files[name!] = text!;
    }
  }
  return files;
}

interface Session {
  command: string;
  output: string;
}

function sessions(page: string): Session[] {
  const found: Session[] = [];
  for (const [, body] of read(page).matchAll(/^```console\n([\s\S]*?)^```/gm)) {
    for (const part of body!.split(/^(?=\$ )/m)) {
      const [first, ...rest] = part.split('\n');
      if (first!.startsWith('$ npx dmlint')) found.push({ command: first!.slice(2), output: rest.join('\n') });
    }
  }
  return found;
}

/** Splits a command line as a POSIX shell would for these examples: words, quotes, one `< file`, `; echo $?`. */
function words(command: string): { argv: string[]; stdinFile?: string; echoStatus: boolean } {
  const echoStatus = command.endsWith('; echo $?');
  const argv: string[] = [];
  let stdinFile: string | undefined;
  const line = echoStatus ? command.slice(0, -'; echo $?'.length) : command;
  const tokens = [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === '<') stdinFile = tokens[++i];
    else argv.push(tokens[i]!);
  }
  return { argv: argv.slice(2), echoStatus, ...(stdinFile ? { stdinFile } : {}) };
}

const files = namedFiles();
const project = tempProject(files, 'dmlint-docs-');
afterAll(() => rmSync(project, { recursive: true, force: true }));

const all = PAGES.flatMap((page) => sessions(page).map((session) => [page, session.command, session] as const));

it('the docs show drafts and terminal sessions to check', () => {
  expect(Object.keys(files)).toContain('drafts/spring.md');
  expect(all.length).toBeGreaterThan(5);
});

describe.each(all)('%s: %s', (_page, _command, session) => {
  it('prints what the page shows', () => {
    const { argv, stdinFile, echoStatus } = words(session.command);
    // One file for stdout and stderr keeps the order the two were written in.
    const transcript = path.join(project, '.transcript');
    const fd = openSync(transcript, 'w');
    let status: number | null;
    try {
      status = spawnSync(process.execPath, [path.join(ROOT, 'bin/dmlint.js'), ...argv], {
        cwd: project,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
        stdio: [stdinFile ? 'pipe' : 'ignore', fd, fd],
        ...(stdinFile ? { input: readFileSync(path.join(project, stdinFile)) } : {}),
      }).status;
    } finally {
      closeSync(fd);
    }
    const shown = readFileSync(transcript, 'utf8') + (echoStatus ? `${status}\n` : '');
    expect(shown).toBe(session.output);
  });
});
