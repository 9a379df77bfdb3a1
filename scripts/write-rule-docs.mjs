// Writes the generated header of every docs/rules/<id>.md from the built rule metadata.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withHeader } from '../dist/src/docs/rule-header.js';
import { builtinRules } from '../dist/rules/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
for (const rule of builtinRules) {
  const page = path.join(root, 'docs/rules', `${rule.meta.id}.md`);
  mkdirSync(path.dirname(page), { recursive: true });
  const current = existsSync(page) ? readFileSync(page, 'utf8') : `# ${rule.meta.id}\n`;
  const next = withHeader(current, rule);
  if (next !== current) {
    writeFileSync(page, next);
    console.log(`updated ${path.relative(root, page)}`);
  }
}
