/**
 * Code actions on dmlint's diagnostics: apply the rule's fix, apply every fix in the file,
 * disable the rule for this line or for the file (a control comment), open the rule's page.
 * Every edit is returned to the client, which applies it to the buffer: the server writes nothing.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { Diagnostic } from '../../types.js';
import { disableEdit, type DisableScope } from './disable-comments.js';
import { fixAll, reparser, type DocumentLint } from './document-lint.js';
import { lspDiagnostics, overlaps, rangeOf, SOURCE } from './protocol.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;
export const COMMAND_APPLY_ALL_FIXES = 'dmlint.applyAllFixes';
export const COMMAND_SHOW_RULE_DOCS = 'dmlint.showRuleDocs';

/** What a disable action carries until the client resolves it into an edit. */
export interface DisableData {
  uri: string;
  version: number;
  /** Index of the diagnostic in the lint of that version. */
  index: number;
  scope: DisableScope;
}

/** One edit replacing only the part of `before` that differs from `after`. */
export function minimalEdit(document: TextDocument, before: string, after: string): TextEdit {
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shortest - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Never split a surrogate pair or a CRLF between the kept and replaced parts.
  while (start > 0 && /[\uDC00-\uDFFF\n]/.test(before[start] ?? '')) start--;
  while (end > 0 && /[\uD800-\uDBFF\r]/.test(before[before.length - end - 1] ?? '')) end--;
  return {
    range: { start: document.positionAt(start), end: document.positionAt(before.length - end) },
    newText: after.slice(start, after.length - end),
  };
}

export function fixAllEdit(document: TextDocument, lint: DocumentLint): WorkspaceEdit | undefined {
  if (!lint.linted || !lint.diagnostics.some((diagnostic) => diagnostic.fix)) return undefined;
  const text = document.getText();
  const fixed = fixAll(lint.linted, text);
  if (fixed === undefined) return undefined;
  return { changes: { [lint.uri]: [minimalEdit(document, text, fixed)] } };
}

export function disableWorkspaceEdit(document: TextDocument, lint: DocumentLint, diagnostic: Diagnostic, scope: DisableScope): WorkspaceEdit | undefined {
  if (!lint.linted) return undefined;
  const { file, config } = lint.linted;
  const insertion = disableEdit(file, diagnostic, scope, reparser(lint.linted), new Set(config.registry.keys()));
  if (!insertion) return undefined;
  const at = document.positionAt(insertion.offset + lint.bom);
  return { changes: { [lint.uri]: [{ range: { start: at, end: at }, newText: insertion.text }] } };
}

/** The diagnostics an action request is about: those the client names, and those under its range. */
function diagnosticsAt(document: TextDocument, lint: DocumentLint, range: Range, named: { code?: string | number; range: Range }[]): number[] {
  const found: number[] = [];
  lint.diagnostics.forEach((diagnostic, index) => {
    const at = rangeOf(document, lint.bom, diagnostic.offset, diagnostic.endOffset);
    const isNamed = named.some(
      (other) => other.code === diagnostic.ruleId && other.range.start.line === at.start.line && other.range.start.character === at.start.character,
    );
    if (isNamed || overlaps(at, range)) found.push(index);
  });
  return found;
}

export interface ActionRequest {
  range: Range;
  only?: string[];
  named: { code?: string | number; range: Range }[];
  /** The client resolves actions lazily: disable edits are computed on resolve. */
  lazyEdits: boolean;
}

export function codeActions(document: TextDocument, lint: DocumentLint, request: ActionRequest): CodeAction[] {
  const wants = (kind: string) => !request.only || request.only.some((only) => kind === only || kind.startsWith(`${only}.`));
  const actions: CodeAction[] = [];
  const published = lint.linted ? lspDiagnostics(document, lint, lint.linted.config.registry) : [];
  if (wants(FIX_ALL_KIND) && request.only) {
    // Asked for explicitly (editor.codeActionsOnSave, say): only the fix-all action.
    const edit = fixAllEdit(document, lint);
    return edit ? [{ title: 'Fix all auto-fixable dmlint problems', kind: FIX_ALL_KIND, edit }] : [];
  }
  if (!wants(CodeActionKind.QuickFix)) return actions;
  const indexes = diagnosticsAt(document, lint, request.range, request.named);
  const docs = new Set<string>();
  for (const index of indexes) {
    const diagnostic = lint.diagnostics[index]!;
    const related = published[index] ? [published[index]] : [];
    if (diagnostic.fix) {
      const range = rangeOf(document, lint.bom, diagnostic.fix.range.start, diagnostic.fix.range.end);
      actions.push({
        title: `Fix this ${diagnostic.ruleId} problem`,
        kind: CodeActionKind.QuickFix,
        isPreferred: true,
        diagnostics: related,
        edit: { changes: { [lint.uri]: [{ range, newText: diagnostic.fix.text }] } },
      });
    }
    for (const scope of ['line', 'file'] as const) {
      const title = `Disable ${diagnostic.ruleId} for ${scope === 'line' ? 'this line' : 'the entire file'}`;
      const data: DisableData = { uri: lint.uri, version: lint.version, index, scope };
      if (request.lazyEdits) {
        actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: related, data });
        continue;
      }
      const edit = disableWorkspaceEdit(document, lint, diagnostic, scope);
      if (edit) actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: related, edit });
    }
    const url = lint.linted?.config.registry.get(diagnostic.ruleId)?.meta.docsUrl;
    if (url && !docs.has(diagnostic.ruleId)) {
      docs.add(diagnostic.ruleId);
      actions.push({
        title: `Show documentation for ${diagnostic.ruleId}`,
        kind: CodeActionKind.QuickFix,
        command: { title: `Show documentation for ${diagnostic.ruleId}`, command: COMMAND_SHOW_RULE_DOCS, arguments: [url] },
      });
    }
  }
  if (lint.diagnostics.filter((diagnostic) => diagnostic.fix).length > 1 && indexes.some((index) => lint.diagnostics[index]!.fix)) {
    const edit = fixAllEdit(document, lint);
    if (edit) actions.push({ title: 'Fix all auto-fixable dmlint problems', kind: CodeActionKind.QuickFix, edit });
  }
  return actions;
}

/** Fills in the edit of a disable action the client chose; none when the document has moved on. */
export function resolveDisable(document: TextDocument, lint: DocumentLint, action: CodeAction): CodeAction {
  const data = action.data as DisableData;
  const diagnostic = lint.diagnostics[data.index];
  if (lint.version !== data.version || !diagnostic) return action;
  const edit = disableWorkspaceEdit(document, lint, diagnostic, data.scope);
  return edit ? { ...action, edit } : { ...action, disabled: { reason: 'no comment can disable this problem here without changing the draft' } };
}
