import { describe, expect, it } from 'vitest';
import { at, endOf, lint, lintFixture, only } from '../helpers.js';

const RULE = 'placeholder-syntax';

describe(RULE, () => {
  it('reports each malformed merge field with its exact span', async () => {
    const result = await lintFixture('placeholder-syntax/invalid.md');
    const text = result.text;
    expect(only(result, RULE)).toEqual([
      { ...at(text, '{{first_name}'), ...endOf(text, '{{first_name}'), message: 'Placeholder "{{first_name}" is missing a closing brace: write {{first_name}}', severity: 'error' },
      { ...at(text, '{company}}'), ...endOf(text, '{company}}'), message: 'Placeholder "{company}}" is missing an opening brace: write {{company}}', severity: 'error' },
      { ...at(text, '{{ }}'), ...endOf(text, '{{ }}'), message: 'Empty placeholder "{{ }}": write a field name between the braces', severity: 'error' },
      { ...at(text, '{{first name}}'), ...endOf(text, '{{first name}}'), message: expect.stringContaining('invalid name'), severity: 'error' },
    ]);
  });

  it('passes well-formed fields, with or without inner spaces', async () => {
    expect(only(await lintFixture('placeholder-syntax/valid.md'), RULE)).toEqual([]);
  });

  it('reports names missing from config placeholders when the list is set', async () => {
    const text = '---\nplatform: twitter\n---\nHi {{first_name}} at {{compnay}}!\n';
    expect(only(await lint(text), RULE)).toEqual([]);
    const result = await lint(text, { config: { placeholders: { first_name: { length: 10 }, company: { length: 20 } } } });
    expect(only(result, RULE)).toEqual([
      { line: 4, column: 22, endLine: 4, endColumn: 33, message: 'Unknown placeholder "compnay": config "placeholders" lists first_name, company', severity: 'error' },
    ]);
  });

  it('reports stray braces', async () => {
    const result = await lint('---\nplatform: twitter\n---\nHi {{there\nSee you }} soon\n');
    expect(only(result, RULE).map((d) => [d.line, d.column])).toEqual([[4, 4], [5, 9]]);
    expect(only(result, RULE).map((d) => d.message)).toEqual(['"{{" opens a placeholder that is never closed', '"}}" closes a placeholder that was never opened']);
  });
});
