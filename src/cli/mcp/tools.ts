/**
 * What the MCP tools answer, apart from the protocol: lint or fix a draft given as text, list
 * the rules, explain one. The same engine and config as the CLI (lintStdin), nothing written.
 */
import path from 'node:path';
import { lintStdin, type ReportedDiagnostic } from '../../api/lint.js';
import type { Defaults, ResolvedConfig } from '../../config/load.js';
import type { Diagnostic, FileResult } from '../../types.js';
import type { Judged } from '../editor/protocol.js';
import { ruleDocPage } from '../editor/rule-docs.js';

export interface DraftInput {
  text: string;
  path?: string | undefined;
  platform?: string | undefined;
  kind?: string | undefined;
  audience?: string | undefined;
  locale?: string | undefined;
}

/** A diagnostic as an agent reads it: the JSON report's fields, the rule's page, and any score and evidence. */
export type AgentDiagnostic = ReportedDiagnostic & Judged & { docsUrl?: string };

export interface LintAnswer {
  path: string;
  ignored: boolean;
  errorCount: number;
  warningCount: number;
  fixableCount: number;
  drafts: FileResult['drafts'];
  diagnostics: AgentDiagnostic[];
}

/** The draft's name for config matching: as given, or draft.md in the working folder. */
export function draftPath(input: DraftInput): string {
  return input.path ?? 'draft.md';
}

function defaultsOf(input: DraftInput, fallback: Defaults): Defaults {
  const defaults: Defaults = { ...fallback };
  for (const key of ['platform', 'kind', 'audience', 'locale'] as const) if (input[key] !== undefined) defaults[key] = input[key];
  return defaults;
}

function toAgent(diagnostic: Diagnostic & Judged, config: ResolvedConfig): AgentDiagnostic {
  const { offset: _offset, endOffset: _endOffset, fix: _fix, fingerprint: _fingerprint, ...reported } = diagnostic;
  const docsUrl = config.registry.get(diagnostic.ruleId)?.meta.docsUrl;
  return { ...reported, ...(docsUrl ? { docsUrl } : {}) };
}

function answerOf(result: FileResult, ignored: boolean, config: ResolvedConfig): LintAnswer {
  return {
    path: result.path,
    ignored,
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    fixableCount: result.fixableCount,
    drafts: result.drafts,
    diagnostics: result.diagnostics.map((diagnostic) => toAgent(diagnostic, config)),
  };
}

export function lintDraft(input: DraftInput, config: ResolvedConfig, cwd: string, defaults: Defaults): LintAnswer {
  const linted = lintStdin(input.text, draftPath(input), config, { cwd, defaults: defaultsOf(input, defaults) });
  return answerOf(linted.result, linted.ignored, config);
}

export function fixDraft(input: DraftInput, config: ResolvedConfig, cwd: string, defaults: Defaults): LintAnswer & { text: string; changed: boolean } {
  const linted = lintStdin(input.text, draftPath(input), config, { cwd, defaults: defaultsOf(input, defaults), fix: true });
  return { text: linted.output ?? input.text, changed: linted.output !== undefined, ...answerOf(linted.result, linted.ignored, config) };
}

export function listRules(config: ResolvedConfig) {
  return [...config.registry.values()].map((rule) => ({
    id: rule.meta.id,
    description: rule.meta.description,
    platforms: rule.meta.platforms,
    ...(rule.meta.kinds ? { kinds: rule.meta.kinds } : {}),
    severity: config.rules[rule.meta.id]?.severity ?? 'off',
    fixable: rule.meta.fixable,
    ...(rule.meta.docsUrl ? { docsUrl: rule.meta.docsUrl } : {}),
  }));
}

export function explainRule(ruleId: string, config: ResolvedConfig) {
  const rule = config.registry.get(ruleId);
  if (!rule) return undefined;
  const setting = config.rules[ruleId];
  return {
    id: rule.meta.id,
    description: rule.meta.description,
    type: rule.meta.type,
    platforms: rule.meta.platforms,
    ...(rule.meta.kinds ? { kinds: rule.meta.kinds } : {}),
    defaultSeverity: rule.meta.defaultSeverity,
    severity: setting?.severity ?? 'off',
    options: { ...rule.meta.defaultOptions, ...setting?.options },
    fixable: rule.meta.fixable,
    readsLanguage: rule.meta.readsLanguage,
    messages: rule.meta.messages,
    ...(rule.meta.docsUrl ? { docsUrl: rule.meta.docsUrl } : {}),
    documentation: ruleDocPage(ruleId) ?? null,
  };
}

/** Rule ids closest to an unknown one, for the error an agent gets. */
export function similarRules(ruleId: string, config: ResolvedConfig): string[] {
  const wanted = ruleId.toLowerCase();
  const tail = wanted.split('/').pop()!;
  return [...config.registry.keys()].filter((id) => id.includes(tail) || tail.includes(id.split('/').pop()!)).slice(0, 5);
}

export function resolvedPath(input: DraftInput, cwd: string): string {
  return path.resolve(cwd, draftPath(input));
}
