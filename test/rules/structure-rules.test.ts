// platform-required, invalid-metadata, empty-draft, invalid-control-comment
import { describe, expect, it } from 'vitest';
import { at, endOf, lint, lintFixture, only, ruleIds } from '../helpers.js';

describe('platform-required', () => {
  const RULE = 'platform-required';

  it('reports a draft with no platform at its first line', async () => {
    const result = await lintFixture('platform-required/invalid-no-platform.md');
    expect(only(result, RULE)).toEqual([
      { line: 4, column: 1, endLine: 4, endColumn: 17, message: expect.stringContaining('No platform for this draft'), severity: 'error' },
    ]);
  });

  it('reports only the directive draft that lacks a platform, at its directive', async () => {
    const result = await lintFixture('platform-required/invalid-directive-without-platform.md');
    expect(only(result, RULE).map((d) => [d.line, d.column])).toEqual([[at(result.text, '<!-- dmlint-draft kind=dm').line, 1]]);
  });

  it('accepts a platform from frontmatter, config defaults or --platform', async () => {
    expect(only(await lintFixture('platform-required/valid-frontmatter.md'), 'platform-required')).toEqual([]);
    const text = 'Hi {{first_name}}, anything we can help with?\n';
    expect(only(await lint(text, { config: { defaults: { platform: 'facebook' } } }), RULE)).toEqual([]);
    expect(only(await lint(text, { defaults: { platform: 'twitter' } }), RULE)).toEqual([]);
    expect(only(await lint(text), RULE)).toHaveLength(1);
  });
});

describe('invalid-metadata', () => {
  const RULE = 'invalid-metadata';

  it('reports unknown values at the value, and allows unknown keys', async () => {
    const result = await lintFixture('invalid-metadata/invalid-values.md');
    expect(only(result, RULE).map(({ line, column, message }) => ({ line, column, message }))).toEqual([
      { ...at(result.text, 'tweeter'), message: expect.stringContaining('unknown platform "tweeter"') },
      { ...at(result.text, 'strangers'), message: expect.stringContaining('unknown audience "strangers"') },
      { ...at(result.text, '"not a locale!"'), message: expect.stringContaining('is not a language code') },
    ]);
    // The invalid platform is reported once, by this rule, not again by platform-required.
    expect(ruleIds(result)).not.toContain('platform-required');
  });

  it('reports directive problems: unknown kind, kind not on the platform, bad syntax, unknown key', async () => {
    const result = await lintFixture('invalid-metadata/invalid-directive.md');
    const text = result.text;
    expect(only(result, RULE).map(({ line, column, message }) => ({ line, column, message }))).toEqual([
      { ...at(text, 'story'), message: expect.stringContaining('unknown kind "story"') },
      { ...at(text, 'inmail -->'), message: 'kind "inmail" does not exist on twitter (twitter kinds: dm)' },
      { ...at(text, '"no closing quote'), message: expect.stringContaining('the value of "subject" has no closing "') },
      { ...at(text, 'platfrom'), message: expect.stringContaining('unknown key "platfrom"') },
    ]);
    // With its kind rejected, the LinkedIn draft is not treated as an InMail.
    expect(ruleIds(result)).not.toContain('linkedin/inmail-value-proposition');
  });

  it('reports a frontmatter key one slip from a known one, with "did you mean", and leaves keys of your own', async () => {
    const result = await lintFixture('invalid-metadata/invalid-near-keys.md');
    expect(only(result, RULE)).toEqual([
      { ...at(result.text, 'platfrom'), ...endOf(result.text, 'platfrom'), severity: 'error', message: 'unknown key "platfrom": did you mean "platform"? (keys of your own are allowed, but this one is a slip of dmlint\'s)' },
      { ...at(result.text, 'Audience'), ...endOf(result.text, 'Audience'), severity: 'error', message: expect.stringContaining('unknown key "Audience": did you mean "audience"?') },
      { ...at(result.text, 'language'), ...endOf(result.text, 'language'), severity: 'error', message: expect.stringContaining('unknown key "language": did you mean "locale"?') },
    ]);
    // In a directive too.
    const directive = await lint('<!-- dmlint-draft platfrom=twitter -->\nHi {{first_name}}! Want it?\n');
    expect(only(directive, RULE).map((d) => d.message)).toEqual([expect.stringContaining('unknown key "platfrom" in dmlint-draft directive (did you mean "platform"? known keys:')]);
  });

  it('reports a slip of dmlint-draft, which would merge its draft into the one above', async () => {
    const result = await lintFixture('invalid-metadata/invalid-directive-name.md');
    expect(only(result, RULE)).toEqual([
      {
        ...at(result.text, 'dmlint-drafts'),
        ...endOf(result.text, 'dmlint-drafts'),
        severity: 'error',
        message: 'unknown directive "dmlint-drafts": did you mean "dmlint-draft"? As written it starts no draft, and the text below it belongs to the draft above',
      },
    ]);
  });

  it('reports a locale that names no language, with the code it may mean, and accepts other languages', async () => {
    const result = await lintFixture('invalid-metadata/invalid-locale.md');
    expect(only(result, RULE)).toEqual([{ ...at(result.text, 'english'), ...endOf(result.text, 'english'), severity: 'error', message: '"english" is not a language code (did you mean "en"?)' }]);
    expect(only(await lint('---\nplatform: twitter\nlocale: klingon\n---\nHi!\n'), RULE).map((d) => d.message)).toEqual([
      '"klingon" is not a language code: use a BCP 47 tag such as en, fr or fr-FR',
    ]);
    expect(only(await lint('---\nplatform: twitter\nlocale: de-AT\n---\nHallo!\n'), RULE)).toEqual([]);
  });

  it('maps YAML errors into the file', async () => {
    const result = await lintFixture('invalid-metadata/invalid-yaml.md');
    expect(only(result, RULE)).toEqual([
      { line: 3, column: 19, endLine: 4, endColumn: 1, message: expect.stringMatching(/^invalid YAML frontmatter: /), severity: 'error' },
    ]);
    expect(ruleIds(result)).toEqual([RULE]);
  });

  it('passes valid metadata with aliases, regional locales and extra keys', async () => {
    expect(only(await lintFixture('invalid-metadata/valid.md'), RULE)).toEqual([]);
  });

  it('reports unclosed frontmatter', async () => {
    const result = await lint('---\nplatform: twitter\nHi there\n');
    expect(only(result, RULE).map((d) => [d.line, d.column, d.message])).toEqual([[1, 1, expect.stringContaining('frontmatter is not closed')]]);
  });
});

describe('empty-draft', () => {
  const RULE = 'empty-draft';

  it('reports a file of only frontmatter', async () => {
    const result = await lintFixture('empty-draft/invalid-frontmatter-only.md');
    expect(only(result, RULE).map((d) => [d.line, d.column, d.message])).toEqual([[5, 1, 'This draft has no message text']]);
  });

  it('reports a draft with only a heading and a comment, at its directive', async () => {
    const result = await lintFixture('empty-draft/invalid-heading-only.md');
    expect(only(result, RULE)).toEqual([
      { line: 1, column: 1, endLine: 1, endColumn: 57, message: 'This draft has no message text', severity: 'error' },
    ]);
  });

  it('passes a draft with text', async () => {
    expect(only(await lintFixture('empty-draft/valid.md'), RULE)).toEqual([]);
  });

  it('reports an empty file', async () => {
    expect(only(await lint('', { defaults: { platform: 'twitter' } }), RULE)).toHaveLength(1);
  });
});

describe('invalid-control-comment', () => {
  const RULE = 'invalid-control-comment';

  it('reports an unknown rule id at the id', async () => {
    const result = await lintFixture('invalid-control-comment/invalid.md');
    expect(only(result, RULE)).toEqual([
      {
        ...at(result.text, 'twitter/max-lenght'),
        endLine: 5,
        endColumn: 39,
        message: 'Unknown rule "twitter/max-lenght" in a dmlint-disable comment',
        severity: 'error',
      },
    ]);
  });

  it('reports a comment that is a slip of a control comment, with "did you mean", at its name', async () => {
    const result = await lintFixture('invalid-control-comment/invalid-near-comment.md');
    expect(only(result, RULE)).toEqual([
      { ...at(result.text, 'dmlint-disabel'), ...endOf(result.text, 'dmlint-disabel'), severity: 'error', message: 'Unknown comment "dmlint-disabel": did you mean "dmlint-disable"? As written it does nothing' },
      {
        ...at(result.text, 'dmlint-disable-line'),
        ...endOf(result.text, 'dmlint-disable-line'),
        severity: 'error',
        message: 'Unknown comment "dmlint-disable-line": did you mean "dmlint-disable-next-line"? As written it does nothing',
      },
      {
        ...at(result.text, 'dmlint-sleep'),
        ...endOf(result.text, 'dmlint-sleep'),
        severity: 'error',
        message: 'Unknown comment "dmlint-sleep": dmlint reads dmlint-draft, dmlint-disable, dmlint-enable and dmlint-disable-next-line',
      },
    ]);
    // The misspelt comment silenced nothing.
    expect(ruleIds(result)).toContain('no-shouting');
    // Comments that only mention dmlint, and the real ones, are left alone.
    const fine = await lint('---\nplatform: twitter\naudience: follower\n---\n<!-- dmlint is run in CI -->\n<!-- dmlint-disable-next-line no-shouting -->\nHi {{first_name}}! READ it?\n<!--dmlint-enable-->\n');
    expect(only(fine, RULE)).toEqual([]);
  });

  it('accepts known ids with a reason after --', async () => {
    expect(ruleIds(await lintFixture('invalid-control-comment/valid.md'))).toEqual([]);
  });
});
