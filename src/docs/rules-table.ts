/**
 * The rules table in README.md, from the rule metadata: `npm run docs` writes it between the
 * markers, and test/docs.test.ts fails when README's table differs from the rules.
 */
import type { Rule } from '../types.js';

export const TABLE_BEGIN = '<!-- begin: rules table, generated from the rule metadata by `npm run docs` -->';
export const TABLE_END = '<!-- end: rules table -->';

/** A table cell: one line, with the characters that would end the cell escaped. */
const cell = (text: string) => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|');

export function renderRulesTable(rules: readonly Rule[]): string {
  const rows = rules.map(({ meta }) => {
    const platforms = (meta.platforms.length ? meta.platforms.join(', ') : 'all') + (meta.kinds ? ` (${meta.kinds.join(', ')})` : '');
    return `| [\`${meta.id}\`](docs/rules/${meta.id}.md) | ${platforms} | ${meta.defaultSeverity} | ${meta.fixable ? 'yes' : ''} | ${cell(meta.description)} |`;
  });
  return [TABLE_BEGIN, '| rule | platforms | default | fix | description |', '| --- | --- | --- | --- | --- |', ...rows, TABLE_END].join('\n');
}

/** README with its rules table replaced; throws when the markers are missing, so the table has one home. */
export function withRulesTable(readme: string, rules: readonly Rule[]): string {
  const begin = readme.indexOf(TABLE_BEGIN);
  const end = readme.indexOf(TABLE_END);
  if (begin < 0 || end < begin) throw new Error(`README.md has no rules table markers (${TABLE_BEGIN} ... ${TABLE_END})`);
  return readme.slice(0, begin) + renderRulesTable(rules) + readme.slice(end + TABLE_END.length);
}
