import { defineRule, docsUrl, restOfLine } from '../../src/rule-api/index.js';

export default defineRule({
  meta: {
    id: 'linkedin/inmail-to-connection',
    type: 'suggestion',
    description: 'Do not spend an InMail credit on a 1st-degree connection: a free message reaches them.',
    platforms: ['linkedin'],
    kinds: ['inmail'],
    defaultSeverity: 'warn',
    messages: { connection: 'InMail to a connection: send a free message instead (kind: message) and keep the credit' },
    docsUrl: docsUrl('linkedin/inmail-to-connection'),
  },
  create(context) {
    return {
      draft(draft) {
        if (draft.audience !== 'connection') return;
        const range = draft.metadata.kind?.range ?? draft.metadata.audience?.range ?? restOfLine(context.file.source, draft.range.start);
        context.report({ messageId: 'connection', range });
      },
    };
  },
});
