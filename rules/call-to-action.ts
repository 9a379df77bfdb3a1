import { allSignals, defineRule, docsUrl, explainScore, extractUrls, foldPhrase, loadModel, loadWords, score, splitSentences, type Features, type Signal } from '../src/rule-api/index.js';
import header from './call-to-action.model.json' with { type: 'json' };
import wordsData from './call-to-action.words.json' with { type: 'json' };

/**
 * call-to-action, in two steps (docs/rules/call-to-action.md): a draft with a question mark, a
 * link or one of the listed asks asks for something, and the rule stays silent at once (most
 * drafts end there, at no cost). The others, about a quarter, are weighed by a logistic model
 * (call-to-action.model.json and .weights.json, fitted by eval/judgment/train.mjs on
 * independently labelled drafts): clauses that open with an imperative, sign-offs and the word
 * n-grams of the draft, so that asks no list names ("lmk", "do get in touch", « réservez le
 * vôtre par message ») count as asks.
 */

export interface Options {
  asks: string[];
  minScore: number;
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
export const CTA_MODEL = loadModel(header, new URL('./call-to-action.weights.json', import.meta.url));
const CLAUSE = /[^.!?;:,()\n\u2014\u2013]+/g;

/** What opens a clause (of folded text): a listed imperative, a French -ez verb, a sign-off, or nothing of these. */
function clauseOpening(clause: string, imperatives: ReadonlySet<string>, french: boolean): 'imperative' | 'imperative-ez' | 'sign-off' | undefined {
  // [^{}], not [^}]: on a run of "{" the match fails at once instead of scanning to the end each time.
  const clauseWords = clause.replace(/\{\{[^{}]*\}\}/g, ' ').trim().split(' ');
  const fillers = words.set('fillers');
  let i = 0;
  while (i < clauseWords.length - 1 && fillers.has(clauseWords[i]!)) i++;
  const word = clauseWords[i]?.replace(/[^\p{L}'-]/gu, '') ?? '';
  if (!word) return undefined;
  const rest = clauseWords.slice(i).join(' ');
  if (words.list('sign-offs').some((signOff) => rest.startsWith(signOff))) return 'sign-off';
  if (imperatives.has(word)) return 'imperative';
  return french && /^[a-z]{2,}ez$/.test(word) && !words.set('not-imperatives').has(word) && i === 0 ? 'imperative-ez' : undefined;
}

/** Whether the draft asks in a way that needs no weighing (a question mark, a link, a listed ask or one of `asks`), or is empty. */
export function asksPlainly(text: string, locale: string, asks: readonly string[] = []): boolean {
  if (text.trim() === '' || /[?？¿]/.test(text) || extractUrls(text).length > 0) return true;
  return words.matcher('asks', words.localesFor(locale), asks)(text).length > 0;
}

/**
 * What the model weighs in a draft that does not ask plainly: each clause that opens with an
 * imperative or a sign-off (with where it stands), and the word n-grams of the draft.
 */
export function ctaFeatures(text: string, locale: string): Features {
  const signals: Signal[] = [];
  const locales = words.localesFor(locale);
  const imperatives = words.set('imperatives', locales);
  const french = locales.includes('fr');
  // Clauses of the text as written: folding turns line breaks and dashes into spaces, and a line
  // of its own ("Swing by on Friday") opens a clause as much as a full stop does.
  for (const match of text.matchAll(CLAUSE)) {
    const opening = clauseOpening(foldPhrase(match[0]), imperatives, french);
    if (!opening) continue;
    const start = match.index + match[0].search(/\S|$/);
    const end = match.index + match[0].trimEnd().length;
    signals.push({ feature: `s:${opening}`, start, end });
  }
  return { signals, ngrams: [{ text }] };
}

/** The same features as signals alone, every n-gram made: what the model was fitted on. */
export function ctaSignals(text: string, locale: string): Signal[] {
  return allSignals(ctaFeatures(text, locale));
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
      properties: {
        asks: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'More phrases that count as an ask.' },
        minScore: {
          type: 'number',
          minimum: 0,
          maximum: 1,
          description: 'Score (0 to 1) from which a draft with no plain ask is reported as asking nothing: lower reports more, higher fewer.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { asks: [], minScore: CTA_MODEL.threshold },
    messages: {
      none: 'This draft never asks for anything: no question, no link, no request. End with one clear next step (a question, "reply", "book a time", a link)',
    },
    docsUrl: docsUrl('call-to-action'),
  },
  create(context) {
    return {
      draft(draft) {
        const text = draft.text;
        const result = judge(text, draft.locale, context.options);
        if (!result || result.probability < context.options.minScore) return;
        // Point at the last sentence, where an ask usually goes.
        const last = splitSentences(text).at(-1);
        const span = { start: last?.start ?? 0, end: last?.end ?? text.length };
        context.report({ messageId: 'none', draft, ...span, judgment: { score: result.probability, evidence: [span] } });
      },
    };
  },
  explain(draft, options) {
    const result = judge(draft.text, draft.locale, options);
    if (!result) {
      const skipped = draft.text.trim() === '' ? 'the draft is empty' : 'it asks plainly: a question mark, a link or a listed ask';
      return { score: 0, threshold: options.minScore, fires: false, skipped, signals: [] };
    }
    return explainScore(result, options.minScore, draft.text);
  },
});

/** The model's score of a draft that does not ask plainly; undefined for one that does. */
function judge(text: string, locale: string, options: Options) {
  if (asksPlainly(text, locale, options.asks)) return undefined;
  const { signals, ngrams } = ctaFeatures(text, locale);
  return score(CTA_MODEL, signals, ngrams);
}
