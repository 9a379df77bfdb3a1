// The recipient's text and its map back to the file, as docs/drafts.md "The text that is checked" describes.
import { describe, expect, it } from 'vitest';
import { pieceStarts } from '../src/draft/chunks.js';
import { parseDraftFile } from '../src/draft/parse.js';
import { positionAt } from '../src/draft/source.js';

function draftsOf(source: string) {
  return parseDraftFile('draft.md', source).drafts;
}

/** Where the `needle` of the extracted text points in the file, as line:column. */
function mapped(source: string, needle: string, draftIndex = 0): string {
  const file = parseDraftFile('draft.md', source);
  const draft = file.drafts[draftIndex]!;
  const index = draft.text.indexOf(needle);
  expect(index, `"${needle}" in ${JSON.stringify(draft.text)}`).toBeGreaterThanOrEqual(0);
  const { line, column } = positionAt(file.lineStarts, draft.offsets[index]!);
  return `${line}:${column}`;
}

describe('message text', () => {
  it('removes markup and frontmatter, separates paragraphs with a blank line', () => {
    const [draft] = draftsOf('---\nplatform: twitter\n---\n# Title\n\nHi **there**, _friend_.\n\nSecond `para`.\n');
    expect(draft!.text).toBe('Hi there, friend.\n\nSecond para.');
    expect(draft!.title).toBe('Title');
  });

  it('sends a link as "label url", or just the url when they are the same', () => {
    const [draft] = draftsOf('See [our guide](https://example.com/g) or <https://example.com/x>.\n');
    expect(draft!.text).toBe('See our guide https://example.com/g or https://example.com/x.');
  });

  it('resolves reference links and leaves images and HTML comments out', () => {
    const [draft] = draftsOf('Read [the guide][g] ![logo](logo.png) now <!-- note -->.\n\n[g]: https://example.com/g\n');
    expect(draft!.text).toBe('Read the guide https://example.com/g  now .');
  });

  it('keeps list items on their own lines with their markers', () => {
    const [draft] = draftsOf('Three things:\n\n- one\n- two\n\n1. first\n2. second\n');
    expect(draft!.text).toBe('Three things:\n\n- one\n- two\n\n1. first\n2. second');
  });

  it('maps every character back to its line and column, through markup, escapes and entities', () => {
    const source = '---\nplatform: twitter\n---\nHi **bold** \\*star\\* &amp; [label](https://x.com/a)\n> quoted\n> second line\n';
    expect(mapped(source, 'bold')).toBe('4:6');
    expect(mapped(source, '*star')).toBe('4:14');
    expect(mapped(source, '& ')).toBe('4:22');
    expect(mapped(source, 'label')).toBe('4:29');
    expect(mapped(source, 'https://x.com/a')).toBe('4:36');
    expect(mapped(source, 'second line')).toBe('6:3');
  });

  it('handles CRLF line endings and a byte-order mark', () => {
    const source = '\uFEFF---\r\nplatform: twitter\r\n---\r\nHello there\r\nsecond line\r\n';
    const file = parseDraftFile('draft.md', source);
    expect(file.hadBom).toBe(true);
    expect(file.drafts[0]!.text).toBe('Hello there\nsecond line');
    expect(file.drafts[0]!.platform).toBe('twitter');
    expect(mapped(source, 'second')).toBe('5:1');
  });

  it('maps a file that starts with two byte-order marks (the parser drops the second as well)', () => {
    // The second mark is text: what follows it is one unit further on than the parser counts.
    expect(mapped('\uFEFF\uFEFF**bold** words\n', 'bold')).toBe('1:4');
    const file = parseDraftFile('draft.md', '\uFEFF\uFEFF\n> quote\r\n<!-- unclosed');
    expect(file.metadataProblems.map((problem) => [positionAt(file.lineStarts, problem.range!.start), problem.range!.end - problem.range!.start])).toEqual([[{ line: 3, column: 1 }, '<!-- unclosed'.length]]);
    expect(mapped('\uFEFF\uFEFF\n> quote\r\n<!-- unclosed', 'quote')).toBe('2:3');
  });
});

describe('several drafts in one file', () => {
  const source = [
    '---',
    'audience: follower',
    '---',
    '# Spring launch',
    '',
    'Commentary before the first directive.',
    '',
    '<!-- dmlint-draft platform=twitter -->',
    '## Twitter',
    'Hi {{first_name}}! Our spring guide is out.',
    '',
    '<!-- dmlint-draft platform=linkedin kind=inmail subject="Spring planning for {{company}}" -->',
    '## LinkedIn',
    'Hello {{ first_name }}, a note.',
    '',
  ].join('\n');

  it('starts a draft at each directive; what comes before is commentary', () => {
    const drafts = draftsOf(source);
    expect(drafts.map((d) => d.text)).toEqual(['Hi {{first_name}}! Our spring guide is out.', 'Hello {{ first_name }}, a note.']);
    expect(drafts.map((d) => d.title)).toEqual(['Twitter', 'LinkedIn']);
  });

  it('lets directive keys override frontmatter, and quoted values hold spaces', () => {
    const [twitter, linkedin] = draftsOf(source);
    expect(twitter).toMatchObject({ platform: 'twitter', kind: 'dm', audience: 'follower' });
    expect(linkedin).toMatchObject({ platform: 'linkedin', kind: 'inmail', subject: 'Spring planning for {{company}}' });
  });

  it('finds placeholders with optional spaces', () => {
    const [twitter, linkedin] = draftsOf(source);
    expect(twitter!.placeholders.map((p) => p.name)).toEqual(['first_name']);
    expect(linkedin!.placeholders.map((p) => p.name)).toEqual(['first_name']);
  });

  it('recovers from an unclosed directive: the drafts after it are still read', () => {
    const file = parseDraftFile('draft.md', '<!-- dmlint-draft platform=twitter\nHi there, first.\n\n<!-- dmlint-draft platform=facebook -->\nHello, second.\n');
    expect(file.drafts.map((d) => [d.platform, d.text])).toEqual([
      ['twitter', 'Hi there, first.'],
      ['facebook', 'Hello, second.'],
    ]);
    expect(file.metadataProblems[0]!.message).toMatch(/not closed/);
  });
});

describe('large files, parsed draft by draft', () => {
  it('cuts only at top-level directives: not inside a code fence or an open HTML comment', () => {
    const pieces = '<!-- dmlint-draft platform=twitter -->\nOne.\n\n```\n<!-- dmlint-draft platform=x -->\n```\n\n<!-- dmlint-draft platform=facebook -->\nTwo.\n';
    expect(pieceStarts(pieces)).toEqual([0, pieces.lastIndexOf('<!-- dmlint-draft')]);
    const drafts = draftsOf(pieces);
    expect(drafts.map((d) => [d.platform, d.text])).toEqual([
      ['twitter', 'One.\n\n<!-- dmlint-draft platform=x -->'],
      ['facebook', 'Two.'],
    ]);
    expect(mapped(pieces, 'Two', 1)).toBe('9:1');
  });

  it('gives the same drafts whether a file with references is cut or not', () => {
    const source = [
      '<!-- dmlint-draft platform=twitter -->',
      'Example of a directive:',
      '',
      '```markdown',
      '<!-- dmlint-draft platform=facebook -->',
      '```',
      '',
      '<!--',
      '<!-- dmlint-draft platform=linkedin -->',
      '-->',
      '',
      '<!-- dmlint-draft platform=facebook -->',
      'Second draft, see [the guide][g].',
      '',
      '[g]: https://example.com/g',
      '',
    ].join('\n');
    expect(pieceStarts(source)).toEqual([0, source.indexOf('<!-- dmlint-draft platform=facebook -->\nSecond')]);
    // This file defines a reference, so it is parsed whole; the result is the same either way.
    const drafts = draftsOf(source);
    expect(drafts.map((d) => d.platform)).toEqual(['twitter', 'facebook']);
    // Comments do not nest (CommonMark): the first "-->" closes the comment, the last one is text.
    expect(drafts[0]!.text).toBe('Example of a directive:\n\n<!-- dmlint-draft platform=facebook -->\n\n-->');
    expect(drafts[1]!.text).toBe('Second draft, see the guide https://example.com/g.');
  });

  it('parses a file with reference definitions whole, so references resolve across drafts', () => {
    const source = '<!-- dmlint-draft platform=twitter -->\nSee [the guide][g].\n\n<!-- dmlint-draft platform=facebook -->\nHello there.\n\n[g]: https://example.com/g\n';
    const file = parseDraftFile('d.md', source);
    expect(file.drafts[0]!.text).toBe('See the guide https://example.com/g.');
    expect(mapped(source, 'Hello', 1)).toBe('5:1');
  });
});

describe('metadata', () => {
  it('accepts aliases and normalises locales to their language', () => {
    const [draft] = draftsOf('---\nplatform: X\nlocale: fr-FR\n---\nBonjour\n');
    expect(draft).toMatchObject({ platform: 'twitter', kind: 'dm', locale: 'fr' });
  });

  it('detects English and French when no locale is set, and records that it did', () => {
    const [en] = draftsOf('---\nplatform: twitter\n---\nHi, thanks for the follow! Do you want the guide?\n');
    const [fr] = draftsOf('---\nplatform: twitter\n---\nBonjour, merci pour votre message ! Voulez-vous le guide ?\n');
    expect([en!.locale, en!.metadata.locale?.origin]).toEqual(['en', 'detected']);
    expect([fr!.locale, fr!.metadata.locale?.origin]).toEqual(['fr', 'detected']);
  });

  it('allows unknown frontmatter keys, including __proto__, without touching prototypes', () => {
    const file = parseDraftFile('draft.md', '---\nplatform: twitter\n__proto__: { polluted: true }\ncampaign: spring\n---\nHi\n');
    expect(file.metadataProblems).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports frontmatter that is a list or a scalar', () => {
    expect(parseDraftFile('d.md', '---\n- a\n- b\n---\nHi\n').metadataProblems[0]!.message).toMatch(/mapping/);
    expect(parseDraftFile('d.md', '---\njust text\n---\nHi\n').metadataProblems[0]!.message).toMatch(/mapping/);
  });

  it('reads control comments with their rule ids and an optional reason', () => {
    const file = parseDraftFile('d.md', 'Hi <!-- dmlint-disable no-shouting, max-links -- legal approved -->\n');
    expect(file.controlComments).toHaveLength(1);
    expect(file.controlComments[0]!.kind).toBe('disable');
    expect(file.controlComments[0]!.rules.map((r) => r.id)).toEqual(['no-shouting', 'max-links']);
  });
});

describe('frontmatter read once per distinct text', () => {
  it('gives each file the positions of its own copy of a repeated frontmatter', async () => {
    const { parseFrontmatter } = await import('../src/draft/frontmatter.js');
    const text = 'platform: twitter\naudience: cold\nlocale: {broken';
    const first = parseFrontmatter('platform: twitter\naudience: cold\n', 4);
    const again = parseFrontmatter('platform: twitter\naudience: cold\n', 104);
    expect(first.entries.get('audience')!.valueRange).toEqual({ start: 4 + 28, end: 4 + 32 });
    expect(again.entries.get('audience')!.valueRange).toEqual({ start: 104 + 28, end: 104 + 32 });
    const broken = [parseFrontmatter(text, 0), parseFrontmatter(text, 50)].map((f) => f.problems[0]!.range.start);
    expect(broken[1]! - broken[0]!).toBe(50);
  });
});
