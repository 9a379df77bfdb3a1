import { defineRule, docsUrl, extractUrls, foldPhrase, hasTwoCapitals, loadWords } from '../src/rule-api/index.js';
import wordsData from './no-shouting.words.json' with { type: 'json' };

export interface Options {
  allow: string[];
  minLength: number;
}

// Acronyms common in outreach, English and French (rules/no-shouting.words.json). Words with a
// digit (B2B, Q3) are acronyms too.
const words = loadWords(wordsData);
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’&.-]*[\p{L}\p{N}]|\p{L}/gu;

export default defineRule<Options>({
  meta: {
    id: 'no-shouting',
    type: 'suggestion',
    description: 'No words in capitals beyond acronyms: they read as shouting.',
    defaultSeverity: 'warn',
    readsLanguage: false,
    schema: {
      type: 'object',
      properties: {
        allow: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'More acronyms or brand names written in capitals.' },
        minLength: { type: 'integer', minimum: 2, description: 'A capitalised word this long or longer is shouting on its own; shorter ones only in a run or before "!".' },
      },
      additionalProperties: false,
    },
    defaultOptions: { allow: [], minLength: 4 },
    messages: { shouting: '"{{words}}" is in capitals: it reads as shouting' },
    docsUrl: docsUrl('no-shouting'),
  },
  create(context) {
    const acronyms = words.set('acronyms');
    const allowed = new Set(context.options.allow.map(foldPhrase));
    const isAllowed = (word: string) => {
      const folded = foldPhrase(word);
      return acronyms.has(folded) || allowed.has(folded);
    };
    const { minLength } = context.options;
    const isCapitals = (word: string) => /\p{Lu}/u.test(word) && !/\p{Ll}/u.test(word) && !/\d/.test(word);
    return {
      draft(draft) {
        const text = draft.text;
        if (!hasTwoCapitals(text)) return;
        const skip = [...extractUrls(text), ...draft.placeholders];
        const tokens = [...text.matchAll(WORD)]
          .map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }))
          .filter((w) => !skip.some((s) => w.start < s.end && w.end > s.start));
        // Group neighbouring capitalised words (separated by spaces only) into runs.
        const runs: { start: number; end: number; words: string[] }[] = [];
        let previous: (typeof tokens)[number] | undefined;
        for (const w of tokens) {
          const caps = isCapitals(w.word) && [...w.word].filter((c) => /\p{L}/u.test(c)).length >= 2 && !isAllowed(w.word);
          if (!caps) {
            previous = undefined;
            continue;
          }
          const last = runs.at(-1);
          if (previous && last && /^[ \t]+$/.test(text.slice(last.end, w.start))) {
            last.end = w.end;
            last.words.push(w.word);
          } else {
            runs.push({ start: w.start, end: w.end, words: [w.word] });
          }
          previous = w;
        }
        for (const run of runs) {
          const long = run.words.some((word) => [...word].length >= minLength);
          const exclaimed = /^\s*[!！]/.test(text.slice(run.end));
          if (!long && run.words.length < 2 && !exclaimed) continue;
          context.report({ messageId: 'shouting', data: { words: text.slice(run.start, run.end) }, draft, start: run.start, end: run.end });
        }
      },
    };
  },
});
