/** Hover on a problem: the rule, why it exists, and for judgment rules the score and the evidence. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { Diagnostic } from '../../types.js';
import type { DocumentLint } from './document-lint.js';
import { rangeOf, type Judged } from './protocol.js';
import { ruleDocPage, whySection } from './rule-docs.js';

const contains = (range: ReturnType<typeof rangeOf>, at: Position) =>
  (range.start.line < at.line || (range.start.line === at.line && range.start.character <= at.character)) &&
  (at.line < range.end.line || (at.line === range.end.line && at.character <= range.end.character));

/** Markdown text, shown as such: text from a draft must not turn into markup or links. */
const escape = (text: string) => text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');

export function explainDiagnostic(lint: DocumentLint, diagnostic: Diagnostic & Judged): string {
  const rule = lint.linted?.config.registry.get(diagnostic.ruleId);
  const lines = [`**dmlint** \`${diagnostic.ruleId}\` (${diagnostic.severity}): ${escape(diagnostic.message)}`];
  if (rule) lines.push('', rule.meta.description);
  const page = ruleDocPage(diagnostic.ruleId);
  const why = page && whySection(page);
  if (why) lines.push('', why);
  if (diagnostic.score !== undefined) lines.push('', `Score: ${diagnostic.score.toFixed(2)} (0 to 1: how surely the rule applies)`);
  if (diagnostic.evidence?.length) {
    lines.push('', 'Evidence, strongest first:');
    for (const evidence of diagnostic.evidence) lines.push(`- line ${evidence.line}: “${escape(evidence.text)}”`);
  }
  if (diagnostic.fix) lines.push('', 'A fix is available (quick fix).');
  if (rule?.meta.docsUrl) lines.push('', `[Rule documentation](${rule.meta.docsUrl})`);
  return lines.join('\n');
}

export function hoverAt(document: TextDocument, lint: DocumentLint, position: Position): Hover | null {
  const found = lint.diagnostics.filter((diagnostic) => contains(rangeOf(document, lint.bom, diagnostic.offset, diagnostic.endOffset), position));
  if (found.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: found.map((diagnostic) => explainDiagnostic(lint, diagnostic)).join('\n\n---\n\n') } };
}
