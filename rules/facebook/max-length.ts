import { defineRule, docsUrl, reportOverLength } from '../../src/rule-api/index.js';

export interface Options {
  max: number;
}

export default defineRule<Options>({
  meta: {
    id: 'facebook/max-length',
    description: 'A Facebook message must fit the Messenger limit of 2,000 characters (code points), placeholders at their configured length.',
    platforms: ['facebook'],
    schema: {
      type: 'object',
      properties: { max: { type: 'integer', minimum: 1, description: 'Largest length allowed, in code points.' } },
      additionalProperties: false,
    },
    defaultOptions: { max: 2000 },
    messages: { tooLong: '{{length}}/{{max}} characters' },
    docsUrl: docsUrl('facebook/max-length'),
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
