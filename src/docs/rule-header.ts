/**
 * The part of a rule's doc page that comes from its metadata, so the page cannot drift from
 * the code: `npm run docs` writes it, and a test fails when a page differs.
 */
import { describeSchema } from '../config/validate.js';
import type { Rule } from '../types.js';

export const BEGIN = '<!-- begin: generated from the rule metadata by `npm run docs` -->';
export const END = '<!-- end: generated -->';

function optionRows(rule: Rule): string[] {
  const properties = (rule.meta.schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(properties).map(([name, schema]) => {
    const fallback = rule.meta.defaultOptions[name];
    const description = typeof schema.description === 'string' ? schema.description : '';
    return `| \`${name}\` | ${describeSchema(schema)} | \`${JSON.stringify(fallback)}\` | ${description} |`;
  });
}

export function renderRuleHeader(rule: Rule): string {
  const { meta } = rule;
  const platforms = meta.platforms.length ? meta.platforms.join(', ') : 'all';
  const lines = [
    BEGIN,
    `> ${meta.description}`,
    '',
    '| | |',
    '| --- | --- |',
    `| Platforms | ${platforms}${meta.kinds ? ` (kinds: ${meta.kinds.join(', ')})` : ''} |`,
    `| Default severity (\`dmlint:recommended\`) | ${meta.defaultSeverity} |`,
    `| Fixable | ${meta.fixable ? 'yes (`--fix`)' : 'no'} |`,
    `| Reads the language | ${meta.readsLanguage ? 'yes (en, fr)' : 'no'} |`,
    '',
  ];
  const rows = optionRows(rule);
  if (rows.length) lines.push('Options:', '', '| option | type | default | description |', '| --- | --- | --- | --- |', ...rows, '');
  else lines.push('No options.', '');
  lines.push(END);
  return lines.join('\n');
}

/** Replaces the generated block of a doc page, or inserts it after the title. */
export function withHeader(page: string, rule: Rule): string {
  const header = renderRuleHeader(rule);
  const begin = page.indexOf(BEGIN);
  const end = page.indexOf(END);
  if (begin >= 0 && end > begin) return page.slice(0, begin) + header + page.slice(end + END.length);
  const titleEnd = page.indexOf('\n') + 1;
  return `${page.slice(0, titleEnd)}\n${header}\n${page.slice(titleEnd)}`;
}
