// platform-required, invalid-metadata, empty-draft, invalid-control-comment, beyond their
// fixtures (test/fixtures.test.ts): where metadata comes from, and how these rules share the work.
import { describe, expect, it } from 'vitest';
import { fixture, lint, lintFixture, reports, ruleIds } from '../helpers.js';

describe('platform-required', () => {
  const RULE = 'platform-required';

  it('accepts a platform from config defaults or --platform', async () => {
    const text = 'Hi {{first_name}}, anything we can help with?\n';
    expect(await reports(RULE, text, { config: { defaults: { platform: 'facebook' } } })).toEqual([]);
    expect(ruleIds(await lint(text, { defaults: { platform: 'twitter' } }))).not.toContain(RULE);
    expect(await reports(RULE, text)).toHaveLength(1);
  });
});

describe('invalid-metadata', () => {
  it('reports an invalid platform once, by this rule, not again by platform-required', async () => {
    expect(ruleIds(await lintFixture('invalid-metadata/invalid-values.md'))).not.toContain('platform-required');
  });

  it('keeps a rejected kind from applying: the LinkedIn draft is not treated as an InMail', async () => {
    expect(ruleIds(await lintFixture('invalid-metadata/invalid-directive.md'))).not.toContain('linkedin/inmail-value-proposition');
  });

  it('reports YAML errors alone: no rule reads a frontmatter it could not parse', async () => {
    expect(ruleIds(await lintFixture('invalid-metadata/invalid-yaml.md'))).toEqual(['invalid-metadata']);
  });

  it('suggests the key a directive key is a slip of, and leaves frontmatter keys of your own alone', async () => {
    const directive = await reports('invalid-metadata', '<!-- dmlint-draft platfrom=twitter -->\nHi {{first_name}}! Want it?\n');
    expect(directive.map((d) => d.message)).toEqual([expect.stringContaining('unknown key "platfrom" in dmlint-draft directive (did you mean "platform"? known keys:')]);
    expect(await reports('invalid-metadata', '---\nplatform: twitter\ncampaign: spring\nowner: sam\n---\nHi {{first_name}}! Want it?\n')).toEqual([]);
    // A key of dmlint's written beside its slip is the user's choice: only the slip alone is reported.
    expect(await reports('invalid-metadata', '---\nplatform: twitter\nPlatform: x\n---\nHi!\n')).toEqual([]);
  });

  it('refuses a locale that names no language, and accepts a real language dmlint does not read', async () => {
    expect((await reports('invalid-metadata', '---\nplatform: twitter\nlocale: klingon\n---\nHi!\n')).map((d) => d.message)).toEqual([
      '"klingon" is not a language code: use a BCP 47 tag such as en, fr or fr-FR',
    ]);
    expect(await reports('invalid-metadata', '---\nplatform: twitter\nlocale: de-AT\n---\nHallo!\n')).toEqual([]);
  });

  it('reports unclosed frontmatter', async () => {
    const found = await reports('invalid-metadata', '---\nplatform: twitter\nHi there\n');
    expect(found.map((d) => [d.line, d.column, d.message])).toEqual([[1, 1, expect.stringContaining('frontmatter is not closed')]]);
  });
});

describe('empty-draft', () => {
  it('reports an empty file', async () => {
    expect(await reports('empty-draft', '', { config: { defaults: { platform: 'twitter' } } })).toHaveLength(1);
  });
});

describe('invalid-control-comment', () => {
  it('a misspelt control comment silences nothing; comments that only mention dmlint are left alone', async () => {
    expect(ruleIds(await lintFixture('invalid-control-comment/invalid-near-comment.md'))).toContain('no-shouting');
    const fine = '---\nplatform: twitter\naudience: follower\n---\n<!-- dmlint is run in CI -->\n<!-- dmlint: see the wiki -->\n<!-- dmlint-disable-next-line no-shouting -->\nHi {{first_name}}! READ it?\n<!--dmlint-enable-->\n';
    expect(await reports('invalid-control-comment', fine)).toEqual([]);
  });

  it('accepts known ids with a reason after --, and the comment silences the rule it names', async () => {
    expect(ruleIds(await lintFixture('invalid-control-comment/valid.md'))).toEqual([]);
    const withoutComment = fixture('invalid-control-comment/valid.md').replace(/^<!-- dmlint-disable.*\n/m, '');
    expect(ruleIds(await lint(withoutComment))).toContain('facebook/unsolicited-pitch');
  });
});
