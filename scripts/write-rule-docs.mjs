// Writes the generated parts of every docs/rules/<id>.md from the built rules: the header from the
// rule's metadata, and after each failing example the output the rule gives on it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withHeader } from '../dist/src/docs/rule-header.js';
import { describeOutput, exampleConfig, findExamples, withOutputs } from '../dist/src/docs/examples.js';
import { RuleTester } from '../dist/src/index.js';
import { builtinRules } from '../dist/rules/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
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
  next = withOutputs(next, examples, outputs);
  if (next !== current) {
    writeFileSync(page, next);
    console.log(`updated ${path.relative(root, page)}`);
  }
}
