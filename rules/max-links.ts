import { defineRule, docsUrl, extractUrls } from '../src/rule-api/index.js';

export interface Options {
  twitter: number;
  facebook: number;
  linkedin: number;
}

const limit = (description: string) => ({ type: 'integer', minimum: 0, description });

export default defineRule<Options>({
  meta: {
    id: 'max-links',
    type: 'suggestion',
    description: 'A direct message carries one pointer, not a link list: at most 1 link on Twitter and Facebook, 2 on LinkedIn.',
    platforms: ['twitter', 'facebook', 'linkedin'],
    defaultSeverity: 'warn',
    schema: {
      type: 'object',
      properties: {
        twitter: limit('Most links in a Twitter/X DM.'),
        facebook: limit('Most links in a Facebook message.'),
        linkedin: limit('Most links in a LinkedIn InMail, message or note.'),
      },
      additionalProperties: false,
    },
    defaultOptions: { twitter: 1, facebook: 1, linkedin: 2 },
    messages: { tooMany: '{{count}} links: a {{platform}} message should carry at most {{max}}' },
    docsUrl: docsUrl('max-links'),
  },
  create(context) {
    return {
      draft(draft) {
        const max = context.options[draft.platform!];
        const urls = extractUrls(draft.text);
        if (urls.length <= max) return;
        const first = urls[max]!;
        context.report({
          messageId: 'tooMany',
          data: { count: urls.length, platform: draft.platform!, max },
          draft,
          start: first.start,
          end: urls.at(-1)!.end,
        });
      },
    };
  },
});
