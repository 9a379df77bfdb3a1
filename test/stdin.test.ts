// --stdin, as editors and lint-staged use it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempProject } from './helpers.js';

const BIN = path.join(ROOT, 'bin/dmlint.js');
const run = (args: string[], input: string, cwd = ROOT) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

const draft = '---\nplatform: facebook\naudience: customer\n---\nHi {{first_name}!! Your order shipped. Questions?\n';

describe('--stdin', () => {
  it('lints standard input and reports it under --stdin-filename', () => {
    const result = run(['--stdin', '--stdin-filename', 'drafts/order.md', '-f', 'compact'], draft);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      'drafts/order.md:5:4: error: Placeholder "{{first_name}" is missing a closing brace: write {{first_name}} [placeholder-syntax]\n' +
        'drafts/order.md:5:17: warning: "!!": one "!" is enough [no-excessive-punctuation]\n',
    );
  });

  it('resolves config overrides and ignores for the given name', () => {
    const dir = tempProject({
      '.dmlintrc.json': JSON.stringify({ overrides: [{ files: ['fb/**'], defaults: { platform: 'facebook' } }], ignores: ['archive/**'] }),
    });
    const text = 'Hello {{first_name}}, the shop opens at 9. Any questions?\n';
    expect(run(['--stdin', '--stdin-filename', 'fb/a.md', '-f', 'json'], text, dir).stdout).toContain('"platform": "facebook"');
    expect(run(['--stdin', '--stdin-filename', 'other/a.md', '-f', 'compact'], text, dir).stdout).toContain('[platform-required]');
    const ignored = run(['--stdin', '--stdin-filename', 'archive/a.md', '-f', 'compact'], text, dir);
    expect([ignored.status, ignored.stdout]).toEqual([0, '']);
    expect(ignored.stderr).toContain('archive/a.md is ignored by config "ignores"');
  });

  it('with --fix prints the fixed text to stdout, and only that', () => {
    const result = run(['--stdin', '--stdin-filename', 'a.md', '--fix'], draft);
    expect(result.stdout).toBe(draft.replace('{{first_name}!!', '{{first_name}}!'));
    expect(result.status).toBe(0);
  });

  it('refuses paths with --stdin, and --stdin-filename without --stdin', () => {
    expect(run(['--stdin', 'a.md'], '').status).toBe(2);
    expect(run(['--stdin-filename', 'a.md'], '').status).toBe(2);
  });
});
