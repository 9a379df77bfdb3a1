import { describe, expect, it } from 'vitest';
import { PITCH_PHRASES } from '../../rules/facebook/pitch-phrases.js';
import { at, endOf, lint, lintFixture, only } from '../helpers.js';

const RULE = 'facebook/unsolicited-pitch';

describe(RULE, () => {
  it('reports each English phrase where it stands, across markup and line breaks', async () => {
    const result = await lintFixture('facebook/unsolicited-pitch/invalid-en.md');
    const text = result.text;
    expect(only(result, RULE)).toEqual([
      {
        ...at(text, 'limited time**\noffer'),
        endLine: 6,
        endColumn: 6,
        message:
          'Sales-pitch phrasing "limited time offer" in an unsolicited Facebook message (audience: cold): say plainly what you offer, or keep the pitch for people who wrote first',
        severity: 'warning',
      },
      { ...at(text, 'buy now'), ...endOf(text, 'buy now'), message: expect.stringContaining('"buy now"'), severity: 'warning' },
      { ...at(text, 'promo code'), ...endOf(text, 'promo code'), message: expect.stringContaining('"promo code"'), severity: 'warning' },
      { ...at(text, '20% off'), ...endOf(text, '20% off'), message: expect.stringContaining('"20% off"'), severity: 'warning' },
    ]);
    expect(at(text, 'limited time')).toEqual({ line: 5, column: 29 });
  });

  it('reports French phrases ignoring case and accents', async () => {
    const result = await lintFixture('facebook/unsolicited-pitch/invalid-fr.md');
    const text = result.text;
    expect(only(result, RULE).map(({ line, column, message }) => ({ line, column, message }))).toEqual([
      { ...at(text, 'Profitez-en'), message: expect.stringContaining('"Profitez-en"') },
      { ...at(text, 'offre exclusive'), message: expect.stringContaining('"offre exclusive"') },
      { ...at(text, 'se termine vendredi'), message: expect.stringContaining('"se termine vendredi"') },
      { ...at(text, 'DERNIÈRE CHANCE'), message: expect.stringContaining('"DERNIÈRE CHANCE"') },
      { ...at(text, 'satisfait ou remboursé'), message: expect.stringContaining('"satisfait ou remboursé"') },
    ]);
  });

  it('lets pitches through to inbound contacts and customers', async () => {
    expect(only(await lintFixture('facebook/unsolicited-pitch/valid-inbound.md'), RULE)).toEqual([]);
    const customer = '---\nplatform: facebook\naudience: customer\n---\nBuy now, it is a flash sale!\n';
    expect(only(await lint(customer), RULE)).toEqual([]);
  });

  it('passes friendly messages in English and French', async () => {
    expect(only(await lintFixture('facebook/unsolicited-pitch/valid-en.md'), RULE)).toEqual([]);
    expect(only(await lintFixture('facebook/unsolicited-pitch/valid-fr.md'), RULE)).toEqual([]);
  });

  it('matches whole words only', async () => {
    const text = '---\nplatform: facebook\naudience: cold\n---\nOur hurrying crowd took the promo codex home.\n';
    expect(only(await lint(text), RULE)).toEqual([]);
  });

  it('uses the list of the draft locale', async () => {
    const text = '---\nplatform: facebook\naudience: cold\nlocale: en\n---\nThe phrase offre exclusive is French.\n';
    expect(only(await lint(text), RULE)).toEqual([]);
  });

  it('adds and allows phrases through options', async () => {
    const text = '---\nplatform: facebook\naudience: cold\n---\nHurry, grab a bundle deal today.\n';
    const result = await lint(text, { config: { rules: { [RULE]: ['warn', { add: ['bundle deal'], allow: ['hurry'] }] } } });
    expect(only(result, RULE).map((d) => [d.line, d.column, d.message])).toEqual([
      [5, 15, expect.stringContaining('"bundle deal"')],
    ]);
  });

  it('does not report a phrase that is quoted or denied, in English and French', async () => {
    const en =
      '---\nplatform: facebook\naudience: cold\nlocale: en\n---\nEveryone says "act now", so I won\'t. This isn\'t a limited time offer. Don\'t forget to use code SPRING, though.\n';
    expect(only(await lint(en), RULE).map(({ line, column, endLine, endColumn }) => ({ line, column, endLine, endColumn }))).toEqual([
      { ...at(en, 'use code'), ...endOf(en, 'use code') },
    ]);
    const fr =
      "---\nplatform: facebook\naudience: cold\nlocale: fr\n---\nOn n'écrit pas « offre limitée ». Ce n'est pas une vente flash, mais profitez-en !\n";
    expect(only(await lint(fr), RULE).map(({ line, column, message }) => ({ line, column, message }))).toEqual([
      { ...at(fr, 'profitez-en'), message: expect.stringContaining('"profitez-en"') },
    ]);
  });

  it('reports discounts and scarcity written with numbers', async () => {
    const en = '---\nplatform: facebook\naudience: cold\nlocale: en\n---\nUp to 70% off, and save $200. Only 5 seats left!\n';
    const spans = (text: string, phrases: string[]) => phrases.map((phrase) => ({ ...at(text, phrase), ...endOf(text, phrase) }));
    const position = ({ line, column, endLine, endColumn }: { line: number; column: number; endLine: number; endColumn: number }) => ({
      line,
      column,
      endLine,
      endColumn,
    });
    expect(only(await lint(en), RULE).map(position)).toEqual(spans(en, ['Up to 70% off', 'save $200', 'Only 5 seats left']));
    const fr = "---\nplatform: facebook\naudience: cold\nlocale: fr\n---\nJusqu'à -40 % sur tout. Plus que 3 places.\n";
    expect(only(await lint(fr), RULE).map(position)).toEqual(spans(fr, ["Jusqu'à -40 %", 'Plus que 3']));
  });

  it('ships at least 40 phrases per language', () => {
    expect(PITCH_PHRASES.en!.length).toBeGreaterThanOrEqual(40);
    expect(PITCH_PHRASES.fr!.length).toBeGreaterThanOrEqual(40);
  });
});
