import { defineRule } from '../../src/define-rule.js';
import { docsUrl } from '../../src/docs-url.js';
import { foldPhrase } from '../../src/text/fold.js';
import { compilePhrases } from '../../src/text/phrase-matcher.js';
import { AUDIENCES } from '../../src/types.js';
import { PITCH_PHRASES } from './pitch-phrases.js';

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
      pitch: 'Sales-pitch phrasing "{{phrase}}" in an unsolicited Facebook message (audience: {{audience}})',
    },
    docsUrl: docsUrl('facebook/unsolicited-pitch'),
  },
  create(context) {
    const { add, allow, exemptAudiences } = context.options;
    const allowed = new Set(allow.map(foldPhrase));
    const matcherFor = (locale: string) =>
      compilePhrases([...(PITCH_PHRASES[locale] ?? []), ...add].filter((phrase) => !allowed.has(foldPhrase(phrase))));
    return {
      draft(draft) {
        if (draft.audience && exemptAudiences.includes(draft.audience)) return;
        for (const match of matcherFor(draft.locale)(draft.text)) {
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
