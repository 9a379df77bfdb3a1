import { defineRule } from '../../src/define-rule.js';
import { docsUrl } from '../../src/docs-url.js';
import { measureDraft } from '../../src/text/measure.js';

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
        const measure = measureDraft(draft, context.settings);
        if (measure.length <= max) return;
        context.report({ messageId: 'tooLong', data: { length: measure.length, max }, draft, start: Math.max(measure.overflowAt(max), 0) });
      },
    };
  },
});
