import { describe, expect, it } from 'vitest';
import { at, lint, lintFixture, only } from '../helpers.js';

const RULE = 'linkedin/inmail-value-proposition';
const inmail = (body: string, extra = '') => `---\nplatform: linkedin\nkind: inmail\naudience: cold\n${extra}---\n${body}\n`;

describe(RULE, () => {
  it('reports a sender-centred English InMail at the start of its text', async () => {
    const result = await lintFixture('linkedin/inmail-value-proposition/invalid-en.md');
    expect(only(result, RULE)).toEqual([
      {
        ...at(result.text, 'Hi {{first_name}},'),
        endLine: 7,
        endColumn: 19,
        message: expect.stringContaining('never says what the recipient gains'),
        severity: 'warning',
      },
    ]);
  });

  it('reports a sender-centred French InMail, even with a duration that only asks for time', async () => {
    const result = await lintFixture('linkedin/inmail-value-proposition/invalid-fr.md');
    expect(only(result, RULE).map((d) => [d.line, d.column])).toEqual([[7, 1]]);
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
    ['a benefit verb addressed to the reader', 'We help teams like yours hire faster.'],
    ['an imperative benefit', 'Save ten hours a week on reporting.'],
    ['money saved for their company', 'Firms like {{company}} saved $40k last year.'],
    ['a benefit as a question', 'Would you like to double your reply rate?'],
    ['vous + bénéfice', 'Nous pouvons vous aider à réduire vos coûts.'],
    ['vouvoiement + chiffre', 'Votre équipe gagnerait 20 % de temps sur les relances.'],
    ['impératif', 'Économisez trois jours par mois sur la paie.'],
  ])('counts %s as a value proposition', async (_, sentence) => {
    expect(only(await lint(inmail(`Hello {{first_name}}. ${sentence} Shall we talk?`)), RULE)).toEqual([]);
  });

  it.each([
    ['sender features only', 'Our platform has 40 integrations and a great team.'],
    ['an ask for time', 'Do you have 15 minutes for a call this week?'],
    ['a mention of you without a gain', 'I saw your profile and wanted to connect.'],
    ['French sender features', 'Notre entreprise existe depuis 15 ans et compte 200 clients.'],
    ['French ask for time', 'Auriez-vous 20 minutes pour un échange ?'],
  ])('reports %s', async (_, sentence) => {
    expect(only(await lint(inmail(`Hello {{first_name}}. ${sentence}`)), RULE)).toHaveLength(1);
  });

  it('lets the subject line carry the value proposition, unless includeSubject is false', async () => {
    const text = inmail('Hello {{first_name}}, we are an agency in Lyon.', 'subject: Cut your hiring costs by 20%\n');
    expect(only(await lint(text), RULE)).toEqual([]);
    const strict = await lint(text, { config: { rules: { [RULE]: ['warn', { includeSubject: false }] } } });
    expect(only(strict, RULE)).toHaveLength(1);
  });

  it('accepts extra benefit phrases from options', async () => {
    const text = inmail('Hello {{first_name}}, you could onboard in a snap with our kit.');
    expect(only(await lint(text), RULE)).toHaveLength(1);
    expect(only(await lint(text, { config: { rules: { [RULE]: ['warn', { benefits: ['in a snap'] }] } } }), RULE)).toEqual([]);
  });

  it('only checks InMails, not messages to connections', async () => {
    const text = '---\nplatform: linkedin\nkind: message\n---\nWe are an agency in Lyon.\n';
    expect(only(await lint(text), RULE)).toEqual([]);
  });
  it('takes proof from a customer like the reader, and says which element is missing (en, fr)', async () => {
    const head = '---\nplatform: linkedin\nkind: inmail\nsubject: A question\n---\n';
    const proof = 'How do your technicians get job details? With FieldKit, dispatchers we work with reclaim about a day a week. Worth a look?';
    expect(only(await lint(`${head}${proof}\n`), RULE)).toEqual([]);
    const preuve = "Vos clients attendent-ils ? Notre assistant répond dans le chat ; chez Cdiscount, 30 % de tickets en moins. Voulez-vous le voir ?";
    expect(only(await lint(`${head}${preuve}\n`), RULE)).toEqual([]);
    const faster = 'Audits take weeks. With Auditly your team answers auditors in hours instead of days. Shall I send a video?';
    expect(only(await lint(`${head}${faster}\n`), RULE)).toEqual([]);
    const plusVite = "Avec Auditly, votre équipe répond aux auditeurs en quelques heures au lieu de plusieurs jours. Une vidéo ?";
    expect(only(await lint(`${head}${plusVite}\n`), RULE)).toEqual([]);
    for (const proofLedByUs of [
      'Banks make vendors like you wait months. Our questionnaires have helped vendors like Tink shorten that step by six weeks. Worth a look?',
      'Nous aidons les éditeurs SaaS, et nos clients convertissent en général 15 % d\'essais en plus. Une analyse des vôtres ?',
    ]) {
      expect(only(await lint(`${head}${proofLedByUs}\n`), RULE)).toEqual([]);
    }
    for (const change of [
      'I read the reviews of your app. We fixed the same issue for Zopa, and their rating went from 3.1 to 4.5 in two months. Could I share how?',
      'Vos astreintes sont bruyantes. Des équipes comme celle de Deezer ont divisé par deux les alertes nocturnes. Une vidéo ?',
      'Boardly pulls the numbers from your systems, so your team gets a first draft in an hour. Worth a look?',
    ]) {
      expect(only(await lint(`${head}${change}\n`), RULE)).toEqual([]);
    }
    const aboutUs = 'We are a leading agency. Founded in 1998, we have 300 consultants.';
    expect(only(await lint(`${head}${aboutUs}\n`), RULE).map((d) => d.message)).toEqual([expect.stringContaining('only talks about the sender')]);
    const noGain = 'Do you have 15 minutes this week? We are Cloudmatic, trusted by 500 companies.';
    expect(only(await lint(`${head}${noGain}\n`), RULE).map((d) => d.message)).toEqual([expect.stringContaining('names no benefit or result')]);
  });
});
