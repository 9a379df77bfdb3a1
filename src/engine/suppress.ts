/** Applies `dmlint-disable`, `dmlint-enable` and `dmlint-disable-next-line` comments to diagnostics. */
import { positionAt } from '../draft/source.js';
import type { ControlComment, Diagnostic } from '../types.js';

interface State {
  all: boolean;
  /** With `all`: rules enabled again. Without: rules disabled. */
  rules: Set<string>;
}

function apply(state: State, comment: ControlComment): void {
  const ids = comment.rules.map((rule) => rule.id);
  if (comment.kind === 'disable') {
    if (ids.length === 0) Object.assign(state, { all: true, rules: new Set() });
    else if (state.all) ids.forEach((id) => state.rules.delete(id));
    else ids.forEach((id) => state.rules.add(id));
  } else if (comment.kind === 'enable') {
    if (ids.length === 0) Object.assign(state, { all: false, rules: new Set() });
    else if (state.all) ids.forEach((id) => state.rules.add(id));
    else ids.forEach((id) => state.rules.delete(id));
  }
}

export function isSuppressed(diagnostic: Diagnostic, comments: ControlComment[], lineStarts: number[]): boolean {
  const state: State = { all: false, rules: new Set() };
  for (const comment of comments) {
    if (comment.kind === 'disable-next-line') {
      const line = positionAt(lineStarts, comment.range.end).line + 1;
      const named = comment.rules.length === 0 || comment.rules.some((rule) => rule.id === diagnostic.ruleId);
      if (named && diagnostic.line === line) return true;
      continue;
    }
    if (comment.range.start < diagnostic.offset) apply(state, comment);
  }
  return state.all ? !state.rules.has(diagnostic.ruleId) : state.rules.has(diagnostic.ruleId);
}
