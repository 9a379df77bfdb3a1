/**
 * Applies `dmlint-disable`, `dmlint-enable` and `dmlint-disable-next-line` comments to
 * diagnostics, and tells which disable comments (or which rule ids in them) silenced nothing.
 */
import { positionAt } from '../draft/source.js';
import type { ControlComment, Diagnostic, SourceRange } from '../types.js';

/** Who silences a rule at a point: the comment, and the rule id entry in it (none: "all rules"). */
interface Silencer {
  comment: ControlComment;
  entry?: ControlComment['rules'][number];
}

interface State {
  /** A disable-all comment in force, if any. */
  all?: ControlComment;
  /** With `all`: rules enabled again. Without: rules disabled, each by its comment entry. */
  rules: Map<string, Silencer | true>;
}

function apply(state: State, comment: ControlComment): void {
  if (comment.kind === 'disable') {
    if (comment.rules.length === 0) Object.assign(state, { all: comment, rules: new Map() });
    else for (const entry of comment.rules) state.all ? state.rules.delete(entry.id) : state.rules.set(entry.id, { comment, entry });
  } else if (comment.kind === 'enable') {
    if (comment.rules.length === 0) Object.assign(state, { all: undefined, rules: new Map() });
    else for (const entry of comment.rules) state.all ? state.rules.set(entry.id, true) : state.rules.delete(entry.id);
  }
}

function silencerOf(diagnostic: Diagnostic, comments: ControlComment[], lineStarts: number[]): Silencer | undefined {
  const state: State = { rules: new Map() };
  for (const comment of comments) {
    if (comment.kind === 'disable-next-line') {
      const line = positionAt(lineStarts, comment.range.end).line + 1;
      if (diagnostic.line !== line) continue;
      if (comment.rules.length === 0) return { comment };
      const entry = comment.rules.find((rule) => rule.id === diagnostic.ruleId);
      if (entry) return { comment, entry };
      continue;
    }
    if (comment.range.start < diagnostic.offset) apply(state, comment);
  }
  if (state.all) return state.rules.has(diagnostic.ruleId) ? undefined : { comment: state.all };
  const silencer = state.rules.get(diagnostic.ruleId);
  return silencer === true ? undefined : silencer;
}

export interface UnusedDirective {
  /** The rule id that silenced nothing, or undefined for a comment naming no rule. */
  ruleId?: string;
  kind: ControlComment['kind'];
  range: SourceRange;
}

export function applyControlComments(
  diagnostics: Diagnostic[],
  comments: ControlComment[],
  lineStarts: number[],
  knownRuleIds: ReadonlySet<string>,
): { kept: Diagnostic[]; unused: UnusedDirective[] } {
  if (comments.length === 0) return { kept: diagnostics, unused: [] };
  const used = new Set<object>();
  const kept = diagnostics.filter((diagnostic) => {
    const silencer = silencerOf(diagnostic, comments, lineStarts);
    if (!silencer) return true;
    used.add(silencer.entry ?? silencer.comment);
    return false;
  });
  const unused: UnusedDirective[] = [];
  for (const comment of comments) {
    if (comment.kind === 'enable') continue;
    if (comment.rules.length === 0) {
      if (!used.has(comment)) unused.push({ kind: comment.kind, range: comment.range });
      continue;
    }
    // Unknown ids are reported as unknown already.
    for (const entry of comment.rules) {
      if (!used.has(entry) && knownRuleIds.has(entry.id)) unused.push({ ruleId: entry.id, kind: comment.kind, range: entry.range });
    }
  }
  return { kept, unused };
}
