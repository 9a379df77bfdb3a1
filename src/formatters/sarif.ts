/** SARIF 2.1.0, as GitHub code scanning reads it. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { builtinRules } from '../../rules/index.js';
import { docsUrl, REPOSITORY_URL } from '../docs-url.js';
import { packageVersion } from '../package-info.js';
import type { RuleMeta } from '../types.js';
import type { Formatter } from './types.js';

/** A report path as a URI reference: relative paths stay relative, each segment percent-encoded. */
function artifactUri(reportPath: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(reportPath)) return { uri: pathToFileURL(reportPath).href };
  return { uri: reportPath.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

const level = (severity: string) => (severity === 'error' ? 'error' : 'warning');

const sarif: Formatter = (results, { cwd, rules }) => {
  const known = rules ?? new Map<string, RuleMeta>(builtinRules.map((rule) => [rule.meta.id, rule.meta]));
  const used = [...new Set(results.flatMap((result) => result.diagnostics.map((d) => d.ruleId)))];
  const ids = [...new Set([...known.keys(), ...used])];
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
  const sarifResults: Result[] = results.flatMap((result) =>
    result.diagnostics.map((d) => ({
      ruleId: d.ruleId,
      ruleIndex: index.get(d.ruleId)!,
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
    })),
  );
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'dmlint', version: packageVersion(), informationUri: REPOSITORY_URL, rules: descriptors } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

export default sarif;
