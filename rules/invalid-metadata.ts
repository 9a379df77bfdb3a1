import { defineRule, docsUrl } from '../src/rule-api/index.js';

export default defineRule({
  meta: {
    id: 'invalid-metadata',
    description:
      'Frontmatter and dmlint-draft directives must be well formed, with known values for platform, kind, audience and locale.',
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
