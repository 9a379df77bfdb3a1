// twitter/max-length beyond its fixtures (test/fixtures.test.ts): how a DM is weighed.
import { describe, expect, it } from 'vitest';
import { fixture, lint, reports } from '../helpers.js';

const RULE = 'twitter/max-length';

describe(RULE, () => {
  it('counts a placeholder at its configured length', async () => {
    const text = '---\nplatform: twitter\n---\nHi {{company}} team!\n';
    const short = await lint(text, { config: { placeholders: { company: { length: 10 } } } });
    expect(short.drafts[0]!.length).toBe(3 + 10 + 6);
    expect(await reports(RULE, text, { config: { placeholders: { company: { length: 200 } } } })).toEqual([
      { line: 4, column: 4, endLine: 4, endColumn: 21, message: '209/140 characters' },
    ]);
  });

  it('counts a long URL as 23, and a merge field as 12 by default', async () => {
    const result = await lint(fixture('twitter/max-length/valid-long-url.md'));
    expect(result.drafts[0]!.length).toBe('Hi '.length + 12 + '! Our guide is here: '.length + 23);
  });

  it('takes its limit from the max option', async () => {
    const text = '---\nplatform: twitter\n---\nHello there, friend.\n';
    expect(await reports(RULE, text, { options: { max: 10 } })).toEqual([{ line: 4, column: 11, endLine: 4, endColumn: 21, message: '20/10 characters' }]);
    expect(await reports(RULE, text)).toEqual([]);
  });

  it('does not count markup, headings or comments', async () => {
    const filler = 'word '.repeat(27).trim();
    const text = `---\nplatform: twitter\n---\n# A heading that is not sent\n<!-- neither is this comment, however long it grows in the file -->\n**${filler}** [ok](https://example.com/a-long-path-that-counts-as-23)\n`;
    const result = await lint(text);
    expect(result.drafts[0]!.length).toBe(134 + 1 + 2 + 1 + 23);
  });

  it('only checks Twitter drafts', async () => {
    const long = 'word '.repeat(60);
    expect(await reports(RULE, `---\nplatform: facebook\n---\n${long}\n`)).toEqual([]);
  });
});
