// Puts the data the built rules read at run time beside them, in dist/rules and beside the
// bundle's chunks in dist/bundle (tsc copies only the JSON that modules import):
// - each judgment rule's weights, rules/**/<rule>.weights.json, copied (src/rule-api/model.ts);
// - for each rule that reads its family matchers from a file (it hands './<rule>.phrases.bin' to
//   loadWords), the matchers of its words file built ahead of time (src/rule-api/words.ts), so
//   that its first draft does not build them.
// Run after tsc: the tables are made by the built dist/src/rule-api/words.js.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { familyTablesFile } from '../dist/src/rule-api/words.js';

function* filesEndingIn(dir, suffix) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesEndingIn(file, suffix);
    else if (entry.name.endsWith(suffix)) yield file;
  }
}

const target = process.argv[2] ?? 'both';

/** Writes `bytes` as `name` (a path under rules/) in the targets asked for. */
function put(name, bytes) {
  if (target !== 'bundle') {
    mkdirSync(path.join('dist', path.dirname(name)), { recursive: true });
    writeFileSync(path.join('dist', name), bytes);
  }
  if (target !== 'dist') {
    mkdirSync('dist/bundle', { recursive: true });
    writeFileSync(path.join('dist/bundle', path.basename(name)), bytes);
  }
}

for (const file of filesEndingIn('rules', '.weights.json')) put(file, readFileSync(file));
for (const file of filesEndingIn('rules', '.words.json')) {
  const tables = file.replace(/\.words\.json$/, '.phrases.bin');
  const rule = readFileSync(file.replace(/\.words\.json$/, '.ts'), 'utf8');
  if (new RegExp(`['"\`]\\./${path.basename(tables).replaceAll('.', '\\.')}['"\`]`).test(rule)) put(tables, familyTablesFile(JSON.parse(readFileSync(file, 'utf8'))));
}
