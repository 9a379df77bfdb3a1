import { defineRule, docsUrl, restOfLine } from '../../src/rule-api/index.js';

export default defineRule({
  meta: {
    id: 'twitter/recipient-must-follow',
    description: 'A Twitter/X DM can only be delivered to someone who follows you (or opened their DMs): not to a cold audience.',
    platforms: ['twitter'],
    messages: {
      cold: 'Twitter DMs reach followers only: this draft is for a cold audience and cannot be delivered (reply publicly, or write on another platform)',
    },
    docsUrl: docsUrl('twitter/recipient-must-follow'),
  },
  create(context) {
    return {
      draft(draft) {
        if (draft.audience !== 'cold') return;
        context.report({ messageId: 'cold', range: draft.metadata.audience?.range ?? restOfLine(context.file.source, draft.range.start) });
      },
    };
  },
});
