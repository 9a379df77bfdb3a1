/** SARIF 2.1.0, as GitHub code scanning reads it. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { docsUrl, REPOSITORY_URL } from '../../package/docs-url.js';
import { packageVersion } from '../../package/info.js';
import type { RuleMeta } from '../../types.js';
import type { Formatter, ReportWriter, StreamingFormat } from './types.js';

/** A report path as a URI reference: relative paths stay relative, each segment percent-encoded. */
function artifactUri(reportPath: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(reportPath)) return { uri: pathToFileURL(reportPath).href };
  // A lone surrogate cannot be percent-encoded (encodeURIComponent throws): it is U+FFFD.
  const wellFormed = reportPath.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return { uri: wellFormed.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

const level = (severity: string) => (severity === 'error' ? 'error' : 'warning');

/** Where each result stands in `JSON.stringify(log, null, 2)`: runs[0].results[i]. */
const RESULT_INDENT = ' '.repeat(8);

/**
 * The log as it would be written whole, in three parts: everything before the results array
 * (rules listed first), each result, and what closes the log. `ids` are the rules the log
 * describes; a result of any other rule has no ruleIndex.
 */
function sarifWriter(cwd: string, known: ReadonlyMap<string, RuleMeta>, ids: readonly string[]): ReportWriter {
  const index = new Map(ids.map((id, i) => [id, i]));
  const descriptors: ReportingDescriptor[] = ids.map((id) => {
    const meta = known.get(id);
    return {
      id,
      shortDescription: { text: meta?.description || id },
      helpUri: meta?.docsUrl ?? docsUrl(id),
      defaultConfiguration: { level: level(meta?.defaultSeverity === 'error' ? 'error' : 'warning') },
      properties: { platforms: meta?.platforms ?? [], fixable: meta?.fixable ?? false },
    };
  });
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'dmlint', version: packageVersion(), informationUri: REPOSITORY_URL, rules: descriptors } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results: [],
      },
    ],
  };
  const whole = JSON.stringify(log, null, 2);
  // `results` is the run's last key: its empty array is the last one in the text.
  const at = whole.lastIndexOf('"results": []') + '"results": '.length;
  const head = whole.slice(0, at);
  const tail = whole.slice(at + 2);
  let headWritten = false;
  let count = 0;
  return {
    files(results) {
      let out = headWritten ? '' : head;
      headWritten = true;
      for (const result of results) {
        for (const d of result.diagnostics) {
          const ruleIndex = index.get(d.ruleId);
          const item: Result = {
            ruleId: d.ruleId,
            ...(ruleIndex === undefined ? {} : { ruleIndex }),
            level: level(d.severity),
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: artifactUri(result.path),
                  region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: Math.max(d.endColumn, d.line === d.endLine ? d.column : 1) },
                },
              },
            ],
            ...(d.fingerprint ? { partialFingerprints: { 'dmlintProblem/v1': d.fingerprint } } : {}),
          };
          // JSON strings hold no raw newline, so indenting every line is safe.
          out += `${count++ === 0 ? '[\n' : ',\n'}${RESULT_INDENT}${JSON.stringify(item, null, 2).replaceAll('\n', `\n${RESULT_INDENT}`)}`;
        }
      }
      return out;
    },
    end() {
      return `${headWritten ? '' : head}${count > 0 ? '\n      ]' : '[]'}${tail}\n`;
    },
  };
}

const NO_RULES: ReadonlyMap<string, RuleMeta> = new Map();

/** Streamed, the log describes the run's rules: every rule a result can come from. */
export const stream: StreamingFormat = ({ cwd, rules }) => {
  const known = rules ?? NO_RULES;
  return sarifWriter(cwd, known, [...known.keys()]);
};

/** Whole, it also describes rules that only the results name (all of them, when `rules` is not given). */
const sarif: Formatter = (results, { cwd, rules, summary }) => {
  const known = rules ?? NO_RULES;
  const used = results.flatMap((result) => result.diagnostics.map((d) => d.ruleId));
  const writer = sarifWriter(cwd, known, [...new Set([...known.keys(), ...used])]);
  return writer.files(results) + writer.end(summary);
};

export default sarif;
