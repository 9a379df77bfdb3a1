// `npm run docs`: writes what the docs take from the built rule metadata: the generated header of
// every docs/rules/<id>.md, and the rules table in README.md.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withHeader } from '../dist/src/docs/rule-header.js';
import { withRulesTable } from '../dist/src/docs/rules-table.js';
import { builtinRules } from '../dist/rules/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function update(file, next, current) {
  if (next === current) return;
  writeFileSync(file, next);
  console.log(`updated ${path.relative(root, file)}`);
}

for (const rule of builtinRules) {
  const page = path.join(root, 'docs/rules', `${rule.meta.id}.md`);
  mkdirSync(path.dirname(page), { recursive: true });
  const current = existsSync(page) ? readFileSync(page, 'utf8') : `# ${rule.meta.id}\n`;
  update(page, withHeader(current, rule), current);
}

const readme = path.join(root, 'README.md');
const current = readFileSync(readme, 'utf8');
update(readme, withRulesTable(current, builtinRules), current);
