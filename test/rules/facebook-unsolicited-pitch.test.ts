import { describe, expect, it } from 'vitest';
import { pitchSignals, PITCH_MODEL, quotedSpans } from '../../rules/facebook/unsolicited-pitch.js';
import { score } from '../../src/text/scorer.js';
import { at, lint, lintFixture, only } from '../helpers.js';

const RULE = 'facebook/unsolicited-pitch';
const cold = (body: string, locale = 'en') => `---\nplatform: facebook\naudience: cold\nlocale: ${locale}\n---\n${body}\n`;
const scoreOf = (body: string, locale = 'en') => score(PITCH_MODEL, pitchSignals(body, locale)).probability;

/** The rule's one diagnostic on `text`, with its evidence checked against the text it came from. */
async function diagnosticOn(text: string, config?: Record<string, unknown>) {
  const result = await lint(text, config ? { config } : {});
  const found = result.diagnostics.filter((d) => d.ruleId === RULE);
  expect(found).toHaveLength(1);
  const diagnostic = found[0]!;
  // Every piece of evidence stands where the report says, and the diagnostic points at the first.
  for (const evidence of diagnostic.evidence ?? []) {
    const line = text.split('\n')[evidence.line - 1]!;
    expect(line.slice(evidence.column - 1, evidence.endLine === evidence.line ? evidence.endColumn - 1 : undefined).startsWith(evidence.text.split('\n')[0]!)).toBe(true);
    expect(diagnostic.message).toContain(`"${evidence.text.replace(/\s+/g, ' ').trim()}"`);
  }
  const first = diagnostic.evidence![0]!;
  expect([diagnostic.line, diagnostic.column, diagnostic.endLine, diagnostic.endColumn]).toEqual([first.line, first.column, first.endLine, first.endColumn]);
  return diagnostic;
}

describe(RULE, () => {
  it('never shows an n-gram across a merge field as evidence ("Hello {{first_name}}!" is not a pitch), en and fr', async () => {
    for (const [body, locale] of [
      ['Hello {{first_name}}! Our limited time offer ends Friday: buy now.', 'en'],
      ['Bonjour {{prenom}} ! Notre offre à durée limitée se termine vendredi : commandez maintenant.', 'fr'],
    ] as const) {
      const diagnostic = await diagnosticOn(cold(body, locale));
      expect(diagnostic.evidence!.length).toBeGreaterThan(0);
      for (const evidence of diagnostic.evidence!) expect(evidence.text).not.toContain('{{');
    }
  });

  it('reports one pitch per message (en), with its score and the evidence that weighed most', async () => {
    const result = await lintFixture('facebook/unsolicited-pitch/invalid-en.md');
    const diagnostic = await diagnosticOn(result.text);
    expect(diagnostic.severity).toBe('warning');
    expect(diagnostic.message).toMatch(/^Reads as a sales pitch in an unsolicited Facebook message \(audience: cold\): ".+"/);
    expect(diagnostic.score).toBeGreaterThanOrEqual(PITCH_MODEL.threshold);
    expect(diagnostic.evidence!.length).toBeGreaterThanOrEqual(2);
  });

  it('reports a French pitch', async () => {
    const result = await lintFixture('facebook/unsolicited-pitch/invalid-fr.md');
    const diagnostic = await diagnosticOn(result.text);
    expect(diagnostic.line).toBeGreaterThanOrEqual(at(result.text, 'Bonjour').line);
  });

  it('reports pitches told without the usual words: money-making hype, a price rise, rates as bait (en, fr)', async () => {
    for (const [body, locale] of [
      ['Hey! Earn a second income from your couch, no experience needed. Reply YES and I will send you the details.', 'en'],
      ['The price goes up next month, so now is a good moment to order your bundle.', 'en'],
      ['Lowest rates anywhere on home loans. APPLY TODAY and get approved in minutes!', 'en'],
      ['Coucou ! Arrondissez vos fins de mois depuis chez vous, sans expérience. Répondez OUI pour recevoir le lien.', 'fr'],
      ['Le prix de la formation augmente lundi : il ne reste que 3 places au tarif actuel, je vous en garde une ?', 'fr'],
    ] as const) {
      await diagnosticOn(cold(body, locale));
    }
  });

  it('lets pitches through to inbound contacts and customers, and passes friendly messages (en, fr)', async () => {
    expect(only(await lintFixture('facebook/unsolicited-pitch/valid-inbound.md'), RULE)).toEqual([]);
    expect(only(await lint('---\nplatform: facebook\naudience: customer\n---\nBuy now, it is a flash sale!\n'), RULE)).toEqual([]);
    expect(only(await lintFixture('facebook/unsolicited-pitch/valid-en.md'), RULE)).toEqual([]);
    expect(only(await lintFixture('facebook/unsolicited-pitch/valid-fr.md'), RULE)).toEqual([]);
  });

  it('stays silent on a question, a favour, a warning that quotes a scam (en, fr)', async () => {
    for (const [body, locale] of [
      ['Hi Sam, do you still have the blue bike you posted in the neighbourhood group? My daughter would love it.', 'en'],
      ['Heads up: someone is messaging people in our group with "you have been selected, claim your prize now". It is a scam, please do not click their link.', 'en'],
      ["Salut Léa, tu pourrais partager l'affiche de la kermesse de l'école ? Merci beaucoup !", 'fr'],
      ['Attention, un faux compte envoie « offre exclusive, cliquez ici » à tout le monde. Ne cliquez pas, c\'est une arnaque.', 'fr'],
    ] as const) {
      expect(only(await lint(cold(body, locale)), RULE), body).toEqual([]);
    }
  });

  it('scores a quoted or denied pitch phrase lower than the same phrase said', () => {
    expect(scoreOf('Everyone online says "limited time offer, act now" and I hate it.')).toBeLessThan(scoreOf('Limited time offer, act now and save on our course.'));
    expect(scoreOf("Ce n'est pas une offre limitée, juste une question.", 'fr')).toBeLessThan(scoreOf('Offre limitée, profitez-en vite !', 'fr'));
  });

  it('scores a friendly message higher once a pitch sentence is buried in it', () => {
    const friendly = 'Hi Jo, great to see you at the school fair on Saturday. The kids loved the cake stall.';
    expect(scoreOf(`${friendly} By the way I only have 3 spots left in my coaching programme at the launch price, it goes up on Monday!`)).toBeGreaterThan(scoreOf(friendly) + 0.3);
  });

  it('adds phrases that always report, and allows phrases that never count', async () => {
    const bundle = cold('Hello Ana, we make ceramic mugs in Porto. Ask me about the bundle deal.');
    expect(only(await lint(bundle), RULE)).toEqual([]);
    const added = await diagnosticOn(bundle, { rules: { [RULE]: ['warn', { add: ['bundle deal'] }] } });
    expect(added.evidence![0]!.text).toBe('bundle deal');
    const brand = 'Hi! Free Now is our taxi app and Free Now drivers are nice.';
    const allowed = score(PITCH_MODEL, pitchSignals(brand, 'en', { add: [], allow: ['Free Now'] })).probability;
    expect(allowed).toBeLessThan(scoreOf(brand));
  });

  it('moves with minScore: 0 reports every cold message, 1 none', async () => {
    const friendly = cold('Hi Sam, do you still have the blue bike?');
    expect(only(await lint(friendly, { config: { rules: { [RULE]: ['warn', { minScore: 0 }] } } }), RULE)).toHaveLength(1);
    const pitch = cold('Limited time offer: buy now, 50% off today only!');
    expect(only(await lint(pitch, { config: { rules: { [RULE]: ['warn', { minScore: 1 }] } } }), RULE)).toEqual([]);
    expect(only(await lint(pitch), RULE)).toHaveLength(1);
  });

  it('gives the same score for the same text, from a model fitted on data', () => {
    expect(Object.keys(PITCH_MODEL.weights).length).toBeGreaterThan(1000);
    expect(PITCH_MODEL.threshold).toBeGreaterThan(0.2);
    expect(PITCH_MODEL.threshold).toBeLessThan(0.9);
    const text = 'Act now: 30% off everything this weekend!';
    expect(scoreOf(text)).toBe(scoreOf(text));
  });

  // The signals are looked for only where a cheap test says they may stand: these hold the cheap
  // tests to every way the signal can be met.
  const signalsOf = (text: string, locale = 'en') => pitchSignals(text, locale).map((signal) => signal.feature);

  it('counts scarcity counted out, in English and French', () => {
    // "ſ" (long s) is an s to the pattern's case-insensitive Unicode search, and so to its pretest.
    for (const text of ['Only 3 spots this month.', 'Juſt two spots this month', 'just two more', 'Two seats left for Friday', '5 places remaining', 'il en reste quatre', 'Plus que 5 places', 'seulement deux', 'uniquement trois']) {
      expect(signalsOf(text, /[àéèê]|reste|plus|seul|uniq/.test(text) ? 'fr' : 'en'), text).toContain('s:counted-scarcity');
    }
    expect(signalsOf('We have 3 seats and 5 places.')).not.toContain('s:counted-scarcity');
  });

  it('counts three emoji or more, whichever pictographs they are', () => {
    const pictographs: string[] = [];
    for (let code = 0; code <= 0x1ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      if (/\p{Extended_Pictographic}/u.test(char)) pictographs.push(char);
    }
    expect(pictographs.length).toBeGreaterThan(2500);
    for (const char of pictographs) expect(signalsOf(`Hi ${char}${char} there ${char}`), `U+${char.codePointAt(0)!.toString(16)}`).toContain('s:emoji>=3');
    expect(signalsOf('Hi :) there ;) ok :D')).not.toContain('s:emoji>=3');
  });

  const spanOf = (text: string, feature: string, locale = 'en') => {
    const signal = pitchSignals(text, locale).find((s) => s.feature === feature);
    return signal && signal.start !== undefined ? text.slice(signal.start, signal.end) : undefined;
  };

  it('reads a whole line in capitals as shouting, and points at that line (en, fr)', () => {
    const english = 'Hello,\nNEW TECHNOLOGY - DIGITAL VIDEO RECORDER\nIt records four cameras at once.';
    expect(spanOf(english, 's:shouted-line')).toBe('NEW TECHNOLOGY - DIGITAL VIDEO RECORDER');
    const french = 'Bonjour,\nVOUS AVEZ GAGNÉ UN CADEAU !\nÀ bientôt';
    expect(spanOf(french, 's:shouted-line', 'fr')).toBe('VOUS AVEZ GAGNÉ UN CADEAU !');
    // Three shouted words spread over lines of ordinary text, acronyms, and merge fields are no shouted line.
    expect(signalsOf('Hello FRIEND,\nthis is GREAT news and HUGE.')).not.toContain('s:shouted-line');
    expect(signalsOf('Hi,\nCEO CTO CRM PDF\nsee you')).not.toContain('s:shouted-line');
    expect(signalsOf('{{FIRST_NAME}} {{LAST_NAME}} {{COMPANY_NAME}}\nhello there FRIEND GREAT NEWS')).not.toContain('s:shouted-line');
  });

  it('counts how a stranger found the reader, or apologises for writing (en, fr)', () => {
    expect(spanOf('Dear Sir, I got your email from your website and hope this helps.', 'f:cold-contact')).toBe('got your email');
    expect(spanOf('We are very sorry to disturb you!', 'f:cold-contact')).toBe('sorry to disturb');
    expect(spanOf("J'ai trouvé votre adresse e-mail sur l'annuaire.", 'f:cold-contact', 'fr')).toBe('votre adresse e-mail');
    expect(spanOf('Désolé de vous déranger, une question rapide.', 'f:cold-contact', 'fr')).toBe('Désolé de vous déranger');
    expect(signalsOf('Thanks for your email yesterday, see you soon.')).not.toContain('f:cold-contact');
  });

  it('reads a single-quoted passage with apostrophes in it as quoted, and leaves its tone to whoever said it (en, fr)', () => {
    const warning = "Remember the 'we'll match any quote, best price guaranteed!!' flyer? They left my gutter hanging off.";
    const features = signalsOf(warning);
    expect(features).toContain('fq:guarantee-superlative-words');
    expect(features).not.toContain('f:guarantee-superlative-words');
    expect(features).not.toContain('s:exclamation-run');
    const french = "Un mec m'a envoyé 'GAGNEZ 2000€ PAR SEMAINE DEPUIS CHEZ VOUS' en mp, t'as reçu le même ?";
    expect(signalsOf(french, 'fr')).toContain('fq:money-hype');
    expect(signalsOf(french, 'fr')).not.toContain('s:capitals>=1');
    // Said, not quoted: the same words count as the sender's.
    expect(signalsOf('We\'ll match any quote, best price guaranteed!!')).toContain('s:exclamation-run');
    expect(signalsOf("GAGNEZ 2000€ PAR SEMAINE DEPUIS CHEZ VOUS, t'as vu ?", 'fr')).toContain('s:capitals>=1');
  });

  it('does not let an apostrophe open a quotation that swallows a pitch: clipped words, plural possessives, other quotes', () => {
    const grab = "Grab 'em while you can, it's our BIGGEST SALE EVER!!! Buy now, only 3 left, the kids' favourite";
    expect(signalsOf(grab)).toEqual(expect.arrayContaining(['f:call-to-buy', 's:capitals>=3', 's:exclamation-run', 's:counted-scarcity']));
    expect(scoreOf(grab)).toBeGreaterThan(PITCH_MODEL.threshold);
    expect(signalsOf("'Tis the season! Buy now, it's 50% off, all the kids' toys")).toContain('f:call-to-buy');
    expect(signalsOf("Grab 'em: our BIGGEST SALE EVER!!! Buy now, only 3 left, the kids' favourite")).toContain('f:call-to-buy');
    // One sentence at most: a single quote does not run past the end of a sentence.
    expect(signalsOf("Hi 'Sam. Buy now while it lasts, the members' price")).toContain('f:call-to-buy');
    // A single-quoted passage cannot start before a double-quoted one and end inside it.
    expect(signalsOf('Remember \'em? "We\'re every parents\' favourite, best price guaranteed!!" lol, what a flyer')).toContain('fq:guarantee-superlative-words');
  });

  it('finds a quotation with every opening mark the cheap test lets through, and a typographic apostrophe inside', () => {
    for (const [open, close] of [['“', '”'], ['«', '»'], ['„', '“'], ['"', '"'], ['‘', '’'], ["'", "'"]]) {
      expect(quotedSpans(`He said ${open}buy now${close} to me.`), open).toEqual([{ start: 8, end: 17 }]);
    }
    expect(signalsOf('That ‘we’ll beat any price, best price guaranteed!!’ flyer again')).toContain('fq:guarantee-superlative-words');
  });

  it('keeps shouting apart from quotations, acronyms and merge fields, and quotes at most the start of a shouted line', () => {
    expect(signalsOf('Hi FRIEND GREAT NEWS,\nCEO CTO CRM\nok')).not.toContain('s:shouted-line');
    expect(signalsOf('BIG NEWS TODAY "see you there, my friend"')).not.toContain('s:shouted-line');
    expect(signalsOf('{{FIRSTNAME}} {{LASTNAME}} {{COMPANY}}')).not.toContain('s:capitals>=1');
    expect(signalsOf('ÉTÉ ÉNORME ÉCONOMIES', 'fr')).toContain('s:shouted-line');
    expect(spanOf('Bonjour ÉNORME promo', 's:capitals>=1', 'fr')).toBe('ÉNORME');
    const page = 'HUGE SALE TODAY '.repeat(2000);
    const shown = spanOf(page, 's:shouted-line')!;
    expect(shown.length).toBeLessThanOrEqual(80);
    expect(page.startsWith(shown)).toBe(true);
  });

  it('reads a draft full of quotations whole (the blanking is one pass)', () => {
    const text = '"a" '.repeat(50_000);
    const features = signalsOf(text);
    expect(features).not.toContain('s:capitals>=1');
  });
});
