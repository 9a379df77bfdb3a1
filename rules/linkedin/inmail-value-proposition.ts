import { defineRule } from '../../src/define-rule.js';
import { docsUrl } from '../../src/docs-url.js';
import { fold, foldPhrase } from '../../src/text/fold.js';
import { splitSentences } from '../../src/text/sentences.js';
import { DURATION, MONEY_OR_SHARE, VALUE_SIGNALS, type ValueSignals } from './value-signals.js';

export interface Options {
  includeSubject: boolean;
  benefits: string[];
}

// Merge fields that stand for the sender rather than the recipient.
const SENDER_FIELD = /^(?:sender|my|from|rep|signature|calendar|booking)/i;

/**
 * A sentence states a value proposition when it addresses the reader (you/vous, an imperative
 * benefit verb, or a merge field about them) and names a gain: a benefit verb or phrase, or a
 * concrete outcome (a percentage, money, a multiple, or a duration that is not an ask for time).
 */
export function statesValue(sentence: string, signals: ValueSignals, extraBenefits: string[]): boolean {
  const recipientField = [...sentence.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].some((m) => !SENDER_FIELD.test(m[1]!));
  const folded = fold(sentence.replace(/\{\{\s*[\w.-]+\s*\}\}/g, ' ')).text.trim();
  const imperative = signals.imperative.test(folded);
  if (!imperative && !recipientField && !signals.reader.test(folded)) return false;
  if (imperative || signals.benefit.test(folded)) return true;
  if (extraBenefits.some((benefit) => benefit && ` ${folded} `.includes(` ${benefit} `))) return true;
  if (MONEY_OR_SHARE.test(folded)) return true;
  return DURATION.test(folded) && !signals.timeAsk.test(folded);
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
      missing:
        'This InMail never says what the recipient gains: add one sentence to them with a benefit or a concrete outcome (a number, a saving, a result)',
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
        const candidates = splitSentences(draft.text).map((sentence) => sentence.text);
        if (includeSubject && draft.subject) candidates.push(draft.subject);
        if (candidates.some((sentence) => statesValue(sentence, signals, extra))) return;
        const firstLine = draft.text.search(/\S/);
        const lineEnd = draft.text.indexOf('\n', firstLine);
        context.report({ messageId: 'missing', draft, start: firstLine, end: lineEnd < 0 ? draft.text.length : lineEnd });
      },
    };
  },
});
