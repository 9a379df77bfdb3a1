import { defineRule, docsUrl, fold, foldPhrase, loadWords } from '../../src/rule-api/index.js';
import wordsData from './personalization.words.json' with { type: 'json' };

export interface Options {
  greetings: string[];
}

// The lists (rules/twitter/personalization.words.json) are used whatever the locale: "Hello"
// opens many French DMs. Greetings include congratulations, which speak to one person.
const words = loadWords(wordsData);

// A greeting to a crowd ("Hi all", "Good morning everyone", "Bonjour à tous") or to anyone at all
// ("Hey there", "Dear valued customer", "Chère cliente") is a broadcast, not a personal DM. Words
// for anyone count only right after the greeting: "Hi Sam, there's…" greets Sam.
const group = () => words.pattern("^[^\\p{L}]*(?:\\p{L}+(?: \\p{L}+)?[ ,]+(?:{{crowd}})|\\p{L}+[ ,]+(?:{{anyone}}))\\b(?!')");

// The recipient's own work, named: "your thread on…", "votre livre a changé…".
const theirWork = () => words.pattern('\\b(?:{{owners}}) (?:(?:{{fresh}}) )?(?:{{works}})s? (?!(?:{{conjunctions}})\\b)\\p{L}');

// Praise for something of theirs that is also broadcast talk on its own ("your newsletter").
const praisedWork = () => words.pattern('\\b(?:{{praise}}) (?:{{praise-owners}}) (?:(?:{{praise-fresh}}) )?(?:{{broadcast-works}})\\b');

// The recipient named as people write to one person: "Thanks for the follow, Priya!", "Sam, quick one".
const VOCATIVE = /(?:^|[,;] ?)(?:\p{Lu}[\p{Ll}'-]+)(?: \p{Lu}[\p{Ll}'-]+)?(?: ?[!.,?]|$)/u;

/** Whether the first sentence names the recipient, as a hand-written DM does. */
function namesRecipient(text: string): boolean {
  const firstSentence = /^[^.!?\n]*[.!?]?/u.exec(text.trim())?.[0] ?? '';
  for (const match of firstSentence.matchAll(new RegExp(VOCATIVE.source, 'gu'))) {
    const name = match[0].replace(/^[,; ]+/, '').replace(/[ !.,?]+$/, '');
    const offset = match.index + match[0].indexOf(name);
    // The sentence's first word is capitalised anyway: it is a name only when a comma follows it.
    if (offset === firstSentence.search(/\S/) && firstSentence[offset + name.length] !== ',') continue;
    if (!words.set('not-names').has(foldPhrase(name.split(' ')[0]!))) return true;
  }
  return false;
}

/** Whether the text, folded, opens with a greeting (after anything but letters: "👋 Hi"). */
function opensWithGreeting(start: string, extra: readonly string[]): boolean {
  const first = words.matcher('greetings', undefined, extra)(start)[0];
  return first !== undefined && !/\p{L}/u.test(start.slice(0, first.start));
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
    messages: {
      impersonal:
        'This DM reads as a broadcast: no greeting, no merge field, nothing about the recipient. Open with "Hi {{first_name}}" or mention something of theirs',
      group: 'This DM greets a crowd, not a person: DMs go out one by one, so open with "Hi {{first_name}}" or similar',
    },
    docsUrl: docsUrl('twitter/personalization'),
  },
  create(context) {
    return {
      draft(draft) {
        if (draft.placeholders.length > 0 || draft.text.trim() === '') return;
        const start = fold(draft.text.slice(0, 80)).text.trim();
        if (opensWithGreeting(start, context.options.greetings) && !group().test(start)) return;
        const folded = fold(draft.text).text;
        if (theirWork().test(folded) || praisedWork().test(folded) || namesRecipient(draft.text)) return;
        const first = draft.text.search(/\S/);
        const lineEnd = draft.text.indexOf('\n', first);
        context.report({
          messageId: group().test(start) ? 'group' : 'impersonal',
          draft,
          start: first,
          end: lineEnd < 0 ? draft.text.length : lineEnd,
        });
      },
    };
  },
});
