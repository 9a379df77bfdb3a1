// The README's editor and CI snippets, run as written in a project where dmlint is installed:
// the VS Code task and its problem matcher, the editor stdin commands, the GitHub Actions steps.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docBlocks, ROOT, tempProject, userDocs } from './helpers.js';

interface Matcher {
  regexp: string;
  file: number;
  line: number;
  column: number;
  severity: number;
  message: number;
  code: number;
}

/** A project with dmlint installed as `npm install -D dmlint` leaves it. */
function project(files: Record<string, string>): string {
  const dir = tempProject(files);
  mkdirSync(path.join(dir, 'node_modules/.bin'), { recursive: true });
  symlinkSync(ROOT, path.join(dir, 'node_modules/dmlint'), 'dir');
  symlinkSync(path.join(ROOT, 'bin/dmlint.js'), path.join(dir, 'node_modules/.bin/dmlint'));
  return dir;
}

/** Runs a command line as a shell in CI or an editor task would. */
const shell = (command: string, cwd: string, input?: string) =>
  spawnSync(command, { cwd, shell: true, encoding: 'utf8', input: input ?? '', env: { ...process.env, NO_COLOR: '1' } });

describe('VS Code task', () => {
  it('runs its command as written, and its problem matcher reads every field, columns in UTF-16 units after emoji', () => {
    const block = docBlocks('json').find((candidate) => candidate.code.includes('problemMatcher'));
    expect(block, 'a tasks.json with a problem matcher').toBeDefined();
    const task = (JSON.parse(block!.code) as { tasks: { command: string; problemMatcher: { pattern: Matcher } }[] }).tasks[0]!;
    const pattern = task.problemMatcher.pattern;
    const dir = project({ 'drafts/launch day.md': '---\nplatform: facebook\naudience: customer\n---\nHi 👋🏽 {{first_name}!! Ready?\n' });
    const out = shell(task.command, dir).stdout;
    const regexp = new RegExp(pattern.regexp);
    const problems = out
      .trimEnd()
      .split('\n')
      .map((line) => {
        const m = regexp.exec(line);
        expect(m, line).not.toBeNull();
        return { file: m![pattern.file], line: Number(m![pattern.line]), column: Number(m![pattern.column]), severity: m![pattern.severity], message: m![pattern.message], code: m![pattern.code] };
      });
    // "Hi " is 3 units, the waving hand with a skin tone 4, a space 1: the field starts at column 9.
    expect(problems).toEqual([
      { file: 'drafts/launch day.md', line: 5, column: 9, severity: 'error', message: 'Placeholder "{{first_name}" is missing a closing brace: write {{first_name}}', code: 'placeholder-syntax' },
      { file: 'drafts/launch day.md', line: 5, column: 22, severity: 'warning', message: '"!!": one "!" is enough', code: 'no-excessive-punctuation' },
    ]);
  });
});

describe('editors that pipe the buffer', () => {
  it('the README commands lint standard input under the file name, and --fix prints the fixed text', () => {
    const prose = userDocs().map(([, text]) => text).join('\n');
    const line = /Editors that pipe the buffer: `(npx dmlint [^`]*)`, and\s+`([^`]*)` prints the fixed text/.exec(prose);
    expect(line, 'the editor paragraph').not.toBeNull();
    const [, lint, fixFlags] = line!;
    const dir = project({ '.dmlintrc.json': JSON.stringify({ ignores: ['archive/**'] }) });
    const buffer = '---\nplatform: twitter\naudience: follower\n---\nHi {{first_name}}, thanks!! Want the guide?\n';
    const linted = shell(`${lint} -f compact`, dir, buffer);
    expect(linted.stdout).toBe('drafts/spring.md:5:26: warning: "!!": one "!" is enough [no-excessive-punctuation]\n');
    const fixed = shell(`${lint} ${fixFlags}`, dir, buffer);
    expect(fixed).toMatchObject({ status: 0, stdout: buffer.replace('!!', '!') });
  });
});

describe('GitHub Actions workflow', () => {
  it('its dmlint steps run as written: annotations, and a SARIF file for code scanning', () => {
    const block = docBlocks('yaml').find((candidate) => candidate.code.includes('upload-sarif'));
    expect(block, 'a workflow').toBeDefined();
    const steps = [...block!.code.matchAll(/- run: (npx dmlint .*)$/gm)].map((match) => match[1]!);
    expect(steps).toHaveLength(2);
    const dir = project({ 'drafts/a.md': '---\nplatform: twitter\naudience: cold\n---\nHi {{first_name}, want the guide?\n' });
    const annotations = shell(steps[0]!, dir);
    expect(annotations.status).toBe(1);
    for (const row of annotations.stdout.trimEnd().split('\n')) expect(row).toMatch(/^::(error|warning) file=drafts\/a\.md,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=[\w/-]+::/);
    const scanning = shell(steps[1]!, dir);
    expect(scanning.stdout).toMatch(/report written to dmlint\.sarif\n$/);
    const sarif = JSON.parse(readFileSync(path.join(dir, /--output-file (\S+)/.exec(steps[1]!)![1]!), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toContain('placeholder-syntax');
  });
});
