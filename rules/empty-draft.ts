import { defineRule, docsUrl, restOfLine } from '../src/rule-api/index.js';

export default defineRule({
  meta: {
    id: 'empty-draft',
    description: 'A draft must have message text; headings, comments and frontmatter are not sent.',
    messages: { empty: 'This draft has no message text' },
    docsUrl: docsUrl('empty-draft'),
  },
  create(context) {
    return {
      draft(draft) {
        if (draft.text.trim().length > 0) return;
        context.report({ messageId: 'empty', draft, range: restOfLine(context.file.source, draft.range.start) });
      },
    };
  },
});
