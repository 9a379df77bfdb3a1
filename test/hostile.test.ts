// Issue 14, row by row: a repository under lint is written by a stranger. Each test is one row of
// the table in docs/security.md (bench/hostile.mjs measures the same rows); it asserts what
// happens, never how fast.
import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync, chmodSync, existsSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCache, serializeCache } from '../src/cache/codec.js';
import { loadConfig } from '../src/api/config.js';
import { stampOf, writeFix } from '../src/run/write-fixes.js';
import { ROOT, tempProject } from './helpers.js';

const BIN = path.join(ROOT, 'bin/dmlint.js');
const FRONT = '---\nplatform: facebook\naudience: customer\n---\n';
const FIXABLE = `${FRONT}Hi {{first_name}}!! Want the guide?\n`;
const FIXED = `${FRONT}Hi {{first_name}}! Want the guide?\n`;

function dmlint(args: string[], cwd: string, options: { input?: string | Buffer } = {}) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 28, timeout: 60_000, ...options });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
const json = (run: { stdout: string }) => JSON.parse(run.stdout) as { files: { path: string; diagnostics: { ruleId: string; message: string; line: number }[] }[]; summary: { errors: number } };
const rulesOf = (run: { stdout: string }, file: string) => json(run).files.find((f) => f.path === file)?.diagnostics.map((d) => d.ruleId);
const messagesOf = (run: { stdout: string }, file: string) => json(run).files.find((f) => f.path === file)?.diagnostics.map((d) => d.message) ?? [];
const outsideFolder = (files: Record<string, string>) => tempProject(files, 'dmlint-outside-');

describe('1. --fix and other writers', () => {
  it('1a: a change between the read and the rename is detected, the fix skipped and reported, the change kept', () => {
    const dir = tempProject({ 'a.md': 'Hi!!\n' });
    const file = path.join(dir, 'a.md');
    const stamp = stampOf(statSync(file));
    appendFileSync(file, 'an edit made by someone else\n');
    const failure = writeFix({ file, shown: 'a.md', original: 'Hi!!\n', output: 'Hi!\n', stamp });
    expect(failure).toBe('a.md: changed on disk while dmlint was fixing it; not written (run again)');
    expect(readFileSync(file, 'utf8')).toBe('Hi!!\nan edit made by someone else\n');
    // A rewrite that keeps the size is caught too (modification time, then the bytes).
    writeFileSync(file, 'Ho!!\n');
    expect(writeFix({ file, shown: 'a.md', original: 'Hi!!\n', output: 'Hi!\n' })).toMatch(/changed on disk/);
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('1a: an edit made while the fixed text is being written, just before the rename, is kept and the fix reported', () => {
    const dir = tempProject({ 'a.md': 'Hi!!\n' });
    const file = path.join(dir, 'a.md');
    const stamp = stampOf(statSync(file));
    const failure = writeFix({ file, shown: 'a.md', original: 'Hi!!\n', output: 'Hi!\n', stamp }, () => appendFileSync(file, 'a late edit\n'));
    expect(failure).toBe('a.md: changed on disk while dmlint was fixing it; not written (run again)');
    expect(readFileSync(file, 'utf8')).toBe('Hi!!\na late edit\n');
    // The temporary file is gone, and without an edit the same write goes through.
    expect(readdirSync(dir)).toEqual(['a.md']);
    expect(writeFix({ file, shown: 'a.md', original: 'Hi!!\na late edit\n', output: 'Hi!\n', stamp: stampOf(statSync(file)) }, () => {})).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toBe('Hi!\n');
  });

  it('1b: a draft with a second hard link is fixed through both names', () => {
    const dir = tempProject({ 'a.md': FIXABLE });
    linkSync(path.join(dir, 'a.md'), path.join(dir, 'hard.txt'));
    expect(dmlint(['a.md', '--fix'], dir)).toMatchObject({ status: 0, stderr: '' });
    expect(readFileSync(path.join(dir, 'hard.txt'), 'utf8')).toBe(FIXED);
    expect(statSync(path.join(dir, 'a.md')).ino).toBe(statSync(path.join(dir, 'hard.txt')).ino);
  });

  it('1c: an alias in the tree (b.md -> a.md) is fixed once, and stays a link', () => {
    const dir = tempProject({ 'a.md': FIXABLE });
    symlinkSync('a.md', path.join(dir, 'b.md'));
    expect(dmlint(['.', '--fix'], dir)).toMatchObject({ status: 0, stderr: '' });
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(FIXED);
    expect(lstatSync(path.join(dir, 'b.md')).isSymbolicLink()).toBe(true);
  });
});

describe('2. files dmlint creates', () => {
  it('2a: a .dmlintcache that is a symbolic link is neither read nor written; the run says so', () => {
    const victim = path.join(outsideFolder({ bashrc: 'export SAFE=1\n' }), 'bashrc');
    const dir = tempProject({ 'a.md': FIXABLE });
    symlinkSync(victim, path.join(dir, '.dmlintcache'));
    const run = dmlint(['.', '--cache'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^dmlint: cannot write the cache \.dmlintcache: it is a symbolic link/);
    expect(readFileSync(victim, 'utf8')).toBe('export SAFE=1\n');
  });

  it('2b: -o over a planted link replaces the link, not what it points at, and leaves no temporary file', () => {
    const victim = path.join(outsideFolder({ victim: 'precious\n' }), 'victim');
    const dir = tempProject({ 'a.md': FIXABLE });
    symlinkSync(victim, path.join(dir, 'report.json'));
    expect(dmlint(['a.md', '-o', 'report.json', '-f', 'json'], dir).status).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(lstatSync(path.join(dir, 'report.json')).isFile()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'report.json']);
  });

  it('2d: a report or cache named inside the project, in a folder that is a link out of it, is refused', () => {
    const elsewhere = outsideFolder({});
    const dir = tempProject({ 'a.md': FIXABLE });
    symlinkSync(elsewhere, path.join(dir, 'reports'));
    const report = dmlint(['a.md', '-o', 'reports/out.json'], dir);
    expect(report).toMatchObject({ status: 2, stderr: 'dmlint: --output-file: cannot write reports/out.json: its folder is a symbolic link that leads outside the working directory\n' });
    const cache = dmlint(['a.md', '--cache-location', 'reports/cache'], dir);
    expect(cache.status).toBe(2);
    expect(cache.stderr).toBe('dmlint: cannot use the cache reports/cache: its folder is a symbolic link that leads outside the working directory\n');
    expect(cache.stdout).toContain('"!!": one "!" is enough');
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('2c: a forged cache line (the real hash, an empty result) does not hide the errors', () => {
    const dir = tempProject({ 'a.md': `${FRONT}Hi {{first_name}!! Want it?\n` });
    const first = dmlint(['.', '--cache', '-f', 'json'], dir);
    expect(json(first).summary.errors).toBe(1);
    const location = path.join(dir, '.dmlintcache');
    const { header, files } = parseCache(readFileSync(location, 'utf8'));
    files.get('a.md')!.packed = '[0,0,0,0,0]';
    writeFileSync(location, serializeCache(header, files));
    expect(json(dmlint(['.', '--cache', '-f', 'json'], dir)).summary.errors).toBe(1);
  });
});

describe('3. symbolic links that leave the folder given', () => {
  it('3a, 3b: a draft linked to a file outside is not read, quoted or fixed; reported once', () => {
    const secret = outsideFolder({ credentials: 'aws_secret_access_key=AKIAEXAMPLE!!\n' });
    const dir = tempProject({ 'a.md': FIXABLE });
    symlinkSync(path.join(secret, 'credentials'), path.join(dir, 'creds.md'));
    const run = dmlint(['.', '-f', 'github', '--fix', '--platform', 'facebook'], dir);
    expect(run.stdout).not.toContain('AKIAEXAMPLE');
    expect(run.stdout).not.toContain('creds.md');
    expect(run.stderr).toBe(`dmlint: creds.md: a symbolic link that leads outside ${dir}; not followed (--follow-symlinks follows it)\n`);
    expect(run.status).toBe(0);
    expect(readFileSync(path.join(secret, 'credentials'), 'utf8')).toBe('aws_secret_access_key=AKIAEXAMPLE!!\n');
  });

  it('3c: a linked folder outside is not walked, or followed when asked with --follow-symlinks', () => {
    const outside = outsideFolder({ 'n.md': FIXABLE });
    const dir = tempProject({ 'a.md': FIXABLE });
    symlinkSync(outside, path.join(dir, 'notes'));
    const run = dmlint(['.', '-f', 'json'], dir);
    expect(json(run).files.map((f) => f.path)).toEqual(['a.md']);
    expect(run.stderr).toMatch(/^dmlint: notes: a symbolic link that leads outside/);
    const followed = dmlint(['.', '-f', 'json', '--follow-symlinks'], dir);
    expect(json(followed).files.map((f) => f.path)).toEqual(['a.md', 'notes/n.md']);
    expect(followed.stderr).toBe('');
  });

  it('3c: a path given inside the working directory that is a link out of it is not followed either', () => {
    const outside = outsideFolder({ 'n.md': FIXABLE });
    const dir = tempProject({ 'a.md': FIXABLE });
    symlinkSync(outside, path.join(dir, 'drafts'));
    symlinkSync(path.join(outside, 'n.md'), path.join(dir, 'n.md'));
    const run = dmlint(['drafts', 'n.md', 'a.md', '-f', 'json'], dir);
    expect(json(run).files.map((f) => f.path)).toEqual(['a.md']);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('3d: a link to / in the tree is reported, not walked', () => {
    const dir = tempProject({ 'a.md': FIXABLE });
    symlinkSync('/', path.join(dir, 'root'));
    const run = dmlint(['.', '-f', 'json'], dir);
    expect(json(run).files.map((f) => f.path)).toEqual(['a.md']);
    expect(run.stderr).toMatch(/^dmlint: root: a symbolic link that leads outside/);
  });
});

describe('4. code named by a data config', () => {
  // A module that leaves a mark when imported.
  function evil(dir: string): string {
    const marker = path.join(dir, 'RAN');
    writeFileSync(path.join(dir, 'evil.mjs'), `import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify(marker)}, 'ran'); export const rules = [];\n`);
    writeFileSync(path.join(dir, 'evil.cjs'), `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); module.exports = {};\n`);
    writeFileSync(path.join(dir, 'base.json'), JSON.stringify({ plugins: ['./evil.mjs'] }));
    return marker;
  }
  const refuses = async (files: Record<string, string>, error: RegExp) => {
    const elsewhere = outsideFolder({});
    const marker = evil(elsewhere);
    const dir = tempProject({ 'a.md': FIXABLE });
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text.replaceAll('ELSEWHERE', path.relative(dir, elsewhere)).replaceAll('ABSOLUTE', elsewhere));
    }
    await expect(loadConfig({ cwd: dir })).rejects.toThrow(error);
    const run = dmlint(['a.md'], dir);
    expect(run.status).toBe(2);
    expect(existsSync(marker)).toBe(false);
  };

  it('4a: "extends" naming a module outside the project is refused, saying so', () =>
    refuses({ '.dmlintrc.json': '{"extends": "ELSEWHERE/evil.mjs"}' }, /^\.dmlintrc\.json: extends: ".*evil\.mjs" is outside the project/));
  it('4b: "$import" in a JSON or YAML config is refused', async () => {
    await refuses({ '.dmlintrc.json': '{"$import": "ABSOLUTE/evil.mjs"}' }, /"\$import" is not supported/);
    await refuses({ '.dmlintrc.yaml': '$import: ABSOLUTE/evil.mjs\n' }, /"\$import" is not supported/);
    await refuses({ 'package.json': '{"dmlint": {"$import": "ABSOLUTE/evil.mjs"}}' }, /"\$import" is not supported/);
  });
  it('4c: a plugin in an extended config outside is never reached', () =>
    refuses({ '.dmlintrc.yaml': 'extends: ELSEWHERE/base.json\n' }, /extends: ".*base\.json" is outside the project/));
  it('4d: a plugin by absolute path outside, or by URL, is refused', async () => {
    await refuses({ '.dmlintrc.json': '{"plugins": ["ABSOLUTE/evil.mjs"]}' }, /plugins\[0\]: ".*evil\.mjs" is outside the project/);
    await refuses({ '.dmlintrc.json': '{"plugins": ["data:text/javascript,export const rules = []"]}' }, /is neither a path to a file in the project nor a package name/);
  });
  it('4e: cosmiconfig\'s meta config (.config/config.json, package.json "cosmiconfig") is not read', async () => {
    const elsewhere = outsideFolder({});
    const marker = evil(elsewhere);
    const dir = tempProject({ 'a.md': FIXABLE, 'package.json': JSON.stringify({ dmlint: {}, cosmiconfig: { $import: path.join(elsewhere, 'evil.cjs') } }) });
    mkdirSync(path.join(dir, '.config'));
    writeFileSync(path.join(dir, '.config/config.json'), JSON.stringify({ $import: path.join(elsewhere, 'evil.cjs') }));
    expect(dmlint(['a.md'], dir)).toMatchObject({ status: 0, stderr: '' });
    expect(existsSync(marker)).toBe(false);
  });
});

describe('5. YAML aliases', () => {
  const levels = ['&a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) levels.push(`&${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  const bomb = `defaults: { platform: [${levels.join(', ')}] }\n`;

  it('5: an alias bomb in .dmlintrc.yaml is refused at once', () => {
    const run = dmlint(['a.md'], tempProject({ 'a.md': FIXABLE, '.dmlintrc.yaml': bomb }));
    expect(run).toMatchObject({ status: 2, stderr: 'dmlint: .dmlintrc.yaml: cannot be read: Excessive alias count indicates a resource exhaustion attack\n' });
  });

  it('5: an alias bomb in frontmatter is never expanded: the platform it names is invalid metadata; the other files are linted', () => {
    const run = dmlint(['.', '-f', 'json'], tempProject({ 'a.md': `---\n${bomb}platform: *i\n---\nHi!!\n`, 'z.md': FIXABLE }));
    expect(rulesOf(run, 'a.md')).toContain('invalid-metadata');
    expect(rulesOf(run, 'z.md')).toEqual(['no-excessive-punctuation']);
  });
});

describe('6 and 8. input that stopped or stalled the run', () => {
  const skippedBeside = (files: Record<string, string>, name: string, message: RegExp, line = 5) => {
    const run = dmlint(['.', '-f', 'json'], tempProject({ ...files, 'z.md': FIXABLE }));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(json(run).files.find((f) => f.path === name)?.diagnostics).toEqual([expect.objectContaining({ ruleId: 'skipped-draft', message: expect.stringMatching(message), line })]);
    expect(rulesOf(run, 'z.md')).toEqual(['no-excessive-punctuation']);
  };

  it("6a: '> '.repeat(3000): skipped as too deeply nested, the rest linted", () =>
    skippedBeside({ 'deep.md': `${FRONT}${'> '.repeat(3000)}Hi!!\n` }, 'deep.md', /^draft too deeply nested \(3,000 levels/));
  it("6b: '- '.repeat(4000): the same", () => skippedBeside({ 'deep.md': `${FRONT}${'- '.repeat(4000)}Hi!!\n` }, 'deep.md', /^draft too deeply nested \(4,000 levels/));

  it('6: in a file of several drafts, only the deep one is skipped', () => {
    const text = `<!-- dmlint-draft platform=facebook audience=customer -->\nReply now!!\n\n<!-- dmlint-draft platform=facebook audience=customer -->\nQuoted:\n\n${'> '.repeat(500)}x\n\n<!-- dmlint-draft platform=facebook audience=customer -->\nReply now!!\n`;
    const run = dmlint(['a.md', '-f', 'json'], tempProject({ 'a.md': text }));
    expect(json(run).files[0]!.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([
      ['no-excessive-punctuation', 2],
      ['skipped-draft', 7],
      ['no-excessive-punctuation', 10],
    ]);
  });

  it('8a: 200 KB of "{{" completes, with 100 problems shown and the rest counted', () => {
    const run = dmlint(['.', '-f', 'json'], tempProject({ 'braces.md': `${FRONT}${'{{'.repeat(100_000)}\n`, 'z.md': FIXABLE }));
    const messages = messagesOf(run, 'braces.md');
    expect(messages.filter((m) => m === '"{{" opens a placeholder that is never closed')).toHaveLength(100);
    expect(messages).toContain('99900 more problems from this rule in this draft are not shown (dmlint shows 100 for each rule and draft)');
    expect(rulesOf(run, 'z.md')).toEqual(['no-excessive-punctuation']);
  });

  it('8b: 3,000 overlapping phrases on a 200 KB draft: a diagnostic naming the phrase rule', () => {
    const match = Array.from({ length: 3000 }, (_, i) => Array(i + 1).fill('a').join(' '));
    const run = dmlint(['.', '-f', 'json'], tempProject({ 'a.md': `${FRONT}${'a '.repeat(100_000)}\n`, 'z.md': FIXABLE, '.dmlintrc.json': JSON.stringify({ phrases: [{ id: 'house/a', match, message: 'a' }] }) }));
    expect(messagesOf(run, 'a.md')).toContainEqual(expect.stringMatching(/^rule "house\/a" failed on a\.md: too many overlapping phrase matches/));
    expect(rulesOf(run, 'z.md')).toEqual(['no-excessive-punctuation']);
  });

  it('8c: a paragraph of backtick runs is skipped, as too much inline markup', () => {
    let ticks = '';
    for (let n = 1; ticks.length < 100_000; n++) ticks += `${'`'.repeat(n)} `;
    skippedBeside({ 'ticks.md': `${FRONT}${ticks}\n` }, 'ticks.md', /^draft has too much inline markup \([\d,]+ backticks/);
  });

  it('8c: a paragraph of 25,000 asterisks, once minutes in the parser, is skipped', () =>
    skippedBeside({ 'stars.md': `${FRONT}${'*'.repeat(12_500)}a${'*'.repeat(12_500)}\n` }, 'stars.md', /^draft has too much inline markup \(25,000 "\*" and "_"/));

  it('8d: growing ">" nesting is skipped as too deeply nested', () => {
    let text = '';
    for (let n = 1; n <= 300; n++) text += `${'>'.repeat(n)} x\n`;
    // Reported on line 105, the first with 101 levels.
    skippedBeside({ 'quotes.md': `${FRONT}${text}` }, 'quotes.md', /^draft too deeply nested \(300 levels/, 105);
  });

  it('8e: a draft over 4 million characters is skipped as too large', () =>
    skippedBeside({ 'huge.md': `${FRONT}${'word '.repeat(900_000)}\n` }, 'huge.md', /^draft too large \(4,500,0\d\d characters/, 1));

  it('8f: a file over 16 MiB is not read: one line, exit 2, the rest linted', () => {
    const dir = tempProject({ 'z.md': FIXABLE });
    const one = '<!-- dmlint-draft platform=twitter audience=follower -->\nHi {{first_name}}, want it?\n\n';
    writeFileSync(path.join(dir, 'many.md'), one.repeat(Math.ceil((17 * 1024 * 1024) / one.length)));
    const run = dmlint(['.', '-f', 'json'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^dmlint: many\.md: file too large \(17\.0 MiB; dmlint reads draft files up to 16 MiB\), skipped\n$/);
    expect(json(run).files.map((f) => f.path)).toEqual(['z.md']);
  });
});

describe('7. names that carry commands', () => {
  it('7a: a file name holding a workflow command cannot inject one, on stdout or stderr', () => {
    const dir = tempProject({ 'a.md': FIXABLE });
    writeFileSync(path.join(dir, 'x\n::error file=README.md::owned\n::add-mask::secret.md'), Buffer.from([0xff, 0xfe]));
    writeFileSync(path.join(dir, 'y\n::warning::owned %0A.md'), `${FRONT}Hi!!\n`);
    const run = dmlint(['.', '-f', 'github'], dir);
    const lines = `${run.stdout}${run.stderr}`.split('\n').filter(Boolean);
    const commands = lines.filter((line) => line.startsWith('::'));
    expect(commands.length).toBeGreaterThanOrEqual(2);
    for (const line of commands) expect(line).toMatch(/^::warning file=(a\.md|y%0A%3A%3Awarning%3A%3Aowned %250A\.md),line=5,/);
    expect(run.stderr).toBe('dmlint: x\\n::error file=README.md::owned\\n::add-mask::secret.md: not valid UTF-8 text; save the file as UTF-8\n');
  });

  it('7b: ESC and OSC sequences in a name reach the terminal escaped, in every format and on stderr', () => {
    const dir = tempProject({});
    writeFileSync(path.join(dir, 'x\u001b]0;owned\u0007\u001b[2J.md'), `${FRONT}Hi!!\n`);
    writeFileSync(path.join(dir, 'bad\u001b[31m.md'), Buffer.from([0xff]));
    for (const format of ['stylish', 'compact', 'github', 'junit']) {
      const run = dmlint(['.', '-f', format], dir);
      expect(`${run.stdout}${run.stderr}`).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
      expect(run.stderr).toContain('bad\\x1b[31m.md');
    }
  });
});

describe('9. fixes', () => {
  function fixTwice(config: object, text: string) {
    const dir = tempProject({ 'a.md': text, '.dmlintrc.json': JSON.stringify(config) });
    const first = dmlint(['a.md', '--fix'], dir);
    const once = readFileSync(path.join(dir, 'a.md'), 'utf8');
    dmlint(['a.md', '--fix'], dir);
    return { first, once, twice: readFileSync(path.join(dir, 'a.md'), 'utf8') };
  }

  it('9a: a replacement that contains its phrase is applied once; the replacement as written is not flagged', () => {
    const config = { phrases: [{ id: 'house/x', match: ['Twitter'], replace: 'X (formerly Twitter)', message: 'Say X' }] };
    const { first, once, twice } = fixTwice(config, `${FRONT}We met on Twitter, want it?\n`);
    expect(once).toBe(`${FRONT}We met on X (formerly Twitter), want it?\n`);
    expect(twice).toBe(once);
    expect(first.stdout).toContain('No problems');
    const written = dmlint(['a.md', '-f', 'json'], tempProject({ 'a.md': `${FRONT}We met on X (formerly Twitter), want it?\n`, '.dmlintrc.json': JSON.stringify(config) }));
    expect(rulesOf(written, 'a.md')).toEqual([]);
  });

  it('9a: a plugin fix that recreates what it fixes is refused, saying so', () => {
    const dir = tempProject({ 'a.md': `${FRONT}Hello there, friend?\n` });
    writeFileSync(
      path.join(dir, 'grow.mjs'),
      "export const rules = [{ meta: { id: 'house/grow', fixable: true }, create: (context) => ({ draft(draft) { const at = context.file.source.indexOf('there'); context.report({ message: 'grows', draft, start: 0, end: 1, fix: { range: { start: at, end: at + 5 }, text: 'there there' } }); } }) }];\n",
    );
    writeFileSync(path.join(dir, '.dmlintrc.json'), JSON.stringify({ plugins: ['./grow.mjs'] }));
    const run = dmlint(['a.md', '--fix', '-f', 'json'], dir);
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(`${FRONT}Hello there, friend?\n`);
    expect(messagesOf(run, 'a.md')).toEqual(['grows (not fixed: this fix changes its own output again each time it is applied)']);
  });

  it('9b: a replacement over a word with a combining accent takes the accent with it, and is written in NFC', () => {
    // The replacement is given decomposed (e + U+0301); the draft spells "café" decomposed too.
    const config = { phrases: [{ id: 'house/cafe', match: ['cafe'], replace: 'bistrot e\u0301tudiant', message: 'Say bistrot' }] };
    const { once, twice } = fixTwice(config, `${FRONT}Meet at the cafe\u0301 later?\n`);
    expect(once).toBe(`${FRONT}Meet at the bistrot \u00e9tudiant later?\n`);
    expect(twice).toBe(once);
  });

  it('9c: a case-only replacement does not flag the right spelling', () => {
    const config = { phrases: [{ id: 'house/li', match: ['linkedin'], replace: 'LinkedIn', message: 'Spell it LinkedIn' }] };
    const run = dmlint(['a.md', '-f', 'json'], tempProject({ 'a.md': `${FRONT}Find me on LinkedIn, or on linkedin?\n`, '.dmlintrc.json': JSON.stringify(config) }));
    expect(messagesOf(run, 'a.md')).toEqual(['Spell it LinkedIn ("linkedin" → "LinkedIn")']);
  });

  it('9d: a plugin fix with a reversed range is dropped, with an error naming the rule; the file is untouched', () => {
    const dir = tempProject({ 'a.md': `${FRONT}Hello there, friend?\n` });
    writeFileSync(
      path.join(dir, 'reversed.mjs'),
      "export const rules = [{ meta: { id: 'house/rev', fixable: true }, create: (context) => ({ draft(draft) { const at = context.file.source.indexOf('there'); context.report({ message: 'reversed', draft, start: 0, end: 1, fix: { range: { start: at + 5, end: at }, text: '!' } }); } }) }];\n",
    );
    writeFileSync(path.join(dir, '.dmlintrc.json'), JSON.stringify({ plugins: ['./reversed.mjs'] }));
    const run = dmlint(['a.md', '--fix', '-f', 'json'], dir);
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(`${FRONT}Hello there, friend?\n`);
    expect(messagesOf(run, 'a.md')).toContainEqual(expect.stringMatching(/^rule "house\/rev" gave a fix with an invalid range \[\d+, \d+\) in a file of \d+ characters; the fix was dropped$/));
    expect(run.status).toBe(1);
  });

  it('9e: a read-only draft is reported with the problems its fixes would have removed, not "No problems"', () => {
    const dir = tempProject({ 'a.md': FIXABLE });
    chmodSync(path.join(dir, 'a.md'), 0o444);
    const run = dmlint(['a.md', '--fix'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('dmlint: a.md: read-only; the fix was not written\n');
    expect(run.stdout).not.toContain('No problems');
    expect(run.stdout).toContain('"!!": one "!" is enough');
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(FIXABLE);
  });
});

describe('10. what used to be skipped in silence', () => {
  // Root reads any folder: the row is run as "nobody" where the tests run as root.
  const asNobody = process.getuid?.() === 0 ? ['setpriv', '--reuid', '65534', '--regid', '65534', '--clear-groups'] : [];
  const nobodyCanRun = asNobody.length === 0 || spawnSync(asNobody[0]!, [...asNobody.slice(1), process.execPath, BIN, '--version']).status === 0;

  it.skipIf(!nobodyCanRun)('10a: an unreadable folder is one line and exit 2; the rest is linted', () => {
    const dir = tempProject({ 'open/a.md': FIXABLE, 'closed/b.md': FIXABLE });
    chmodSync(dir, 0o755);
    chmodSync(path.join(dir, 'open'), 0o755);
    chmodSync(path.join(dir, 'open/a.md'), 0o644);
    chmodSync(path.join(dir, 'closed'), 0o000);
    const [command, ...rest] = asNobody.length ? asNobody : [process.execPath];
    const run = spawnSync(command!, [...rest, ...(asNobody.length ? [process.execPath] : []), BIN, '.', '-f', 'json'], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).toBe('dmlint: closed: cannot read the folder: permission denied\n');
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout).files.map((f: { path: string }) => f.path)).toEqual(['open/a.md']);
  });

  it('10b: a folder whose path is past the system limit is one line and exit 2', () => {
    const dir = tempProject({ 'a.md': FIXABLE });
    const name = 'd'.repeat(200);
    const made = spawnSync('bash', ['-c', `mkdir deep && cd deep && for i in $(seq 1 25); do mkdir ${name} && cd ${name}; done && printf x > x.md`], { cwd: dir });
    expect(made.status).toBe(0);
    try {
      const run = dmlint(['.', '-f', 'json'], dir);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^dmlint: deep\/d+…d+ \(\d{4} characters\): path too long for the system \(over 4,096 characters, or a name over 255\); not read\n$/);
      expect(json(run).files.map((f) => f.path)).toEqual(['a.md']);
    } finally {
      // rm walks down by relative names; Node's rmSync cannot reach past the limit.
      spawnSync('rm', ['-rf', 'deep'], { cwd: dir });
    }
  });

  it('10c: a byte-order mark in .dmlintrc.json, .dmlintrc.yaml and package.json is accepted', () => {
    for (const [name, text] of [
      ['.dmlintrc.json', '{"rules": {"no-excessive-punctuation": "off"}}'],
      ['.dmlintrc.yaml', 'rules:\n  no-excessive-punctuation: off\n'],
      ['package.json', '{"name": "x", "dmlint": {"rules": {"no-excessive-punctuation": "off"}}}'],
    ]) {
      const run = dmlint(['a.md'], tempProject({ 'a.md': FIXABLE, [name!]: `\uFEFF${text}` }));
      expect(run, name).toMatchObject({ status: 0, stderr: '' });
      expect(run.stdout, name).toContain('No problems');
    }
  });

  it('10d: --stdin with invalid UTF-8 is refused as a file is; with --fix the input comes back unchanged', () => {
    const input = Buffer.concat([Buffer.from(`${FRONT}Caf`), Buffer.from([0xe9]), Buffer.from(' ok!!\n')]);
    const dir = tempProject({});
    const run = spawnSync(process.execPath, [BIN, '--stdin', '--fix', '--stdin-filename', 'a.md'], { cwd: dir, input });
    expect(run.status).toBe(2);
    expect(run.stdout.equals(input)).toBe(true);
    expect(run.stderr.toString()).toBe('dmlint: a.md: not valid UTF-8 text; save the file as UTF-8\n');
    expect(spawnSync(process.execPath, [BIN, '--stdin'], { cwd: dir, input }).status).toBe(2);
  });

  it('10e: temporary files of a killed run are recognised and removed by the next write; SIGTERM removes its own', async () => {
    const dir = tempProject({ 'a.md': FIXABLE });
    // A pid that has ended: its temporary files are stale.
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    for (const name of [`.a.md.dmlint-${ended}-0a1b2c.tmp`, `.report.json.dmlint-${ended}-0a1b2c.tmp`, `..dmlintcache.dmlint-${ended}-0a1b2c.tmp`]) writeFileSync(path.join(dir, name), '');
    writeFileSync(path.join(dir, `.other.md.dmlint-${process.pid}-0a1b2c.tmp`), 'a live run\'s');
    expect(dmlint(['a.md', '--fix', '--cache', '-o', 'report.json'], dir).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['.dmlintcache', `.other.md.dmlint-${process.pid}-0a1b2c.tmp`, 'a.md', 'report.json']);

    const files: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) files[`d/${i}.md`] = FIXABLE;
    const big = tempProject(files);
    const child = spawn(process.execPath, [BIN, 'd', '-o', 'report.json', '--concurrency', 'off'], { cwd: big, stdio: 'ignore' });
    // Once the report's temporary file exists, stop the run.
    for (let waited = 0; !readdirSync(big).some((name) => name.endsWith('.tmp')) && waited < 20_000; waited += 5) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill('SIGTERM');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(readdirSync(big)).toEqual(['d']);
  }, 60_000);
});
