import { defineRule } from '../src/define-rule.js';
import { docsUrl } from '../src/docs-url.js';

export default defineRule({
  meta: {
    id: 'platform-required',
    type: 'problem',
    description: 'Every draft must say which platform it is for.',
    platforms: [],
    defaultSeverity: 'error',
    fixable: false,
    readsLanguage: false,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      missing:
        'No platform for this draft: set "platform" in frontmatter or a dmlint-draft directive (twitter, facebook, linkedin), or in config "defaults"',
    },
    docsUrl: docsUrl('platform-required'),
  },
  create(context) {
    return {
      draft(draft) {
        // A platform that was written but is invalid is invalid-metadata's to report.
        if (draft.platform || context.file.metadataProblems.some((p) => p.message.startsWith('unknown platform') && (p.draft === null || p.draft === draft.index))) return;
        const heading = draft.range.start;
        context.report({ messageId: 'missing', draft, range: { start: heading, end: heading } });
      },
    };
  },
});
