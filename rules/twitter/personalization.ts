import { defineRule, docsUrl, fold, foldPhrase } from '../../src/rule-api/index.js';

export interface Options {
  greetings: string[];
}

// Openings that greet the recipient, in folded form (lower case, no accents). English and French
// lists are both used whatever the locale: "Hello" opens many French DMs.
const GREETINGS = [
  'hi', 'hello', 'hey', 'hiya', 'dear', 'good morning', 'good afternoon', 'good evening', 'morning', 'greetings', 'howdy', 'yo',
  'bonjour', 'bonsoir', 'salut', 'coucou', 'cher', 'chere', 'chers', 'cheres', 'hola', 'allo',
  // Congratulations speak to one person about their news.
  'congrats', 'congratulations', 'bravo', 'felicitations',
];

// A greeting to a crowd ("Hi all", "Bonjour à tous") is a broadcast, not a personal DM.
const GROUP = /^[^\p{L}]*\p{L}+(?: \p{L}+)?[ ,]+(?:all|everyone|everybody|folks|guys|y'all|team|friends|a tous|a toutes|tout le monde|les amis|la team|la compagnie|les gens|la communaute)\b/u;

// The recipient's own work, named: "your thread on…", "votre livre a changé…".
const THEIR_WORK =
  /\b(?:your|ton|ta|tes|votre|vos) (?:recent |latest |new |dernier |derniere |nouveau |nouvelle )?(?:thread|post|tweet|talk|article|book|video|podcast|question|keynote|episode|livre|fil|conference|projet|project)s? (?!(?:and|or|et|ou)\b)\p{L}/u;

// Praise for something of theirs that is also broadcast talk on its own ("your newsletter").
const PRAISED_WORK =
  /\b(?:loved|enjoyed|read|liked|saw|adore|j'ai adore|j'ai aime|j'ai lu|aime|lu) (?:your|ton|ta|votre) (?:latest |last |recent |dernier |derniere )?(?:newsletter|blog|site|profile|profil|launch|lancement)\b/u;

// The recipient named as people write to one person: "Thanks for the follow, Priya!", "Sam, quick one".
const VOCATIVE = /(?:^|[,;] ?)(?:\p{Lu}[\p{Ll}'-]+)(?: \p{Lu}[\p{Ll}'-]+)?(?: ?[!.,?]|$)/u;
const NOT_NAMES = new Set(['Thanks', 'Thank', 'Merci', 'Hi', 'Hello', 'Hey', 'Bonjour', 'Salut', 'Welcome', 'Bienvenue', 'Reminder', 'Rappel', 'Congrats', 'Bravo', 'Please', 'Details', 'Détails', 'Tracking', 'Suivi']);

/** Whether the first sentence names the recipient, as a hand-written DM does. */
function namesRecipient(text: string): boolean {
  const firstSentence = /^[^.!?\n]*[.!?]?/u.exec(text.trim())?.[0] ?? '';
  for (const match of firstSentence.matchAll(new RegExp(VOCATIVE.source, 'gu'))) {
    const name = match[0].replace(/^[,; ]+/, '').replace(/[ !.,?]+$/, '');
    const offset = match.index + match[0].indexOf(name);
    // The sentence's first word is capitalised anyway: it is a name only when a comma follows it.
    if (offset === firstSentence.search(/\S/) && firstSentence[offset + name.length] !== ',') continue;
    if (!NOT_NAMES.has(name.split(' ')[0]!)) return true;
  }
  return false;
}

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
    messages: {
      impersonal:
        'This DM reads as a broadcast: no greeting, no merge field, nothing about the recipient. Open with "Hi {{first_name}}" or mention something of theirs',
      group: 'This DM greets a crowd, not a person: DMs go out one by one, so open with "Hi {{first_name}}" or similar',
    },
    docsUrl: docsUrl('twitter/personalization'),
  },
  create(context) {
    const opening = openingFor(context.options.greetings);
    return {
      draft(draft) {
        if (draft.placeholders.length > 0 || draft.text.trim() === '') return;
        const start = fold(draft.text.slice(0, 80)).text.trim();
        if (opening.test(start) && !GROUP.test(start)) return;
        const folded = fold(draft.text).text;
        if (THEIR_WORK.test(folded) || PRAISED_WORK.test(folded) || namesRecipient(draft.text)) return;
        const first = draft.text.search(/\S/);
        const lineEnd = draft.text.indexOf('\n', first);
        context.report({
          messageId: GROUP.test(start) ? 'group' : 'impersonal',
          draft,
          start: first,
          end: lineEnd < 0 ? draft.text.length : lineEnd,
        });
      },
    };
  },
});
