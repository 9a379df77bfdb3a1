import { defineRule, docsUrl, foldPhrase, compilePhrases, type PhraseMatcher, AUDIENCES } from '../../src/rule-api/index.js';
import { PITCH_PATTERNS, PITCH_PHRASES } from './pitch-phrases.js';

// Words that deny what follows in the same clause ("this isn't a limited time offer"), unless
// they only soften an imperative ("don't forget to use code…", "n'hésitez pas").
const NEGATION: Record<string, RegExp> = {
  en: /\b(?:not|never|no|nothing|without|\w+n['’]t)\b(?! (?:forget|hesitate|miss|wait)\b)/iu,
  fr: /(?:\b(?:ne|pas|jamais|ni|aucun|aucune|rien|sans)\b|\bn['’])(?! ?(?:oubli|h[ée]sit|rat|manqu|attend))/iu,
};
const CLAUSE_BREAK = /[.!?;:,\n]|\b(?:but|however|mais|cependant)\b/giu;
const OPENING_QUOTE = /["“«‘']$/u;
const CLOSING_QUOTE = /^["”»’']/u;
const NEGATION_REACH = 12;

/** Whether the phrase at [start, end) is quoted or denied rather than said. */
function quotedOrNegated(text: string, start: number, end: number, locale: string, after: number): boolean {
  if (OPENING_QUOTE.test(text.slice(Math.max(0, start - 3), start).trimEnd()) && CLOSING_QUOTE.test(text.slice(end, end + 3).trimStart())) {
    return true;
  }
  const negation = NEGATION[locale];
  if (!negation) return false;
  // "Il ne reste plus que 4 places": ne … que restricts, it does not deny.
  if (locale === 'fr' && /^plus que\b/i.test(text.slice(start, end))) return false;
  // Words of an earlier pitch ("Ne ratez pas notre vente flash") deny nothing after them.
  const before = text.slice(Math.max(0, start - 200, after), start);
  let clauseStart = 0;
  for (const stop of before.matchAll(CLAUSE_BREAK)) clauseStart = stop.index + stop[0].length;
  const words = before.slice(clauseStart).split(/\s+/).filter(Boolean).slice(-NEGATION_REACH).join(' ');
  return negation.test(words);
}

/** Every pitch phrase or pattern in the text, left to right, without overlaps. */
function findPitches(text: string, phrases: (text: string) => { start: number; end: number }[], locale: string) {
  const found = phrases(text).map(({ start, end }) => ({ start, end }));
  for (const pattern of PITCH_PATTERNS[locale] ?? []) {
    for (const match of text.matchAll(pattern)) found.push({ start: match.index, end: match.index + match[0].length });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: { start: number; end: number }[] = [];
  for (const span of found) {
    const last = kept.at(-1);
    if (last && span.start < last.end) continue;
    if (!quotedOrNegated(text, span.start, span.end, locale, last?.end ?? 0)) kept.push(span);
  }
  return kept;
}

// Rules are created once per file: the phrase list of each locale and options is built once per run.
const matchers = new Map<string, PhraseMatcher>();

function matcherForOptions(locale: string, add: string[], allow: string[]): PhraseMatcher {
  const key = `${locale}\u0000${add.join('\u0001')}\u0000${allow.join('\u0001')}`;
  let matcher = matchers.get(key);
  if (!matcher) {
    const allowed = new Set(allow.map(foldPhrase));
    matcher = compilePhrases([...(PITCH_PHRASES[locale] ?? []), ...add].filter((phrase) => !allowed.has(foldPhrase(phrase))));
    matchers.set(key, matcher);
  }
  return matcher;
}

export interface Options {
  add: string[];
  allow: string[];
  exemptAudiences: string[];
}

export default defineRule<Options>({
  meta: {
    id: 'facebook/unsolicited-pitch',
    type: 'suggestion',
    description:
      'No sales-pitch phrasing in a Facebook message to someone who did not write first or is not a customer: it lands in message requests and costs followers.',
    platforms: ['facebook'],
    defaultSeverity: 'warn',
    fixable: false,
    readsLanguage: true,
    schema: {
      type: 'object',
      properties: {
        add: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'More phrases to report, in any language.' },
        allow: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Built-in phrases not to report.' },
        exemptAudiences: {
          type: 'array',
          items: { enum: [...AUDIENCES] },
          description: 'Audiences who may receive a pitch.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { add: [], allow: [], exemptAudiences: ['inbound', 'customer'] },
    messages: {
      pitch:
        'Sales-pitch phrasing "{{phrase}}" in an unsolicited Facebook message (audience: {{audience}}): say plainly what you offer, or keep the pitch for people who wrote first',
    },
    docsUrl: docsUrl('facebook/unsolicited-pitch'),
  },
  create(context) {
    const { add, allow, exemptAudiences } = context.options;
    const matcherFor = (locale: string) => matcherForOptions(locale, add, allow);
    return {
      draft(draft) {
        if (draft.audience && exemptAudiences.includes(draft.audience)) return;
        for (const match of findPitches(draft.text, matcherFor(draft.locale), draft.locale)) {
          context.report({
            messageId: 'pitch',
            data: { phrase: draft.text.slice(match.start, match.end).replace(/\s+/g, ' '), audience: draft.audience ?? 'unknown' },
            draft,
            start: match.start,
            end: match.end,
          });
        }
      },
    };
  },
});
