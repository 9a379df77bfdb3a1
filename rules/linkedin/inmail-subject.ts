import { defineRule, docsUrl, restOfLine, countCodePoints } from '../../src/rule-api/index.js';

export interface Options {
  max: number;
}

export default defineRule<Options>({
  meta: {
    id: 'linkedin/inmail-subject',
    description: 'An InMail needs a subject line, of at most 200 characters.',
    platforms: ['linkedin'],
    kinds: ['inmail'],
    schema: {
      type: 'object',
      properties: { max: { type: 'integer', minimum: 1, description: 'Longest subject allowed, in code points.' } },
      additionalProperties: false,
    },
    defaultOptions: { max: 200 },
    messages: {
      missing: 'This InMail has no subject: add "subject" to its frontmatter or dmlint-draft directive',
      tooLong: 'Subject is {{length}}/{{max}} characters',
    },
    docsUrl: docsUrl('linkedin/inmail-subject'),
  },
  create(context) {
    const { max } = context.options;
    return {
      draft(draft) {
        const subject = draft.subject?.trim();
        if (!subject) {
          const at = draft.metadata.subject?.range ?? restOfLine(context.file.source, draft.range.start);
          context.report({ messageId: 'missing', range: at });
          return;
        }
        const counted = countCodePoints(draft.subject!);
        if (counted.length <= max) return;
        const written = draft.metadata.subject?.range;
        // Point inside the subject when the file spells it as is (unquoted or plainly quoted).
        const overflow = counted.overflowStart(max);
        const spelled = written && context.file.source.slice(written.start, written.end) === draft.subject;
        const range = spelled ? { start: written.start + overflow, end: written.end } : written ?? restOfLine(context.file.source, draft.range.start);
        context.report({ messageId: 'tooLong', data: { length: counted.length, max }, range });
      },
    };
  },
});
