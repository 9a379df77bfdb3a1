import { defineRule } from '../src/define-rule.js';
import { docsUrl } from '../src/docs-url.js';
import { restOfLine } from '../src/draft/source.js';

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
