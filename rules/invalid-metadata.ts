import { defineRule } from '../src/define-rule.js';
import { docsUrl } from '../src/docs-url.js';

export default defineRule({
  meta: {
    id: 'invalid-metadata',
    type: 'problem',
    description:
      'Frontmatter and dmlint-draft directives must be well formed, with known values for platform, kind, audience and locale.',
    platforms: [],
    defaultSeverity: 'error',
    fixable: false,
    readsLanguage: false,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {},
    docsUrl: docsUrl('invalid-metadata'),
  },
  create(context) {
    return {
      file(file) {
        for (const problem of file.metadataProblems) {
          const draft = problem.draft === null ? undefined : file.drafts[problem.draft];
          context.report({ message: problem.message, range: problem.range, ...(draft ? { draft } : {}) });
        }
      },
    };
  },
});
