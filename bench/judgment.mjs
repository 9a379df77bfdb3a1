// `npm run bench:judgment`: what the two judgment scorers cost, the way a run pays it.
//
// - load: in a fresh process, what each scorer reads before it can judge (its weights, its word
//   families' matchers), then the first draft each scorer judges (that load, plus code running
//   for the first time) against the second; medians of several processes.
// - per draft: every Facebook draft and LinkedIn InMail of the 10,000-draft corpus (seed 1) judged
//   by the rules as the engine calls them, once in a fresh process (cold, as a worker thread meets
//   them) and again after warming up.
// - side by side (`--against DIR`, a checkout of another build with dist/ built): the CLI on the
//   10,000 drafts, one thread and default threads, runs of the two builds interleaved.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const corpus = path.join(os.tmpdir(), 'dmlint-bench-corpus', 'c10000');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(1)} ms`;

const SAMPLE =
  'Hi Sam, loved your talk on supply chains last week. We help teams like yours cut freight costs by 20%, would you be open to a 15-minute call on Thursday?';

/** Run inside a child process: times the first and second draft of each scorer. */
async function loadChild(build) {
  const load = async (file) => (await import(pathToFileURL(path.join(build, 'dist/rules', file)).href)).default;
  const pitch = await load('facebook/unsolicited-pitch.js');
  const value = await load('linkedin/inmail-value-proposition.js');
  const judged = (rule, draft) => {
    const context = { options: rule.meta.defaultOptions, report() {} };
    const listener = rule.create(context);
    const start = performance.now();
    listener.draft(draft);
    return performance.now() - start;
  };
  const draft = (platform, text) => ({ platform, text, locale: 'en', audience: 'cold', kind: 'inmail', subject: 'Freight' });
  process.stdout.write(
    JSON.stringify({
      pitchFirst: judged(pitch, draft('facebook', SAMPLE)),
      pitchSecond: judged(pitch, draft('facebook', `${SAMPLE} Thanks!`)),
      valueFirst: judged(value, draft('linkedin', SAMPLE)),
      valueSecond: judged(value, draft('linkedin', `${SAMPLE} Thanks!`)),
    }),
  );
}

/**
 * Run inside a child process: what each scorer loads before it can judge, timed apart from any
 * judging: its weights read and parsed, and its word families' matchers (read from the
 * `.phrases.bin` the build wrote, as the rule does, or built when that file is absent).
 */
async function readyChild(build) {
  const { loadWords } = await import(pathToFileURL(path.join(build, 'dist/src/rule-api/words.js')).href);
  const { score } = await import(pathToFileURL(path.join(build, 'dist/src/text/scorer.js')).href);
  const out = {};
  for (const [name, file, model] of [
    ['pitch', 'facebook/unsolicited-pitch', 'PITCH_MODEL'],
    ['value', 'linkedin/inmail-value-proposition', 'VALUE_MODEL'],
  ]) {
    const rule = await import(pathToFileURL(path.join(build, 'dist/rules', `${file}.js`)).href);
    const data = JSON.parse(readFileSync(path.join(build, 'dist/rules', `${file}.words.json`), 'utf8'));
    const start = performance.now();
    // Read and made ready to look up: an empty score unpacks every table of the weights.
    score(rule[model], []);
    const weighed = performance.now();
    const words = loadWords(data, pathToFileURL(path.join(build, 'dist/rules', `${file}.phrases.bin`)));
    for (const locale of Object.keys(data)) words.families([locale]);
    const end = performance.now();
    out[name] = { weights: weighed - start, families: end - weighed };
  }
  process.stdout.write(JSON.stringify(out));
}

/** Run inside a child process: judges the corpus's drafts, `passes` times. */
async function draftsChild(build, passes) {
  const { parseDraftFile } = await import(pathToFileURL(path.join(build, 'dist/src/index.js')).href);
  const load = async (file) => (await import(pathToFileURL(path.join(build, 'dist/rules', file)).href)).default;
  const pitch = await load('facebook/unsolicited-pitch.js');
  const value = await load('linkedin/inmail-value-proposition.js');
  const facebook = [];
  const inmails = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith('.md')) {
        for (const draft of parseDraftFile(file, readFileSync(file, 'utf8')).drafts) {
          if (draft.platform === 'facebook') facebook.push(draft);
          else if (draft.platform === 'linkedin' && (draft.kind ?? 'inmail') === 'inmail') inmails.push(draft);
        }
      }
    }
  };
  walk(corpus);
  // Every audience judged, so that the exempt ones do not make the figure smaller.
  const pitchRule = pitch.create({ options: { ...pitch.meta.defaultOptions, exemptAudiences: [] }, report() {} });
  const valueRule = value.create({ options: value.meta.defaultOptions, report() {} });
  const rounds = [];
  for (let pass = 0; pass < passes; pass++) {
    const a = performance.now();
    for (const draft of facebook) pitchRule.draft(draft);
    const b = performance.now();
    for (const draft of inmails) valueRule.draft(draft);
    const c = performance.now();
    rounds.push({ pitch: b - a, value: c - b });
  }
  process.stdout.write(JSON.stringify({ facebook: facebook.length, inmails: inmails.length, rounds }));
}

function child(mode, build, extra = []) {
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, build, ...extra], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${mode} child failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

function timeCli(build, extra) {
  const start = performance.now();
  const run = spawnSync(process.execPath, [path.join(build, 'bin/dmlint.js'), '.', '--no-color', ...extra], { cwd: corpus, stdio: 'ignore' });
  if (run.status === null) throw new Error('the CLI was killed');
  return (performance.now() - start) / 1000;
}

async function main() {
  if (args[0] === '--child') {
    if (args[1] === 'load') return loadChild(args[2]);
    if (args[1] === 'ready') return readyChild(args[2]);
    return draftsChild(args[2], Number(args[3]));
  }
  if (!existsSync(corpus)) {
    console.error('the 10,000-draft corpus is missing: run `node bench/run.mjs --only 10k` once to generate it');
    process.exit(2);
  }
  const builds = [root, ...(option('--against') ? [path.resolve(option('--against'))] : [])];
  const lines = [`Measured ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}.`, ''];

  const ready = Array.from({ length: 9 }, () => child('ready', root));
  const readyOf = (name, part) => median(ready.map((r) => r[name][part]));
  lines.push('| scorer load in a fresh process, median of 9 | weights | word families (en, fr) | total |', '| --- | ---: | ---: | ---: |');
  for (const [label, name] of [['facebook/unsolicited-pitch', 'pitch'], ['linkedin/inmail-value-proposition', 'value']]) {
    lines.push(`| ${label} | ${ms(readyOf(name, 'weights'))} | ${ms(readyOf(name, 'families'))} | ${ms(median(ready.map((r) => r[name].weights + r[name].families)))} |`);
  }
  lines.push('');

  const loads = Array.from({ length: 9 }, () => child('load', root));
  lines.push('| first draft in a fresh process | median | second draft |', '| --- | ---: | ---: |');
  lines.push(`| facebook/unsolicited-pitch | ${ms(median(loads.map((l) => l.pitchFirst)))} | ${ms(median(loads.map((l) => l.pitchSecond)))} |`);
  lines.push(`| linkedin/inmail-value-proposition | ${ms(median(loads.map((l) => l.valueFirst)))} | ${ms(median(loads.map((l) => l.valueSecond)))} |`, '');

  const cold = Array.from({ length: 5 }, () => child('drafts', root, ['1']).rounds[0]);
  const warm = child('drafts', root, ['8']);
  const perDraft = (total, count) => `${((total / count) * 1000).toFixed(0)} µs`;
  lines.push(`| judged per draft (${warm.facebook} Facebook drafts, ${warm.inmails} InMails) | cold, median of 5 processes | warm, best of 8 passes |`, '| --- | ---: | ---: |');
  lines.push(`| facebook/unsolicited-pitch | ${perDraft(median(cold.map((r) => r.pitch)), warm.facebook)} | ${perDraft(Math.min(...warm.rounds.map((r) => r.pitch)), warm.facebook)} |`);
  lines.push(`| linkedin/inmail-value-proposition | ${perDraft(median(cold.map((r) => r.value)), warm.inmails)} | ${perDraft(Math.min(...warm.rounds.map((r) => r.value)), warm.inmails)} |`, '');

  if (builds.length > 1) {
    const runs = Number(option('--runs', '6'));
    lines.push(`| 10,000 drafts, CLI (${runs} runs each, interleaved) | this build, median | ${path.basename(builds[1])}, median | ratio of medians | median of the runs' ratios |`, '| --- | ---: | ---: | ---: | ---: |');
    for (const [label, extra] of [
      ['one thread (--concurrency off)', ['--concurrency', 'off']],
      ['default threads', []],
    ]) {
      const times = builds.map(() => []);
      // Each run times both builds back to back, which goes first alternating (ABBA): on a shared
      // machine the second of two runs was often slower, which favoured whichever went first.
      for (let run = 0; run < runs; run++) {
        const order = run % 2 === 0 ? [0, 1] : [1, 0];
        for (const i of order) times[i].push(timeCli(builds[i], extra));
      }
      const [mine, theirs] = times.map(median);
      const paired = median(times[0].map((time, run) => time / times[1][run]));
      lines.push(`| ${label} | ${mine.toFixed(2)} s | ${theirs.toFixed(2)} s | ${(mine / theirs).toFixed(2)} | ${paired.toFixed(2)} |`);
    }
    lines.push('');
  }
  const text = lines.join('\n');
  console.log(text);
  if (args.includes('--write')) writeFileSync(path.join(here, 'judgment-results.md'), `# Judgment scorers: measured cost\n\nWritten by \`npm run bench:judgment\` (bench/judgment.mjs).\n\n${text}`);
}

await main();
