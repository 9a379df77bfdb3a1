/** GitHub Actions workflow commands: annotations on the pull request's files. */
import { escapeControl } from './escape.js';
import type { Formatter } from './types.js';

// Workflow command escaping: data escapes %, CR and LF; properties also escape ":" and ",".
// Other control characters would reach the log raw, so they are shown escaped as in a terminal.
const escapeData = (text: string) => escapeControl(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

const github: Formatter = (results) => {
  const lines: string[] = [];
  for (const result of results) {
    for (const d of result.diagnostics) {
      const properties = [
        `file=${escapeProperty(result.path)}`,
        `line=${d.line}`,
        `endLine=${d.endLine}`,
        `col=${d.column}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeProperty(d.ruleId)}`,
      ].join(',');
      lines.push(`::${d.severity === 'error' ? 'error' : 'warning'} ${properties}::${escapeData(d.message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};

export default github;
