// Bad input, each row through the real CLI: a diagnostic or a one-line error naming the file,
// the other files still linted, the right exit code. Nothing crashes, hangs or is lost.
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFileFromDisk } from '../src/run/lint-file.js';
import { resolveConfig } from '../src/api/config.js';
import { ROOT, tempProject } from './helpers.js';

const BIN = path.join(ROOT, 'bin/dmlint.js');
const good = '---\nplatform: twitter\naudience: follower\n---\nHi {{first_name}}, want the guide?\n';

function lintDir(files: Record<string, string | Buffer>, args: string[] = ['.']) {
  const dir = tempProject({});
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  writeFileSync(path.join(dir, 'zz-good.md'), good);
  const run = spawnSync(process.execPath, [BIN, ...args, '-f', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  const report = run.stdout ? JSON.parse(run.stdout) : undefined;
  const file = (name: string) => report?.files.find((f: { path: string }) => f.path === name);
  const only = (name: string, ruleId: string) => file(name)?.diagnostics.filter((d: { ruleId: string }) => d.ruleId === ruleId);
  return { dir, status: run.status, stderr: run.stderr, report, file, only, rules: (name: string) => file(name)?.diagnostics.map((d: { ruleId: string }) => d.ruleId) };
}

describe('bad input matrix', () => {
  it('invalid UTF-8: one line naming the file, exit 2, others linted', () => {
    const run = lintDir({ 'latin1.md': Buffer.from('---\nplatform: twitter\n---\nCaf\xe9 ?\n', 'latin1') });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('dmlint: latin1.md: not valid UTF-8 text; save the file as UTF-8\n');
    expect(run.file('zz-good.md')).toBeDefined();
  });

  it('a binary file named .md: one line, exit 2', () => {
    const run = lintDir({ 'logo.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) });
    expect([run.status, run.stderr]).toEqual([2, 'dmlint: logo.md: binary file (contains NUL bytes), not a Markdown draft\n']);
  });

  it('an empty file and a file of only frontmatter: empty-draft', () => {
    const run = lintDir({ 'empty.md': '', 'front.md': '---\nplatform: twitter\n---\n' });
    expect(new Set(run.rules('empty.md'))).toEqual(new Set(['platform-required', 'empty-draft']));
    expect(run.rules('front.md')).toEqual(['empty-draft']);
    expect(run.status).toBe(1);
  });

  it('broken YAML, frontmatter that is a list or a scalar, __proto__ and constructor keys', () => {
    const run = lintDir({
      'yaml.md': '---\nplatform: [twitter\n---\nHi?\n',
      'list.md': '---\n- a\n- b\n---\nHi?\n',
      'scalar.md': '---\njust words\n---\nHi?\n',
      'proto.md': '---\nplatform: twitter\n__proto__: { polluted: true }\nconstructor: x\n---\nHi {{first_name}}?\n',
    });
    expect(run.rules('yaml.md')).toEqual(['invalid-metadata']);
    expect(run.rules('list.md')).toEqual(['invalid-metadata']);
    expect(run.rules('scalar.md')).toEqual(['invalid-metadata']);
    expect(run.rules('proto.md')).toEqual([]);
  });

  it('a directive with bad syntax and an unterminated HTML comment', () => {
    const run = lintDir({
      'directive.md': '<!-- dmlint-draft platform=twitter kind -->\nHi {{first_name}}?\n',
      'comment.md': '<!-- dmlint-draft platform=twitter\nHi {{first_name}}?\n\n<!-- dmlint-draft platform=facebook -->\nHello?\n',
    });
    expect(run.file('directive.md').diagnostics[0]).toMatchObject({ ruleId: 'invalid-metadata', line: 1, message: expect.stringContaining('malformed dmlint-draft directive') });
    expect(run.rules('comment.md')).toEqual(['invalid-metadata']);
    expect(run.file('comment.md').drafts.map((d: { platform: string }) => d.platform)).toEqual(['twitter', 'facebook']);
  });

  it('nested and unbalanced placeholders are reported, not crashed on', () => {
    const run = lintDir({ 'braces.md': '---\nplatform: facebook\naudience: inbound\n---\nHi {{{{name}}}} and {{a{{b}}}} and }}{{ ok?\n' });
    const rules = run.rules('braces.md');
    expect(rules.length).toBeGreaterThan(0);
    expect(new Set(rules)).toEqual(new Set(['placeholder-syntax']));
  });

  it('CRLF and mixed line endings keep exact positions', () => {
    const run = lintDir({ 'mixed.md': '---\r\nplatform: facebook\naudience: customer\r\n---\nHi!!\r\nThen\rBye!!\n' });
    expect(run.only('mixed.md', 'no-excessive-punctuation').map((d: { line: number; column: number }) => [d.line, d.column])).toEqual([
      [5, 3],
      [7, 4],
    ]);
  });

  it('a byte-order mark is not a column', () => {
    const run = lintDir({ 'bom.md': '\uFEFF---\nplatform: facebook\naudience: customer\n---\nHi!!\n' });
    expect(run.only('bom.md', 'no-excessive-punctuation').map((d: { line: number; column: number }) => [d.line, d.column])).toEqual([[5, 3]]);
  });

  it('a line of 1 MB and 2,000 drafts in one file', () => {
    const many = Array.from({ length: 2000 }, (_, i) => `<!-- dmlint-draft platform=twitter audience=follower -->\nHi {{first_name}}, note ${i}?\n`).join('\n');
    const run = lintDir({ 'long.md': `---\nplatform: facebook\naudience: inbound\n---\n${'word '.repeat(200_000)}?\n`, 'many.md': many });
    expect(run.only('long.md', 'facebook/max-length')[0]).toMatchObject({ ruleId: 'facebook/max-length', message: '1000001/2000 characters', line: 5, column: 2001 });
    expect(run.file('many.md').drafts).toHaveLength(2000);
  }, 60_000);

  it('a symlink loop in a linted folder does not hang, and its drafts are linted once', () => {
    const dir = tempProject({ 'drafts/a.md': good });
    symlinkSync(path.join(dir, 'drafts'), path.join(dir, 'drafts/loop'));
    const run = spawnSync(process.execPath, [BIN, 'drafts', '-f', 'json'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    expect(run.error).toBeUndefined();
    expect(JSON.parse(run.stdout).files.map((f: { path: string }) => f.path)).toEqual(['drafts/a.md']);
  });

  it('a directory named x.md is searched, not read as a file', () => {
    const run = lintDir({ 'x.md/inner.md': good }, ['x.md', 'zz-good.md']);
    expect(run.status).toBe(0);
    expect(run.report.files.map((f: { path: string }) => f.path)).toEqual(['x.md/inner.md', 'zz-good.md']);
  });

  it('paths with spaces and non-ASCII characters', () => {
    const run = lintDir({ 'campagne été/brouillon n°1.md': '---\nplatform: facebook\naudience: customer\n---\nBonjour !!\n' });
    expect(run.only('campagne été/brouillon n°1.md', 'no-excessive-punctuation')).toEqual([expect.objectContaining({ line: 5, column: 9 })]);
  });

  // The rows of issue 14 (test/hostile.test.ts has each in full).
  it('deep nesting and floods of markup are skipped with a diagnostic, and the others linted', () => {
    const run = lintDir({
      'quotes.md': `---\nplatform: twitter\n---\n${'> '.repeat(3000)}Hi\n`,
      'lists.md': `---\nplatform: twitter\n---\n${'- '.repeat(4000)}Hi\n`,
      'stars.md': `---\nplatform: twitter\n---\n${'*'.repeat(3000)}a${'*'.repeat(3000)}\n`,
      'braces.md': `---\nplatform: twitter\naudience: follower\n---\n${'{{'.repeat(50_000)}\n`,
    });
    expect(run.status).toBe(1);
    for (const name of ['quotes.md', 'lists.md', 'stars.md']) expect(run.rules(name)).toEqual(['skipped-draft']);
    expect(run.only('braces.md', 'placeholder-syntax')).toHaveLength(101);
    expect(run.rules('zz-good.md')).toEqual([]);
  }, 60_000);

  it('a file over 16 MiB: one line naming it, exit 2, the others linted', () => {
    const run = lintDir({ 'huge.md': Buffer.alloc(16 * 1024 * 1024 + 1, 'a') });
    expect([run.status, run.stderr]).toEqual([2, 'dmlint: huge.md: file too large (16.0 MiB; dmlint reads draft files up to 16 MiB), skipped\n']);
    expect(run.file('zz-good.md')).toBeDefined();
  });

  it('a file name with a newline and a terminal escape: escaped on stderr', () => {
    const run = lintDir({ 'x\n::error::y\u001b[2J.md': Buffer.from([0xff]) });
    expect(run.stderr).toBe('dmlint: x\\n::error::y\\x1b[2J.md: not valid UTF-8 text; save the file as UTF-8\n');
  });

  it('a config with a byte-order mark is read', () => {
    const run = lintDir({ '.dmlintrc.json': '\uFEFF{"rules": {"call-to-action": "off"}}', 'ask.md': '---\nplatform: twitter\naudience: follower\n---\nHi {{first_name}}, the guide is out.\n' });
    expect(run.status).toBe(0);
    expect(run.rules('ask.md')).toEqual([]);
  });

  it('a symbolic link out of the folder: one notice, not followed, exit code unchanged', () => {
    const outside = tempProject({ 'secret.md': 'TOP SECRET!!\n' });
    const dir = tempProject({ 'a.md': good });
    symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'secret.md'));
    const run = spawnSync(process.execPath, [BIN, '.', '-f', 'json'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(`dmlint: secret.md: a symbolic link that leads outside ${dir}; not followed (--follow-symlinks follows it)\n`);
    expect(JSON.parse(run.stdout).files.map((f: { path: string }) => f.path)).toEqual(['a.md']);
  });

  it('a file deleted while the run is under way: one line naming it', async () => {
    const config = await resolveConfig({}, undefined, ROOT);
    const outcome = lintFileFromDisk(path.join(ROOT, 'gone.md'), config, { cwd: ROOT });
    expect(outcome).toEqual({ error: `gone.md: no such file or directory, open '${path.join(ROOT, 'gone.md')}'` });
  });
});
