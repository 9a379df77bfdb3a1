// The rest of the catalog: exact positions from fixtures, en and fr where the rule reads language.
import { describe, expect, it } from 'vitest';
import { at, endOf, lint, lintFixture, only } from '../helpers.js';

/** How many times `rule` reports each text, linted after `head`: one row per text, for clear failures. */
const reportsPerText = async (rule: string, head: string, texts: string[]) =>
  Promise.all(texts.map(async (text) => ({ text, reports: only(await lint(`${head}${text}\n`), rule).length })));
const each = (texts: string[], reports: number) => texts.map((text) => ({ text, reports }));

const positions = (result: Awaited<ReturnType<typeof lintFixture>>, rule: string) =>
  only(result, rule).map(({ line, column, endLine, endColumn }) => ({ line, column, endLine, endColumn }));

describe('twitter/recipient-must-follow', () => {
  const RULE = 'twitter/recipient-must-follow';
  it('reports a DM to a cold audience at the audience value', async () => {
    const result = await lintFixture('twitter/recipient-must-follow/invalid.md');
    expect(positions(result, RULE)).toEqual([{ ...at(result.text, 'cold'), ...endOf(result.text, 'cold') }]);
    expect(only(result, RULE)[0]!.severity).toBe('error');
  });
  it('passes followers, and points at the draft when the audience comes from config', async () => {
    expect(only(await lintFixture('twitter/recipient-must-follow/valid.md'), RULE)).toEqual([]);
    const result = await lint('---\nplatform: twitter\n---\nHi {{first_name}}!\n', { config: { defaults: { audience: 'cold' } } });
    expect(positions(result, RULE)).toEqual([{ line: 4, column: 1, endLine: 4, endColumn: 19 }]);
  });
});

describe('twitter/personalization', () => {
  const RULE = 'twitter/personalization';
  it.each(['twitter/personalization/invalid-en.md', 'twitter/personalization/invalid-fr.md'])('reports %s on its first line', async (file) => {
    const result = await lintFixture(file);
    const firstLine = result.text.split('\n').find((line) => /^[A-Z]/.test(line))!;
    expect(positions(result, RULE)).toEqual([{ ...at(result.text, firstLine), ...endOf(result.text, firstLine) }]);
  });
  it.each(['twitter/personalization/valid-en.md', 'twitter/personalization/valid-fr.md'])('passes %s', async (file) => {
    expect(only(await lintFixture(file), RULE)).toEqual([]);
  });
  it('accepts a merge field anywhere, greetings after an emoji, and extra greetings from options', async () => {
    const head = '---\nplatform: twitter\n---\n';
    expect(only(await lint(`${head}Our guide is out, {{first_name}}. Want it?\n`), RULE)).toEqual([]);
    expect(only(await lint(`${head}👋 Coucou ! Le guide est sorti. Tu le veux ?\n`), RULE)).toEqual([]);
    const custom = `${head}Ahoy! The guide is out. Want it?\n`;
    expect(only(await lint(custom), RULE)).toHaveLength(1);
    expect(only(await lint(custom, { config: { rules: { [RULE]: ['warn', { greetings: ['ahoy'] }] } } }), RULE)).toEqual([]);
  });
  it('reports a greeting to a crowd (en, fr), with its own message', async () => {
    const head = '---\nplatform: twitter\naudience: follower\n---\n';
    for (const text of [`${head}Hi all! Our sale is live.\n`, `${head}Bonjour à tous ! Nos soldes sont en ligne.\n`, `${head}Salut la compagnie ! Le podcast revient.\n`]) {
      const found = only(await lint(text), RULE);
      expect(found.map(({ line, column, message }) => ({ line, column, message }))).toEqual([
        { line: 5, column: 1, message: expect.stringContaining('greets a crowd') },
      ]);
    }
  });
  it("accepts the recipient's name and their own work (en, fr)", async () => {
    const head = '---\nplatform: twitter\naudience: follower\n---\n';
    const personal = [
      'Thanks for the follow, Priya! Need a hand with Shopify?',
      'Merci pour la mention, Leila ! Le café est pour moi.',
      'Your thread on remote hiring was spot on.',
      'Votre livre a changé ma façon de manager.',
      'Loved your newsletter issue on pricing experiments.',
      "J'ai adoré ta newsletter sur les expériences de prix.",
    ];
    expect(await reportsPerText(RULE, head, personal)).toEqual(each(personal, 0));
    // A capitalised first word is not a name; "your newsletter" at the end names nothing of theirs.
    expect(only(await lint(`${head}Thanks for the follow! We post tips on growing your newsletter.\n`), RULE)).toHaveLength(1);
  });
});

describe('facebook/max-length', () => {
  const RULE = 'facebook/max-length';
  it('reports past 2,000 code points at the first character over', async () => {
    const result = await lintFixture('facebook/max-length/invalid.md');
    const [diagnostic] = only(result, RULE);
    expect(diagnostic).toMatchObject({ message: '2102/2000 characters', severity: 'error', line: 7, column: 1980 });
    // 2,000 code points: "Hello " + 12 + "!" + blank line (2) + 1,979 characters of line 7.
    expect(6 + 12 + 1 + 2 + 1979).toBe(2000);
  });
  it('passes a short message and counts astral characters once', async () => {
    expect(only(await lintFixture('facebook/max-length/valid.md'), RULE)).toEqual([]);
    const emoji = `---\nplatform: facebook\naudience: inbound\n---\n${'😀'.repeat(2000)}\n`;
    expect(only(await lint(emoji), RULE)).toEqual([]);
    expect(only(await lint(emoji.replace('😀', '😀😀')), RULE).map((d) => d.message)).toEqual(['2001/2000 characters']);
  });
});

describe('linkedin/max-length', () => {
  const RULE = 'linkedin/max-length';
  it('uses the limit of the kind: a connection note over 300 (fr)', async () => {
    const result = await lintFixture('linkedin/max-length/invalid-connection-note-fr.md');
    expect(only(result, RULE).map(({ line, column, message }) => ({ line, column, message }))).toEqual([
      { line: 6, column: 303, message: '334/300 characters (LinkedIn connection-note)' },
    ]);
  });
  it('passes a short note (en), and takes the free-account limit from options', async () => {
    const result = await lintFixture('linkedin/max-length/valid-connection-note-en.md');
    expect(only(result, RULE)).toEqual([]);
    const free = await lintFixture('linkedin/max-length/valid-connection-note-en.md', { config: { rules: { [RULE]: ['error', { connectionNote: 50 }] } } });
    expect(only(free, RULE).map((d) => d.message)).toEqual([expect.stringMatching(/^\d+\/50 characters \(LinkedIn connection-note\)$/)]);
  });
  it('applies 1,900 to InMails and 8,000 to messages', async () => {
    const body = 'word '.repeat(500);
    const inmail = await lint(`---\nplatform: linkedin\nkind: inmail\nsubject: s\n---\n${body}\n`);
    expect(only(inmail, RULE).map((d) => d.message)).toEqual(['2499/1900 characters (LinkedIn inmail)']);
    const message = await lint(`---\nplatform: linkedin\nkind: message\n---\n${body}\n`);
    expect(only(message, RULE)).toEqual([]);
  });
});

describe('linkedin/inmail-subject', () => {
  const RULE = 'linkedin/inmail-subject';
  it('reports a missing subject at the draft', async () => {
    const result = await lintFixture('linkedin/inmail-subject/invalid-missing.md');
    expect(only(result, RULE).map(({ line, column, message }) => ({ line, column, message }))).toEqual([
      { line: 6, column: 1, message: 'This InMail has no subject: add "subject" to its frontmatter or dmlint-draft directive' },
    ]);
  });
  it('reports a subject over 200 from its 201st character', async () => {
    const result = await lintFixture('linkedin/inmail-subject/invalid-too-long.md');
    const subject = result.text.split('\n')[4]!.slice('subject: '.length);
    const start = at(result.text, subject);
    expect(positions(result, RULE)).toEqual([{ line: 5, column: start.column + 200, ...endOf(result.text, subject) }]);
    expect(only(result, RULE)[0]!.message).toBe(`Subject is ${subject.length}/200 characters`);
  });
  it('passes a French subject, and a subject set in a directive', async () => {
    expect(only(await lintFixture('linkedin/inmail-subject/valid.md'), RULE)).toEqual([]);
    const directive = '<!-- dmlint-draft platform=linkedin kind=inmail subject="Six hours back every week" -->\nHi {{first_name}}, want them?\n';
    expect(only(await lint(directive), RULE)).toEqual([]);
  });
});

describe('linkedin/inmail-to-connection', () => {
  const RULE = 'linkedin/inmail-to-connection';
  it('reports an InMail to a connection at its kind', async () => {
    const result = await lintFixture('linkedin/inmail-to-connection/invalid.md');
    expect(positions(result, RULE)).toEqual([{ ...at(result.text, 'inmail'), ...endOf(result.text, 'inmail') }]);
  });
  it('passes a message to a connection', async () => {
    expect(only(await lintFixture('linkedin/inmail-to-connection/valid.md'), RULE)).toEqual([]);
  });
});

describe('call-to-action', () => {
  const RULE = 'call-to-action';
  it.each([
    ['call-to-action/invalid-en.md', 'We have worked with several teams in your sector this year.'],
    ['call-to-action/invalid-fr.md', 'Notre boutique est ouverte du mardi au samedi.'],
  ])('reports %s at its last sentence', async (file, last) => {
    const result = await lintFixture(file);
    expect(positions(result, RULE)).toEqual([{ ...at(result.text, last), ...endOf(result.text, last) }]);
  });
  it.each(['call-to-action/valid-en.md', 'call-to-action/valid-fr.md'])('passes %s', async (file) => {
    expect(only(await lintFixture(file), RULE)).toEqual([]);
  });
  it('counts a question, a link, and asks from options', async () => {
    const head = '---\nplatform: facebook\naudience: inbound\n---\n';
    expect(only(await lint(`${head}Hello, the shop opens at 9. See the map: https://example.com/map\n`), RULE)).toEqual([]);
    expect(only(await lint(`${head}Bonjour, la boutique ouvre à 9 h. Des questions ?\n`), RULE)).toEqual([]);
    const deck = `${head}Hello, the deck is attached.\n`;
    expect(only(await lint(deck), RULE)).toHaveLength(1);
    expect(only(await lint(deck, { config: { rules: { [RULE]: ['warn', { asks: ['deck is attached'] }] } } }), RULE)).toEqual([]);
  });
  it('counts an imperative at the start of a clause, not the same word as a noun (en, fr)', async () => {
    const head = '---\nplatform: facebook\naudience: cold\n---\n';
    const nouns = ['We are a repair shop. We fix cameras.', 'The book swap is on Sunday.', 'Please find below our company profile.'];
    expect(await reportsPerText(RULE, head, nouns)).toEqual(each(nouns, 1));
    const asks = ['Great news, just reply YES to join.', 'To enter, comment on our post.', 'Passez quand vous voulez après 18 h.', 'Montrez ce message en caisse.'];
    expect(await reportsPerText(RULE, head, asks)).toEqual(each(asks, 0));
    expect(only(await lint(`${head}Veuillez trouver ci-dessous notre plaquette.\n`), RULE)).toHaveLength(1);
    expect(only(await lint(`${head}Permettez-moi de me présenter. Je dirige une scierie.\n`), RULE)).toHaveLength(1);
  });
  it('counts offers made on a condition as asks (en, fr)', async () => {
    const head = '---\nplatform: twitter\naudience: follower\n---\n';
    const offers = [
      'Saw you moved to Berlin. Happy to intro you to a few designers if useful.',
      "J'ai vu que tu t'installais à Berlin. Je peux te présenter quelques designers si ça t'aide.",
      'It would be great to catch up over coffee if you are around.',
    ];
    expect(await reportsPerText(RULE, head, offers)).toEqual(each(offers, 0));
  });
});

describe('no-shouting', () => {
  const RULE = 'no-shouting';
  it('reports capitalised words and runs (en)', async () => {
    const result = await lintFixture('no-shouting/invalid-en.md');
    expect(only(result, RULE).map(({ line, column, endColumn, message }) => ({ line, column, endColumn, message }))).toEqual([
      { ...at(result.text, 'FREE'), endColumn: endOf(result.text, 'FREE').endColumn, message: '"FREE" is in capitals: it reads as shouting' },
      { ...at(result.text, 'BOOK NOW'), endColumn: endOf(result.text, 'BOOK NOW').endColumn, message: '"BOOK NOW" is in capitals: it reads as shouting' },
    ]);
  });
  it('reports accented capitals and short words before "!" (fr)', async () => {
    const result = await lintFixture('no-shouting/invalid-fr.md');
    expect(only(result, RULE).map(({ line, column }) => ({ line, column }))).toEqual([at(result.text, 'GRATUIT'), at(result.text, 'VITE')]);
    const short = await lint('---\nplatform: facebook\n---\nOn y va ? OUI !\n');
    expect(only(short, RULE).map((d) => d.message)).toEqual(['"OUI" is in capitals: it reads as shouting']);
  });
  it('leaves acronyms, digits, mixed case, merge fields and URLs alone; allows more from options', async () => {
    expect(only(await lintFixture('no-shouting/valid.md'), RULE)).toEqual([]);
    const text = '---\nplatform: facebook\n---\nHi {{FIRST_NAME}}, IKEA fans: see https://example.com/SALE?\n';
    expect(only(await lint(text), RULE).map((d) => d.message)).toEqual(['"IKEA" is in capitals: it reads as shouting']);
    expect(only(await lint(text, { config: { rules: { [RULE]: ['warn', { allow: ['ikea'] }] } } }), RULE)).toEqual([]);
  });
});

describe('no-excessive-punctuation', () => {
  const RULE = 'no-excessive-punctuation';
  it.each([
    ['no-excessive-punctuation/invalid-en.md', ['!!', '!!!', '?!?']],
    ['no-excessive-punctuation/invalid-fr.md', ['!!', '!!!', '??']],
  ])('reports each run in %s, fixable', async (file, runs) => {
    const result = await lintFixture(file);
    const expected = runs.map((run, i) => ({ ...at(result.text, run, runs.slice(0, i).filter((r) => r.includes(run)).length + 1), ...endOf(result.text, run, runs.slice(0, i).filter((r) => r.includes(run)).length + 1) }));
    expect(positions(result, RULE)).toEqual(expected);
    expect(result.diagnostics.filter((d) => d.ruleId === RULE).every((d) => d.fixable)).toBe(true);
  });
  it('passes single marks with French spacing', async () => {
    expect(only(await lintFixture('no-excessive-punctuation/valid.md'), RULE)).toEqual([]);
  });
});

describe('max-links', () => {
  const RULE = 'max-links';
  it('reports from the first link past the limit to the last link', async () => {
    const result = await lintFixture('max-links/invalid.md');
    expect(only(result, RULE)).toEqual([
      {
        ...at(result.text, 'https://example.com/s'),
        ...endOf(result.text, 'https://example.com/r'),
        message: '3 links: a twitter message should carry at most 1',
        severity: 'warning',
      },
    ]);
  });
  it('allows two on LinkedIn and counts Markdown links', async () => {
    expect(only(await lintFixture('max-links/valid.md'), RULE)).toEqual([]);
    const markdown = '---\nplatform: facebook\naudience: inbound\n---\nSee [the map](https://example.com/map) and [menu](https://example.com/menu). OK?\n';
    expect(only(await lint(markdown), RULE).map((d) => [d.line, d.column])).toEqual([[5, 51]]);
  });
});
