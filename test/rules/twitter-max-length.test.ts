import { describe, expect, it } from 'vitest';
import { at, lint, lintFixture, only } from '../helpers.js';

const RULE = 'twitter/max-length';

describe(RULE, () => {
  it('reports the weighted length at the first character past 140, to the end of the draft (en)', async () => {
    const result = await lintFixture('twitter/max-length/invalid-long-en.md');
    // 12 for {{first_name}}, 23 for the URL: the 141st weighted character is the "e" of "team".
    expect(only(result, RULE)).toEqual([
      { line: 6, column: 33, endLine: 6, endColumn: 107, message: '191/140 characters', severity: 'error' },
    ]);
    expect(at(result.text, 'eam can reuse')).toEqual({ line: 6, column: 33 });
    expect(result.drafts[0]!.length).toBe(191);
  });

  it('counts emoji as 2 and accented letters as 1 (fr)', async () => {
    const result = await lintFixture('twitter/max-length/invalid-long-fr.md');
    const [diagnostic] = only(result, RULE);
    expect(diagnostic!.message).toBe('203/140 characters');
    expect({ line: diagnostic!.line, column: diagnostic!.column }).toEqual(at(result.text, 'modèles et une'));
    expect(diagnostic!.line).toBe(7);
  });

  it('counts a placeholder at its configured length', async () => {
    const text = '---\nplatform: twitter\n---\nHi {{company}} team!\n';
    const short = await lint(text, { config: { placeholders: { company: { length: 10 } } } });
    expect(short.drafts[0]!.length).toBe(3 + 10 + 6);
    const long = await lint(text, { config: { placeholders: { company: { length: 200 } } } });
    expect(only(long, RULE)).toEqual([
      { line: 4, column: 4, endLine: 4, endColumn: 21, message: '209/140 characters', severity: 'error' },
    ]);
  });

  it('catches a draft that only overflows once the default 12-character merge fields are filled', async () => {
    const result = await lintFixture('twitter/max-length/invalid-placeholder-length.md');
    expect(only(result, RULE).map((d) => d.message)).toEqual(['156/140 characters']);
  });

  it('counts a long URL as 23', async () => {
    const result = await lintFixture('twitter/max-length/valid-long-url.md');
    expect(only(result, RULE)).toEqual([]);
    expect(result.drafts[0]!.length).toBe('Hi '.length + 12 + '! Our guide is here: '.length + 23);
  });

  it('passes a short French DM with emoji', async () => {
    const result = await lintFixture('twitter/max-length/valid-fr.md');
    expect(only(result, RULE)).toEqual([]);
  });

  it('takes its limit from the max option', async () => {
    const text = '---\nplatform: twitter\n---\nHello there, friend.\n';
    expect(only(await lint(text, { config: { rules: { [RULE]: ['error', { max: 10 }] } } }), RULE)).toEqual([
      { line: 4, column: 11, endLine: 4, endColumn: 21, message: '20/10 characters', severity: 'error' },
    ]);
    expect(only(await lint(text), RULE)).toEqual([]);
  });

  it('does not count markup, headings or comments', async () => {
    const filler = 'word '.repeat(27).trim();
    const text = `---\nplatform: twitter\n---\n# A heading that is not sent\n<!-- neither is this comment, however long it grows in the file -->\n**${filler}** [ok](https://example.com/a-long-path-that-counts-as-23)\n`;
    const result = await lint(text);
    expect(result.drafts[0]!.length).toBe(134 + 1 + 2 + 1 + 23);
  });

  it('only checks Twitter drafts', async () => {
    const long = 'word '.repeat(60);
    expect(only(await lint(`---\nplatform: facebook\n---\n${long}\n`), RULE)).toEqual([]);
  });
});
