/** `path:line:col: severity: message [rule]`, one problem a line, for editor problem matchers. */
import { escapeControl } from './escape.js';
import { wholeReport, type Formatter, type StreamingFormat } from './types.js';

export const stream: StreamingFormat = () => ({
  files(results) {
    let text = '';
    for (const result of results) {
      for (const d of result.diagnostics) {
        text += `${escapeControl(result.path)}:${d.line}:${d.column}: ${d.severity}: ${escapeControl(d.message)} [${escapeControl(d.ruleId)}]\n`;
      }
    }
    return text;
  },
  end: () => '',
});

const compact: Formatter = wholeReport(stream);

export default compact;
