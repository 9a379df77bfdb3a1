// Worker threads and the cache: same answers, faster.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCache, sealOf, serializeCache, type StoredFile } from '../src/cache/codec.js';
import { CACHE_FORMAT, contentHash, ResultCache } from '../src/cache/result-cache.js';
import { ROOT, tempProject, tempDir } from './helpers.js';

const BIN = path.join(ROOT, 'bin/dmlint.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

/** A few hundred small drafts, some with problems. */
function corpus(count: number): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const platform = ['twitter', 'facebook', 'linkedin'][i % 3];
    const body = i % 7 === 0 ? 'Buy now!! {{first_name}' : `Hi {{first_name}}, note ${i}. Any questions?`;
    files[`drafts/${String(i % 10)}/d${i}.md`] = `---\nplatform: ${platform}\naudience: ${i % 2 ? 'cold' : 'follower'}\n${platform === 'linkedin' ? 'subject: Note\n' : ''}---\n${body}\n`;
  }
  return tempProject(files, 'dmlint-scale-');
}

describe('--concurrency', () => {
  it('gives the same report, in the same order, with and without worker threads', () => {
    const dir = corpus(400);
    const off = run(['drafts', '-f', 'json', '--concurrency', 'off'], dir);
    const two = run(['drafts', '-f', 'json', '--concurrency', '2'], dir);
    const auto = run(['drafts', '-f', 'json'], dir);
    expect(off.status).toBe(1);
    expect(JSON.parse(off.stdout).files).toHaveLength(400);
    expect(two.stdout).toBe(off.stdout);
    expect(auto.stdout).toBe(off.stdout);
    expect([two.status, auto.status]).toEqual([1, 1]);
  });

  it('rejects a bad value', () => {
    expect(run(['.', '--concurrency', 'lots'], ROOT)).toMatchObject({ status: 2, stderr: 'dmlint: --concurrency "lots": expected auto, off or a whole number, 1 or more\n' });
  });
});

/** A packed result (see src/cache/codec.ts) with its counts zeroed and its diagnostics cut off. */
function withoutDiagnostics(packed: string): string {
  const fields = JSON.parse(packed) as number[];
  const diagnosticsAt = 4 + fields[3]! * 10;
  return JSON.stringify([0, 0, 0, ...fields.slice(3, diagnosticsAt), 0]);
}

const readCache = (location: string) => parseCache(readFileSync(location, 'utf8'));

/** Rewrites a cache file with one entry's diagnostics cut off; gives that entry's name. */
function poisonCache(location: string, pick: (name: string, file: StoredFile) => boolean): string {
  const { header, files } = readCache(location);
  const name = [...files.keys()].sort().find((key) => pick(key, files.get(key)!))!;
  const file = files.get(name)!;
  file.packed = withoutDiagnostics(file.packed);
  // Sealed again as dmlint would (the seal is a check, not a secret: docs/security.md).
  file.seal = sealOf(header.key, name, file);
  writeFileSync(location, serializeCache(header, files));
  return name;
}

/** A cache file for a test: results with no drafts and no diagnostics. */
function writeCache(location: string, key: string, writtenAt: number, files: Record<string, Omit<StoredFile, 'packed'>>) {
  const stored = new Map(
    Object.entries(files).map(([name, file]) => {
      const line = { ...file, packed: '[0,0,0,0,0]' };
      return [name, { ...line, seal: sealOf(key, name, line) }];
    }),
  );
  writeFileSync(location, serializeCache({ format: CACHE_FORMAT, key, writtenAt, strings: [], compactedAt: 0 }, stored));
}

describe('--cache', () => {
  it('reuses results of unchanged files and relints changed ones', () => {
    const dir = corpus(30);
    const first = run(['drafts', '-f', 'json', '--cache'], dir);
    expect(readCache(path.join(dir, '.dmlintcache')).files.size).toBe(30);
    // A cached result is served as stored: poison one entry to see it come back.
    const shown = poisonCache(path.join(dir, '.dmlintcache'), () => true);
    const poisoned = path.join(dir, shown);
    const second = JSON.parse(run(['drafts', '-f', 'json', '--cache'], dir).stdout);
    expect(second.files.find((f: { path: string }) => f.path === shown).diagnostics).toEqual([]);
    // Editing the file invalidates its entry.
    writeFileSync(poisoned, `${readFileSync(poisoned, 'utf8')}\nBuy now!!\n`);
    const third = JSON.parse(run(['drafts', '-f', 'json', '--cache'], dir).stdout);
    expect(third.files.find((f: { path: string }) => f.path === shown).diagnostics.length).toBeGreaterThan(0);
    expect(JSON.parse(first.stdout).files).toHaveLength(30);
  });

  it('is invalidated by a config change, and keyed on content so new mtimes do not matter', () => {
    const dir = corpus(10);
    run(['drafts', '--cache', '--cache-location', 'tmp/cache.json'], dir);
    const key = readCache(path.join(dir, 'tmp/cache.json')).header.key;
    writeFileSync(path.join(dir, '.dmlintrc.json'), JSON.stringify({ rules: { 'no-excessive-punctuation': 'off' } }));
    const after = run(['drafts', '-f', 'compact', '--cache', '--cache-location', 'tmp/cache.json'], dir);
    expect(after.stdout).not.toContain('no-excessive-punctuation');
    expect(readCache(path.join(dir, 'tmp/cache.json')).header.key).not.toBe(key);
  });

  it('ignores and rewrites a corrupt cache file', () => {
    const dir = corpus(5);
    writeFileSync(path.join(dir, '.dmlintcache'), '{ not json');
    const result = run(['drafts', '-f', 'json', '--cache'], dir);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).files).toHaveLength(5);
    expect(readCache(path.join(dir, '.dmlintcache')).header.format).toBe(CACHE_FORMAT);
  });

  it('drops entries written by another dmlint version or config', () => {
    const dir = tempProject({ 'x.md': 'Hi\n' });
    const location = path.join(dir, 'c.json');
    const result = { path: 'x.md', drafts: [], diagnostics: [], errorCount: 0, warningCount: 0, fixableCount: 0 };
    writeCache(location, 'old', 0, { 'x.md': { hash: contentHash('Hi\n') } });
    expect(new ResultCache(location, 'new').lookup(path.join(dir, 'x.md'), 'x.md')?.result).toBeUndefined();
    expect(new ResultCache(location, 'old').lookup(path.join(dir, 'x.md'), 'x.md')?.result).toEqual(result);
  });

  it('skips reading a file whose size and time are unchanged, unless the time is too close to the cache write', () => {
    const dir = tempProject({ 'old.md': 'Hi there\n', 'racy.md': 'Hi there\n' });
    const location = path.join(dir, 'c.json');
    const writtenAt = Date.now();
    const old = Date.now() - 60_000;
    utimesSync(path.join(dir, 'old.md'), old / 1000, old / 1000);
    const stamp = (name: string) => statSync(path.join(dir, name));
    // The stored hash is not the content's: it comes back only if the file was not read.
    const stored = (name: string, mtimeMs: number) => ({ hash: 'stored-hash', size: stamp(name).size, mtimeMs });
    const write = (files: Record<string, Omit<StoredFile, 'packed'>>) => writeCache(location, 'k', writtenAt, files);
    write({ 'old.md': stored('old.md', stamp('old.md').mtimeMs), 'racy.md': stored('racy.md', stamp('racy.md').mtimeMs) });
    const cache = new ResultCache(location, 'k');
    expect(cache.lookup(path.join(dir, 'old.md'), 'old.md')?.hash).toBe('stored-hash');
    expect(cache.lookup(path.join(dir, 'racy.md'), 'racy.md')?.hash).toBe(contentHash('Hi there\n'));
    write({ 'old.md': stored('old.md', stamp('old.md').mtimeMs + 1000) });
    expect(new ResultCache(location, 'k').lookup(path.join(dir, 'old.md'), 'old.md')?.hash).toBe(contentHash('Hi there\n'));
    writeFileSync(path.join(dir, 'old.md'), 'Hi there!\n');
    utimesSync(path.join(dir, 'old.md'), old / 1000, old / 1000);
    expect(new ResultCache(location, 'k').lookup(path.join(dir, 'old.md'), 'old.md')?.hash).toBe(contentHash('Hi there!\n'));
  });

  it('is keyed by paths relative to its own folder, so a copy of the project uses it', () => {
    const dir = corpus(12);
    // Overrides and ignores hold folders: the key must not depend on where the project is.
    writeFileSync(path.join(dir, '.dmlintrc.json'), JSON.stringify({ ignores: ['drafts/none/**'], overrides: [{ files: ['drafts/1/**'], rules: { 'no-shouting': 'off' } }] }));
    run(['drafts', '--cache'], dir);
    const copy = tempDir('dmlint-copy-');
    cpSync(dir, copy, { recursive: true });
    // Poison the copy's cache: if the copy serves the poisoned result, it used the cache.
    const location = path.join(copy, '.dmlintcache');
    const name = poisonCache(location, (_, file) => (JSON.parse(file.packed) as number[])[0]! > 0);
    const report = JSON.parse(run(['drafts', '-f', 'json', '--cache'], copy).stdout);
    expect(report.files.find((f: { path: string }) => f.path === name).diagnostics).toEqual([]);
    expect(report.files).toHaveLength(12);
  });

  it('stores the hash of what was linted, whichever thread read the file', () => {
    const dir = corpus(40);
    for (const concurrency of ['off', '2']) {
      run(['drafts', '--cache', '--concurrency', concurrency], dir);
      const { files } = readCache(path.join(dir, '.dmlintcache'));
      expect(files.size).toBe(40);
      for (const [name, file] of files) expect(file.hash).toBe(contentHash(readFileSync(path.join(dir, name))));
      rmSync(path.join(dir, '.dmlintcache'));
    }
  });

  it('after --fix, serves the fixed file from the cache but relints the file restored as it was', () => {
    const dir = tempProject({ 'a.md': '---\nplatform: twitter\naudience: follower\n---\nHi {{first_name}}, great news!!! Any questions?\n' });
    const original = readFileSync(path.join(dir, 'a.md'), 'utf8');
    const rules = (args: string[]) => JSON.parse(run(['a.md', '-f', 'json', '--cache', ...args], dir).stdout).files[0].diagnostics.map((d: { ruleId: string }) => d.ruleId);
    expect(rules([])).toContain('no-excessive-punctuation');
    expect(rules(['--fix'])).not.toContain('no-excessive-punctuation');
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).not.toBe(original);
    expect(readCache(path.join(dir, '.dmlintcache')).files.get('a.md')!.hash).toBe(contentHash(readFileSync(path.join(dir, 'a.md'))));
    expect(rules([])).not.toContain('no-excessive-punctuation');
    writeFileSync(path.join(dir, 'a.md'), original);
    expect(rules([])).toContain('no-excessive-punctuation');
  });

  it('relints a file whose stored line is damaged, and serves the others', () => {
    const dir = corpus(8);
    const location = path.join(dir, '.dmlintcache');
    const first = run(['drafts', '-f', 'json', '--cache'], dir);
    const { header, files } = readCache(location);
    const damaged = [...files.keys()].sort()[0]!;
    files.get(damaged)!.packed = '[1, 2, "not a result"';
    writeFileSync(location, serializeCache(header, files));
    const second = run(['drafts', '-f', 'json', '--cache'], dir);
    expect(second.stderr).toBe('');
    expect(second.stdout).toBe(first.stdout);
    expect(() => JSON.parse(readCache(location).files.get(damaged)!.packed)).not.toThrow();
  });

  it('writes unchanged lines back as they were, and rebuilds a string table grown with unused strings', () => {
    const dir = corpus(20);
    const location = path.join(dir, '.dmlintcache');
    run(['drafts', '--cache'], dir);
    const before = readCache(location);
    // A new message (a new string) in one file: the other lines and the old table stay as they were.
    const edited = 'drafts/3/d3.md';
    writeFileSync(path.join(dir, edited), `${readFileSync(path.join(dir, edited), 'utf8')}\nWORLD-CLASS OFFER!!!\n`);
    const expected = run(['drafts', '-f', 'json', '--cache'], dir).stdout;
    const after = readCache(location);
    expect(after.header.strings.slice(0, before.header.strings.length)).toEqual(before.header.strings);
    expect(after.header.strings.length).toBeGreaterThan(before.header.strings.length);
    for (const [name, file] of before.files) if (name !== edited) expect(after.files.get(name)!.packed).toBe(file.packed);
    expect(after.files.get(edited)!.packed).not.toBe(before.files.get(edited)!.packed);
    // A table mostly of strings no line uses is rebuilt on the next write, and results stay right.
    const junk = Array.from({ length: 3000 }, (_, i) => `unused ${i}`);
    writeFileSync(location, serializeCache({ ...after.header, strings: [...after.header.strings, ...junk] }, after.files));
    writeFileSync(path.join(dir, edited), 'Hi again\n');
    run(['drafts', '--cache'], dir);
    const compacted = readCache(location);
    expect(compacted.header.strings).not.toContain('unused 0');
    expect(compacted.header.compactedAt).toBe(compacted.header.strings.length);
    const fresh = run(['drafts', '-f', 'json'], dir).stdout;
    expect(run(['drafts', '-f', 'json', '--cache'], dir).stdout).toBe(fresh);
    expect(JSON.parse(fresh).files).toHaveLength(20);
    expect(fresh).not.toBe(expected);
  });

  it('sees an edit that keeps the size, made right after the run', () => {
    const dir = corpus(3);
    const file = path.join(dir, 'drafts/1/d1.md');
    run(['drafts', '-f', 'json', '--cache'], dir);
    const before = readFileSync(file, 'utf8');
    writeFileSync(file, before.replace('Any questions?', 'ANY QUESTIONS?'));
    expect(readFileSync(file).length).toBe(Buffer.byteLength(before));
    const after = JSON.parse(run(['drafts', '-f', 'json', '--cache'], dir).stdout);
    const shown = path.relative(dir, file);
    expect(after.files.find((f: { path: string }) => f.path === shown).diagnostics.map((d: { ruleId: string }) => d.ruleId)).toContain('no-shouting');
  });
});
