// `npm run eval`: the judgment rules measured on the independently written drafts and on real mail.
//   node eval/judgment/run.mjs [--split train|validation|test|all] [--json] [--misses]
// Prints precision and recall per rule, language and split, and for the pitch rule the share of
// SpamAssassin spam and ordinary mail it flags (with the spam broken down by language, by a
// heuristic count of common English and French words). `--misses` lists the wrong calls, and refuses to
// do so on the test split: those drafts are measured, never read for tuning.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintText, resolveConfig } from '../../dist/src/index.js';
import { mailExamples, writerExamples } from './data.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const emptyCount = () => ({ tp: 0, fp: 0, fn: 0, tn: 0 });
const ratio = (a, b) => (b === 0 ? null : a / b);

export function scores(count) {
  return {
    precision: ratio(count.tp, count.tp + count.fp),
    recall: ratio(count.tp, count.tp + count.fn),
    flagged: ratio(count.tp + count.fp, count.tp + count.fp + count.tn + count.fn),
    ...count,
  };
}

/** Lints each example as a draft file and says whether its rule fired. */
export async function predict(examples) {
  const config = await resolveConfig({}, undefined, root);
  const out = [];
  for (const example of examples) {
    const result = await lintText(example.markdown, { filePath: `${example.id}.md`, config, cwd: root });
    const fired = result.diagnostics.some((d) => d.ruleId === example.rule);
    out.push({ ...example, fired });
  }
  return out;
}

/** Counts per `rule`, `group` (language, or the mail group) and split. */
export function tally(predictions) {
  const table = new Map();
  for (const p of predictions) {
    const group = p.writer.includes('-') ? p.writer : p.locale;
    for (const split of [p.split, 'all']) {
      const key = `${p.rule}\u0000${group}\u0000${split}`;
      const count = table.get(key) ?? emptyCount();
      if (p.fired && p.label) count.tp++;
      else if (p.fired) count.fp++;
      else if (p.label) count.fn++;
      else count.tn++;
      table.set(key, count);
    }
  }
  return [...table].map(([key, count]) => {
    const [rule, group, split] = key.split('\u0000');
    return { rule, group, split, ...scores(count) };
  });
}

/** Every figure `npm run eval` prints, on the chosen split. */
export async function evaluate({ split = 'test' } = {}) {
  const examples = [...writerExamples(), ...(await mailExamples())].filter((e) => split === 'all' || e.split === split);
  const predictions = await predict(examples);
  return { rows: tally(predictions).filter((row) => row.split === split), predictions };
}

// Common English and French words: a message where fewer than 8% of the words are among them,
// or with more than 20 Chinese, Japanese or Korean characters, reads as neither language. Only
// to break the spam figure down (the rule reads English and French); nothing is fitted on it.
const COMMON_WORDS = new Set(
  'the and you your we our is are to of for with this that it in on at be have has will can would could just if not do does about from my me an a as by so get more new le la les un une des du de et vous votre vos nous notre nos est sont pour avec ce cette ces qui que dans sur pas ne je tu au aux en plus mais ou'.split(' '),
);
const CJK = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

export function readsAsEnglishOrFrench(text) {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length === 0 || (text.match(CJK)?.length ?? 0) > 20) return false;
  return words.filter((word) => COMMON_WORDS.has(word)).length / words.length >= 0.08;
}

const pct = (value) => (value === null ? '   -' : `${(value * 100).toFixed(1).padStart(5)}%`);

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const split = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'test';
  const { rows, predictions } = await evaluate({ split });
  if (args.includes('--json')) {
    console.log(JSON.stringify(rows, null, 2));
  } else {
    console.log(`split: ${split}`);
    console.log('rule                               group        n    precision  recall   flagged');
    for (const row of rows.sort((a, b) => a.rule.localeCompare(b.rule) || a.group.localeCompare(b.group))) {
      const n = row.tp + row.fp + row.fn + row.tn;
      console.log(`${row.rule.padEnd(34)} ${row.group.padEnd(11)} ${String(n).padStart(4)}   ${pct(row.precision)}    ${pct(row.recall)}   ${pct(row.flagged)}`);
    }
    const spam = predictions.filter((p) => p.writer === 'spam-1');
    const inScope = spam.filter((p) => readsAsEnglishOrFrench(p.text));
    const other = spam.filter((p) => !inScope.includes(p));
    if (spam.length > 0) {
      console.log(
        `spam-1 in another language or script: ${other.length} of ${spam.length} messages, ${other.filter((p) => !p.fired).length} of the ${spam.filter((p) => !p.fired).length} let through; ` +
          `in English or French: ${inScope.filter((p) => p.fired).length} of ${inScope.length} flagged (${pct(ratio(inScope.filter((p) => p.fired).length, inScope.length)).trim()})`,
      );
    }
  }
  if (args.includes('--misses')) {
    if (split === 'test' || split === 'all') {
      console.error('--misses is refused on the test split: read misses on train or validation only');
      process.exit(2);
    }
    for (const p of predictions.filter((p) => p.fired !== !!p.label)) {
      console.log(`\n${p.fired ? 'FALSE ALARM' : 'MISS'} ${p.rule} ${p.id} (${p.locale})\n${p.subject ? `[${p.subject}] ` : ''}${p.text.slice(0, 600)}`);
    }
  }
}
