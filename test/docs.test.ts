// Docs cannot drift: rule page headers and README's rules table match the metadata, the examples
// do what the page says, and every link between the docs leads to a file of the repository.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { renderRuleHeader } from '../src/docs/rule-header.js';
import { renderRulesTable, withRulesTable } from '../src/docs/rules-table.js';
import { OPTIONS } from '../src/cli/options.js';
import { SEARCH_PLACES } from '../src/config/load.js';
import { configSchema, PHRASE_RULE_SCHEMA } from '../src/config/schema.js';
import { lint, ROOT } from './helpers.js';

const pageOf = (id: string) => path.join(ROOT, 'docs/rules', `${id}.md`);

/**
 * Examples on a page: each Markdown block under the last paragraph that began with "Fails" or
 * "Passes", and each fixture such a paragraph names (for drafts too long to show).
 */
function examples(page: string): { expect: 'fails' | 'passes'; code: string }[] {
  const found: { expect: 'fails' | 'passes'; code: string }[] = [];
  let verdict: 'fails' | 'passes' | undefined;
  const blocks = page.split(/^```/m);
  for (let i = 0; i < blocks.length; i++) {
    if (i % 2 === 0) {
      const paragraphs = blocks[i]!.trim().split(/\n\s*\n/);
      const last = paragraphs[paragraphs.length - 1] ?? '';
      verdict = /^Fails/.test(last) ? 'fails' : /^Passes/.test(last) ? 'passes' : undefined;
      for (const paragraph of paragraphs) {
        const said = /^Fails/.test(paragraph) ? 'fails' : /^Passes/.test(paragraph) ? 'passes' : undefined;
        const named = said ? /`(fixtures\/[^`]+\.md)`/.exec(paragraph) : null;
        if (said && named) found.push({ expect: said, code: readFileSync(path.join(ROOT, named[1]!), 'utf8') });
      }
    } else if (verdict && blocks[i]!.startsWith('markdown\n')) {
      found.push({ expect: verdict, code: blocks[i]!.slice('markdown\n'.length) });
    }
  }
  return found;
}

describe.each(builtinRules.map((rule) => [rule.meta.id, rule] as const))('docs/rules/%s.md', (id, rule) => {
  it('exists, titled with the rule id, with the header generated from the metadata', () => {
    expect(existsSync(pageOf(id))).toBe(true);
    const page = readFileSync(pageOf(id), 'utf8');
    expect(page.startsWith(`# ${id}\n`)).toBe(true);
    expect(page, 'run `npm run docs` to refresh the header').toContain(renderRuleHeader(rule));
  });

  it('has examples that fail and pass as stated', async () => {
    const page = readFileSync(pageOf(id), 'utf8');
    const cases = examples(page);
    expect(cases.some((c) => c.expect === 'fails')).toBe(true);
    for (const example of cases) {
      // Fragments without frontmatter are read as drafts of the rule's first platform and kind.
      const platform = rule.meta.platforms[0];
      const frontmatter = platform ? `---\nplatform: ${platform}\n${rule.meta.kinds ? `kind: ${rule.meta.kinds[0]}\n` : ''}audience: cold\n---\n` : '';
      const text = example.code.startsWith('---') || example.code.startsWith('<!--') ? example.code : frontmatter + example.code;
      const result = await lint(text);
      const hits = result.diagnostics.filter((d) => d.ruleId === id);
      if (example.expect === 'fails') expect(hits.length, `expected ${id} to fire on:\n${text}`).toBeGreaterThan(0);
      else expect(hits, `expected ${id} to pass:\n${text}`).toEqual([]);
    }
  });
});

it('every fixture folder named after a rule belongs to a rule with a doc page', () => {
  for (const rule of builtinRules) expect(existsSync(path.join(ROOT, 'fixtures', rule.meta.id)), rule.meta.id).toBe(true);
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
const PAGES_ON_THEIR_WAY = new Set(['docs/architecture.md', 'docs/security.md']);

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
    for (const [name, option] of Object.entries(OPTIONS)) {
      // Flags on by default are documented by their negation (--no-ignore).
      const flag = option.type === 'boolean' && option.default === true ? `--no-${name}` : `--${name}`;
      expect(cli, flag).toMatch(new RegExp(`\\| \`(-\\w, )?${flag}[ \`]`));
      if (option.alias) expect(cli, `-${option.alias}`).toContain(`\`-${option.alias}, --${name}`);
    }
  });

  it('docs/configuration.md names every key, phrase key and config file name', () => {
    const configuration = page('configuration.md');
    for (const key of Object.keys(configSchema().properties as object)) expect(configuration, key).toContain(`\`${key}\``);
    for (const key of Object.keys(PHRASE_RULE_SCHEMA.properties)) expect(configuration, `phrases: ${key}`).toContain(`\`${key}\``);
    for (const name of SEARCH_PLACES) expect(configuration, name).toContain(`\`${name}\``);
  });
});
