// --fix and --fix-dry-run as users run them, and the guarantees around writing.
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../src/engine/fix.js';
import { writeFixes } from '../src/run/write-fixes.js';
import { lint, ROOT, tempProject } from './helpers.js';

const BIN = path.join(ROOT, 'bin/dmlint.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

const draft = '---\nplatform: facebook\naudience: customer\n---\nHi {{first_name}!! Your order has shipped!!! Any questions?!?\n';
const fixed = '---\nplatform: facebook\naudience: customer\n---\nHi {{first_name}}! Your order has shipped! Any questions?\n';

describe('--fix', () => {
  it('applies the fixes in place, reports what remains, and a second --fix changes nothing', () => {
    const dir = tempProject({ 'a.md': draft });
    const first = run(['a.md', '--fix', '-f', 'json'], dir);
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(fixed);
    expect(JSON.parse(first.stdout).files[0].diagnostics).toEqual([]);
    expect(first.status).toBe(0);
    const second = run(['a.md', '--fix'], dir);
    expect(second.status).toBe(0);
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(fixed);
  });

  it('keeps CRLF line endings, the byte-order mark and the file mode', () => {
    const crlf = `\uFEFF${draft.replace(/\n/g, '\r\n')}`;
    const dir = tempProject({ 'a.md': crlf });
    chmodSync(path.join(dir, 'a.md'), 0o640);
    run(['a.md', '--fix'], dir);
    const after = readFileSync(path.join(dir, 'a.md'), 'utf8');
    expect(after).toBe(`\uFEFF${fixed.replace(/\n/g, '\r\n')}`);
    expect(statSync(path.join(dir, 'a.md')).mode & 0o777).toBe(0o640);
  });

  it('applies phrase replacements from config', () => {
    const dir = tempProject({
      '.dmlintrc.json': JSON.stringify({ phrases: [{ id: 'house/plain', match: ['circle back'], replace: 'follow up', message: 'Say it plainly' }] }),
      'a.md': '---\nplatform: linkedin\nkind: message\n---\nHi {{first_name}}, I will circle back on Monday. OK?\n',
    });
    run(['a.md', '--fix'], dir);
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toContain('I will follow up on Monday. OK?');
  });

  it('does not rewrite text the file spells with markup in between', async () => {
    const result = await lint('---\nplatform: facebook\n---\nWow!*!* Any news?\n');
    expect(result.diagnostics.filter((d) => d.ruleId === 'no-excessive-punctuation').map((d) => d.fixable)).toEqual([false]);
  });

  it('reports a read-only file instead of forcing it (exit 2)', () => {
    const dir = tempProject({ 'a.md': draft });
    chmodSync(path.join(dir, 'a.md'), 0o444);
    const result = run(['a.md', '--fix'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('dmlint: a.md: read-only; the fix was not written');
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(draft);
  });
});

describe('--fix-dry-run', () => {
  it('prints a unified diff and writes nothing', () => {
    const dir = tempProject({ 'a.md': draft });
    const result = run(['a.md', '--fix-dry-run', '-f', 'compact'], dir);
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(draft);
    expect(result.stdout).toContain('--- a/a.md\n+++ b/a.md\n');
    expect(result.stdout).toContain('-Hi {{first_name}!! Your order has shipped!!! Any questions?!?\n+Hi {{first_name}}! Your order has shipped! Any questions?\n');
  });
});

describe('applying fixes', () => {
  it('takes overlapping fixes in later passes and stays stable', async () => {
    const config = {
      phrases: [
        { id: 'house/a', match: ['so cool'], replace: 'great', message: 'a' },
        { id: 'house/b', match: ['cool stuff'], replace: 'good things', message: 'b' },
      ],
    };
    const { lintAndFix } = await import('../src/engine/fix.js');
    const { setupFor } = await import('../src/api/lint.js');
    const { resolveConfig } = await import('../src/api/config.js');
    const resolved = await resolveConfig(config, path.join(ROOT, 'x.json'), ROOT);
    const setup = setupFor(resolved, path.join(ROOT, 'a.md'));
    const text = '---\nplatform: facebook\naudience: inbound\n---\nThat is so cool stuff. OK?\n';
    const once = lintAndFix('a.md', text, setup);
    expect(once.output).toBe('---\nplatform: facebook\naudience: inbound\n---\nThat is great stuff. OK?\n');
    expect(lintAndFix('a.md', once.output!, setup).output).toBeUndefined();
  });

  it('never touches text outside a fix range', () => {
    const diagnostics = [{ fix: { range: { start: 2, end: 4 }, text: 'XY' } }, { fix: { range: { start: 3, end: 6 }, text: 'Z' } }] as never;
    expect(applyFixes('abcdefgh', diagnostics)).toEqual({ text: 'abXYefgh', applied: 1 });
  });

  it('refuses to overwrite a file that changed on disk since it was read', async () => {
    const dir = tempProject({ 'a.md': 'changed by someone else\n' });
    const failures = await writeFixes([{ file: path.join(dir, 'a.md'), shown: 'a.md', original: 'what dmlint read\n', output: 'fixed\n' }]);
    expect(failures).toEqual(['a.md: changed on disk while dmlint was fixing it; not written (run again)']);
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('changed by someone else\n');
  });
});
