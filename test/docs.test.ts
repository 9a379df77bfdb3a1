// Rule docs cannot drift: headers match the metadata, and each example gives what the page shows.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../src/api/config.js';
import { RuleTester } from '../src/api/rule-tester.js';
import { describeOutput, exampleConfig, findExamples } from '../src/docs/examples.js';
import { renderRuleHeader } from '../src/docs/rule-header.js';
import { ROOT, tempProject } from './helpers.js';

const pageOf = (id: string) => path.join(ROOT, 'docs/rules', `${id}.md`);

describe.each(builtinRules.map((rule) => [rule.meta.id, rule] as const))('docs/rules/%s.md', (id, rule) => {
  it('exists, titled with the rule id, with the header generated from the metadata', () => {
    expect(existsSync(pageOf(id))).toBe(true);
    const page = readFileSync(pageOf(id), 'utf8');
    expect(page.startsWith(`# ${id}\n`)).toBe(true);
    expect(page, 'run `npm run docs` to refresh the header').toContain(renderRuleHeader(rule));
  });

  it('has examples that fail and pass as stated, each failure followed by what the rule reports', async () => {
    const page = readFileSync(pageOf(id), 'utf8');
    const examples = findExamples(page);
    // A draft too long to show is named instead ("Fails: … (see `fixtures/…`)"); its expect comments pin its output.
    const named = [...page.matchAll(/^Fails(?:[^\n]|\n(?!\n))*?`(fixtures\/[^`]+\.md)`/gm)].map((match) => match[1]!);
    for (const fixture of named) expect(existsSync(path.join(ROOT, fixture)), fixture).toBe(true);
    expect(examples.some((example) => example.verdict === 'fails') || named.length > 0).toBe(true);
    const tester = new RuleTester(rule, { cwd: ROOT });
    for (const example of examples) {
      const { diagnostics } = await tester.lint(example.code, { config: exampleConfig(rule, example.code) });
      if (example.verdict === 'fails') {
        expect(diagnostics.length, `expected ${id} to fire on:\n${example.code}`).toBeGreaterThan(0);
        expect(example.output, `the output under this example (\`npm run docs\` writes it):\n${example.code}`).toBe(describeOutput(diagnostics));
      } else {
        expect(diagnostics, `expected ${id} to pass:\n${example.code}`).toEqual([]);
        expect(example.output, 'a passing example shows no output').toBeUndefined();
      }
    }
  });
});

describe('docs/plugins.md', () => {
  it('shows a fixture whose expect comments the RuleTester accepts', async () => {
    const page = readFileSync(path.join(ROOT, 'docs/plugins.md'), 'utf8');
    const fixture = /```markdown\n([\s\S]*?)```/.exec(page)![1]!;
    const ruleId = /<!-- expect (\S+)/.exec(fixture)![1]!;
    const dir = tempProject({ 'example.md': fixture });
    await new RuleTester(builtinRules.find((rule) => rule.meta.id === ruleId)!).testFixture(path.join(dir, 'example.md'));
  });
});
