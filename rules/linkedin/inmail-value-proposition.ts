import { defineRule, docsUrl, fold, foldPhrase, splitSentences } from '../../src/rule-api/index.js';
import { CHANGE, DISCOUNT, DURATION, MONEY_OR_SHARE, VALUE_SIGNALS, type ValueSignals } from './value-signals.js';

export interface Options {
  includeSubject: boolean;
  benefits: string[];
}

// Merge fields that stand for the sender rather than the recipient, and the recipient's name,
// which greets them without saying anything about what they gain.
const SENDER_FIELD = /^(?:sender|my|from|rep|signature|calendar|booking)/i;
const NAME_FIELD = /^(?:first_?name|last_?name|full_?name|name|prenom|nom)$/i;
const FIELD = /\{\{\s*([\w.-]+)\s*\}\}/g;

export interface SentenceReading {
  /** The sentence speaks to the reader: you/vous, an imperative, or a merge field about them. */
  reader: boolean;
  /** It names a gain: a benefit verb or phrase, or a concrete outcome. */
  gain: boolean;
  /** It states value by itself. */
  value: boolean;
}

/**
 * Reads one sentence. It states a value proposition when it addresses the reader and names a
 * gain: a benefit verb or phrase, a percentage, money, a multiple, or a duration that is gained
 * rather than asked for. A sentence not led by the sender that pairs a benefit with a concrete
 * outcome ("dispatchers we work with reclaim a day a week") counts too, when the InMail speaks to
 * the reader elsewhere: that is proof from a customer like them.
 */
export function readSentence(sentence: string, signals: ValueSignals, extraBenefits: string[], isSubject = false): SentenceReading {
  const recipientField = [...sentence.matchAll(FIELD)].some((m) => !SENDER_FIELD.test(m[1]!) && !NAME_FIELD.test(m[1]!));
  const folded = fold(sentence.replace(FIELD, ' ')).text.trim().replace(/^[^\p{L}\p{N}]+/u, '');
  const imperative = signals.imperative.test(folded);
  // A subject line is the first thing the reader reads: it always speaks to them.
  const reader = isSubject || imperative || recipientField || signals.reader.test(folded);
  // Read on the sentence as written: folding turns the minus of "-50 %" into a space.
  const discount = DISCOUNT.test(sentence);
  const change = CHANGE.test(folded);
  const money = MONEY_OR_SHARE.test(folded) || change;
  // "15% more trials", "30 % de tickets en moins": a figure that says something got better.
  const improved = money && signals.improvement.test(folded);
  const benefit =
    imperative ||
    discount ||
    improved ||
    change ||
    signals.benefit.test(folded) ||
    extraBenefits.some((extra) => extra && ` ${folded} `.includes(` ${extra} `));

  const duration = DURATION.test(folded) && !signals.timeAsk.test(folded);
  const outcome = money || (duration && (benefit || signals.comparison.test(folded)));
  const senderLed = signals.senderLed.test(folded);
  const opportunity = signals.opportunity.test(folded);
  const gain = benefit || outcome || opportunity;
  // Without "you", a sentence shows value as proof: a benefit with a number, or an opportunity,
  // not the sender describing themselves ("We grew…" needs a percentage or money to count).
  // Proof led by the sender counts when it names customers like the reader ("helped vendors
  // like Tink shorten that step by six weeks").
  const proof = benefit && outcome && (!senderLed || signals.customers.test(folded));
  // A sentence without the reader that talks growth, funding or size is the sender's own
  // ("Helix grew revenue by 300%"): no gain for the reader, whatever its figures.
  const brag = signals.brag.test(folded);
  const value = reader ? gain : (benefit && money && !brag) || (proof && !brag) || (opportunity && !senderLed);
  return { reader, gain, value };
}

export default defineRule<Options>({
  meta: {
    id: 'linkedin/inmail-value-proposition',
    type: 'suggestion',
    description:
      'A paid InMail must say what the recipient gains: one sentence addressed to them that names a benefit or a concrete outcome.',
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
      },
      additionalProperties: false,
    },
    defaultOptions: { includeSubject: true, benefits: [] },
    messages: {
      noGain:
        'This InMail never says what the recipient gains: it speaks to them but names no benefit or result. Add one sentence on what they get, with a number if there is one (time or money saved, a result)',
      noReader:
        'This InMail never says what the recipient gains: it only talks about the sender. Add one sentence to the reader on what they get ("your team saves…"), with a number if there is one',
    },
    docsUrl: docsUrl('linkedin/inmail-value-proposition'),
  },
  create(context) {
    const { includeSubject } = context.options;
    const extra = context.options.benefits.map(foldPhrase);
    return {
      draft(draft) {
        const signals = VALUE_SIGNALS[draft.locale as 'en' | 'fr'];
        // No word lists for this language: say nothing rather than guess.
        if (!signals || draft.text.trim().length === 0) return;
        // Clauses joined by a semicolon make separate claims ("Our tool answers…; Gousto saw 30% fewer…").
        const sentences = splitSentences(draft.text).flatMap((sentence) => sentence.text.split(/\s*;\s*/));
        const readings = sentences.map((sentence) => readSentence(sentence, signals, extra));
        // Whether the InMail speaks to the reader: a subject counts only for what it says
        // ("… for {{company}}"), not for being a subject, which always speaks to them.
        const speaksToReader =
          readings.some((reading) => reading.reader) || (!!draft.subject && readSentence(draft.subject, signals, extra).reader);
        if (includeSubject && draft.subject) readings.push(readSentence(draft.subject, signals, extra, true));
        if (readings.some((reading) => reading.value && (reading.reader || speaksToReader))) return;
        const firstLine = draft.text.search(/\S/);
        const lineEnd = draft.text.indexOf('\n', firstLine);
        context.report({
          messageId: speaksToReader ? 'noGain' : 'noReader',
          draft,
          start: firstLine,
          end: lineEnd < 0 ? draft.text.length : lineEnd,
        });
      },
    };
  },
});
