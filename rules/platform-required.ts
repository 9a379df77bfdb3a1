import { defineRule, docsUrl, restOfLine } from '../src/rule-api/index.js';

export default defineRule({
  meta: {
    id: 'platform-required',
    description: 'Every draft must say which platform it is for.',
    messages: {
      missing:
        'No platform for this draft: set "platform" in frontmatter or a dmlint-draft directive (twitter, facebook, linkedin), or in config "defaults"',
    },
    docsUrl: docsUrl('platform-required'),
  },
  create(context) {
    return {
      draft(draft) {
        if (draft.platform) return;
        // A platform written but invalid, or frontmatter that could not be read, is invalid-metadata's to report.
        const explained = context.file.metadataProblems.some(
          (problem) => (problem.key === 'platform' || problem.key === 'frontmatter') && (problem.draft === null || problem.draft === draft.index),
        );
        if (explained) return;
        context.report({ messageId: 'missing', draft, range: restOfLine(context.file.source, draft.range.start) });
      },
    };
  },
});
