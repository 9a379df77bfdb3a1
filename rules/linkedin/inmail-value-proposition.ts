import {
  compilePhrases,
  defineRule,
  docsUrl,
  evidenceSpans,
  explainScore,
  loadWords,
  allSignals,
  score,
  splitSentences,
  loadModel,
  type Draft,
  type Features,
  type NgramText,
  type Signal,
} from '../../src/rule-api/index.js';
import header from './inmail-value-proposition.model.json' with { type: 'json' };
import wordsData from './inmail-value-proposition.words.json' with { type: 'json' };

/**
 * linkedin/inmail-value-proposition is a learned scorer (docs/rules/linkedin/inmail-value-proposition.md):
 * the word families of inmail-value-proposition.words.json (the reader, gains, figures, the
 * sender, brags, asks for a call), how they meet in one sentence, and the word n-grams of subject
 * and body are weighed by the logistic model in inmail-value-proposition.model.json and
 * .weights.json, fitted on
 * independently labelled InMails by eval/judgment/train.mjs. The model gives the probability that
 * the InMail never says what the recipient gains.
 */

const words = loadWords(wordsData, new URL('./inmail-value-proposition.phrases.bin', import.meta.url));
export const VALUE_MODEL = loadModel(header, new URL('./inmail-value-proposition.weights.json', import.meta.url));


// A figure: money, a share, a multiple, or a duration. These patterns need no Unicode classes, and
// without the u flag a case-insensitive search runs about four times faster.
const FIGURE = /(?:[$€£]\s?\d|\d(?:[\d.,\s]*\d)?\s?(?:%|percent|pour ?cent|k€|k\$|€|\$|£|x\b|fois\b))/i;
const DURATION =
  /\b(?:\d+|one|two|three|four|five|six|ten|twenty|thirty|half an?|une?|deux|trois|quatre|cinq|six|dix|vingt|trente)\s?(?:hours?|hrs?|h\b|days?|weeks?|months?|minutes?|mins?|heures?|jours?|journées?|semaines?|mois)\b/i;
// Sentences led by the sender ("We are…", "Our team…", "Je suis…").
const SENDER_LED = /^\W*(?:we|we're|we've|our|i|i'm|i've|my|nous|notre|nos|je|j'|mon|ma|mes|on)\b/i;
const GAIN = new Set(['gain-verb', 'gain-phrase', 'more-less', 'time-back']);
const OFFERED = new Set(['introduction', 'candidate', 'access', 'risk', 'stage']);

interface Found {
  family: string;
  start: number;
  end: number;
}

function familiesIn(text: string, locale: string): Found[] {
  const found: Found[] = [];
  // A draft whose language is not known is read with every language's families.
  for (const language of words.localesFor(locale)) {
    for (const match of words.families([language])(text)) found.push({ family: match.family, start: match.start, end: match.end });
  }
  return found;
}

/** How families meet in one sentence: the reader with a gain, a gain with a figure, the sender alone. */
function sentenceSignals(text: string, found: readonly Found[], prefix: string): Signal[] {
  const signals: Signal[] = [];
  const sentences = splitSentences(text);
  let senderLed = 0;
  for (const sentence of sentences) {
    const inside = new Set(found.filter((f) => f.start >= sentence.start && f.start < sentence.end).map((f) => f.family));
    const span = { start: sentence.start, end: sentence.end };
    const gain = [...inside].some((f) => GAIN.has(f));
    // The figure patterns matter only beside a gain, the reader or an ask: most sentences have none.
    const figure = (gain || inside.has('reader') || inside.has('meeting-ask')) && (FIGURE.test(sentence.text) || DURATION.test(sentence.text));
    if (inside.has('reader') && gain) signals.push({ feature: `${prefix}x:reader+gain`, ...span });
    if (gain && figure) signals.push({ feature: `${prefix}x:gain+figure`, ...span });
    if (inside.has('reader') && figure && !inside.has('meeting-ask')) signals.push({ feature: `${prefix}x:reader+figure`, ...span });
    if (inside.has('reader') && [...inside].some((f) => OFFERED.has(f))) signals.push({ feature: `${prefix}x:reader+offer`, ...span });
    if (figure && inside.has('meeting-ask')) signals.push({ feature: `${prefix}x:figure+meeting-ask`, ...span });
    if (inside.has('brag') && !inside.has('reader')) signals.push({ feature: `${prefix}x:brag-without-reader`, ...span });
    if (SENDER_LED.test(sentence.text)) senderLed++;
  }
  if (sentences.length > 0) {
    const share = senderLed / sentences.length;
    signals.push({ feature: `${prefix}s:sender-led${share >= 0.6 ? '>=60%' : share >= 0.3 ? '>=30%' : '<30%'}` });
  }
  return signals;
}

/**
 * Every feature of an InMail for the value model: families, sentence combinations and the n-grams
 * of the body; the same for the subject under `subject:` (a benefit said only there counts).
 * Words in `benefits` count as a gain.
 */
export function valueFeatures(text: string, subject: string, locale: string, benefits: readonly string[] = []): Features {
  const signals: Signal[] = [];
  const ngrams: NgramText[] = [{ text }];
  const bodyFound = familiesIn(text, locale);
  if (benefits.length > 0) for (const match of compilePhrases(benefits)(text)) bodyFound.push({ family: 'gain-phrase', start: match.start, end: match.end });
  for (const f of bodyFound) signals.push({ feature: `f:${f.family}`, start: f.start, end: f.end });
  signals.push(...sentenceSignals(text, bodyFound, ''));
  if (FIGURE.test(text)) signals.push({ feature: 's:figure' });
  if (subject.trim()) {
    const subjectFound = familiesIn(subject, locale);
    if (benefits.length > 0) for (const match of compilePhrases(benefits)(subject)) subjectFound.push({ family: 'gain-phrase', start: match.start, end: match.end });
    // The subject is not in the draft's text: its features carry no span to point at.
    for (const f of subjectFound) signals.push({ feature: `subject:f:${f.family}` });
    for (const s of sentenceSignals(subject, subjectFound, 'subject:')) signals.push({ feature: s.feature });
    ngrams.push({ text: subject, prefix: 'subject:', offset: false, presence: true });
  }
  return { signals, ngrams };
}

/** The same features as signals alone, every n-gram made: what the model was fitted on. */
export function valueSignals(text: string, subject: string, locale: string, benefits: readonly string[] = []): Signal[] {
  return allSignals(valueFeatures(text, subject, locale, benefits));
}

export interface Options {
  includeSubject: boolean;
  benefits: string[];
  minScore: number;
}

const quote = (text: string) => `"${text.replace(/\s+/g, ' ').trim()}"`;

export default defineRule<Options>({
  meta: {
    id: 'linkedin/inmail-value-proposition',
    type: 'suggestion',
    description: 'A paid InMail must say what the recipient gains: time or money saved, a result, a risk removed, access, a candidate, an introduction.',
    platforms: ['linkedin'],
    kinds: ['inmail'],
    defaultSeverity: 'warn',
    fixable: false,
    readsLanguage: true,
    schema: {
      type: 'object',
      properties: {
        includeSubject: { type: 'boolean', description: 'Let the subject line carry the value proposition.' },
        benefits: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: 'More words or phrases that name a gain for the reader (any language).',
        },
        minScore: {
          type: 'number',
          minimum: 0,
          maximum: 1,
          description: 'Score (0 to 1) from which an InMail is reported as saying nothing of what the reader gains: lower reports more, higher fewer.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { includeSubject: true, benefits: [], minScore: VALUE_MODEL.threshold },
    messages: {
      noGain:
        'This InMail never says what the recipient gains ({{evidence}}). Add one sentence on what they get: time or money saved, a result, a risk removed, access, a candidate, an introduction',
    },
    docsUrl: docsUrl('linkedin/inmail-value-proposition'),
  },
  create(context) {
    return {
      draft(draft) {
        const text = draft.text;
        if (text.trim().length === 0) return;
        const result = judge(draft, context.options);
        if (result.probability < context.options.minScore) return;
        const spans = evidenceSpans(result, 1, 3, text);
        const firstLine = text.search(/\S/);
        const lineEnd = text.indexOf('\n', firstLine);
        const strongest = spans[0] ?? { start: firstLine, end: lineEnd < 0 ? text.length : lineEnd };
        context.report({
          messageId: 'noGain',
          data: { evidence: spans.length ? `it reads as about the sender: ${spans.map((s) => quote(text.slice(s.start, s.end))).join(', ')}` : 'nothing in it names a gain for them' },
          draft,
          start: strongest.start,
          end: strongest.end,
          judgment: { score: result.probability, evidence: spans },
        });
      },
    };
  },
  explain(draft, options) {
    return explainScore(judge(draft, options), options.minScore, draft.text);
  },
});

function judge(draft: Draft, options: Options) {
  const { signals, ngrams } = valueFeatures(draft.text, options.includeSubject ? (draft.subject ?? '') : '', draft.locale, options.benefits);
  return score(VALUE_MODEL, signals, ngrams);
}
