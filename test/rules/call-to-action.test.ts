import { describe, expect, it } from 'vitest';
import callToAction, { asksPlainly, ctaFeatures, CTA_MODEL } from '../../rules/call-to-action.js';
import { score } from '../../src/text/scorer.js';
import { lint, lintFixture, only } from '../helpers.js';

const RULE = 'call-to-action';
const message = (body: string, locale = 'en') => `---\nplatform: facebook\naudience: cold\nlocale: ${locale}\n---\n${body}\n`;
const scoreOf = (body: string, locale = 'en') => {
  const { signals, ngrams } = ctaFeatures(body, locale);
  return score(CTA_MODEL, signals, ngrams).probability;
};

describe(RULE, () => {
  it.each([
    ['call-to-action/invalid-en.md', 7, 'We have worked with several teams in your sector this year.'],
    ['call-to-action/invalid-fr.md', 6, 'Notre boutique est ouverte du mardi au samedi.'],
  ])('reports %s once, at its last sentence, with its score', async (file, line, sentence) => {
    const result = await lintFixture(file);
    const [diagnostic, ...more] = result.diagnostics.filter((d) => d.ruleId === RULE);
    expect(more).toEqual([]);
    expect(diagnostic).toMatchObject({ line, column: 1, endLine: line, endColumn: sentence.length + 1 });
    expect(diagnostic!.message).toMatch(/^This draft never asks for anything/);
    expect(diagnostic!.score).toBeGreaterThanOrEqual(CTA_MODEL.threshold);
    expect(diagnostic!.evidence).toEqual([expect.objectContaining({ line, column: 1, text: sentence })]);
  });

  it.each(['call-to-action/valid-en.md', 'call-to-action/valid-fr.md', 'call-to-action/valid-en-imperative.md', 'call-to-action/valid-fr-imperative.md'])(
    'passes %s',
    async (file) => {
      expect(only(await lintFixture(file), RULE)).toEqual([]);
    },
  );

  it.each([
    ['a question', 'Hi Jo, the desk is free from Monday. Want it?', 'en'],
    ['a link', 'Hi Jo, the desk is free from Monday: https://example.com/desks', 'en'],
    ['a listed ask', 'Hi Jo, the desk is free from Monday. Let me know.', 'en'],
    ['une question', 'Bonjour Léa, le bureau se libère lundi. Il vous intéresse ?', 'fr'],
    ['une demande de la liste', "Bonjour Léa, le bureau se libère lundi. N'hésitez pas à passer.", 'fr'],
  ])('never weighs a draft that asks plainly: %s', async (_, body, locale) => {
    expect(asksPlainly(body, locale)).toBe(true);
    expect(only(await lint(message(body, locale), { config: { rules: { [RULE]: ['warn', { minScore: 0 }] } } }), RULE)).toEqual([]);
  });

  it('weighs what no list names: an imperative pulls towards asking, a plain statement towards nothing (en, fr)', () => {
    expect(scoreOf('Hi Jo, the spare desk by the window is free from Monday. Send a quick yes my way and it is yours.')).toBeLessThan(CTA_MODEL.threshold);
    expect(scoreOf('Hi Jo, we moved the team lunch to the Italian place on Park Road this Friday at one.')).toBeGreaterThanOrEqual(CTA_MODEL.threshold);
    expect(scoreOf('Bonjour Léa, le bureau près de la fenêtre se libère lundi. Envoyez-moi un texto si ça vous intéresse.', 'fr')).toBeLessThan(CTA_MODEL.threshold);
    expect(scoreOf("Bonjour Léa, le déjeuner d'équipe est déplacé au restaurant italien de la rue du Parc vendredi à 13 h.", 'fr')).toBeGreaterThanOrEqual(CTA_MODEL.threshold);
    // The imperative clause is a signal with its place in the draft.
    const text = 'Hi Jo, the desk is free from Monday. Send a quick yes my way and it is yours.';
    const [imperative] = ctaFeatures(text, 'en').signals.filter((s) => s.feature === 's:imperative');
    expect(text.slice(imperative!.start, imperative!.end)).toBe('Send a quick yes my way and it is yours');
  });

  it('opens a clause at a line break and after a dash, as at a full stop, and spans it as written', () => {
    for (const text of ['Hi Sam\nSwing by the shop on Friday 🎉\nAnn', 'Great to meet you — Swing by the shop on Friday 🎉', 'Hi Sam. Swing by the shop on Friday 🎉']) {
      const spans = ctaFeatures(text, 'en').signals.filter((s) => s.feature === 's:imperative').map((s) => text.slice(s.start, s.end));
      expect(spans, JSON.stringify(text)).toEqual(['Swing by the shop on Friday 🎉']);
    }
    const french = 'Bonjour Léa\nRéservez le vôtre par message';
    expect(ctaFeatures(french, 'fr').signals.map((s) => [s.feature, french.slice(s.start, s.end)])).toEqual([['s:imperative-ez', 'Réservez le vôtre par message']]);
  });

  it('says why --explain does not weigh an empty draft, or one that asks plainly', () => {
    const options = { asks: [], minScore: CTA_MODEL.threshold };
    const explain = (text: string) => callToAction.explain!({ text, locale: 'en' } as Parameters<NonNullable<typeof callToAction.explain>>[0], options);
    expect(explain('  \n ')).toMatchObject({ fires: false, skipped: 'the draft is empty' });
    expect(explain('Want the desk?')).toMatchObject({ fires: false, skipped: expect.stringContaining('asks plainly') });
    expect(explain('We moved the team lunch to Friday at one.')).toMatchObject({ fires: true, threshold: CTA_MODEL.threshold });
  });

  it('counts the phrases of `asks` as plain asks, and reports from `minScore`', async () => {
    const body = 'Hi Jo, the deck for Thursday is attached to this message.';
    expect(only(await lint(message(body)), RULE)).toHaveLength(1);
    expect(only(await lint(message(body), { config: { rules: { [RULE]: ['warn', { asks: ['attached to this message'] }] } } }), RULE)).toEqual([]);
    expect(only(await lint(message(body), { config: { rules: { [RULE]: ['warn', { minScore: 0.999 }] } } }), RULE)).toEqual([]);
  });
});
