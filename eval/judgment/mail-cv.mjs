// Five-fold cross-validation of the pitch scorer on real mail, train and validation splits only:
//   node eval/judgment/mail-cv.mjs [--set name=value] [--threshold T] [--misses FILE]
// Validation holds 84 spam messages, too few to tell one setting from another; here every
// spam and ordinary message of train + validation is scored by a model fitted without it (the
// writers' train drafts plus the mail of the other four folds). Prints the share of each mail
// group flagged at the threshold (the shipped one by default); `--misses FILE` writes the spam
// that was not, weakest first, to read. Test-split messages and drafts are dropped as soon as the
// data is read, before anything is fitted, scored or written.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldsOf } from './near-duplicates.mjs';
import { examplesFor, fitPruned, OPTIONS, scoreRows, SCORERS, sourceWeight, vectorize } from './train.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

const options = { ...OPTIONS.pitch };
for (let i = args.indexOf('--set'); i >= 0; i = args.indexOf('--set', i + 1)) {
  const [key, value] = args[i + 1].split('=');
  options[key] = Number(value);
}
const shipped = JSON.parse(readFileSync(path.join(root, SCORERS.pitch.model), 'utf8'));
const threshold = Number(option('--threshold') ?? shipped.threshold);

const examples = (await examplesFor('pitch')).filter((e) => e.split === 'train' || e.split === 'validation');
const rows = await vectorize('pitch', examples);
const isMail = (row) => row.example.writer.includes('-');
// Each campaign sent many times stays in one fold (`--ungrouped`: folds drawn message by message).
const folds = foldsOf(rows.filter(isMail).map((row) => row.example), { grouped: !args.includes('--ungrouped') });
const foldOf = (row) => folds.get(row.example.id);
const writerTrain = rows.filter((row) => !isMail(row) && row.example.split === 'train');

const scored = [];
for (let fold = 0; fold < 5; fold++) {
  const model = fitPruned([...writerTrain, ...rows.filter((row) => isMail(row) && foldOf(row) !== fold)], { ...options, weightOf: sourceWeight(options.mailWeight) });
  scored.push(...scoreRows(model, rows.filter((row) => isMail(row) && foldOf(row) === fold)));
}

console.log(`out of fold, threshold ${threshold}:`);
for (const group of ['spam-1', 'easy-ham-1', 'hard-ham-1']) {
  const inGroup = scored.filter(({ example }) => example.writer === group);
  const flagged = inGroup.filter(({ p }) => p >= threshold).length;
  const pitches = inGroup.filter(({ example }) => example.label);
  const caught = pitches.filter(({ p }) => p >= threshold).length;
  console.log(`${group.padEnd(11)} n=${String(inGroup.length).padStart(4)}  flagged ${((100 * flagged) / inGroup.length).toFixed(1).padStart(5)}%  pitches caught ${caught}/${pitches.length}`);
}
const file = option('--misses');
if (file) {
  const missed = scored.filter(({ p, example }) => example.writer === 'spam-1' && p < threshold).sort((a, b) => a.p - b.p);
  writeFileSync(file, missed.map(({ p, example }) => `=== ${example.id} (${example.split}) p=${p.toFixed(3)}\n${example.text.slice(0, 800)}\n`).join('\n'));
  console.log(`${missed.length} missed spam messages written to ${file}`);
}
