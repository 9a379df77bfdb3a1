import { defineRule, docsUrl, replaceableSpan } from '../src/rule-api/index.js';

export interface Options {
  max: number;
}

const RUN = /[!?！？]+/g;

export default defineRule<Options>({
  meta: {
    id: 'no-excessive-punctuation',
    type: 'layout',
    description: 'One "!" or "?" is enough: "!!", "?!?" and longer runs read as pushy.',
    defaultSeverity: 'warn',
    fixable: true,
    schema: {
      type: 'object',
      properties: { max: { type: 'integer', minimum: 1, description: 'Longest run of ! and ? allowed.' } },
      additionalProperties: false,
    },
    defaultOptions: { max: 1 },
    messages: { run: '"{{run}}": one "{{keep}}" is enough' },
    docsUrl: docsUrl('no-excessive-punctuation'),
  },
  create(context) {
    const { max } = context.options;
    return {
      draft(draft) {
        for (const match of draft.text.matchAll(RUN)) {
          const run = match[0];
          if ([...run].length <= max) continue;
          // A run with a question keeps the question mark; otherwise one exclamation mark.
          const keep = /[?？]/.test(run) ? '?' : '!';
          const start = match.index;
          const end = start + run.length;
          const span = replaceableSpan(context.file, draft, start, end);
          context.report({ messageId: 'run', data: { run, keep }, draft, start, end, ...(span ? { fix: { range: span, text: keep } } : {}) });
        }
      },
    };
  },
});
