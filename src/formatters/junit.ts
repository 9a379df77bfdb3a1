/** JUnit XML: one test case per draft file, one failure per diagnostic. */
import type { Formatter } from './types.js';

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

const junit: Formatter = (results) => {
  const failures = results.reduce((n, r) => n + r.diagnostics.length, 0);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="dmlint" tests="${results.length}" failures="${failures}" errors="0">`,
    `  <testsuite name="dmlint" tests="${results.length}" failures="${failures}" errors="0" skipped="0">`,
  ];
  for (const result of results) {
    const name = escapeXml(result.path);
    if (result.diagnostics.length === 0) {
      out.push(`    <testcase classname="dmlint" name="${name}" file="${name}"/>`);
      continue;
    }
    out.push(`    <testcase classname="dmlint" name="${name}" file="${name}">`);
    for (const d of result.diagnostics) {
      const message = escapeXml(d.message);
      out.push(`      <failure type="${d.severity}" message="${message}">${d.line}:${d.column} ${d.severity} ${message} (${escapeXml(d.ruleId)})</failure>`);
    }
    out.push('    </testcase>');
  }
  out.push('  </testsuite>', '</testsuites>', '');
  return out.join('\n');
};

export default junit;
