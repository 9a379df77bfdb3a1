// Git hooks as the README sets them up, run as written: its pre-commit config (with this
// repository standing in for the GitHub one) and its lint-staged config.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docBlocks, ROOT, tempDir, tempProject, userDocs } from './helpers.js';

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

/** dmlint as `npm install -D dmlint` leaves it: node_modules/dmlint and its bin. */
function installDmlint(dir: string, bins: Record<string, string> = {}): void {
  mkdirSync(path.join(dir, 'node_modules/.bin'), { recursive: true });
  symlinkSync(ROOT, path.join(dir, 'node_modules/dmlint'), 'dir');
  symlinkSync(path.join(ROOT, 'bin/dmlint.js'), path.join(dir, 'node_modules/.bin/dmlint'));
  for (const [name, target] of Object.entries(bins)) symlinkSync(target, path.join(dir, 'node_modules/.bin', name));
}

const repositoryUrl = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;
const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();

describe.skipIf(!hasPreCommit || !head)('pre-commit, as the README configures it', () => {
  it('names a rev that exists; autoupdate pins it; the hook refuses a bad draft and accepts a good one (issue 13, 13)', () => {
    const snippet = docBlocks('yaml').find((block) => block.code.includes('repos:') && block.code.includes('id: dmlint'));
    expect(snippet, 'a .pre-commit-config.yaml snippet').toBeDefined();
    const rev = /^\s*rev: (\S+)/m.exec(snippet!.code)![1]!;
    // The command the page gives to pin rev, run as written.
    const autoupdate = /`(pre-commit autoupdate[^`]*)`/.exec(userDocs().map(([, text]) => text).join('\n'))?.[1];
    expect(autoupdate, 'the docs say how to pin rev').toBeDefined();
    expect(snippet!.code).toContain(`repo: ${repositoryUrl}\n`);

    // The GitHub repository, as a local one holding this repository's HEAD on its main branch
    // (and its tags): the only change made to the snippet is its URL.
    const remote = tempDir('dmlint-remote-');
    execFileSync('git', ['init', '-q', '--bare', '--initial-branch=main', remote]);
    execFileSync('git', ['push', '-q', remote, 'HEAD:refs/heads/main', '--tags'], { cwd: ROOT, stdio: 'pipe' });
    const found = spawnSync('git', ['ls-remote', remote, rev], { encoding: 'utf8' }).stdout.trim();
    expect(found, `rev "${rev}" names no branch or tag of the repository`).not.toBe('');

    const dir = gitRepo({ '.pre-commit-config.yaml': snippet!.code.replace(repositoryUrl, remote), 'notes.txt': 'not a draft\n' });
    const cache = tempDir('dmlint-pre-commit-');
    const env = { ...process.env, PRE_COMMIT_HOME: cache, NO_COLOR: '1' };
    try {
      // The page's next step: pin rev to the commit it names now.
      execFileSync(autoupdate!, { cwd: dir, env, stdio: 'pipe', shell: true });
      expect(readFileSync(path.join(dir, '.pre-commit-config.yaml'), 'utf8')).toContain(`rev: ${head}`);

      execFileSync('pre-commit', ['install'], { cwd: dir, env, stdio: 'pipe' });
      writeFileSync(path.join(dir, 'spring.md'), bad);
      execFileSync('git', ['add', '-A'], { cwd: dir });
      const refused = commit(dir, env as Record<string, string>);
      expect(refused.status, refused.stdout + refused.stderr).toBe(1);
      expect(refused.stdout + refused.stderr).toMatch(/dmlint\.+Failed/);
      expect(refused.stdout + refused.stderr).toContain('5:4   error    Placeholder "{{first_name}" is missing a closing brace');

      writeFileSync(path.join(dir, 'spring.md'), good);
      execFileSync('git', ['add', '-A'], { cwd: dir });
      const accepted = commit(dir, env as Record<string, string>);
      expect(accepted.status, accepted.stdout + accepted.stderr).toBe(0);
      expect(accepted.stdout + accepted.stderr).toMatch(/dmlint\.+Passed/);
    } finally {
      rmSync(cache, { recursive: true, force: true });
      rmSync(remote, { recursive: true, force: true });
    }
  }, 600_000);
});

if (!hasPreCommit) {
  describe('pre-commit', () => {
    it.skip("skipped: the pre-commit command is not installed (.ci/run installs Debian's pre-commit package)", () => {});
  });
}

describe('lint-staged, as the README configures it', () => {
  it('npx lint-staged lints the staged drafts by name and blocks on errors', () => {
    const snippet = docBlocks('json').find((block) => block.code.includes('"lint-staged"'));
    expect(snippet, 'a lint-staged snippet').toBeDefined();
    const config = JSON.parse(snippet!.code);
    expect(snippet!.before).toContain('npx lint-staged');
    const dir = gitRepo({ 'package.json': JSON.stringify({ name: 'copy', private: true, ...config }), 'README.md': '# Copy\n' });
    installDmlint(dir, { 'lint-staged': path.join(ROOT, 'node_modules/lint-staged/bin/lint-staged.js') });
    writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\n');
    execFileSync('git', ['add', '-A'], { cwd: dir });
    execFileSync('git', ['commit', '-qm', 'start', '--no-verify'], { cwd: dir });
    writeFileSync(path.join(dir, 'spring.md'), bad);
    writeFileSync(path.join(dir, 'unstaged.md'), bad);
    execFileSync('git', ['add', 'spring.md'], { cwd: dir });
    const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
    const blocked = spawnSync('npx', ['lint-staged'], { cwd: dir, encoding: 'utf8', env });
    expect(blocked.status, blocked.stdout + blocked.stderr).toBe(1);
    const output = blocked.stdout + blocked.stderr;
    expect(output).toContain('spring.md');
    expect(output).toContain('Placeholder "{{first_name}" is missing a closing brace');
    expect(output).not.toContain('unstaged.md');

    writeFileSync(path.join(dir, 'spring.md'), good);
    execFileSync('git', ['add', 'spring.md'], { cwd: dir });
    const passed = spawnSync('npx', ['lint-staged'], { cwd: dir, encoding: 'utf8', env });
    expect(passed.status, passed.stdout + passed.stderr).toBe(0);
  }, 120_000);
});
