// Git hooks as users set them up: pre-commit (this repository as a hook) and lint-staged.
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempProject, tempDir } from './helpers.js';

const bad = '---\nplatform: twitter\naudience: cold\n---\nHi {{first_name}, want the guide?\n';
const good = '---\nplatform: twitter\naudience: follower\n---\nHi {{first_name}}, want the guide?\n';

function gitRepo(files: Record<string, string>): string {
  const dir = tempProject(files, 'dmlint-repo-');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('config', 'user.email', 'copy@example.com');
  git('config', 'user.name', 'Copy Writer');
  git('config', 'commit.gpgsign', 'false');
  return dir;
}

const commit = (dir: string, env: Record<string, string> = {}) =>
  spawnSync('git', ['commit', '-m', 'drafts'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });

const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;
const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();

describe.skipIf(!hasPreCommit || !head)('pre-commit, with this repository as the hook', () => {
  // pre-commit installs the hook from the committed HEAD of this repository, as users get a tag.
  it('refuses a commit with a bad draft, showing the report, and accepts a good one', () => {
    const dir = gitRepo({ '.pre-commit-config.yaml': `repos:\n  - repo: ${ROOT}\n    rev: ${head}\n    hooks:\n      - id: dmlint\n`, 'notes.txt': 'not a draft\n' });
    const cache = tempDir('dmlint-pre-commit-');
    const env = { PRE_COMMIT_HOME: cache, NO_COLOR: '1' };
    try {
      execFileSync('pre-commit', ['install'], { cwd: dir, env: { ...process.env, ...env }, stdio: 'pipe' });
      writeFileSync(path.join(dir, 'spring.md'), bad);
      execFileSync('git', ['add', '-A'], { cwd: dir });
      const refused = commit(dir, env);
      expect(refused.status, refused.stdout + refused.stderr).toBe(1);
      expect(refused.stdout + refused.stderr).toMatch(/dmlint\.+Failed/);
      expect(refused.stdout + refused.stderr).toContain('5:4   error    Placeholder "{{first_name}" is missing a closing brace');

      writeFileSync(path.join(dir, 'spring.md'), good);
      execFileSync('git', ['add', '-A'], { cwd: dir });
      const accepted = commit(dir, env);
      expect(accepted.status, accepted.stdout + accepted.stderr).toBe(0);
      expect(accepted.stdout + accepted.stderr).toMatch(/dmlint\.+Passed/);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  }, 300_000);
});

if (!hasPreCommit) {
  describe('pre-commit', () => {
    it.skip('skipped: the pre-commit command is not installed (.ci/run installs Debian\'s pre-commit package)', () => {});
  });
}

describe('lint-staged', () => {
  const lintStaged = path.join(ROOT, 'node_modules/lint-staged/bin/lint-staged.js');
  const config = { 'lint-staged': { '*.md': `node ${JSON.stringify(path.join(ROOT, 'bin/dmlint.js'))}` } };

  it('lints the staged drafts by name and blocks on errors', () => {
    const dir = gitRepo({ 'package.json': JSON.stringify({ name: 'copy', private: true, ...config }), 'README.md': '# Copy\n' });
    execFileSync('git', ['add', '-A'], { cwd: dir });
    execFileSync('git', ['commit', '-qm', 'start', '--no-verify'], { cwd: dir });
    writeFileSync(path.join(dir, 'spring.md'), bad);
    writeFileSync(path.join(dir, 'unstaged.md'), bad);
    execFileSync('git', ['add', 'spring.md'], { cwd: dir });
    const blocked = spawnSync(process.execPath, [lintStaged], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    expect(blocked.status).toBe(1);
    const output = blocked.stdout + blocked.stderr;
    expect(output).toContain('spring.md');
    expect(output).toContain('Placeholder "{{first_name}" is missing a closing brace');
    expect(output).not.toContain('unstaged.md');

    writeFileSync(path.join(dir, 'spring.md'), good);
    execFileSync('git', ['add', 'spring.md'], { cwd: dir });
    const passed = spawnSync(process.execPath, [lintStaged], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(passed.status, passed.stdout + passed.stderr).toBe(0);
  }, 60_000);
});
