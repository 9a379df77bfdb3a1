// The rest of the catalog, beyond the fixtures (test/fixtures.test.ts): options, config, and the
// cases a fixture would not show, in en and fr where the rule reads language. Each rule runs alone.
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../src/api/config.js';
import { RuleTester } from '../../src/api/rule-tester.js';
import { fixture, reports } from '../helpers.js';

const punctuation = new RuleTester(builtinRules.find((rule) => rule.meta.id === 'no-excessive-punctuation')!);

/** How many times `rule` reports each text, linted after `head`: one row per text, for clear failures. */
const reportsPerText = async (rule: string, head: string, texts: string[]) =>
  Promise.all(texts.map(async (text) => ({ text, reports: (await reports(rule, `${head}${text}\n`)).length })));
const each = (texts: string[], reports: number) => texts.map((text) => ({ text, reports }));

describe('twitter/recipient-must-follow', () => {
  it('points at the draft when the audience comes from config', async () => {
    const found = await reports('twitter/recipient-must-follow', '---\nplatform: twitter\n---\nHi {{first_name}}!\n', { config: { defaults: { audience: 'cold' } } });
    expect(found.map(({ line, column, endLine, endColumn }) => ({ line, column, endLine, endColumn }))).toEqual([{ line: 4, column: 1, endLine: 4, endColumn: 19 }]);
  });
});

describe('twitter/personalization', () => {
  const RULE = 'twitter/personalization';
  it('accepts a merge field anywhere, greetings after an emoji, and extra greetings from options', async () => {
    const head = '---\nplatform: twitter\n---\n';
    expect(await reports(RULE, `${head}Our guide is out, {{first_name}}. Want it?\n`)).toEqual([]);
    expect(await reports(RULE, `${head}👋 Coucou ! Le guide est sorti. Tu le veux ?\n`)).toEqual([]);
    const custom = `${head}Ahoy! The guide is out. Want it?\n`;
    expect(await reports(RULE, custom)).toHaveLength(1);
    expect(await reports(RULE, custom, { options: { greetings: ['Ahoy'] } })).toEqual([]);
  });
  it('reports a greeting to a crowd (en, fr), with its own message', async () => {
    const head = '---\nplatform: twitter\naudience: follower\n---\n';
    const crowds = ['Hi all! Our sale is live.', 'Bonjour à tous ! Nos soldes sont en ligne.', 'Salut la compagnie ! Le podcast revient.'];
    // Greetings to no one in particular are greetings to a crowd too.
    const anyone = ['Hey there! Summer hours start Monday.', 'Dear valued customer, our prices change in May.', 'Chère cliente, cher client, nos soldes commencent mercredi.', 'Hello la commu ! Tournoi samedi.'];
    for (const text of [...crowds, ...anyone].map((body) => `${head}${body}\n`)) {
      const found = await reports(RULE, text);
      expect(found.map(({ line, column, message }) => ({ line, column, message }))).toEqual([{ line: 5, column: 1, message: expect.stringContaining('greets a crowd') }]);
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
    // A greeting to anyone does not hide what is personal after it, and a name before such a word is a name.
    const personalAfterAll = ['Hey there, loved your thread on remote hiring.', "Chère cliente, j'ai adoré ta newsletter sur les prix.", "Hi Sam, there's a seat for you on Friday.", 'Hello Samir, friend. OK?'];
    expect(await reportsPerText(RULE, head, personalAfterAll)).toEqual(each(personalAfterAll, 0));
    // A capitalised first word is not a name; "your newsletter" at the end names nothing of theirs.
    expect(await reports(RULE, `${head}Thanks for the follow! We post tips on growing your newsletter.\n`)).toHaveLength(1);
  });
});

describe('facebook/max-length', () => {
  it('counts astral characters once', async () => {
    const emoji = `---\nplatform: facebook\naudience: inbound\n---\n${'😀'.repeat(2000)}\n`;
    expect(await reports('facebook/max-length', emoji)).toEqual([]);
    expect((await reports('facebook/max-length', emoji.replace('😀', '😀😀'))).map((d) => d.message)).toEqual(['2001/2000 characters']);
  });
});

describe('linkedin/max-length', () => {
  const RULE = 'linkedin/max-length';
  it('takes the free-account limit from options', async () => {
    const note = fixture('linkedin/max-length/valid-connection-note-en.md');
    expect((await reports(RULE, note, { options: { connectionNote: 50 } })).map((d) => d.message)).toEqual([
      expect.stringMatching(/^\d+\/50 characters \(LinkedIn connection-note\)$/),
    ]);
  });
  it('applies 1,900 to InMails and 8,000 to messages', async () => {
    const body = 'word '.repeat(500);
    expect((await reports(RULE, `---\nplatform: linkedin\nkind: inmail\nsubject: s\n---\n${body}\n`)).map((d) => d.message)).toEqual(['2499/1900 characters (LinkedIn inmail)']);
    expect(await reports(RULE, `---\nplatform: linkedin\nkind: message\n---\n${body}\n`)).toEqual([]);
  });
});

describe('linkedin/inmail-subject', () => {
  it('passes a subject set in a directive', async () => {
    const directive = '<!-- dmlint-draft platform=linkedin kind=inmail subject="Six hours back every week" -->\nHi {{first_name}}, want them?\n';
    expect(await reports('linkedin/inmail-subject', directive)).toEqual([]);
  });
});

describe('call-to-action', () => {
  const RULE = 'call-to-action';
  it('counts a question, a link, and asks from options', async () => {
    const head = '---\nplatform: facebook\naudience: inbound\n---\n';
    expect(await reports(RULE, `${head}Hello, the shop opens at 9. See the map: https://example.com/map\n`)).toEqual([]);
    expect(await reports(RULE, `${head}Bonjour, la boutique ouvre à 9 h. Des questions ?\n`)).toEqual([]);
    const deck = `${head}Hello, the deck is attached.\n`;
    expect(await reports(RULE, deck)).toHaveLength(1);
    expect(await reports(RULE, deck, { options: { asks: ['deck is attached'] } })).toEqual([]);
  });
  it('counts an imperative at the start of a clause, not the same word as a noun (en, fr)', async () => {
    const head = '---\nplatform: facebook\naudience: cold\n---\n';
    const nouns = ['We are a repair shop. We fix cameras.', 'The book swap is on Sunday.', 'Please find below our company profile.'];
    expect(await reportsPerText(RULE, head, nouns)).toEqual(each(nouns, 1));
    const asks = ['Great news, just reply YES to join.', 'To enter, comment on our post.', 'Passez quand vous voulez après 18 h.', 'Montrez ce message en caisse.'];
    expect(await reportsPerText(RULE, head, asks)).toEqual(each(asks, 0));
    expect(await reports(RULE, `${head}Veuillez trouver ci-dessous notre plaquette.\n`)).toHaveLength(1);
    expect(await reports(RULE, `${head}Permettez-moi de me présenter. Je dirige une scierie.\n`)).toHaveLength(1);
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
  it('reports a short word in capitals before "!" (fr)', async () => {
    expect((await reports(RULE, '---\nplatform: facebook\n---\nOn y va ? OUI !\n')).map((d) => d.message)).toEqual(['"OUI" is in capitals: it reads as shouting']);
  });
  it('leaves merge fields and URLs alone; allows more words from options, however they are written', async () => {
    const text = '---\nplatform: facebook\n---\nHi {{FIRST_NAME}}, IKEA fans: see https://example.com/SALE?\n';
    expect((await reports(RULE, text)).map((d) => d.message)).toEqual(['"IKEA" is in capitals: it reads as shouting']);
    expect(await reports(RULE, text, { options: { allow: ['ikea'] } })).toEqual([]);
  });
});

describe('no-excessive-punctuation', () => {
  it.each([
    ['Hi {{first_name}}!! Your order has shipped!!! Any questions?!?', 'Hi {{first_name}}! Your order has shipped! Any questions?'],
    ['Bonjour {{first_name}} !! Votre commande est partie !!! Des questions ??', 'Bonjour {{first_name}} ! Votre commande est partie ! Des questions ?'],
  ])('fixes each run to one mark: %s', async (line, fixed) => {
    const head = '---\nplatform: facebook\naudience: customer\n---\n';
    expect((await punctuation.lint(`${head}${line}\n`)).output).toBe(`${head}${fixed}\n`);
  });
});

describe('max-links', () => {
  it('counts Markdown links', async () => {
    const markdown = '---\nplatform: facebook\naudience: inbound\n---\nSee [the map](https://example.com/map) and [menu](https://example.com/menu). OK?\n';
    expect((await reports('max-links', markdown)).map((d) => [d.line, d.column])).toEqual([[5, 51]]);
  });
});
