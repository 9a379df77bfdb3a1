#!/usr/bin/env node
/**
 * The rows of issue 14 ("safe on a hostile repository"), each reproduced against the built CLI
 * in a throwaway folder: wall time, peak memory (GNU time %M) and what happened. Run it before
 * and after a change to fill the table in docs/security.md:
 *
 *   npm run build && node bench/hostile.mjs [--only 5,6a] [--timeout 30]
 *
 * Tests assert the outcomes (test/hostile.test.ts); this script measures them.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync, chmodSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
// --bin: another build's bin/dmlint.js (a copy of the code before a change, say).
const BIN = argv.includes('--bin') ? path.resolve(argv[argv.indexOf('--bin') + 1]) : path.join(ROOT, 'bin/dmlint.js');
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : undefined;
const TIMEOUT = argv.includes('--timeout') ? Number(argv[argv.indexOf('--timeout') + 1]) : 30;

const FRONT = '---\nplatform: facebook\naudience: customer\n---\n';
const FIXABLE = `${FRONT}Hi {{first_name}}!! Want the guide?\n`;

function project(files = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'dmlint-hostile-'));
  chmodSync(dir, 0o755);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** Runs the CLI under GNU time and a hard time limit; returns seconds, MiB, status and output. */
function dmlint(args, cwd, { input, env, user } = {}) {
  const command = ['-f', '%e %M', 'timeout', '-s', 'KILL', String(TIMEOUT), ...(user ? ['setpriv', '--reuid', user, '--regid', user, '--clear-groups'] : []), process.execPath, BIN, ...args];
  const run = spawnSync('/usr/bin/time', command, { cwd, input, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1', ...env } });
  const lines = run.stderr.trimEnd().split('\n');
  const [seconds, kib] = lines.pop().split(' ').map(Number);
  const stderr = lines.filter((line) => !line.startsWith('Command ')).join('\n');
  const killed = seconds >= TIMEOUT - 0.5;
  return { seconds, mib: Math.round(kib / 1024), status: killed ? 'killed' : run.status, stdout: run.stdout, stderr, killed };
}

const firstLine = (text) => (text.split('\n').find((line) => line.trim()) ?? '').slice(0, 160);
const rows = [];
function row(id, title, fn) {
  rows.push({ id, title, fn });
}

// 0. The yardstick: one small draft, measured in the same run as the rows (the machine's load shows here).
row('0', 'one small draft (reference)', () => {
  const run = dmlint(['a.md'], project({ 'a.md': FIXABLE }));
  return { ...run, what: `exit ${run.status}` };
});

// 1. --fix and concurrent writers, hard links, in-tree aliases.
row('1a', '--fix while another process appends to the drafts', async () => {
  const files = {};
  for (let i = 0; i < 300; i++) files[`d/${i}.md`] = FIXABLE + 'word '.repeat(2000) + '\n';
  const dir = project(files);
  const appended = [];
  const child = spawn(process.execPath, [BIN, 'd', '--fix', '--concurrency', 'off'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let running = true;
  const done = new Promise((resolve) => child.on('exit', () => resolve((running = false))));
  const started = Date.now();
  // One append a millisecond, to files in turn: most land while no fix is being written.
  for (let n = 0; running; n++) {
    const file = path.join(dir, `d/${(n * 7) % 300}.md`);
    appendFileSync(file, `edit ${n}\n`);
    appended.push([file, `edit ${n}\n`]);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await done;
  const lost = appended.filter(([file, line]) => !readFileSync(file, 'utf8').includes(line)).length;
  const reported = stderr.split('\n').filter((line) => line.includes('changed on disk')).length;
  return { seconds: (Date.now() - started) / 1000, what: `${lost} of ${appended.length} edits lost; ${reported} files reported as changed on disk` };
});

row('1b', '--fix on a draft with a second hard link', () => {
  const dir = project({ 'a.md': FIXABLE });
  linkSync(path.join(dir, 'a.md'), path.join(dir, 'hard.txt'));
  const run = dmlint(['a.md', '--fix'], dir);
  const same = statSync(path.join(dir, 'a.md')).ino === statSync(path.join(dir, 'hard.txt')).ino;
  const fixed = !readFileSync(path.join(dir, 'a.md'), 'utf8').includes('!!');
  return { ...run, what: `exit ${run.status}; a.md ${fixed ? 'fixed' : 'not fixed'}; link ${same ? 'kept (both names show the fix)' : 'broken (hard.txt keeps the old text)'}; ${firstLine(run.stderr) || 'no message'}` };
});

row('1c', '--fix with an in-tree alias b.md -> a.md', () => {
  const dir = project({ 'a.md': FIXABLE });
  symlinkSync('a.md', path.join(dir, 'b.md'));
  const run = dmlint(['.', '--fix'], dir);
  const link = readdirSync(dir).includes('b.md') && statSync(path.join(dir, 'b.md')).isFile();
  return { ...run, what: `exit ${run.status}; a.md ${readFileSync(path.join(dir, 'a.md'), 'utf8').includes('!!') ? 'not fixed' : 'fixed'}; b.md ${link ? 'still a link' : 'gone'}; ${firstLine(run.stderr) || 'no message'}` };
});

// 2. Files dmlint creates.
row('2a', '.dmlintcache planted as a symlink to a file outside', () => {
  const dir = project({ 'a.md': FIXABLE });
  const victim = path.join(project({ 'bashrc': 'export SAFE=1\n' }), 'bashrc');
  symlinkSync(victim, path.join(dir, '.dmlintcache'));
  const run = dmlint(['.', '--cache'], dir);
  const intact = readFileSync(victim, 'utf8') === 'export SAFE=1\n';
  return { ...run, what: `exit ${run.status}; target ${intact ? 'untouched' : 'OVERWRITTEN with cache data'}; ${firstLine(run.stderr) || 'no message'}` };
});

row('2b', '-o report.json with its temporary name planted as a symlink', () => {
  const dir = project({ 'a.md': FIXABLE });
  const victim = path.join(project({ 'victim': 'precious\n' }), 'victim');
  // The old temporary name was report.json.<pid>.tmp: plant it for the pid the CLI will have.
  const script = `import { symlinkSync } from 'node:fs'; symlinkSync(${JSON.stringify(victim)}, 'report.json.' + process.pid + '.tmp'); process.argv.splice(2, 0, '.', '-o', 'report.json'); await import(${JSON.stringify(BIN)});`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
  const intact = readFileSync(victim, 'utf8') === 'precious\n';
  return { status: run.status, what: `exit ${run.status}; target ${intact ? 'untouched' : 'OVERWRITTEN with the report'}; report.json ${existsSync(path.join(dir, 'report.json')) ? 'written' : 'missing'}` };
});

row('2c', 'a forged cache line with the file\'s real hash', () => {
  const dir = project({ 'a.md': `${FRONT}Hi {{first_name}!! BUY NOW\n` });
  const first = dmlint(['.', '--cache', '-f', 'json'], dir);
  const cache = readFileSync(path.join(dir, '.dmlintcache'), 'utf8').split('\n');
  // Keep the hash, clear the stamp (so the file is hashed), and store an empty result.
  const forged = cache.map((line) => (line.startsWith('"a.md"') ? line.split('\t').slice(0, 2).concat(['', '', '[0,0,0,0,0]']).join('\t') : line));
  writeFileSync(path.join(dir, '.dmlintcache'), forged.join('\n'));
  const run = dmlint(['.', '--cache', '-f', 'json'], dir);
  const before = JSON.parse(first.stdout).summary.errors;
  const after = JSON.parse(run.stdout).summary.errors;
  return { ...run, what: `exit ${run.status}; ${before} errors on the first run, ${after} with the forged line${after < before ? ' (HIDDEN)' : ''}` };
});

// 3. Symbolic links that leave the tree.
function outside() {
  const secret = project({ 'credentials': 'aws_secret_access_key=AKIAEXAMPLE!!\n', 'notes/n.md': FIXABLE });
  return secret;
}
row('3a', 'a draft linked to a secret outside, -f github', () => {
  const secret = outside();
  const dir = project({ 'a.md': FIXABLE });
  symlinkSync(path.join(secret, 'credentials'), path.join(dir, 'creds.md'));
  const run = dmlint(['.', '-f', 'github'], dir);
  const leaked = run.stdout.includes('AKIAEXAMPLE') || run.stdout.includes('creds.md');
  return { ...run, what: `exit ${run.status}; ${leaked ? 'the secret file is read and reported' : 'not read'}; ${firstLine(run.stderr) || 'no message'}` };
});
row('3b', '--fix through that link', () => {
  const secret = outside();
  const dir = project({ 'a.md': FIXABLE });
  symlinkSync(path.join(secret, 'credentials'), path.join(dir, 'creds.md'));
  const run = dmlint(['.', '--fix', '--platform', 'facebook'], dir);
  const changed = readFileSync(path.join(secret, 'credentials'), 'utf8') !== 'aws_secret_access_key=AKIAEXAMPLE!!\n';
  return { ...run, what: `exit ${run.status}; target outside ${changed ? 'REWRITTEN' : 'untouched'}; ${firstLine(run.stderr) || 'no message'}` };
});
row('3c', 'a linked folder outside, --fix', () => {
  const secret = outside();
  const dir = project({ 'a.md': FIXABLE });
  symlinkSync(path.join(secret, 'notes'), path.join(dir, 'notes'));
  const run = dmlint(['.', '--fix'], dir);
  const changed = readFileSync(path.join(secret, 'notes/n.md'), 'utf8') !== FIXABLE;
  return { ...run, what: `exit ${run.status}; folder outside ${changed ? 'walked and FIXED' : 'not walked'}; ${firstLine(run.stderr) || 'no message'}` };
});
row('3d', 'a link to / in the tree', () => {
  const dir = project({ 'a.md': FIXABLE });
  symlinkSync('/', path.join(dir, 'root'));
  const run = dmlint(['.', '-f', 'json'], dir);
  const files = run.killed ? '?' : JSON.parse(run.stdout).files.length;
  return { ...run, what: `exit ${run.status}; ${run.killed ? 'still walking at the time limit' : `${files} files linted`}; ${firstLine(run.stderr) || 'no message'}` };
});

// 4. Code named by data.
function evil(dir) {
  const marker = path.join(dir, 'RAN');
  writeFileSync(path.join(dir, 'evil.mjs'), `import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify(marker)}, 'ran'); export default {}; export const rules = [];\n`);
  return marker;
}
row('4a', '"extends" naming a module outside the project', () => {
  const elsewhere = project();
  const marker = evil(elsewhere);
  const dir = project({ 'a.md': FIXABLE });
  writeFileSync(path.join(dir, '.dmlintrc.json'), JSON.stringify({ extends: path.relative(dir, path.join(elsewhere, 'evil.mjs')) }));
  const run = dmlint(['.'], dir);
  return { ...run, what: `exit ${run.status}; code ${existsSync(marker) ? 'RAN' : 'did not run'}; ${firstLine(run.stderr) || 'no message'}` };
});
row('4b', '$import in a JSON config', () => {
  const elsewhere = project();
  const marker = evil(elsewhere);
  const dir = project({ 'a.md': FIXABLE });
  writeFileSync(path.join(dir, '.dmlintrc.json'), JSON.stringify({ $import: path.join(elsewhere, 'evil.mjs') }));
  const run = dmlint(['.'], dir);
  return { ...run, what: `exit ${run.status}; code ${existsSync(marker) ? 'RAN' : 'did not run'}; ${firstLine(run.stderr) || 'no message'}` };
});
row('4b2', '$import in a YAML config', () => {
  const elsewhere = project();
  const marker = evil(elsewhere);
  const dir = project({ 'a.md': FIXABLE });
  writeFileSync(path.join(dir, '.dmlintrc.yaml'), `$import: ${path.join(elsewhere, 'evil.mjs')}\n`);
  const run = dmlint(['.'], dir);
  return { ...run, what: `exit ${run.status}; code ${existsSync(marker) ? 'RAN' : 'did not run'}; ${firstLine(run.stderr) || 'no message'}` };
});
row('4c', 'plugins: ["./x.mjs"] in an extended config outside', () => {
  const elsewhere = project();
  const marker = evil(elsewhere);
  writeFileSync(path.join(elsewhere, 'base.json'), JSON.stringify({ plugins: ['./evil.mjs'] }));
  const dir = project({ 'a.md': FIXABLE });
  writeFileSync(path.join(dir, '.dmlintrc.json'), JSON.stringify({ extends: path.relative(dir, path.join(elsewhere, 'base.json')) }));
  const run = dmlint(['.'], dir);
  return { ...run, what: `exit ${run.status}; code ${existsSync(marker) ? 'RAN' : 'did not run'}; ${firstLine(run.stderr) || 'no message'}` };
});
row('4d', 'plugins naming an absolute path outside', () => {
  const elsewhere = project();
  const marker = evil(elsewhere);
  const dir = project({ 'a.md': FIXABLE });
  writeFileSync(path.join(dir, '.dmlintrc.json'), JSON.stringify({ plugins: [path.join(elsewhere, 'evil.mjs')] }));
  const run = dmlint(['.'], dir);
  return { ...run, what: `exit ${run.status}; code ${existsSync(marker) ? 'RAN' : 'did not run'}; ${firstLine(run.stderr) || 'no message'}` };
});

row('4e', 'cosmiconfig meta config: .config/config.json with "$import"', () => {
  const dir = project({ 'a.md': FIXABLE, 'package.json': '{"dmlint":{}}' });
  const marker = path.join(dir, 'RAN');
  writeFileSync(path.join(dir, 'evil.cjs'), `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); module.exports = {};\n`);
  mkdirSync(path.join(dir, '.config'));
  writeFileSync(path.join(dir, '.config/config.json'), JSON.stringify({ $import: '../evil.cjs' }));
  const run = dmlint(['.'], dir);
  return { ...run, what: `exit ${run.status}; code ${existsSync(marker) ? 'RAN' : 'did not run'}; ${firstLine(run.stderr) || 'no message'}` };
});
row('4f', 'plugins naming a data: URL', () => {
  const dir = project({ 'a.md': FIXABLE });
  const marker = path.join(dir, 'RAN');
  const code = `import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify(marker)}, 'ran'); export const rules = [];`;
  writeFileSync(path.join(dir, '.dmlintrc.json'), JSON.stringify({ plugins: [`data:text/javascript,${encodeURIComponent(code)}`] }));
  const run = dmlint(['.'], dir);
  return { ...run, what: `exit ${run.status}; code ${existsSync(marker) ? 'RAN' : 'did not run'}; ${firstLine(run.stderr) || 'no message'}` };
});

// 5. YAML alias bomb.
// Nine levels of nine aliases: 9^9 strings once expanded, in under 500 bytes.
const levels = ['&a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
for (let i = 1; i < 9; i++) levels.push(`&${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
const bomb = [`defaults: { platform: [${levels.join(', ')}] }`];
row('5', 'a YAML alias bomb in .dmlintrc.yaml', () => {
  const dir = project({ 'a.md': FIXABLE, '.dmlintrc.yaml': `${bomb.join('\n')}\n` });
  const run = dmlint(['.'], dir);
  return { ...run, bytes: bomb.join('\n').length, what: `exit ${run.status}; ${run.killed ? 'killed at the time limit' : firstLine(run.stderr) || 'no message'}` };
});
row('5b', 'a YAML alias bomb in frontmatter', () => {
  const dir = project({ 'a.md': `---\n${bomb.join('\n')}\n---\nHi!!\n`, 'z.md': FIXABLE });
  const run = dmlint(['.', '-f', 'json'], dir);
  return { ...run, what: `exit ${run.status}; ${run.killed ? 'killed' : `${JSON.parse(run.stdout).files.length} files reported`}` };
});

// 6. Deep nesting that overflowed the stack.
function others(run, name) {
  if (run.killed || !run.stdout) return 'no report';
  const report = JSON.parse(run.stdout);
  const file = report.files.find((f) => f.path === name);
  const skipped = file?.diagnostics.find((d) => /nested|too large|skipped|too many|too much/.test(d.message));
  return `${report.files.length} files reported${skipped ? `; "${skipped.message}"` : ''}`;
}
row('6a', "'> '.repeat(3000) + text, beside a good draft", () => {
  const dir = project({ 'deep.md': `${FRONT}${'> '.repeat(3000)}Hi!!\n`, 'z.md': FIXABLE });
  const run = dmlint(['.', '-f', 'json'], dir);
  return { ...run, what: `exit ${run.status}; ${others(run, 'deep.md')}; ${firstLine(run.stderr) || 'no message'}` };
});
row('6b', "'- '.repeat(4000) + text", () => {
  const dir = project({ 'deep.md': `${FRONT}${'- '.repeat(4000)}Hi!!\n`, 'z.md': FIXABLE });
  const run = dmlint(['.', '-f', 'json'], dir);
  return { ...run, what: `exit ${run.status}; ${others(run, 'deep.md')}; ${firstLine(run.stderr) || 'no message'}` };
});

// 7. File names that carry terminal or workflow commands.
row('7a', 'a file name holding "\\n::error file=README.md::" under -f github', () => {
  const dir = project({ 'a.md': FIXABLE });
  writeFileSync(path.join(dir, 'x\n::error file=README.md::owned\n::add-mask::secret.md'), Buffer.from([0xff, 0xfe]));
  const run = dmlint(['.', '-f', 'github'], dir);
  const injected = `${run.stdout}\n${run.stderr}`.split('\n').some((line) => line.startsWith('::error file=README.md') || line.startsWith('::add-mask'));
  return { ...run, what: `exit ${run.status}; ${injected ? 'workflow commands INJECTED' : 'no command injected'}` };
});
row('7b', 'ESC and OSC sequences in a file name on stderr', () => {
  const dir = project({ 'a.md': FIXABLE });
  writeFileSync(path.join(dir, 'x\u001b]0;owned\u0007\u001b[2J.md'), Buffer.from([0xff, 0xfe]));
  const run = dmlint(['.'], dir);
  const raw = /\u001b/.test(run.stderr) || /\u001b/.test(run.stdout);
  return { ...run, what: `exit ${run.status}; ${raw ? 'raw ESC reaches the terminal' : 'escaped'}` };
});

// 8. Super-linear input.
function timed(id, title, files, args = ['.', '-f', 'json']) {
  row(id, title, () => {
    const dir = project({ ...files(), 'z.md': FIXABLE });
    const run = dmlint(args, dir);
    return { ...run, what: `exit ${run.status}; ${others(run, Object.keys(files())[0])}${run.stderr ? `; ${firstLine(run.stderr)}` : ''}` };
  });
}
timed('8a', '200 KB of "{{"', () => ({ 'braces.md': `${FRONT}${'{{'.repeat(100_000)}\n` }));
row('8b', '3,000 overlapping phrases on a 200 KB draft', () => {
  const match = Array.from({ length: 3000 }, (_, i) => Array(i + 1).fill('a').join(' '));
  const dir = project({ 'a.md': `${FRONT}${'a '.repeat(100_000)}\n`, 'z.md': FIXABLE, '.dmlintrc.json': JSON.stringify({ phrases: [{ id: 'house/a', match, message: 'a' }] }) });
  const run = dmlint(['.', '-f', 'json'], dir);
  return { ...run, what: `exit ${run.status}; ${others(run, 'a.md')}` };
});
timed('8c', '2 MB of backtick runs', () => {
  let text = '';
  for (let n = 1; text.length < 2_000_000; n++) text += `${'`'.repeat(n)} `;
  return { 'ticks.md': `${FRONT}${text}\n` };
});
timed('8d', '3.9 MB of growing ">" nesting', () => {
  let text = '';
  for (let n = 1; text.length < 3_900_000; n++) text += `${'>'.repeat(n)} x\n`;
  return { 'quotes.md': `${FRONT}${text}` };
});
timed('8e', 'a 200 MB draft', () => ({ 'huge.md': `${FRONT}${'word '.repeat(40_000_000)}\n` }));
timed('8f', 'a 200 MB file of small drafts', () => {
  const one = '<!-- dmlint-draft platform=twitter audience=follower -->\nHi {{first_name}}, a short note about the guide. Want it?\n\n';
  return { 'many.md': one.repeat(Math.ceil(200_000_000 / one.length)) };
});

// 9. Fixes.
function fixRow(id, title, config, text, check) {
  row(id, title, () => {
    const dir = project({ 'a.md': text, '.dmlintrc.json': JSON.stringify(config) });
    const first = dmlint(['a.md', '--fix'], dir);
    const once = readFileSync(path.join(dir, 'a.md'), 'utf8');
    const second = dmlint(['a.md', '--fix'], dir);
    const twice = readFileSync(path.join(dir, 'a.md'), 'utf8');
    return { ...first, what: `${check(once, twice, first, second)}` };
  });
}
fixRow('9a', 'a replacement that contains its match ("Twitter" → "X (formerly Twitter)")', { phrases: [{ id: 'house/x', match: ['Twitter'], replace: 'X (formerly Twitter)', message: 'Say X' }] }, `${FRONT}We met on Twitter.\n`,
  (once, twice, first) => `after one --fix: ${JSON.stringify(once.split('\n')[4])}; second --fix ${once === twice ? 'changes nothing' : 'CHANGES it again'}; ${firstLine(first.stdout)}`);
fixRow('9b', 'a replacement over an NFD accent', { phrases: [{ id: 'house/cafe', match: ['cafe'], replace: 'coffee shop', message: 'Say coffee shop' }] }, `${FRONT}Meet at the cafe\u0301 later?\n`,
  (once) => `after --fix: ${JSON.stringify(once.split('\n')[4])}${/\u0301/.test(once) ? ' (the accent is LEFT on another letter)' : ''}`);
fixRow('9c', 'a case-only replacement ("linkedin" → "LinkedIn")', { phrases: [{ id: 'house/li', match: ['linkedin'], replace: 'LinkedIn', message: 'Spell it LinkedIn' }] }, `${FRONT}Find me on LinkedIn?\n`,
  (_once, _twice, first) => `exit ${first.status}; the right spelling is ${first.stdout.includes('house/li') ? 'STILL FLAGGED' : 'not flagged'}`);
row('9d', 'a plugin fix with a reversed range', () => {
  const dir = project({ 'a.md': `${FRONT}Hello there, friend?\n` });
  writeFileSync(path.join(dir, 'plugin.mjs'), `export const rules = [{ meta: { id: 'house/rev', fixable: true }, create: (context) => ({ draft(draft) { const start = context.file.source.indexOf('there'); context.report({ message: 'reversed', draft, start: 0, end: 1, fix: { range: { start: start + 5, end: start }, text: '!' } }); } }) }];\n`);
  writeFileSync(path.join(dir, '.dmlintrc.json'), JSON.stringify({ plugins: ['./plugin.mjs'] }));
  const run = dmlint(['a.md', '--fix'], dir);
  const after = readFileSync(path.join(dir, 'a.md'), 'utf8').split('\n')[4];
  return { ...run, what: `exit ${run.status}; line after --fix: ${JSON.stringify(after.length > 80 ? `${after.slice(0, 77)}...` : after)} (${after.length} chars); ${firstLine(run.stdout)}` };
});
row('9e', 'a read-only draft under --fix', () => {
  const dir = project({ 'a.md': FIXABLE });
  chmodSync(path.join(dir, 'a.md'), 0o444);
  const run = dmlint(['a.md', '--fix'], dir);
  return { ...run, what: `exit ${run.status}; report says ${JSON.stringify(firstLine(run.stdout.split('\n').filter((l) => /problem|✖|✔/.test(l)).join('\n')))}; ${firstLine(run.stderr)}` };
});

// 10. Silent skips.
row('10a', 'an unreadable folder (run as nobody)', () => {
  const dir = project({ 'open/a.md': FIXABLE, 'closed/b.md': FIXABLE });
  chmodSync(path.join(dir, 'closed'), 0o000);
  const run = dmlint(['.'], dir, { user: '65534' });
  return { ...run, what: `exit ${run.status}; ${firstLine(run.stderr) || 'no message'}; ${run.stdout.split('\n').filter((l) => /drafts? in/.test(l))[0]}` };
});
row('10b', 'a path over 4,096 characters', () => {
  const dir = project({ 'a.md': FIXABLE });
  const deep = spawnSync('bash', ['-c', 'cd deep && for i in $(seq 1 40); do mkdir -p dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd && cd dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd; done; printf "%s" "$1" > x.md', '_', FIXABLE], { cwd: (mkdirSync(path.join(dir, 'deep')), dir) });
  if (deep.status !== 0) return { what: `setup failed: ${deep.stderr}` };
  const run = dmlint(['deep'], dir);
  return { ...run, what: `exit ${run.status}; ${firstLine(run.stderr) || 'no message'}; ${run.stdout.split('\n').filter((l) => /drafts? in/.test(l))[0]}` };
});
row('10c', 'a BOM in .dmlintrc.json and in package.json', () => {
  const a = project({ 'a.md': FIXABLE, '.dmlintrc.json': '\uFEFF{"defaults":{"locale":"en"}}' });
  const b = project({ 'a.md': FIXABLE, 'package.json': '\uFEFF{"name":"x","dmlint":{"defaults":{"locale":"en"}}}' });
  const ra = dmlint(['.'], a);
  const rb = dmlint(['.'], b);
  return { ...ra, what: `exit ${ra.status} and ${rb.status}; ${firstLine(ra.stderr) || 'no message'}` };
});
row('10d', '--stdin --fix with invalid UTF-8', () => {
  const dir = project();
  const input = Buffer.concat([Buffer.from(`${FRONT}Caf`), Buffer.from([0xe9]), Buffer.from(' ok!!\n')]);
  const run = spawnSync(process.execPath, [BIN, '--stdin', '--fix', '--stdin-filename', 'a.md'], { cwd: dir, input });
  const out = run.stdout;
  return { status: run.status, what: `exit ${run.status}; stdout ${out.equals(input) ? 'is the input unchanged' : out.includes(Buffer.from('\ufffd')) ? 'has U+FFFD in place of the byte' : 'differs'}; ${firstLine(run.stderr.toString()) || 'no message'}` };
});
row('10e', 'kill -9 during --fix and -o: temporary files left', async () => {
  const files = {};
  for (let i = 0; i < 500; i++) files[`d/${i}.md`] = FIXABLE;
  const dir = project(files);
  const child = spawn(process.execPath, [BIN, 'd', '--fix', '-o', 'report.json', '--concurrency', 'off'], { cwd: dir, stdio: 'ignore' });
  // Kill once the first fixes are written.
  const first = path.join(dir, 'd/0.md');
  while (readFileSync(first, 'utf8').includes('!!') && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 2));
  await new Promise((resolve) => setTimeout(resolve, 20));
  child.kill('SIGKILL');
  await new Promise((resolve) => child.on('exit', resolve));
  const leftovers = () => spawnSync('find', [dir, '-name', '*.tmp', '-o', '-name', '*.md.*'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  const left = leftovers();
  dmlint(['d', '--fix', '-o', 'report.json'], dir);
  const after = leftovers();
  return { what: `${left.length} temporary files left by the killed run (${left.slice(0, 2).map((f) => path.basename(f)).join(', ')}); ${after.length} after the next run${after.length ? ` (${after.map((f) => path.basename(f)).join(', ')})` : ''}` };
});

const chosen = rows.filter((r) => !only || only.includes(r.id));
console.log('| row | case | time | peak memory | what happened |');
console.log('| --- | --- | --- | --- | --- |');
for (const { id, title, fn } of chosen) {
  let outcome;
  try {
    outcome = await fn();
  } catch (error) {
    outcome = { what: `the script failed: ${error.message.split('\n')[0]}` };
  }
  const time = outcome.seconds === undefined ? '' : outcome.killed ? `> ${TIMEOUT} s (killed)` : `${outcome.seconds.toFixed(2)} s`;
  const memory = outcome.mib === undefined ? '' : `${outcome.mib} MiB`;
  console.log(`| ${id} | ${title.replace(/\|/g, '\\|')} | ${time} | ${memory} | ${String(outcome.what).replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`);
}
