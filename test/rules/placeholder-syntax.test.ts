// placeholder-syntax beyond its fixtures (test/fixtures.test.ts): config placeholders, stray braces.
import { describe, expect, it } from 'vitest';
import { reports } from '../helpers.js';

const RULE = 'placeholder-syntax';

describe(RULE, () => {
  it('reports names missing from config placeholders when the list is set', async () => {
    const text = '---\nplatform: twitter\n---\nHi {{first_name}} at {{compnay}}!\n';
    expect(await reports(RULE, text)).toEqual([]);
    expect(await reports(RULE, text, { config: { placeholders: { first_name: { length: 10 }, company: { length: 20 } } } })).toEqual([
      { line: 4, column: 22, endLine: 4, endColumn: 33, message: 'Unknown placeholder "compnay": config "placeholders" lists first_name, company' },
    ]);
  });

  it('reports stray braces', async () => {
    const found = await reports(RULE, '---\nplatform: twitter\n---\nHi {{there\nSee you }} soon\n');
    expect(found.map((d) => [d.line, d.column])).toEqual([[4, 4], [5, 9]]);
    expect(found.map((d) => d.message)).toEqual(['"{{" opens a placeholder that is never closed', '"}}" closes a placeholder that was never opened']);
  });
});
