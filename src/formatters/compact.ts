/** `path:line:col: severity: message [rule]`, one problem a line, for editor problem matchers. */
import { escapeControl } from './escape.js';
import type { Formatter } from './types.js';

const compact: Formatter = (results) => {
  const lines: string[] = [];
  for (const result of results) {
    for (const d of result.diagnostics) {
      lines.push(`${escapeControl(result.path)}:${d.line}:${d.column}: ${d.severity}: ${escapeControl(d.message)} [${d.ruleId}]`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};

export default compact;
