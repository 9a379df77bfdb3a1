import { defineRule, docsUrl } from '../src/rule-api/index.js';

export default defineRule({
  meta: {
    id: 'skipped-draft',
    description: 'A draft past dmlint\'s limits (size, nesting, inline markup) is reported, not linted.',
    docsUrl: docsUrl('skipped-draft'),
  },
  create(context) {
    return {
      file(file) {
        for (const skip of file.skipped) context.report({ message: skip.message, range: skip.range });
      },
    };
  },
});
