import { defineRule, docsUrl, reportOverLength } from '../../src/rule-api/index.js';

export interface Options {
  inmail: number;
  connectionNote: number;
  message: number;
}

const LIMIT_OF_KIND: Record<string, keyof Options> = {
  inmail: 'inmail',
  'connection-note': 'connectionNote',
  message: 'message',
};

const limit = (description: string) => ({ type: 'integer', minimum: 1, description });

export default defineRule<Options>({
  meta: {
    id: 'linkedin/max-length',
    description: 'A LinkedIn draft must fit the limit of its kind: InMail body, connection note, or message to a connection.',
    platforms: ['linkedin'],
    schema: {
      type: 'object',
      properties: {
        inmail: limit('InMail body, in code points (LinkedIn says 2,000; vendors say 1,900).'),
        connectionNote: limit('Connection request note (300; 200 on free accounts).'),
        message: limit('Message to a 1st-degree connection.'),
      },
      additionalProperties: false,
    },
    defaultOptions: { inmail: 1900, connectionNote: 300, message: 8000 },
    messages: { tooLong: '{{length}}/{{max}} characters (LinkedIn {{kind}})' },
    docsUrl: docsUrl('linkedin/max-length'),
  },
  create(context) {
    return {
      draft(draft) {
        const key = draft.kind ? LIMIT_OF_KIND[draft.kind] : undefined;
        if (!key) return;
        reportOverLength(context, draft, context.options[key], { kind: draft.kind! });
      },
    };
  },
});
