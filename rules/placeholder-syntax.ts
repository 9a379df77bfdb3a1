import { defineRule, docsUrl, replaceableSpan, PLACEHOLDER_NAME } from '../src/rule-api/index.js';

// One scan, alternatives tried in order at each position: a whole {{...}}, then the broken shapes.
const TOKENS =
  /(\{\{([^{}\n]*)\}\})|(\{\{\s*([A-Za-z_][\w.-]*)\s*\}(?!\}))|((?<!\{)\{\s*([A-Za-z_][\w.-]*)\s*\}\})|(\{\{)|(\}\})/g;

export default defineRule({
  meta: {
    id: 'placeholder-syntax',
    description:
      'Merge fields must be written {{name}}; when config lists placeholders, only those names may be used.',
    fixable: true,
    messages: {
      empty: 'Empty placeholder "{{text}}": write a field name between the braces',
      badName: 'Placeholder "{{text}}" has an invalid name: use letters, digits and _ (for example {{example}})',
      missingClose: 'Placeholder "{{text}}" is missing a closing brace: write {{fixed}}',
      missingOpen: 'Placeholder "{{text}}" is missing an opening brace: write {{fixed}}',
      unclosed: '"{{" opens a placeholder that is never closed',
      unopened: '"}}" closes a placeholder that was never opened',
      unknown: 'Unknown placeholder "{{name}}": config "placeholders" lists {{known}}',
    },
    docsUrl: docsUrl('placeholder-syntax'),
  },
  create(context) {
    const declared = context.settings.placeholders;
    return {
      draft(draft) {
        const text = draft.text;
        if (!text.includes('{') && !text.includes('}')) return;
        for (const match of text.matchAll(TOKENS)) {
          const start = match.index;
          const end = start + match[0].length;
          const at = { draft, start, end };
          if (match[1] !== undefined) {
            const inner = match[2]!.trim();
            if (inner === '') context.report({ ...at, messageId: 'empty', data: { text: match[0] } });
            else if (!PLACEHOLDER_NAME.test(inner))
              context.report({ ...at, messageId: 'badName', data: { text: match[0], example: inner.replace(/\W+/g, '_') } });
            else if (declared && !Object.hasOwn(declared, inner))
              context.report({ ...at, messageId: 'unknown', data: { name: inner, known: Object.keys(declared).join(', ') || 'none' } });
          } else if (match[3] !== undefined || match[5] !== undefined) {
            // The intended name is clear: add the missing brace where the file spells the field as matched.
            const fixed = `{{${match[4] ?? match[6]}}}`;
            const span = replaceableSpan(context.file, draft, start, end);
            context.report({
              ...at,
              messageId: match[3] !== undefined ? 'missingClose' : 'missingOpen',
              data: { text: match[0], fixed },
              ...(span ? { fix: { range: span, text: fixed } } : {}),
            });
          } else if (match[7] !== undefined) {
            context.report({ ...at, messageId: 'unclosed' });
          } else {
            context.report({ ...at, messageId: 'unopened' });
          }
        }
      },
    };
  },
});
