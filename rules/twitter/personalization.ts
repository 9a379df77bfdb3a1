import { defineRule } from '../../src/define-rule.js';
import { docsUrl } from '../../src/docs-url.js';
import { fold, foldPhrase } from '../../src/text/fold.js';

export interface Options {
  greetings: string[];
}

// Openings that greet the recipient, in folded form (lower case, no accents). English and French
// lists are both used whatever the locale: "Hello" opens many French DMs.
const GREETINGS = [
  'hi', 'hello', 'hey', 'hiya', 'dear', 'good morning', 'good afternoon', 'good evening', 'greetings', 'howdy', 'yo',
  'bonjour', 'bonsoir', 'salut', 'coucou', 'cher', 'chere', 'chers', 'cheres', 'hola', 'allo',
];

const openings = new Map<string, RegExp>();

/** The regular expression for "starts with a greeting", built once per list of extra greetings. */
function openingFor(extra: string[]): RegExp {
  const key = extra.join('\u0000');
  let opening = openings.get(key);
  if (!opening) {
    const greetings = [...GREETINGS, ...extra.map(foldPhrase)].map((g) => g.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    opening = new RegExp(`^[^\\p{L}]*(?:${greetings.join('|')})(?![\\p{L}])`, 'u');
    openings.set(key, opening);
  }
  return opening;
}

export default defineRule<Options>({
  meta: {
    id: 'twitter/personalization',
    type: 'suggestion',
    description: 'A Twitter/X DM goes out one by one: greet the recipient or use a merge field.',
    platforms: ['twitter'],
    defaultSeverity: 'warn',
    readsLanguage: true,
    schema: {
      type: 'object',
      properties: { greetings: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'More openings that count as a greeting.' } },
      additionalProperties: false,
    },
    defaultOptions: { greetings: [] },
    messages: { impersonal: 'This DM has no greeting and no merge field: open with "Hi {{first_name}}" or similar' },
    docsUrl: docsUrl('twitter/personalization'),
  },
  create(context) {
    const opening = openingFor(context.options.greetings);
    return {
      draft(draft) {
        if (draft.placeholders.length > 0 || draft.text.trim() === '') return;
        if (opening.test(fold(draft.text.slice(0, 80)).text.trim())) return;
        const start = draft.text.search(/\S/);
        const lineEnd = draft.text.indexOf('\n', start);
        context.report({ messageId: 'impersonal', draft, start, end: lineEnd < 0 ? draft.text.length : lineEnd });
      },
    };
  },
});
