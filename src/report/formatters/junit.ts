/**
 * JUnit XML, as CI test reports read it: one test case per draft file (a file is what a reader
 * opens and fixes), passed unless it has errors. A file with errors has one failure listing them;
 * warnings do not fail it and are listed in its system-out. Totals count test cases, so
 * failures never exceed tests.
 */
import type { Diagnostic } from '../../types.js';
import { docsUrlOf } from './links.js';
import { wholeReport, type Formatter, type StreamingFormat } from './types.js';

// Characters XML 1.0 cannot carry at all are shown escaped, then markup characters are escaped.
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * The opening tags carry the totals, so the body is kept as text until the end: a tenth of the
 * memory the results would take (100,000 drafts: 37 MB of XML).
 */
export const stream: StreamingFormat = ({ rules }) => {
  // Kept as bytes, outside the JavaScript heap: V8 sizes a heap at a few times what it holds, and
  // 37 MB of XML held as strings grew the process by 160 MB over 100,000 drafts.
  const batches: Buffer[] = [];
  let tests = 0;
  let failures = 0;
  const line = (d: Diagnostic) => {
    const url = docsUrlOf(d.ruleId, rules);
    return escapeXml(`${d.line}:${d.column} ${d.severity} ${d.message} (${d.ruleId}${url ? ` ${url}` : ''})`);
  };
  return {
    files(results) {
      const out: string[] = [];
      for (const result of results) {
        tests++;
        const name = escapeXml(result.path);
        if (result.diagnostics.length === 0) {
          out.push(`    <testcase classname="dmlint" name="${name}" file="${name}"/>`);
          continue;
        }
        out.push(`    <testcase classname="dmlint" name="${name}" file="${name}">`);
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        const warnings = result.diagnostics.filter((d) => d.severity !== 'error');
        if (errors.length > 0) {
          failures++;
          const summary = `${errors.length} error${errors.length === 1 ? '' : 's'}: ${errors[0]!.message}${errors.length > 1 ? ' ...' : ''}`;
          out.push(`      <failure type="error" message="${escapeXml(summary)}">${errors.map(line).join('\n')}</failure>`);
        }
        if (warnings.length > 0) out.push(`      <system-out>${warnings.map(line).join('\n')}</system-out>`);
        out.push('    </testcase>');
      }
      if (out.length > 0) batches.push(Buffer.from(`${out.join('\n')}\n`));
      return '';
    },
    end() {
      const head = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="dmlint" tests="${tests}" failures="${failures}" errors="0">`,
        `  <testsuite name="dmlint" tests="${tests}" failures="${failures}" errors="0" skipped="0">`,
      ].join('\n');
      const body = Buffer.concat(batches).toString('utf8');
      batches.length = 0;
      return `${head}\n${body}  </testsuite>\n</testsuites>\n`;
    },
  };
};

const junit: Formatter = wholeReport(stream);

export default junit;
