// The terminal sessions shown in README and docs/ are what the built command prints today: the
// drafts and config files the pages show under a name are written into one project, each
// ```console block's `$ npx dmlint ...` lines are run there, and what follows each command in the
// block must be its output, word for word (scripts/docs-sessions.mjs says how; `npm run docs`
// rewrites the output from the same run). A command may end in `; echo $?`: its exit code is
// then the last line.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEARCH_PLACES } from '../src/config/load.js';
import { ROOT, tempProject } from './helpers.js';
// @ts-expect-error: a plain ESM script without types
import { namedFiles, PAGES, runSession, sessions } from '../scripts/docs-sessions.mjs';

interface Session {
  command: string;
  output: string;
}

const files = namedFiles(ROOT, SEARCH_PLACES) as Record<string, string>;
const project = tempProject(files, 'dmlint-docs-');
afterAll(() => rmSync(project, { recursive: true, force: true }));

const all = (PAGES as string[]).flatMap((page) => (sessions(readFileSync(path.join(ROOT, page), 'utf8')) as Session[]).map((session) => [page, session.command, session] as const));

it('the docs show drafts and terminal sessions to check', () => {
  expect(Object.keys(files)).toContain('drafts/spring.md');
  expect(all.length).toBeGreaterThan(5);
});

describe.each(all)('%s: %s', (_page, _command, session) => {
  it('prints what the page shows', () => {
    expect(runSession(session.command, { project, bin: path.join(ROOT, 'bin/dmlint.js') })).toBe(session.output);
  });
});
