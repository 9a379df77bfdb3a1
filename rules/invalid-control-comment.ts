import { defineRule, docsUrl } from '../src/rule-api/index.js';

export default defineRule({
  meta: {
    id: 'invalid-control-comment',
    description:
      'dmlint-disable, dmlint-enable and dmlint-disable-next-line comments must name rules that exist, and a comment that looks like one must be one.',
    messages: {
      unknownRule: 'Unknown rule "{{id}}" in a dmlint-{{kind}} comment',
      nearComment: 'Unknown comment "{{name}}": did you mean "{{suggestion}}"? As written it does nothing',
      unknownComment: 'Unknown comment "{{name}}": dmlint reads dmlint-draft, dmlint-disable, dmlint-enable and dmlint-disable-next-line',
    },
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
        for (const stray of file.strayComments) {
          const data = { name: stray.name, suggestion: stray.suggestion ?? '' };
          context.report({ messageId: stray.suggestion ? 'nearComment' : 'unknownComment', data, range: stray.range });
        }
      },
    };
  },
});
