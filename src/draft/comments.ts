/** dmlint's HTML comments: `dmlint-draft` directives and disable/enable control comments. */
import type { ControlComment, ControlKind, SourceRange } from '../types.js';

export interface DirectiveComment {
  /** The attribute text between `dmlint-draft` and `-->`, and its file offset. */
  body: string;
  bodyStart: number;
  range: SourceRange;
  terminated: boolean;
}

const DIRECTIVE = /^<!--\s*dmlint-draft(?=\s|-->|$)/;

/** Reads a `dmlint-draft` directive from an HTML node's value, or returns undefined. */
export function readDirective(html: string, start: number): DirectiveComment | undefined {
  const head = DIRECTIVE.exec(html);
  if (!head) return undefined;
  const close = html.indexOf('-->', head[0].length);
  const bodyEnd = close < 0 ? html.length : close;
  return {
    body: html.slice(head[0].length, bodyEnd),
    bodyStart: start + head[0].length,
    range: { start, end: start + (close < 0 ? html.length : close + 3) },
    terminated: close >= 0,
  };
}

const CONTROL = /<!--\s*dmlint-(disable-next-line|disable|enable)(?=\s|-->)([\s\S]*?)-->/g;
const RULE_ID = /[^\s,]+/g;

/** Finds control comments in an HTML node's value standing at file offset `start`. */
export function readControlComments(html: string, start: number): ControlComment[] {
  if (!html.includes('dmlint-')) return [];
  const found: ControlComment[] = [];
  for (const match of html.matchAll(CONTROL)) {
    let list = match[2]!;
    // Everything after " -- " is a free-text reason, as in ESLint.
    const reason = list.search(/\s--\s|\s--$/);
    if (reason >= 0) list = list.slice(0, reason);
    const listStart = start + match.index + match[0].length - 3 - match[2]!.length;
    const rules = [...list.matchAll(RULE_ID)].map((id) => ({
      id: id[0],
      range: { start: listStart + id.index, end: listStart + id.index + id[0].length },
    }));
    found.push({
      kind: match[1] as ControlKind,
      rules,
      range: { start: start + match.index, end: start + match.index + match[0].length },
    });
  }
  return found;
}
