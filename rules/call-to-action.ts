import { defineRule, docsUrl, fold, loadWords, splitSentences, extractUrls } from '../src/rule-api/index.js';
import wordsData from './call-to-action.words.json' with { type: 'json' };

export interface Options {
  asks: string[];
}

// The lists (rules/call-to-action.words.json):
// - asks: phrases that ask the recipient for something wherever they stand. A question mark or
//   a link anywhere also counts. Single verbs ("reply", "book", "shop") are nouns too often ("a
//   repair shop", "the book swap"): they count only as imperatives, at the start of a clause.
// - imperatives: verbs that ask when they open a clause ("Reply YES", "Shop here", "just ask").
//   French second-person plural imperatives (-ez) are recognised by their ending, except the
//   not-imperatives ("chez", "assez").
// - fillers: words that may stand before an imperative without changing it ("just reply").
// - sign-offs: openings that look like imperatives but ask nothing ("See you", "À bientôt").
const words = loadWords(wordsData);
const CLAUSE = /[^.!?;:,()\n\u2014\u2013]+/g;

/** Whether a clause, in folded form, opens with an imperative of the locales. */
function opensWithImperative(clause: string, imperatives: ReadonlySet<string>, french: boolean): boolean {
  // [^{}], not [^}]: on a run of "{" the match fails at once instead of scanning to the end each time.
  const clauseWords = clause.replace(/\{\{[^{}]*\}\}/g, ' ').trim().split(' ');
  const fillers = words.set('fillers');
  let i = 0;
  while (i < clauseWords.length - 1 && fillers.has(clauseWords[i]!)) i++;
  const word = clauseWords[i]?.replace(/[^\p{L}'-]/gu, '') ?? '';
  if (!word) return false;
  const rest = clauseWords.slice(i).join(' ');
  if (words.list('sign-offs').some((signOff) => rest.startsWith(signOff))) return false;
  if (imperatives.has(word)) return true;
  return french && /^[a-z]{2,}ez$/.test(word) && !words.set('not-imperatives').has(word) && i === 0;
}

export default defineRule<Options>({
  meta: {
    id: 'call-to-action',
    type: 'suggestion',
    description: 'A draft should ask for something: a question, a reply, a booking, a click.',
    defaultSeverity: 'warn',
    readsLanguage: true,
    schema: {
      type: 'object',
      properties: { asks: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'More phrases that count as an ask.' } },
      additionalProperties: false,
    },
    defaultOptions: { asks: [] },
    messages: {
      none: 'This draft never asks for anything: no question, no link, no request. End with one clear next step (a question, "reply", "book a time", a link)',
    },
    docsUrl: docsUrl('call-to-action'),
  },
  create(context) {
    return {
      draft(draft) {
        const text = draft.text;
        // A question, or a link (sharing one asks for the click), is an ask.
        if (text.trim() === '' || /[?？¿]/.test(text) || extractUrls(text).length > 0) return;
        const locales = words.localesFor(draft.locale);
        if (words.matcher('asks', locales, context.options.asks)(text).length > 0) return;
        const folded = fold(text).text;
        const imperatives = words.set('imperatives', locales);
        const french = locales.includes('fr');
        for (const clause of folded.match(CLAUSE) ?? []) {
          if (opensWithImperative(clause, imperatives, french)) return;
        }
        // Point at the last sentence, where an ask usually goes.
        const last = splitSentences(text).at(-1);
        context.report({ messageId: 'none', draft, start: last?.start ?? 0, end: last?.end ?? text.length });
      },
    };
  },
});
