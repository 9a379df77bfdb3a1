// Copies each judgment rule's weights (rules/**/<rule>.weights.json, read at run time beside the
// module that scores: see src/rule-api/model.ts) beside the built rule in dist/rules and beside
// the bundle's chunks in dist/bundle. tsc copies only the JSON that modules import.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

function* weightsFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* weightsFiles(file);
    else if (entry.name.endsWith('.weights.json')) yield file;
  }
}

const target = process.argv[2] ?? 'both';
for (const file of weightsFiles('rules')) {
  if (target !== 'bundle') {
    mkdirSync(path.join('dist', path.dirname(file)), { recursive: true });
    copyFileSync(file, path.join('dist', file));
  }
  if (target !== 'dist') {
    mkdirSync('dist/bundle', { recursive: true });
    copyFileSync(file, path.join('dist/bundle', path.basename(file)));
  }
}
