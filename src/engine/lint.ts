/** Runs the configured rules over one draft file and returns its result. */
import { compareText } from '../text/compare.js';
import { hash128 } from '../text/hash.js';
import { isSupportedLanguage } from '../draft/locales.js';
import { parseDraftFile } from '../draft/parse.js';
import type { MetadataLayer } from '../draft/metadata.js';
import { positionAt, restOfLine } from '../draft/source.js';
import { measureDraft } from '../text/measure.js';
import type {
  Diagnostic,
  Draft,
  DraftFile,
  DraftSummary,
  FileResult,
  ReportDescriptor,
  Rule,
  RuleSettings,
  Severity,
} from '../types.js';
import { applyControlComments } from './suppress.js';

export interface RuleSetting {
  severity: Severity;
  options: Record<string, unknown>;
}

/** Everything the engine needs to lint one file; the config layer resolves it per file. */
export interface LintSetup {
  rules: ReadonlyMap<string, Rule>;
  ruleSettings: Record<string, RuleSetting>;
  settings: RuleSettings;
  /** Metadata defaults, least specific first (config `defaults`, then CLI flags). */
  defaults: MetadataLayer[];
  /** Report disable comments that silenced nothing (--report-unused-disable-directives). */
  reportUnusedDisableDirectives?: boolean;
}

export interface LintOutput {
  file: DraftFile;
  result: FileResult;
}

function interpolate(template: string, data: ReportDescriptor['data']): string {
  if (!data) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

/** Whether a rule looks at a draft: its platforms and kinds, when it names some. */
export function appliesTo(rule: Rule, draft: Draft): boolean {
  const { platforms, kinds } = rule.meta;
  if (platforms.length > 0 && (!draft.platform || !platforms.includes(draft.platform))) return false;
  if (kinds && (!draft.kind || !kinds.includes(draft.kind))) return false;
  // Word lists exist for English and French only: a German draft is not judged by English words.
  if (rule.meta.readsLanguage && !isSupportedLanguage(draft.locale)) return false;
  return true;
}

/**
 * Problems one rule reports in one draft: past this, one line says how many more there were. A
 * draft of 100,000 "{{" otherwise gave 100,000 diagnostics (30 MB of JSON, 10 s).
 */
export const MAX_PER_RULE_AND_DRAFT = 100;

const isOffset = (value: unknown, max: number) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= max;

/**
 * A report's fix as the engine will apply it: a range outside the file or reversed (a plugin's
 * bug) is dropped, with an error naming the rule, rather than let it duplicate or cut text; the
 * replacement is kept in NFC, so an accent is never split from its letter.
 */
function checkedFix(
  descriptor: ReportDescriptor,
  length: number,
  ruleId: string,
  diagnostics: Diagnostic[],
  toDiagnostic: (ruleId: string, severity: Severity, message: string, span: { start: number; end: number }, draft: number | null) => Diagnostic,
): ReportDescriptor {
  const fix = descriptor.fix;
  if (!fix) return descriptor;
  const { start, end } = fix.range ?? {};
  if (isOffset(start, length) && isOffset(end, length) && (start as number) <= (end as number) && typeof fix.text === 'string') {
    const text = fix.text.normalize('NFC');
    return text === fix.text ? descriptor : { ...descriptor, fix: { ...fix, text } };
  }
  const at = isOffset(start, length) ? (start as number) : 0;
  diagnostics.push(toDiagnostic(ruleId, 'error', `rule "${ruleId}" gave a fix with an invalid range [${String(start)}, ${String(end)}) in a file of ${length} characters; the fix was dropped`, { start: at, end: at }, descriptor.draft?.index ?? null));
  const { fix: _fix, ...rest } = descriptor;
  return rest;
}

/** File span of a report: an explicit file range, or a text span of the draft mapped through its offsets. */
function spanOf(descriptor: ReportDescriptor, file: DraftFile): { start: number; end: number } {
  if (descriptor.range) {
    // A plugin's range outside the file, or reversed, still points inside it.
    const clamp = (offset: number) => Math.min(Math.max(Number.isFinite(offset) ? Math.trunc(offset) : 0, 0), file.source.length);
    const start = clamp(descriptor.range.start);
    return { start, end: Math.max(start, clamp(descriptor.range.end)) };
  }
  const draft = descriptor.draft;
  if (!draft) return { start: 0, end: 0 };
  if (draft.text.length === 0) return restOfLine(file.source, draft.range.start);
  const start = Math.min(Math.max(descriptor.start ?? 0, 0), draft.text.length - 1);
  const end = Math.min(Math.max(descriptor.end ?? draft.text.length, start + 1), draft.text.length);
  return { start: draft.offsets[start]!, end: Math.max(draft.offsets[end - 1]! + 1, draft.offsets[start]! + 1) };
}


export function lintSource(path: string, text: string, setup: LintSetup): LintOutput {
  const file = parseDraftFile(path, text, { defaults: setup.defaults });
  const diagnostics: Diagnostic[] = [];
  const knownRuleIds = new Set(setup.rules.keys());

  const toDiagnostic = (ruleId: string, severity: Severity, message: string, span: { start: number; end: number }, draft: number | null, descriptor?: ReportDescriptor): Diagnostic => {
    const start = positionAt(file.lineStarts, span.start);
    const end = positionAt(file.lineStarts, span.end);
    return {
      ruleId,
      severity: severity === 'error' ? 'error' : 'warning',
      message,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      draft,
      fixable: descriptor?.fix !== undefined,
      offset: span.start,
      endOffset: span.end,
      ...(descriptor?.fix ? { fix: descriptor.fix } : {}),
      ...(descriptor?.judgment && descriptor.draft ? judgmentOf(descriptor) : {}),
    };
  };

  /** A judgment's score, rounded for stable reports, and its evidence as file positions. */
  const judgmentOf = (descriptor: ReportDescriptor): Pick<Diagnostic, 'score' | 'evidence'> => {
    const { score, evidence } = descriptor.judgment!;
    return {
      score: Math.round(score * 1000) / 1000,
      evidence: evidence.map(({ start, end }) => {
        const span = spanOf({ draft: descriptor.draft!, start, end }, file);
        const from = positionAt(file.lineStarts, span.start);
        const to = positionAt(file.lineStarts, span.end);
        return { text: descriptor.draft!.text.slice(start, end), line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
      }),
    };
  };

  for (const [ruleId, rule] of setup.rules) {
    const setting = setup.ruleSettings[ruleId];
    if (!setting || setting.severity === 'off') continue;
    let currentDraft: Draft | undefined;
    // Problems of this rule per draft (null: the file), and how many were left out past the cap;
    // made on the rule's first report (most rules report nothing in most files).
    let shown: Map<number | null, { count: number; dropped: number; last?: Diagnostic }> | undefined;
    const context = {
      id: ruleId,
      options: { ...rule.meta.defaultOptions, ...setting.options },
      filePath: path,
      file,
      settings: setup.settings,
      knownRuleIds,
      report(reported: ReportDescriptor) {
        const draft = reported.draft ?? (reported.range ? undefined : currentDraft);
        const index = draft?.index ?? null;
        shown ??= new Map();
        let tally = shown.get(index);
        if (!tally) shown.set(index, (tally = { count: 0, dropped: 0 }));
        if (tally.count >= MAX_PER_RULE_AND_DRAFT) {
          tally.dropped++;
          return;
        }
        tally.count++;
        const descriptor = checkedFix(reported, file.source.length, ruleId, diagnostics, toDiagnostic);
        const template = descriptor.message ?? (descriptor.messageId ? rule.meta.messages[descriptor.messageId] : undefined) ?? ruleId;
        const span = spanOf({ ...descriptor, ...(draft ? { draft } : {}) }, file);
        tally.last = toDiagnostic(ruleId, setting.severity, interpolate(template, descriptor.data), span, index, draft ? { ...descriptor, draft } : descriptor);
        diagnostics.push(tally.last);
      },
    };
    try {
      const visitors = rule.create(context);
      visitors.file?.(file);
      if (visitors.draft) {
        for (const draft of file.drafts) {
          if (!appliesTo(rule, draft)) continue;
          currentDraft = draft;
          visitors.draft(draft);
        }
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const at = currentDraft?.range ?? { start: 0, end: 0 };
      diagnostics.push(toDiagnostic(ruleId, 'error', `rule "${ruleId}" failed on ${path}: ${reason}`, { start: at.start, end: at.start }, currentDraft?.index ?? null));
    }
    for (const [index, tally] of shown ?? []) {
      if (tally.dropped === 0 || !tally.last) continue;
      const message = `${tally.dropped} more problems from this rule in this ${index === null ? 'file' : 'draft'} are not shown (dmlint shows ${MAX_PER_RULE_AND_DRAFT} for each rule and draft)`;
      diagnostics.push(toDiagnostic(ruleId, setting.severity, message, { start: tally.last.offset, end: tally.last.endOffset }, index));
    }
  }

  const { kept, unused } = applyControlComments(diagnostics, file.controlComments, file.lineStarts, knownRuleIds);
  if (setup.reportUnusedDisableDirectives) {
    for (const directive of unused) {
      const what = directive.ruleId ? `"${directive.ruleId}"` : 'any rule';
      kept.push(toDiagnostic('invalid-control-comment', 'error', `Unused dmlint-${directive.kind} comment: no problem from ${what} was reported here`, directive.range, null));
    }
  }
  kept.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset || compareText(a.ruleId, b.ruleId));
  addFingerprints(kept, file.source);

  const drafts: DraftSummary[] = file.drafts.map((draft) => summarise(draft, file, setup.settings));
  const errorCount = kept.filter((d) => d.severity === 'error').length;
  return {
    file,
    result: {
      path,
      drafts,
      diagnostics: kept,
      errorCount,
      warningCount: kept.length - errorCount,
      fixableCount: kept.filter((d) => d.fixable).length,
    },
  };
}

/**
 * A fingerprint from what a problem is, not where: rule, message (but for judgments), the flagged
 * text and how many times the same triple came before in the file. Editing other lines leaves it
 * unchanged.
 */
function addFingerprints(diagnostics: Diagnostic[], source: string): void {
  const seen = new Map<string, number>();
  for (const diagnostic of diagnostics) {
    const text = source.slice(diagnostic.offset, Math.min(diagnostic.endOffset, diagnostic.offset + 200)).replace(/\s+/g, ' ');
    // A judgment's message quotes evidence from the whole draft, which other lines can change.
    const what = diagnostic.score === undefined ? diagnostic.message : '';
    const key = `${diagnostic.ruleId}\u0000${what}\u0000${text}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    diagnostic.fingerprint = hash128(`${key}\u0000${occurrence}`);
  }
}

function summarise(draft: Draft, file: DraftFile, settings: RuleSettings): DraftSummary {
  return {
    index: draft.index,
    platform: draft.platform ?? null,
    kind: draft.kind ?? null,
    audience: draft.audience ?? null,
    locale: draft.locale,
    localeSource: draft.metadata.locale?.origin ?? 'detected',
    title: draft.title ?? null,
    line: positionAt(file.lineStarts, draft.range.start).line,
    endLine: positionAt(file.lineStarts, Math.max(draft.range.start, draft.range.end - 1)).line,
    length: measureDraft(draft, settings).length,
  };
}
