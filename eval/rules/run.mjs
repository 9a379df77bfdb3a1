// Measures the judgment-call rules on the labelled drafts in this folder: `npm run eval`.
// Prints precision and recall per rule and language, then every misfire with its file and line.
//   node eval/rules/run.mjs [--split test|tune|all|round1-test] [--json]
// The default is the held-out test split; tune on `--split tune` (see eval/README.md).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintText, resolveConfig } from '../../dist/src/index.js';

const folder = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(folder, '../..');

/** Label key in `<!-- expect ... -->` comments, and the rule it is about. */
export const LABELS = {
  pitch: 'facebook/unsolicited-pitch',
  value: 'linkedin/inmail-value-proposition',
  cta: 'call-to-action',
  personal: 'twitter/personalization',
};

/**
 * Which split a draft belongs to. Round 1 split the first 312 drafts in halves by a hash of the id
 * (`--split round1-test` shows that half); rounds 2 to 6 were measured on the `r2-` to `r6-`
 * drafts. Each held-out set was written after the rules it measures were committed,
 * and once its misfires have been read for tuning it joins the tuning split. See eval/README.md.
 */
export const HELD_OUT = 'r6-';

export function splitOf(id) {
  return id.startsWith(HELD_OUT) ? 'test' : 'tune';
}

function round1Half(id) {
  return createHash('sha256').update(id).digest()[0] % 2 === 0 ? 'tune' : 'round1-test';
}

const EXPECT = /<!--\s*expect\s+([\s\S]*?)-->/g;
const PAIR = /([\w-]+)=(?:"([^"]*)"|(\S+))/g;

function parseExpectations(source) {
  return [...source.matchAll(EXPECT)].map((match) => {
    const labels = {};
    for (const pair of match[1].matchAll(PAIR)) labels[pair[1]] = pair[2] ?? pair[3];
    return { labels, end: match.index + match[0].length };
  });
}

function lineStartsOf(source) {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') starts.push(i + 1);
  return starts;
}

const emptyCount = () => ({ tp: 0, fp: 0, fn: 0, drafts: 0 });

/** Lints every labelled file and compares what the rules said with the labels. */
export async function evaluate({ split = 'test' } = {}) {
  const config = await resolveConfig({}, undefined, root);
  const counts = {};
  const misfires = [];
  const count = (rule, language) => ((counts[rule] ??= {})[language] ??= emptyCount());
  const files = readdirSync(folder).filter((name) => name.endsWith('.md')).sort();
  for (const name of files) {
    const file = path.join(folder, name);
    const relative = path.relative(root, file);
    const language = name.split('-')[0];
    const source = readFileSync(file, 'utf8');
    const starts = lineStartsOf(source);
    const offsetOf = (line, column) => starts[line - 1] + column - 1;
    const lineOf = (offset) => {
      let line = 0;
      while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
      return line + 1;
    };
    const expectations = parseExpectations(source);
    const result = await lintText(source, { filePath: relative, config, cwd: root });
    if (result.drafts.length !== expectations.length) {
      throw new Error(`${relative}: ${result.drafts.length} drafts but ${expectations.length} expect comments`);
    }
    result.drafts.forEach((draft, index) => {
      const { labels, end: labelsEnd } = expectations[index];
      if (!labels.id) throw new Error(`${relative}:${draft.line}: expect comment without id`);
      const inSplit = split === 'round1-test' ? round1Half(labels.id) === split : split === 'all' || splitOf(labels.id) === split;
      if (!inSplit) return;
      const diagnostics = result.diagnostics.filter((d) => d.draft === index);
      // The message starts after its expect comment, which holds the labelled phrases too.
      const draftStart = Math.max(starts[draft.line - 1], labelsEnd);
      const draftEnd = draft.endLine < starts.length ? starts[draft.endLine] : source.length;
      const where = `${relative}:${draft.line}`;
      for (const [key, ruleId] of Object.entries(LABELS)) {
        const label = labels[key];
        if (label === undefined) continue;
        const stats = count(ruleId, language);
        stats.drafts++;
        const reported = diagnostics.filter((d) => d.ruleId === ruleId);
        if (key === 'pitch') {
          // Occurrence level: each labelled phrase where it stands against each reported span.
          const expected = [];
          const body = source.slice(draftStart, draftEnd).toLowerCase();
          for (const phrase of label === 'none' ? [] : label.split('|')) {
            let at = body.indexOf(phrase.toLowerCase());
            if (at < 0) throw new Error(`${where} (${labels.id}): labelled phrase "${phrase}" is not in the draft`);
            for (; at >= 0; at = body.indexOf(phrase.toLowerCase(), at + 1)) {
              expected.push({ phrase, start: draftStart + at, end: draftStart + at + phrase.length, found: false });
            }
          }
          for (const d of reported) {
            const start = offsetOf(d.line, d.column);
            const end = offsetOf(d.endLine, d.endColumn);
            const hits = expected.filter((e) => e.start < end && start < e.end);
            if (hits.length === 0) {
              stats.fp++;
              misfires.push({ kind: 'false alarm', rule: ruleId, language, id: labels.id, where: `${relative}:${d.line}:${d.column}`, detail: source.slice(start, end) });
            } else {
              stats.tp++;
              for (const hit of hits) hit.found = true;
            }
          }
          for (const e of expected.filter((e) => !e.found)) {
            stats.fn++;
            misfires.push({ kind: 'miss', rule: ruleId, language, id: labels.id, where: `${relative}:${lineOf(e.start)}`, detail: e.phrase });
          }
        } else {
          const shouldFire = label === 'fire';
          if (label !== 'fire' && label !== 'pass') throw new Error(`${where} (${labels.id}): ${key}=${label}, expected fire or pass`);
          const fired = reported.length > 0;
          if (fired && shouldFire) stats.tp++;
          else if (fired) {
            stats.fp++;
            misfires.push({ kind: 'false alarm', rule: ruleId, language, id: labels.id, where, detail: reported[0].message });
          } else if (shouldFire) {
            stats.fn++;
            misfires.push({ kind: 'miss', rule: ruleId, language, id: labels.id, where, detail: '' });
          }
        }
      }
    });
  }
  const rows = [];
  for (const [rule, byLanguage] of Object.entries(counts).sort()) {
    for (const [language, s] of Object.entries(byLanguage).sort()) {
      rows.push({
        rule,
        language,
        ...s,
        precision: s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp),
        recall: s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn),
      });
    }
  }
  return { split, rows, misfires };
}

const percent = (x) => `${(x * 100).toFixed(1)}%`;

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const splitArg = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'test';
  if (!['test', 'tune', 'all', 'round1-test'].includes(splitArg)) {
    console.error(`--split must be test, tune, all or round1-test, not "${splitArg}"`);
    process.exit(2);
  }
  const report = await evaluate({ split: splitArg });
  if (args.includes('--json')) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log(`Split: ${report.split}. Precision = right alarms / alarms; recall = caught / should fire.\n`);
    console.log('| rule | lang | drafts | right alarms | false alarms | misses | precision | recall |');
    console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of report.rows) {
      console.log(`| ${r.rule} | ${r.language} | ${r.drafts} | ${r.tp} | ${r.fp} | ${r.fn} | ${percent(r.precision)} | ${percent(r.recall)} |`);
    }
    if (report.misfires.length > 0) console.log('\nMisfires:');
    for (const m of report.misfires) {
      console.log(`  ${m.kind.padEnd(11)} ${m.rule} [${m.id}] ${m.where}${m.detail ? `  ${JSON.stringify(m.detail)}` : ''}`);
    }
  }
}
