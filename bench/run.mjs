// `npm run bench`: dmlint against the linters people use today, side by side in one run.
// Corpora come from ../shared/corpus/gen-corpus.mjs (seed 1); anchors install into
// bench/.anchors on first use (never as dmlint dependencies). Options:
//   --quick        fewer runs, no 100,000 case
//   --only NAME    one case: single, 1k, 10k, cache, adoption, big, stress, 100k
//   --write        write the table into bench/README.md
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
// Outside the repository: dmlint honours .gitignore, and the anchors do not, so corpora under an
// ignored folder would be skipped by one tool and not the others.
const corpusDir = path.join(os.tmpdir(), 'dmlint-bench-corpus');
const anchorsDir = path.join(here, '.anchors');
const generator = path.resolve(root, '../shared/corpus/gen-corpus.mjs');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

// textlint with no rule parses nothing, so it gets one trivial rule (no-todo) to do the work of reading.
const ANCHORS = { 'markdownlint-cli2': '0.24', 'remark-cli': '12', 'remark-preset-lint-recommended': '7', textlint: '15', 'textlint-rule-no-todo': '2' };

function ensureCorpus(name, count, big = false) {
  const dir = path.join(corpusDir, name);
  if (!existsSync(path.join(dir, '.done'))) {
    if (!existsSync(generator)) throw new Error(`the corpus generator is missing: ${generator}`);
    rmSync(dir, { recursive: true, force: true });
    console.error(`generating ${name} (${count} drafts${big ? ' + big.md' : ''})...`);
    execFileSync(process.execPath, [generator, dir, String(count), '--seed', '1', ...(big ? ['--big'] : [])], { stdio: 'ignore' });
    writeFileSync(path.join(dir, '.done'), '');
  }
  return dir;
}

function ensureAnchors() {
  if (existsSync(path.join(anchorsDir, '.done'))) return;
  mkdirSync(anchorsDir, { recursive: true });
  writeFileSync(path.join(anchorsDir, 'package.json'), JSON.stringify({ name: 'dmlint-bench-anchors', private: true }));
  console.error('installing the anchor tools into bench/.anchors ...');
  const specs = Object.entries(ANCHORS).map(([name, version]) => `${name}@${version}`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--engine-strict=false', ...specs], { cwd: anchorsDir, stdio: 'ignore' });
  writeFileSync(path.join(anchorsDir, '.textlintrc.json'), JSON.stringify({ rules: { 'no-todo': true } }));
  writeFileSync(path.join(anchorsDir, '.done'), '');
}

const bin = (name) => path.join(anchorsDir, 'node_modules/.bin', name);

/** Tools and how each lints a target (a folder of drafts, or one file). */
const TOOLS = {
  dmlint: (target) => [process.execPath, [path.join(root, 'bin/dmlint.js'), target]],
  'markdownlint-cli2': (target, isFile) => [bin('markdownlint-cli2'), [isFile ? target : `${target}/**/*.md`]],
  // remark resolves --use from the working directory (the corpus): name the preset by its path.
  remark: (target) => [bin('remark'), [target, '--use', path.join(anchorsDir, 'node_modules/remark-preset-lint-recommended/index.js'), '--quiet', '--no-stdout']],
  textlint: (target, isFile) => [bin('textlint'), ['--config', path.join(anchorsDir, '.textlintrc.json'), isFile ? target : `${target}/**/*.md`]],
  'node -e 0': () => [process.execPath, ['-e', '0']],
};

/** One timed run: wall seconds and peak resident memory (MiB) of the process. */
function measure(command, commandArgs, cwd, extraEnv = {}) {
  const env = { ...process.env, NO_COLOR: '1', ...extraEnv };
  if (TIME) {
    // Wall time measured here to the millisecond (GNU time's %e has 10 ms steps, too coarse for a
    // cold start); the wrapper's own start, about a millisecond, is the same for every tool.
    const start = performance.now();
    const run = spawnSync(TIME, ['-f', '%M', command, ...commandArgs], { cwd, env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
    const seconds = (performance.now() - start) / 1000;
    const kb = Number(run.stderr.trim().split('\n').pop());
    return { seconds, mib: kb / 1024, status: run.status };
  }
  const start = performance.now();
  const run = spawnSync(command, commandArgs, { cwd, env, stdio: 'ignore' });
  return { seconds: (performance.now() - start) / 1000, mib: NaN, status: run.status };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function bench(tool, target, { runs, isFile = false, cwd = root, env = {}, warmup = 1 }) {
  const [command, commandArgs] = TOOLS[tool](target, isFile);
  for (let i = 0; i < warmup; i++) measure(command, commandArgs, cwd, env);
  const samples = Array.from({ length: runs }, () => measure(command, commandArgs, cwd, env));
  if (samples.some((s) => s.status !== 0 && s.status !== 1)) throw new Error(`${tool} exited ${samples.map((s) => s.status).join(',')} on ${target}: fix the benchmark before trusting it`);
  return { seconds: median(samples.map((s) => s.seconds)), mib: Math.max(...samples.map((s) => s.mib)) };
}

const rows = [];
function record(caseName, drafts, tool, result, reference) {
  rows.push({ caseName, drafts, tool, ...result, reference });
  const rate = drafts ? `${Math.round(drafts / result.seconds)} drafts/s` : '';
  console.error(`${caseName.padEnd(28)} ${tool.padEnd(18)} ${result.seconds.toFixed(3).padStart(8)} s ${result.mib.toFixed(0).padStart(5)} MiB ${rate}`);
}

const want = (name) => !only || only === name;
const anchors = ['markdownlint-cli2', 'remark', 'textlint'];
ensureAnchors();
probeAnchors();

/** Each anchor must really lint: a tool that fails to load its rules is fast and meaningless. */
function probeAnchors() {
  const dir = ensureCorpus('c1', 1);
  const file = execFileSync('find', [dir, '-name', '*.md'], { encoding: 'utf8' }).trim().split('\n')[0];
  // Problems each anchor reports by default: a reference with no definition, TODO, no final newline.
  writeFileSync(path.join(dir, 'probe.md'), '# Title\n\nSee [the guide][nowhere].\n\n\n\nTODO: this');
  for (const tool of anchors) {
    const [command, commandArgs] = TOOLS[tool]('probe.md', true);
    const run = spawnSync(command, commandArgs, { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const output = run.stdout + run.stderr;
    if (/Cannot find module|Cannot process file|No rules found|How to set up rules/i.test(output) || !/probe\.md/.test(output)) {
      throw new Error(`${tool} does not lint (fix the benchmark): ${output.slice(0, 300)}`);
    }
  }
  rmSync(path.join(dir, 'probe.md'));
  void file;
}

if (want('single')) {
  const dir = ensureCorpus('c1', 1);
  const file = path.relative(dir, execFileSync('find', [dir, '-name', '*.md'], { encoding: 'utf8' }).trim().split('\n')[0]);
  for (const tool of ['dmlint', ...anchors, 'node -e 0']) record('one small draft, cold process', 1, tool, bench(tool, file, { runs: quick ? 5 : 15, isFile: true, cwd: dir }));
}
if (want('1k')) {
  const dir = ensureCorpus('c1000', 1000);
  for (const tool of ['dmlint', ...anchors]) record('1,000 drafts', 1000, tool, bench(tool, 'campaigns', { runs: quick ? 2 : 5, cwd: dir }));
}
if (want('10k')) {
  const dir = ensureCorpus('c10000', 10000);
  for (const tool of ['dmlint', ...anchors]) record('10,000 drafts', 10000, tool, bench(tool, 'campaigns', { runs: quick ? 1 : 3, cwd: dir, warmup: quick ? 0 : 1 }));
  record('10,000 drafts, --concurrency off', 10000, 'dmlint', (() => {
    const [command, commandArgs] = TOOLS.dmlint('campaigns');
    return median3(() => measure(command, [...commandArgs, '--concurrency', 'off'], dir), quick ? 1 : 3);
  })());
}
if (want('cache')) {
  const dir = ensureCorpus('c10000', 10000);
  const cacheFile = path.join(dir, '.dmlintcache');
  const [command, commandArgs] = TOOLS.dmlint('campaigns');
  // Each cold run starts without a cache file; the last one leaves the cache the warm runs use.
  const cold = () => {
    rmSync(cacheFile, { force: true });
    return measure(command, [...commandArgs, '--cache'], dir);
  };
  record('10,000 drafts, --cache, cold', 10000, 'dmlint', median3(cold, quick ? 1 : 3));
  record('10,000 drafts, --cache, warm', 10000, 'dmlint', median3(() => measure(command, [...commandArgs, '--cache'], dir), quick ? 1 : 5));
  rmSync(cacheFile, { force: true });
}
if (want('adoption')) {
  // What issue 16 adds to a run: the review report, and a suppressions file holding every problem.
  const dir = ensureCorpus('c10000', 10000);
  const [command, commandArgs] = TOOLS.dmlint('campaigns');
  const report = path.join(dir, 'review.html');
  const suppressions = path.join(dir, 'dmlint-suppressions.json');
  try {
    record('10,000 drafts, -f html', 10000, 'dmlint', median3(() => measure(command, [...commandArgs, '-f', 'html', '-o', report], dir), quick ? 1 : 3));
    console.error(`review.html: ${(statSync(report).size / 2 ** 20).toFixed(1)} MiB`);
    spawnSync(command, [...commandArgs, '--suppress-all'], { cwd: dir, stdio: 'ignore' });
    record('10,000 drafts, every problem suppressed', 10000, 'dmlint', median3(() => measure(command, commandArgs, dir), quick ? 1 : 3));
  } finally {
    rmSync(report, { force: true });
    rmSync(suppressions, { force: true });
  }
}
if (want('big')) {
  const dir = ensureCorpus('big', 1, true);
  const drafts = (readFileSync(path.join(dir, 'big.md'), 'utf8').match(/<!-- dmlint-draft/g) ?? []).length;
  for (const tool of ['dmlint', ...anchors]) record('one 5 MB file of drafts', drafts, tool, bench(tool, 'big.md', { runs: quick ? 1 : 3, isFile: true, cwd: dir, warmup: 0 }));
}
if (want('stress')) {
  // Bad input at scale (issue 6): time and memory must stay linear. dmlint only.
  const dir = path.join(corpusDir, 'stress');
  if (!existsSync(path.join(dir, '.done'))) {
    mkdirSync(dir, { recursive: true });
    const paragraph = 'Hello {{first_name}}, this is a long paragraph about our spring programme. ';
    const chunks = [];
    for (let size = 0, n = 0; size < 50 * 2 ** 20; n++) {
      chunks.push(n % 20 === 19 ? `${paragraph}\n\n` : paragraph);
      size += paragraph.length;
    }
    writeFileSync(path.join(dir, 'draft-50mb.md'), `---\nplatform: facebook\naudience: inbound\n---\n${chunks.join('')}\nQuestions?\n`);
    writeFileSync(path.join(dir, 'line-1mb.md'), `---\nplatform: twitter\naudience: follower\n---\n${'word '.repeat(209_716)}?\n`);
    const drafts = Array.from({ length: 100_000 }, (_, i) => `<!-- dmlint-draft platform=twitter audience=follower -->\nHi {{first_name}}, note ${i}?\n`);
    writeFileSync(path.join(dir, 'drafts-100k.md'), drafts.join('\n'));
    // 3,000 phrases sharing long prefixes, over a megabyte of one letter: hopeless for a backtracking matcher.
    const phrases = Array.from({ length: 3000 }, (_, i) => `${'a'.repeat(20 + (i % 40))}b${i}`);
    writeFileSync(path.join(dir, '.dmlintrc.json'), JSON.stringify({ phrases: [{ id: 'stress/many', match: phrases, message: 'm' }] }));
    writeFileSync(path.join(dir, 'adversarial.md'), `---\nplatform: linkedin\nkind: message\n---\n${'a'.repeat(1_000_000)}?\n`);
    writeFileSync(path.join(dir, '.done'), '');
  }
  const [command] = TOOLS.dmlint('x');
  const stress = (label, file, drafts) => record(label, drafts, 'dmlint', median3(() => measure(command, [path.join(root, 'bin/dmlint.js'), file], dir), 1));
  stress('a line of 1 MB', 'line-1mb.md', 1);
  stress('100,000 drafts in one file', 'drafts-100k.md', 100000);
  stress('one 50 MB draft', 'draft-50mb.md', 1);
  stress('3,000 phrases over 1 MB of one letter', 'adversarial.md', 1);
}
if (want('100k') && !quick) {
  const dir = ensureCorpus('c100000', 100000);
  record('100,000 drafts', 100000, 'dmlint', bench('dmlint', 'campaigns', { runs: 1, cwd: dir, warmup: 0 }));
}

function median3(fn, runs) {
  const samples = Array.from({ length: runs }, fn);
  return { seconds: median(samples.map((s) => s.seconds)), mib: Math.max(...samples.map((s) => s.mib)) };
}

// The table: one row per case and tool, with dmlint's ratio to each anchor in the same case.
const lines = [
  '| case | tool | median | drafts/s | peak memory | dmlint ÷ tool |',
  '| --- | --- | ---: | ---: | ---: | ---: |',
];
for (const row of rows) {
  const dm = rows.find((r) => r.caseName === row.caseName && r.tool === 'dmlint');
  const ratio = dm && row.tool !== 'dmlint' ? (dm.seconds / row.seconds).toFixed(2) : '';
  const rate = row.drafts && row.tool !== 'node -e 0' ? Math.round(row.drafts / row.seconds).toLocaleString('en') : '';
  lines.push(`| ${row.caseName} | ${row.tool} | ${row.seconds < 1 ? `${Math.round(row.seconds * 1000)} ms` : `${row.seconds.toFixed(2)} s`} | ${rate} | ${Number.isNaN(row.mib) ? 'n/a' : `${Math.round(row.mib)} MiB`} | ${ratio} |`);
}
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const header = `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}. Medians of ${quick ? 'quick' : 'several'} runs after a warm-up; peak memory is the largest resident set (GNU time).`;
const table = `${header}\n\n${lines.join('\n')}\n`;
console.log(table);
if (args.includes('--write')) {
  const readme = path.join(here, 'README.md');
  const current = existsSync(readme) ? readFileSync(readme, 'utf8') : '';
  const begin = '<!-- bench:begin -->';
  const end = '<!-- bench:end -->';
  let block = table;
  if (only && current.includes(begin)) {
    // One case re-run: replace its rows in the table already written, keep the others.
    const previous = current.slice(current.indexOf(begin) + begin.length, current.indexOf(end)).trim().split('\n');
    const cases = new Set(rows.map((row) => row.caseName));
    const kept = previous.filter((line) => !cases.has(line.split('|')[1]?.trim()));
    block = `${[...kept, ...lines.slice(2)].join('\n')}\n`;
  }
  const next = current.includes(begin) ? current.slice(0, current.indexOf(begin) + begin.length) + '\n' + block + current.slice(current.indexOf(end)) : `${current}\n${begin}\n${block}${end}\n`;
  writeFileSync(readme, next);
}
