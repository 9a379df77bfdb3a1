import { defineRule, docsUrl } from '../src/rule-api/index.js';

export default defineRule({
  meta: {
    id: 'invalid-control-comment',
    description: 'dmlint-disable, dmlint-enable and dmlint-disable-next-line comments must name rules that exist.',
    messages: { unknownRule: 'Unknown rule "{{id}}" in a dmlint-{{kind}} comment' },
    docsUrl: docsUrl('invalid-control-comment'),
  },
  create(context) {
    return {
      file(file) {
        for (const comment of file.controlComments) {
          for (const rule of comment.rules) {
            if (context.knownRuleIds.has(rule.id)) continue;
            context.report({ messageId: 'unknownRule', data: { id: rule.id, kind: comment.kind }, range: rule.range });
          }
        }
      },
    };
  },
});
