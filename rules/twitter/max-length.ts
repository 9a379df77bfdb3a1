import { defineRule, docsUrl, reportOverLength } from '../../src/rule-api/index.js';

export interface Options {
  max: number;
}

export default defineRule<Options>({
  meta: {
    id: 'twitter/max-length',
    type: 'problem',
    description:
      "A Twitter/X DM must fit the house limit, counted as Twitter counts (URLs 23, emoji and CJK 2), placeholders at their configured length.",
    platforms: ['twitter'],
    defaultSeverity: 'error',
    fixable: false,
    readsLanguage: false,
    schema: {
      type: 'object',
      properties: { max: { type: 'integer', minimum: 1, description: 'Largest weighted length allowed.' } },
      additionalProperties: false,
    },
    defaultOptions: { max: 140 },
    messages: { tooLong: '{{length}}/{{max}} characters' },
    docsUrl: docsUrl('twitter/max-length'),
  },
  create(context) {
    const { max } = context.options;
    return {
      draft(draft) {
        reportOverLength(context, draft, max);
      },
    };
  },
});
