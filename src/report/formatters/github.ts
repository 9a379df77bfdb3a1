/** GitHub Actions workflow commands: annotations on the pull request's files. */
import { escapeControl } from './escape.js';
import { docsUrlOf } from './links.js';
import { wholeReport, type Formatter, type StreamingFormat } from './types.js';

// Workflow command escaping: data escapes %, CR and LF; properties also escape ":" and ",".
// Other control characters would reach the log raw, so they are shown escaped as in a terminal.
const escapeData = (text: string) => escapeControl(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const stream: StreamingFormat = ({ rules }) => ({
  files(results) {
    let text = '';
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
        // The rule's page on a second line of the annotation.
        const url = docsUrlOf(d.ruleId, rules);
        text += `::${d.severity === 'error' ? 'error' : 'warning'} ${properties}::${escapeData(d.message)}${url ? `%0A${url}` : ''}\n`;
      }
    }
    return text;
  },
  end: () => '',
});

const github: Formatter = wholeReport(stream);

export default github;
