import {
  AUDIENCES,
  compilePhrases,
  defineRule,
  docsUrl,
  evidenceSpans,
  findPlaceholders,
  explainScore,
  hasTwoCapitals,
  loadWords,
  allSignals,
  score,
  splitSentences,
  loadModel,
  type Features,
  type Signal,
} from '../../src/rule-api/index.js';
import header from './unsolicited-pitch.model.json' with { type: 'json' };
import wordsData from './unsolicited-pitch.words.json' with { type: 'json' };

/**
 * facebook/unsolicited-pitch is a learned scorer (docs/rules/facebook/unsolicited-pitch.md): the
 * word families of unsolicited-pitch.words.json, a few signals of tone (capitals, exclamation
 * marks, sums of money, "reply YES") and the word n-grams of the message are weighed by the
 * logistic model in unsolicited-pitch.model.json and .weights.json, fitted on independently labelled drafts and
 * real mail by eval/judgment/train.mjs.
 */

const words = loadWords(wordsData, new URL('./unsolicited-pitch.phrases.bin', import.meta.url));
export const PITCH_MODEL = loadModel(header, new URL('./unsolicited-pitch.weights.json', import.meta.url));

// Words that deny what follows in the same clause ("this isn't a limited time offer"), unless
// they only soften an imperative ("don't forget to use code…", "n'hésitez pas").
const NEGATION: Record<string, RegExp> = {
  en: /\b(?:not|never|no|nothing|without|\w+n['’]t)\b(?! (?:forget|hesitate|miss|wait)\b)/iu,
  fr: /(?:\b(?:ne|pas|jamais|ni|aucun|aucune|rien|sans)\b|\bn['’])(?! ?(?:oubli|h[ée]sit|rat|manqu|attend))/iu,
};
const CLAUSE_BREAK = /[.!?;:,\n]|\b(?:but|however|mais|cependant)\b/giu;
const NEGATION_REACH = 12;
// A passage in quotation marks, at most a few sentences long: what someone else says or writes.
// Single quotes are also apostrophes, so a single-quoted passage is held tighter: one sentence at
// most, no other kind of quotation mark inside, an apostrophe inside only between two letters
// ('we'll match any quote'), and no passage opened by a clipped word ('em, 'til, 'tis, '90s) that
// would run on to the next plural possessive (the kids' toys).
const QUOTED =
  /“[^“”\n]{1,400}”|«[^«»\n]{1,400}»|„[^„“\n]{1,400}“|"[^"\n]{1,400}"|(?<![\p{L}\p{N}])[‘'](?!(?:em|cause|cos|til|tis|twas|bout|n|round)(?!\p{L})|\d0s)(?:[^‘’'\n.!?“”«»„"]|[.!?](?=[^\s‘’'])|(?<=\p{L})['’](?=\p{L})){1,400}[.!?]*[’'](?![\p{L}\p{N}])/giu;
// Every quoted passage opens with one of these (test/rules holds the two together).
const MAY_QUOTE = /[“«„"‘']/;

/** The spans of `text` in quotation marks. */
export function quotedSpans(text: string): { start: number; end: number }[] {
  if (!MAY_QUOTE.test(text)) return [];
  return [...text.matchAll(QUOTED)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** `text` with the given spans (in any order, overlapping or not) filled with `filler`: same length, so offsets still hold. */
function blank(text: string, spans: readonly { start: number; end: number }[], filler = ' '): string {
  if (spans.length === 0) return text;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const { start, end } of sorted) {
    const from = Math.max(start, at);
    if (end <= from) continue;
    parts.push(text.slice(at, from), filler.repeat(end - from));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Whether the phrase at [start, end) is quoted or denied rather than said. */
function quotedOrNegated(text: string, start: number, end: number, locale: string, quoted: readonly { start: number; end: number }[]): boolean {
  if (quoted.some((q) => q.start <= start && end <= q.end)) return true;
  const negation = NEGATION[locale];
  if (!negation) return false;
  // "Il ne reste plus que 4 places": ne … que restricts, it does not deny.
  if (locale === 'fr' && /^plus que\b/i.test(text.slice(start, end))) return false;
  const before = text.slice(Math.max(0, start - 200), start);
  let clauseStart = 0;
  for (const stop of before.matchAll(CLAUSE_BREAK)) clauseStart = stop.index + stop[0].length;
  const words = before.slice(clauseStart).split(/\s+/).filter(Boolean).slice(-NEGATION_REACH).join(' ');
  return negation.test(words);
}

// Common acronyms are capitals without shouting.
const ACRONYM = /^(?:AI|API|CEO|CTO|CFO|COO|CRM|DIY|DM|EU|FAQ|HR|ID|IT|NYC|OK|PDF|PM|PR|PS|RSVP|SEO|SMS|TV|UK|UN|URL|USA|USD|VAT|VIP|TVA|RH|PME|TPE|SNCF|RER|CV|DRH|PDG)$/;
// A word of three capitals or more, accented ones included (\b alone knows only ASCII letters).
// Slower to search than \b: looked for only in text with two capitals in a row.
const CAPS_WORD = /(?<![\p{L}\p{N}_])\p{Lu}{3,}(?![\p{L}\p{N}_])/gu;
// "Reply YES", "text START", "commente OUI", "réponds INFO": a keyword answer asked for. The verb
// is matched in any case, the keyword only in capitals, so the two are found in two steps.
const REPLY_VERB = /\b(?:reply|text|comment|type|dm|message|respond|answer|send|write|inbox|r[ée]pond\p{L}*|[ée]cri\p{L}*|envoie\p{L}*|tape\p{L}*|commente\p{L}*)\b/giu;
const KEYWORD_AFTER = /^[^.!?\n]{0,24}?\b\p{Lu}{2,}\b/u;

function keywordReply(text: string): { start: number; end: number } | undefined {
  // The keyword holds two capitals in a row: a message without any has no keyword answer to find
  // (most messages; the verb search is the slow part).
  if (!hasTwoCapitals(text)) return undefined;
  for (const verb of text.matchAll(REPLY_VERB)) {
    const after = KEYWORD_AFTER.exec(text.slice(verb.index + verb[0].length));
    if (after) return { start: verb.index, end: verb.index + verb[0].length + after[0].length };
  }
  return undefined;
}
// "only 3 spots left", "just two more", "il en reste quatre", "plus que 5": scarcity counted out.
const COUNTED_SCARCITY =
  /\b(?:(?:only|just)\s+(?:\d+|one|two|three|four|five|a few|a couple)\b|(?:\d+|one|two|three|four|five|a few)\s+(?:more\s+)?(?:\p{L}+\s+)?(?:spots?|places?|seats?|slots?|copies|tickets?|tables?)\s+(?:left|remaining)\b|(?:plus que|il (?:en )?reste|seulement|uniquement)\s+(?:\d+|une?|deux|trois|quatre|cinq|six|dix|quelques)\b)/iu;
// Cheap test first: every match of COUNTED_SCARCITY holds one of these words, and most messages
// hold none. Same flags as the pattern: with u, "ſ" (long s) is an s for both.
const MAY_COUNT = /only|just|left|remaining|plus que|reste|seulement|uniquement/iu;
const EXCLAMATION = /!/g;
const EXCLAMATION_RUN = /!{2,}/;
const EMOJI = /\p{Extended_Pictographic}/gu;
// Every pictograph is a surrogate pair or a BMP character from U+00A9 to U+3299 (test/rules
// holds this against the Unicode property): text with none of these has no emoji to count.
const MAY_HAVE_EMOJI = /[\u00a9\u00ae\u203c-\u3299\ud800-\udfff]/;

// A line of at least three words written all in capitals, as a headline is ("NEW TECHNOLOGY -
// DIGITAL VIDEO RECORDER", "VOUS AVEZ GAGNÉ"): shouting a whole line, not one word. Its evidence
// is the line's beginning, so that a diagnostic never quotes a whole page of capitals.
const LOWER = /\p{Ll}/u;
const SHOWN_OF_A_LINE = 80;

function shoutedLine(text: string, tone: string): { start: number; end: number } | undefined {
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    // Lower case anywhere on the line, even quoted, makes it no shouted line; the capital words
    // are counted outside quotations and merge fields.
    if (!LOWER.test(text.slice(start, end)) && [...tone.slice(start, end).matchAll(CAPS_WORD)].filter((m) => !ACRONYM.test(m[0])).length >= 3) {
      let shown = Math.min(end, start + SHOWN_OF_A_LINE);
      if (shown < end && /[\ud800-\udbff]/.test(text[shown - 1]!)) shown--;
      return { start, end: shown };
    }
    start = end + 1;
  }
  return undefined;
}

/**
 * Signals of tone and shape: counts as indicator features, so the model weighs each level. `text`
 * is the message with quotations and merge fields filled with a mark that is neither a space nor
 * a letter (someone else's tone, and {{FIRST_NAME}}, are not the sender's shouting); `original`
 * is the message itself.
 */
function toneSignals(text: string, original: string): Signal[] {
  const signals: Signal[] = [];
  const exclamations = text.match(EXCLAMATION)?.length ?? 0;
  if (exclamations >= 2) signals.push({ feature: 's:exclamations>=2' });
  if (exclamations >= 4) signals.push({ feature: 's:exclamations>=4' });
  const run = EXCLAMATION_RUN.exec(text);
  if (run) signals.push({ feature: 's:exclamation-run', start: run.index, end: run.index + run[0].length });
  const shouted = hasTwoCapitals(text) ? [...text.matchAll(CAPS_WORD)].filter((m) => !ACRONYM.test(m[0])) : [];
  if (shouted.length >= 1) signals.push({ feature: 's:capitals>=1', start: shouted[0]!.index, end: shouted[0]!.index + shouted[0]![0].length });
  if (shouted.length >= 3) {
    signals.push({ feature: 's:capitals>=3' });
    const line = shoutedLine(original, text);
    if (line) signals.push({ feature: 's:shouted-line', ...line });
  }
  const counted = MAY_COUNT.test(text) ? COUNTED_SCARCITY.exec(text) : null;
  if (counted) signals.push({ feature: 's:counted-scarcity', start: counted.index, end: counted.index + counted[0].length });
  const keyword = keywordReply(text);
  if (keyword) signals.push({ feature: 's:keyword-reply', ...keyword });
  if (MAY_HAVE_EMOJI.test(text) && (text.match(EMOJI)?.length ?? 0) >= 3) signals.push({ feature: 's:emoji>=3' });
  return signals;
}

// Families that press (a deadline, scarcity, bait) and families that sell (a price, an order, a
// seat to hold): a pitch puts the two together, often in one sentence of an otherwise friendly message.
const PRESSING = new Set(['urgency', 'price-rise', 'scarcity', 'selected', 'free-prize', 'money-hype', 'free-prize-words', 'selected-words', 'lottery', 'adult-bait']);
const SELLING = new Set(['discount', 'rates-bait', 'call-to-buy', 'hold-offer', 'launch', 'trade-ad']);

function combinationSignals(text: string, said: readonly { family: string; start: number }[]): Signal[] {
  const signals: Signal[] = [];
  const families = new Set(said.map((s) => s.family));
  if ([...families].some((f) => PRESSING.has(f)) && [...families].some((f) => SELLING.has(f))) signals.push({ feature: 'x:presses+sells' });
  for (const sentence of splitSentences(text)) {
    const inside = new Set(said.filter((s) => s.start >= sentence.start && s.start < sentence.end && s.family !== 'commerce').map((s) => s.family));
    if ([...inside].some((f) => PRESSING.has(f)) && [...inside].some((f) => SELLING.has(f))) {
      signals.push({ feature: 'x:presses+sells-in-a-sentence', start: sentence.start, end: sentence.end });
    }
    if (inside.size >= 3) signals.push({ feature: 'x:three-families-in-a-sentence', start: sentence.start, end: sentence.end });
  }
  return signals;
}

export interface PitchOptions {
  add: readonly string[];
  allow: readonly string[];
}

/**
 * Every feature of a message for the pitch model: word families (said, or quoted or denied),
 * tone, and the text whose word n-grams the model weighs. Phrases in `allow` are blanked first,
 * so nothing of them counts.
 */
export function pitchFeatures(text: string, locale: string, options: PitchOptions = { add: [], allow: [] }): Features {
  const read = options.allow.length > 0 ? blank(text, compilePhrases(options.allow)(text)) : text;
  const signals: Signal[] = [];
  const said: { family: string; start: number }[] = [];
  const quoted = quotedSpans(read);
  // A draft whose language is not known is read with every language's families.
  for (const language of words.localesFor(locale)) {
    for (const match of words.families([language])(read)) {
      const denied = quotedOrNegated(read, match.start, match.end, language, quoted);
      signals.push({ feature: `${denied ? 'fq' : 'f'}:${match.family}`, start: match.start, end: match.end });
      if (!denied) said.push({ family: match.family, start: match.start });
    }
  }
  // Capitals, exclamation marks, emoji, "only 3 left" and "reply YES" inside quotation marks are
  // someone else's tone, and a merge field in capitals is no shouting.
  const fields = findPlaceholders(read);
  const notTone = fields.length > 0 ? [...quoted, ...fields] : quoted;
  signals.push(...combinationSignals(read, said), ...toneSignals(blank(read, notTone, '\u0001'), read));
  return { signals, ngrams: [{ text: read, shrinkOnly: true }] };
}

/** The same features as signals alone, every n-gram made: what the model was fitted on. */
export function pitchSignals(text: string, locale: string, options?: PitchOptions): Signal[] {
  return allSignals(pitchFeatures(text, locale, options));
}

export interface Options {
  add: string[];
  allow: string[];
  exemptAudiences: string[];
  minScore: number;
}

const quote = (text: string) => `"${text.replace(/\s+/g, ' ').trim()}"`;

export default defineRule<Options>({
  meta: {
    id: 'facebook/unsolicited-pitch',
    type: 'suggestion',
    description:
      'No sales pitch in a Facebook message to someone who did not write first or is not a customer: it lands in message requests and costs followers.',
    platforms: ['facebook'],
    defaultSeverity: 'warn',
    fixable: false,
    readsLanguage: true,
    schema: {
      type: 'object',
      properties: {
        add: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Phrases that make a message a pitch whatever its score, in any language.' },
        allow: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Phrases that never count as evidence of a pitch (your brand, a product name).' },
        exemptAudiences: {
          type: 'array',
          items: { enum: [...AUDIENCES] },
          description: 'Audiences who may receive a pitch.',
        },
        minScore: {
          type: 'number',
          minimum: 0,
          maximum: 1,
          description: 'Score (0 to 1) from which a message is reported: lower catches more pitches and more false alarms, higher fewer of both.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { add: [], allow: [], exemptAudiences: ['inbound', 'customer'], minScore: PITCH_MODEL.threshold },
    messages: {
      pitch:
        'Reads as a sales pitch in an unsolicited Facebook message (audience: {{audience}}): {{evidence}}. Say plainly what you offer, or keep the pitch for people who wrote first',
    },
    docsUrl: docsUrl('facebook/unsolicited-pitch'),
  },
  create(context) {
    return {
      draft(draft) {
        const judged = judge(draft.text, draft.locale, draft.audience, context.options);
        if (!judged?.fires) return;
        const text = draft.text;
        const spans = [...judged.forced, ...evidenceSpans(judged.result, 1, 3, text)].slice(0, 3);
        const strongest = spans[0] ?? { start: 0, end: text.length };
        context.report({
          messageId: 'pitch',
          data: { evidence: spans.map((span) => quote(text.slice(span.start, span.end))).join(', ') || 'its wording as a whole', audience: draft.audience ?? 'unknown' },
          draft,
          start: strongest.start,
          end: strongest.end,
          judgment: { score: judged.result.probability, evidence: spans },
        });
      },
    };
  },
  explain(draft, options) {
    const judged = judge(draft.text, draft.locale, draft.audience, options);
    if (!judged) return { score: 0, threshold: options.minScore, fires: false, skipped: `audience "${draft.audience}" may receive a pitch (exemptAudiences)`, signals: [] };
    return { ...explainScore(judged.result, options.minScore, draft.text), fires: judged.fires };
  },
});

/**
 * How the rule judges a message: undefined for an exempt audience; otherwise the model's score,
 * the phrases of `add` found (each makes it a pitch unless quoted or denied), and the verdict.
 */
function judge(text: string, locale: string, audience: string | undefined, options: Options) {
  if (audience && options.exemptAudiences.includes(audience)) return undefined;
  const { signals, ngrams } = pitchFeatures(text, locale, options);
  const result = score(PITCH_MODEL, signals, ngrams);
  const forced = options.add.length > 0 ? addedPhrases(text, locale, options.add) : [];
  return { result, forced, fires: result.probability >= options.minScore || forced.length > 0 };
}

/** The phrases of `add` said in `text`, not quoted or denied: each makes the message a pitch. */
function addedPhrases(text: string, locale: string, add: readonly string[]): { start: number; end: number }[] {
  const quoted = quotedSpans(text);
  return compilePhrases(add)(text)
    .filter((m) => !quotedOrNegated(text, m.start, m.end, locale, quoted))
    .map(({ start, end }) => ({ start, end }));
}
