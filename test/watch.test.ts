// `dmlint --watch` as a user runs it: a child process over a real folder whose files change,
// are deleted and renamed under it; Ctrl-C (SIGINT) ends it.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, tempProject } from './helpers.js';

const PUNCTUATION = '---\nplatform: facebook\naudience: customer\n---\nHi {{first_name}}!! Your order has shipped. Any questions?\n';
const CLEAN = '---\nplatform: facebook\naudience: customer\n---\nHi {{first_name}}, your order has shipped. Any questions?\n';

class Watcher {
  stdout = '';
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private wake: (() => void)[] = [];

  constructor(readonly child: ChildProcess) {
    child.stdout!.on('data', (chunk: Buffer) => {
      this.stdout += chunk;
      this.notify();
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr += chunk;
      this.notify();
    });
    this.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  private notify() {
    for (const wake of this.wake.splice(0)) wake();
  }

  /** Status lines so far ("N errors, N warnings in N files (N linted)..."). */
  rounds(): string[] {
    return this.stderr.split('\n').filter((line) => /\] \d+ errors?, \d+ warnings?/.test(line));
  }

  /** Waits for the status line of round `count`. */
  async round(count: number): Promise<{ status: string }> {
    for (;;) {
      const rounds = this.rounds();
      if (rounds.length >= count) return { status: rounds[count - 1]! };
      await new Promise<void>((resolve) => this.wake.push(resolve));
    }
  }
}

const watchers: Watcher[] = [];
afterEach(() => {
  for (const watcher of watchers.splice(0)) watcher.child.kill('SIGKILL');
});

function watch(dir: string, args: string[] = ['drafts', '-f', 'compact']): Watcher {
  const watcher = new Watcher(spawn(process.execPath, [path.join(ROOT, 'bin/dmlint.js'), '--watch', ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } }));
  watchers.push(watcher);
  return watcher;
}

/** The compact report lines of the stdout written since `from` characters. */
const problemsSince = (watcher: Watcher, from: number) =>
  watcher.stdout
    .slice(from)
    .split('\n')
    .filter((line) => /:\d+:\d+: (error|warning):/.test(line));

describe('dmlint --watch', () => {
  it('relints changed drafts only, follows files created, deleted and renamed, and stops on SIGINT with code 130', async () => {
    const dir = tempProject({ 'drafts/a.md': PUNCTUATION, 'drafts/b.md': CLEAN, 'node_modules/x/readme.md': PUNCTUATION });
    const watcher = watch(dir);
    const first = await watcher.round(1);
    expect(first.status).toMatch(/0 errors, 1 warning in 2 files \(2 files linted\)/);
    expect(problemsSince(watcher, 0)).toEqual(['drafts/a.md:5:18: warning: "!!": one "!" is enough [no-excessive-punctuation]']);
    expect(watcher.stdout).not.toContain('\x1b[2J');

    let mark = watcher.stdout.length;
    writeFileSync(path.join(dir, 'drafts/b.md'), PUNCTUATION.replace('!!', '!!!'));
    expect((await watcher.round(2)).status).toMatch(/0 errors, 2 warnings in 2 files \(1 file linted\)/);
    expect(problemsSince(watcher, mark)).toEqual([
      'drafts/a.md:5:18: warning: "!!": one "!" is enough [no-excessive-punctuation]',
      'drafts/b.md:5:18: warning: "!!!": one "!" is enough [no-excessive-punctuation]',
    ]);

    mark = watcher.stdout.length;
    rmSync(path.join(dir, 'drafts/a.md'));
    renameSync(path.join(dir, 'drafts/b.md'), path.join(dir, 'drafts/c.md'));
    let status = '';
    for (let round = 3; !/in 1 file /.test(status) || !watcher.stdout.slice(mark).includes('drafts/c.md'); round++) status = (await watcher.round(round)).status;
    expect(status).toMatch(/0 errors, 1 warning in 1 file/);
    expect(problemsSince(watcher, watcher.stdout.lastIndexOf('drafts/c.md') - 1)[0]).toMatch(/^drafts\/c\.md:5:18/);
    expect(watcher.stderr).not.toMatch(/ENOENT|no such file/i);

    // A folder created later, and a draft in it.
    const rounds = watcher.rounds().length;
    mkdirSync(path.join(dir, 'drafts/new/deep'), { recursive: true });
    writeFileSync(path.join(dir, 'drafts/new/deep/d.md'), PUNCTUATION);
    for (let round = rounds + 1; !/in 2 files/.test(status); round++) status = (await watcher.round(round)).status;
    expect(status).toMatch(/2 warnings in 2 files/);
    expect(watcher.stdout).not.toContain('node_modules');

    watcher.child.kill('SIGINT');
    expect(await watcher.exited).toEqual({ code: 130, signal: null });
    expect(watcher.stderr).not.toMatch(/Error|at .*\.js/);
  });

  it('relints everything when the config or a plugin changes, and waits out a broken config', async () => {
    const dir = tempProject({ 'drafts/a.md': PUNCTUATION, 'drafts/b.md': PUNCTUATION, '.dmlintrc.json': '{}' });
    const watcher = watch(dir);
    expect((await watcher.round(1)).status).toMatch(/2 warnings in 2 files \(2 files linted\)/);

    writeFileSync(path.join(dir, '.dmlintrc.json'), JSON.stringify({ rules: { 'no-excessive-punctuation': 'error' } }));
    expect((await watcher.round(2)).status).toMatch(/2 errors, 0 warnings in 2 files \(2 files linted\)/);

    writeFileSync(path.join(dir, '.dmlintrc.json'), '{ "rules": { "no-such-rule": "error" } }');
    await expect.poll(() => watcher.stderr, { timeout: 10_000 }).toMatch(/unknown rule "no-such-rule"[\s\S]*still watching/);

    writeFileSync(path.join(dir, '.dmlintrc.json'), JSON.stringify({ rules: { 'no-excessive-punctuation': 'off' } }));
    expect((await watcher.round(3)).status).toMatch(/0 errors, 0 warnings in 2 files \(2 files linted\)/);
    watcher.child.kill('SIGTERM');
    expect((await watcher.exited).code).toBe(130);
  });

  it('relints with the new plugin code when a plugin file changes', async () => {
    const dir = tempProject({
      '.dmlintrc.json': JSON.stringify({ plugins: ['./house-style.mjs'] }),
      'drafts/inmail.md': readFileSync(path.join(FIXTURES, 'plugins/invalid-subject.md'), 'utf8'),
    });
    const plugin = path.join(dir, 'house-style.mjs');
    copyFileSync(path.join(FIXTURES, 'plugins/house-style.mjs'), plugin);
    const watcher = watch(dir);
    await watcher.round(1);
    expect(watcher.stdout).toContain('No "!" in the subject line [house/no-exclamation-subject]');
    const mark = watcher.stdout.length;
    writeFileSync(plugin, readFileSync(plugin, 'utf8').replace("exclamation: 'No \"!\" in the subject line'", "exclamation: 'Subject lines go without \"!\"'"));
    expect((await watcher.round(2)).status).toMatch(/\(1 file linted\)/);
    expect(watcher.stdout.slice(mark)).toContain('Subject lines go without "!" [house/no-exclamation-subject]');
  });

  it('writes the cache file only when --cache is given', async () => {
    const dir = tempProject({ 'drafts/a.md': PUNCTUATION });
    const plain = watch(dir);
    await plain.round(1);
    plain.child.kill('SIGINT');
    await plain.exited;
    expect(existsSync(path.join(dir, '.dmlintcache'))).toBe(false);
    const cached = watch(dir, ['drafts', '--cache']);
    await cached.round(1);
    expect(existsSync(path.join(dir, '.dmlintcache'))).toBe(true);
    cached.child.kill('SIGINT');
    await cached.exited;
  });

  it('reports with a formatter module, and follows links out of the folder only with --follow-symlinks', async () => {
    const outside = tempProject({ 'shared.md': PUNCTUATION });
    const dir = tempProject({
      'drafts/a.md': CLEAN,
      'tools/count.mjs': 'export default (results) => results.map((r) => `${r.path} ${r.diagnostics.length}`).join("\\n") + "\\n";\n',
    });
    symlinkSync(outside, path.join(dir, 'drafts/shared'));
    const plain = watch(dir, ['drafts', '-f', './tools/count.mjs']);
    expect((await plain.round(1)).status).toMatch(/0 errors, 0 warnings in 1 file/);
    expect(plain.stdout).toBe('drafts/a.md 0\n');
    expect(plain.stderr).toContain('symbolic link');
    plain.child.kill('SIGINT');
    await plain.exited;
    const following = watch(dir, ['drafts', '-f', './tools/count.mjs', '--follow-symlinks']);
    expect((await following.round(1)).status).toMatch(/0 errors, 1 warning in 2 files/);
    expect(following.stdout.split('\n').filter(Boolean).sort()).toEqual(['drafts/a.md 0', 'drafts/shared/shared.md 1']);
    following.child.kill('SIGINT');
    await following.exited;
  });

  it('clears the screen before each report on a terminal', async () => {
    const dir = tempProject({ 'drafts/a.md': PUNCTUATION });
    // `script` gives the command a terminal; its output is what the terminal showed.
    const command = `${process.execPath} ${path.join(ROOT, 'bin/dmlint.js')} --watch drafts`;
    const watcher = new Watcher(spawn('script', ['-qefc', command, '/dev/null'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } }));
    watchers.push(watcher);
    await expect.poll(() => watcher.stdout, { timeout: 15_000 }).toMatch(/Watching for changes/);
    expect(watcher.stdout).toContain('\x1b[2J\x1b[3J\x1b[H');
    expect(watcher.stdout.indexOf('\x1b[2J')).toBeLessThan(watcher.stdout.indexOf('no-excessive-punctuation'));
    watcher.child.kill('SIGKILL');
  });

  it('refuses --fix and other one-shot flags', async () => {
    const dir = tempProject({});
    for (const [flags, message] of [
      [['--watch', '--fix'], '--fix cannot be used with --watch'],
      [['--watch', '--lsp'], '--watch and --lsp cannot be combined'],
      [['--lsp', 'drafts'], '--lsp takes no paths'],
      [['--mcp', '--cache'], '--cache cannot be used with --mcp'],
      [['--stdio'], '--stdio goes with --lsp'],
    ] as const) {
      const child = spawn(process.execPath, [path.join(ROOT, 'bin/dmlint.js'), ...flags], { cwd: dir });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
      const code = await new Promise((resolve) => child.on('exit', resolve));
      expect({ flags, code, stderr }).toEqual({ flags, code: 2, stderr: `dmlint: ${message}${message.includes('paths') ? ' (it talks over stdin and stdout)' : message.includes('combined') ? ': run one at a time' : ''}\n` });
    }
  });
});
