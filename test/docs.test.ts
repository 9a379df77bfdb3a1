// Docs cannot drift: rule page headers and README's rules table match the metadata, each example
// gives what the page shows, and every link between the docs leads to a file of the repository.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../src/api/config.js';
import { RuleTester } from '../src/api/rule-tester.js';
import { describeOutput, exampleConfig, findExamples } from '../src/docs/examples.js';
import { renderRuleHeader } from '../src/docs/rule-header.js';
import { renderRulesTable, withRulesTable } from '../src/docs/rules-table.js';
import { OPTIONS, type FlagOption } from '../src/cli/options.js';
import { SEARCH_PLACES } from '../src/config/load.js';
import { configSchema, PHRASE_RULE_SCHEMA } from '../src/config/schema.js';
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

describe('README rules table', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

  it('is the table the rule metadata gives', () => {
    expect(readme, 'run `npm run build && npm run docs` to refresh the table').toContain(renderRulesTable(builtinRules));
  });

  it('lists every built-in rule once, linked to its page, with its platforms, severity and fixability', () => {
    const rows = renderRulesTable(builtinRules).split('\n').filter((line) => line.startsWith('| ['));
    expect(rows).toHaveLength(builtinRules.length);
    const punctuation = rows.find((row) => row.startsWith('| [`no-excessive-punctuation`](docs/rules/no-excessive-punctuation.md) |'));
    expect(punctuation).toContain('| all | warn | yes |');
    expect(rows.find((row) => row.includes('[`linkedin/inmail-subject`]'))).toContain('| linkedin (inmail) | error |  |');
  });

  it('is replaced between its markers, and the rest of README is kept', () => {
    const stale = readme.replace(/\| \[`max-links`\][^\n]*\n/, '');
    expect(stale).not.toBe(readme);
    expect(withRulesTable(stale, builtinRules)).toBe(readme);
    expect(() => withRulesTable('# no table\n', builtinRules)).toThrow(/no rules table markers/);
  });
});

/** README.md and every page under docs/. */
function docPages(): string[] {
  const pages = ['README.md'];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith('.md')) pages.push(relative);
    }
  };
  walk('docs');
  return pages;
}

// Written on other branches (issue 17); checked like any other page once they are here.
const PAGES_ON_THEIR_WAY = new Set(['docs/security.md']);

describe.each(docPages())('%s', (page) => {
  it('links only to files inside the repository that exist', () => {
    const text = readFileSync(path.join(ROOT, page), 'utf8').replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target!) || target!.startsWith('#')) continue;
      const file = path.resolve(ROOT, path.dirname(page), decodeURIComponent(target!.split('#')[0]!));
      const relative = path.relative(ROOT, file).split(path.sep).join('/');
      expect(relative.startsWith('..'), `${page} links outside the repository: ${target}`).toBe(false);
      if (PAGES_ON_THEIR_WAY.has(relative) && !existsSync(file)) continue;
      expect(existsSync(file), `${page} links to a missing file: ${target}`).toBe(true);
    }
  });
});

describe('the manual covers what the code has', () => {
  const page = (name: string) => readFileSync(path.join(ROOT, 'docs', name), 'utf8');

  it('docs/cli.md describes every flag, with its short form', () => {
    const cli = page('cli.md');
    for (const [name, option] of Object.entries(OPTIONS as Record<string, FlagOption>)) {
      // --ignore, on by default, is documented by its negation.
      const flag = name === 'ignore' ? '--no-ignore' : `--${name}`;
      expect(cli, flag).toMatch(new RegExp(`\\| \`(-\\w, )?${flag}[ \`]`));
      if (option.short) expect(cli, `-${option.short}`).toContain(`\`-${option.short}, --${name}`);
    }
  });

  it('docs/configuration.md names every key, phrase key and config file name', () => {
    const configuration = page('configuration.md');
    for (const key of Object.keys(configSchema().properties as object)) expect(configuration, key).toContain(`\`${key}\``);
    for (const key of Object.keys(PHRASE_RULE_SCHEMA.properties)) expect(configuration, `phrases: ${key}`).toContain(`\`${key}\``);
    for (const name of SEARCH_PLACES) expect(configuration, name).toContain(`\`${name}\``);
  });
});
