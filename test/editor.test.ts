// The editor and CI snippets of README.md and docs/ (docs/integrations.md), run as written in a
// project where dmlint is installed: the VS Code task and its problem matcher, the editor stdin
// commands, the GitHub Actions steps.
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
  it('the documented commands lint standard input under the file name, and --fix prints the fixed text', () => {
    const prose = userDocs().map(([, text]) => text).join('\n');
    const paragraph = /\*\*Editors that pipe the buffer\*\*[\s\S]*?\n\n/.exec(prose)?.[0];
    expect(paragraph, 'the editor paragraph').toBeDefined();
    const commands = [...paragraph!.matchAll(/`(npx dmlint --stdin[^`]*)`/g)].map((match) => match[1]!.replace(/\s+/g, ' '));
    const lint = commands.find((command) => !command.includes('--fix'));
    const fix = commands.find((command) => command.includes('--fix'));
    expect(lint && fix, commands.join(' | ')).toBeTruthy();
    const dir = project({ '.dmlintrc.json': JSON.stringify({ ignores: ['archive/**'] }) });
    const buffer = '---\nplatform: twitter\naudience: follower\n---\nHi {{first_name}}, thanks!! Want the guide?\n';
    const linted = shell(lint!.includes('--format') ? lint! : `${lint} --format compact`, dir, buffer);
    expect(linted.stdout).toBe('drafts/spring.md:5:26: warning: "!!": one "!" is enough [no-excessive-punctuation]\n');
    const fixed = shell(fix!, dir, buffer);
    expect(fixed).toMatchObject({ status: 0, stdout: buffer.replace('!!', '!') });
  });
});

describe('GitHub Actions workflows', () => {
  it('their dmlint steps run as written: annotations, and a SARIF file for code scanning', () => {
    const workflows = docBlocks('yaml').filter((candidate) => candidate.code.includes('runs-on:'));
    const steps = workflows.flatMap((workflow) => [...workflow.code.matchAll(/- run: (npx dmlint .*)$/gm)].map((match) => match[1]!));
    const annotations = steps.find((step) => step.includes('--format github'));
    const scanning = steps.find((step) => step.includes('--format sarif'));
    expect(annotations && scanning, steps.join(' | ')).toBeTruthy();
    const dir = project({ 'drafts/a.md': '---\nplatform: twitter\naudience: cold\n---\nHi {{first_name}, want the guide?\n' });
    const github = shell(annotations!, dir);
    expect(github.status).toBe(1);
    for (const row of github.stdout.trimEnd().split('\n')) expect(row).toMatch(/^::(error|warning) file=drafts\/a\.md,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=[\w/-]+::/);
    const sarifRun = shell(scanning!, dir);
    const reportFile = /--output-file (\S+)/.exec(scanning!)![1]!;
    expect(sarifRun.stdout).toMatch(new RegExp(`report written to ${reportFile.replace('.', '\\.')}\\n$`));
    const sarif = JSON.parse(readFileSync(path.join(dir, reportFile), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toContain('placeholder-syntax');
  });
});
