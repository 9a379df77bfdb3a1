// Every fixture, through the RuleTester: the rule its folder names, alone, against the expect
// comments in it (`npm run fixtures` writes them from the current output; read the diff).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { globbySync } from 'globby';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../src/api/config.js';
import { RuleTester } from '../src/api/rule-tester.js';
import { readExpectations } from '../src/report/expectations.js';
import type { Rule } from '../src/types.js';
import { ROOT } from './helpers.js';

const plugin = (await import('../fixtures/plugins/house-style.mjs')) as { rules: Rule[] };
const files = globbySync('fixtures/**/*.md', { cwd: ROOT }).sort();

/** The rules a fixture tests: the built-in rule its folder is named after, or the example plugin's. */
function rulesOf(file: string): Rule[] {
  const folder = path.posix.dirname(file).replace(/^fixtures\//, '');
  return folder === 'plugins' ? plugin.rules : builtinRules.filter((rule) => rule.meta.id === folder);
}

describe.each(files)('%s', (file) => {
  const rules = rulesOf(file);

  it('is in the folder of a rule, and expects only that rule: invalid-* something, valid-* nothing', () => {
    expect(rules.length, `no rule is named "${path.posix.dirname(file).replace(/^fixtures\//, '')}"`).toBeGreaterThan(0);
    const { expected } = readExpectations(readFileSync(path.join(ROOT, file), 'utf8'), file);
    expect(expected.filter((diagnostic) => !rules.some((rule) => rule.meta.id === diagnostic.ruleId))).toEqual([]);
    if (path.basename(file).startsWith('invalid')) expect(expected.length).toBeGreaterThan(0);
    if (path.basename(file).startsWith('valid')) expect(expected).toEqual([]);
  });

  it.each(rules.map((rule) => [rule.meta.id, rule] as const))('gets from %s exactly what its expect comments say', async (_, rule) => {
    await new RuleTester(rule, { cwd: ROOT }).testFixture(file);
  });
});

it('every built-in rule has fixtures that fail and pass', () => {
  for (const rule of builtinRules) {
    const own = files.filter((file) => path.posix.dirname(file) === `fixtures/${rule.meta.id}`).map((file) => path.basename(file));
    expect(own.some((name) => name.startsWith('invalid')), `${rule.meta.id}: an invalid-*.md fixture`).toBe(true);
    expect(own.some((name) => name.startsWith('valid')), `${rule.meta.id}: a valid-*.md fixture`).toBe(true);
  }
});
