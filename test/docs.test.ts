// Rule docs cannot drift: headers match the metadata, and the examples do what the page says.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { renderRuleHeader } from '../src/docs/rule-header.js';
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
