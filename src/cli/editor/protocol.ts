/** dmlint's diagnostics as Language Server Protocol diagnostics, and the ranges between them. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range } from 'vscode-languageserver';
import type { Diagnostic, Rule } from '../../types.js';
import type { DocumentLint } from './document-lint.js';

/** A judgment rule's diagnostic: how sure the model is, and the text that weighed most. */
export interface Judged {
  score?: number;
  evidence?: { text: string; line: number; column: number; endLine: number; endColumn: number }[];
}

export const SOURCE = 'dmlint';

/** The LSP range of a span of file offsets (byte-order mark left out, as the engine counts). */
export function rangeOf(document: TextDocument, bom: number, start: number, end: number): Range {
  return { start: document.positionAt(start + bom), end: document.positionAt(end + bom) };
}

/** The LSP range of 1-based line/column positions as dmlint reports them. */
export function rangeOfLines(bom: number, span: { line: number; column: number; endLine: number; endColumn: number }): Range {
  const shift = (line: number) => (line === 1 ? bom : 0);
  return {
    start: { line: span.line - 1, character: span.column - 1 + shift(span.line) },
    end: { line: span.endLine - 1, character: span.endColumn - 1 + shift(span.endLine) },
  };
}

export function toLspDiagnostic(document: TextDocument, lint: DocumentLint, diagnostic: Diagnostic & Judged, rule: Rule | undefined): LspDiagnostic {
  const docsUrl = rule?.meta.docsUrl;
  const judged = diagnostic.evidence?.length
    ? {
        relatedInformation: diagnostic.evidence.map((evidence) => ({
          location: { uri: lint.uri, range: rangeOfLines(lint.bom, evidence) },
          message: `evidence: “${evidence.text}”`,
        })),
      }
    : {};
  return {
    range: rangeOf(document, lint.bom, diagnostic.offset, diagnostic.endOffset),
    severity: diagnostic.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: diagnostic.ruleId,
    ...(docsUrl ? { codeDescription: { href: docsUrl } } : {}),
    source: SOURCE,
    message: diagnostic.message,
    ...judged,
  };
}

/** The diagnostics to publish for a lint: one notice standing for the document, or the problems found. */
export function lspDiagnostics(document: TextDocument, lint: DocumentLint, rules: ReadonlyMap<string, Rule> | undefined): LspDiagnostic[] {
  if (lint.notice) {
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: lint.notice.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Information,
        source: SOURCE,
        message: lint.notice.message,
      },
    ];
  }
  return lint.diagnostics.map((diagnostic) => toLspDiagnostic(document, lint, diagnostic, rules?.get(diagnostic.ruleId)));
}

export function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
