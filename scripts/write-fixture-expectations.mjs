// Writes the expect comments of fixtures from what their rule reports now, for a new fixture or
// after a deliberate change to a rule: read the diff before committing it.
//   npm run fixtures -- fixtures/no-shouting/invalid-en.md ...   (no file: every fixture)
// The rule under test is named by the fixture's folder (fixtures/twitter/max-length/*.md), or
// is each rule of the plugin in fixtures/plugins/.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { globbySync } from 'globby';
import { RuleTester } from '../dist/src/index.js';
import { builtinRules } from '../dist/src/api/config.js';
import { expectComment, readExpectations } from '../dist/src/report/expectations.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : globbySync('fixtures/**/*.md', { cwd: root });
const plugin = await import(path.join(root, 'fixtures/plugins/house-style.mjs'));

for (const file of files) {
  const relative = path.relative(root, path.resolve(file)).split(path.sep).join('/');
  const folder = path.posix.dirname(relative).replace(/^fixtures\//, '');
  const rules = folder === 'plugins' ? plugin.rules : builtinRules.filter((rule) => rule.meta.id === folder);
  if (rules.length === 0) throw new Error(`${relative}: no rule named "${folder}" for this fixture folder`);
  const source = readFileSync(path.join(root, relative), 'utf8');
  const { text } = readExpectations(source, relative);
  const body = text.endsWith('\n') ? text : `${text}\n`;
  const comments = [];
  for (const rule of rules) {
    const { diagnostics } = await new RuleTester(rule).lint(body, { filePath: relative, cwd: root });
    comments.push(...diagnostics.map(expectComment));
  }
  const next = comments.length > 0 ? `${body}\n${comments.join('\n')}\n` : body;
  if (next !== source) {
    writeFileSync(path.join(root, relative), next);
    console.log(`updated ${relative}`);
  }
}
