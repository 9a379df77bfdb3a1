import { describe, expect, it } from 'vitest';
import { valueSignals, VALUE_MODEL } from '../../rules/linkedin/inmail-value-proposition.js';
import { score } from '../../src/text/scorer.js';
import { lint, lintFixture, only } from '../helpers.js';

const RULE = 'linkedin/inmail-value-proposition';
const inmail = (body: string, subject = 'Hello', locale = 'en') =>
  `---\nplatform: linkedin\nkind: inmail\naudience: cold\nlocale: ${locale}\nsubject: ${JSON.stringify(subject)}\n---\n${body}\n`;
const scoreOf = (body: string, subject = '', locale = 'en') => score(VALUE_MODEL, valueSignals(body, subject, locale)).probability;

describe(RULE, () => {
  it('reports a sender-centred InMail (en, fr) once, pointing at its strongest evidence', async () => {
    for (const file of ['linkedin/inmail-value-proposition/invalid-en.md', 'linkedin/inmail-value-proposition/invalid-fr.md']) {
      const result = await lintFixture(file);
      const found = result.diagnostics.filter((d) => d.ruleId === RULE);
      expect(found, file).toHaveLength(1);
      const [diagnostic] = found;
      expect(diagnostic!.message).toMatch(/^This InMail never says what the recipient gains/);
      expect(diagnostic!.score).toBeGreaterThanOrEqual(VALUE_MODEL.threshold);
      const first = diagnostic!.evidence![0]!;
      expect([diagnostic!.line, diagnostic!.column]).toEqual([first.line, first.column]);
      const line = result.text.split('\n')[first.line - 1]!;
      expect(line.slice(first.column - 1)).toMatch(new RegExp(`^${first.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').split('\n')[0]}`));
      expect(diagnostic!.message).toContain(`"${first.text.replace(/\s+/g, ' ')}"`);
    }
  });

  it.each([
    'linkedin/inmail-value-proposition/valid-en-number.md',
    'linkedin/inmail-value-proposition/valid-en-question.md',
    'linkedin/inmail-value-proposition/valid-fr.md',
    'linkedin/inmail-value-proposition/valid-fr-tu.md',
  ])('passes %s', async (file) => {
    expect(only(await lintFixture(file), RULE)).toEqual([]);
  });

  it.each([
    ['time given back', 'Your ops team spends Friday afternoons matching invoices by hand. Ledgerly does it overnight, so your team would get its Friday afternoons back.'],
    ['an introduction', 'The buying director of Kloet Logistics told me last week they are looking for a cold-chain carrier in Rotterdam, and your fleet came to mind. I can put you in touch with her this week.'],
    ['a candidate', 'You are hiring a night-shift supervisor for Lyon. I am working with a candidate who ran a 60-person cold storage site for six years and can start within a month.'],
    ['du temps rendu', 'Vos commerciaux passent leurs vendredis à remplir le CRM. Notre outil le fait pour eux : ils retrouvent leurs vendredis pour vendre.', 'fr'],
    ['une mise en relation', "Vous cherchez un sous-traitant en usinage près de Grenoble. Je connais bien le dirigeant d'Alpmeca et je peux vous mettre en relation cette semaine.", 'fr'],
  ])('stays silent on an InMail whose gain is %s', async (_, body, locale = 'en') => {
    expect(only(await lint(inmail(`Hello {{first_name}},\n\n${body}\n\nWorth a short reply?`, 'A thought', locale)), RULE)).toEqual([]);
  });

  it.each([
    ['credentials and a call', 'I am the founder of Brightloop, the leading AI platform for revenue teams, trusted by 500 companies. Do you have 15 minutes for a call?'],
    ['flattery and a demo', 'I was impressed by your profile and your career. I would love to show you a demo of our platform.'],
    ['des références et un appel', "Je suis le fondateur d'Optimia, leader des solutions RH, avec 300 clients et une levée de fonds de 10 M€. Auriez-vous 20 minutes pour un échange ?", 'fr'],
  ])('reports an InMail of %s', async (_, body, locale = 'en') => {
    expect(only(await lint(inmail(`Hello {{first_name}},\n\n${body}`, 'Quick question', locale)), RULE)).toHaveLength(1);
  });

  it('lets the subject line carry the value proposition, unless includeSubject is false', async () => {
    const body = 'Hello {{first_name}}, we are an agency in Lyon with twelve consultants. Do you have a moment next week?';
    expect(scoreOf(body, 'Cut your hiring costs by 20% this quarter')).toBeLessThan(scoreOf(body, 'Our agency'));
    const text = inmail(body, 'Your team gets its Friday afternoons back');
    expect(only(await lint(text, { config: { rules: { [RULE]: ['warn', { includeSubject: false }] } } }), RULE)).toHaveLength(1);
  });

  it('counts extra benefit phrases from options as gains', () => {
    const body = 'Hello, we are an agency in Lyon. You could onboard in a snap with our kit.';
    const plain = score(VALUE_MODEL, valueSignals(body, '', 'en')).probability;
    const helped = score(VALUE_MODEL, valueSignals(body, '', 'en', ['in a snap'])).probability;
    expect(helped).toBeLessThan(plain);
  });

  it('moves with minScore, and only checks InMails', async () => {
    const benefit = inmail('Hello {{first_name}}, your team would save six hours a week on reporting. Worth a look?');
    expect(only(await lint(benefit), RULE)).toEqual([]);
    expect(only(await lint(benefit, { config: { rules: { [RULE]: ['warn', { minScore: 0 }] } } }), RULE)).toHaveLength(1);
    expect(only(await lint('---\nplatform: linkedin\nkind: message\n---\nWe are an agency in Lyon.\n'), RULE)).toEqual([]);
  });
});
