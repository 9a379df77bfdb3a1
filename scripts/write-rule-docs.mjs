// `npm run docs`: writes what the docs take from the built rules: the generated header of every
// docs/rules/<id>.md (from the rule's metadata), after each failing example of a page the output
// the rule gives on it, and the rules table in README.md.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withHeader } from '../dist/src/docs/rule-header.js';
import { describeOutput, exampleConfig, findExamples, withOutputs } from '../dist/src/docs/examples.js';
import { withRulesTable } from '../dist/src/docs/rules-table.js';
import { RuleTester } from '../dist/src/index.js';
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
  let next = withHeader(current, rule);
  const examples = findExamples(next);
  const tester = new RuleTester(rule, { cwd: root });
  const outputs = [];
  for (const example of examples) {
    if (example.verdict === 'passes') {
      outputs.push(undefined);
      continue;
    }
    const { diagnostics } = await tester.lint(example.code, { config: exampleConfig(rule, example.code) });
    outputs.push(describeOutput(diagnostics));
  }
  update(page, withOutputs(next, examples, outputs), current);
}

const readme = path.join(root, 'README.md');
const current = readFileSync(readme, 'utf8');
update(readme, withRulesTable(current, builtinRules), current);
