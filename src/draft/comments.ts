/** dmlint's HTML comments: `dmlint-draft` directives and disable/enable control comments. */
import { editDistance } from '../text/closest.js';
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

/** The names dmlint reads in comments. */
export const COMMENT_NAMES = ['dmlint-draft', 'dmlint-disable', 'dmlint-enable', 'dmlint-disable-next-line'] as const;

/** Names other linters use, and what dmlint calls them. */
const OTHER_LINTERS: Record<string, string> = { 'dmlint-disable-line': 'dmlint-disable-next-line' };

export interface StrayComment {
  /** The name as written, separators included ("dmlint-disabel", "dmlint disable"). */
  name: string;
  /** The known name it is nearest to, if it is near one. */
  suggestion?: (typeof COMMENT_NAMES)[number];
  range: SourceRange;
}

// "dmlint" then, joined by "-", "_", ":" or spaces, up to three words: "dmlint-disabel", "dmlint disable next-line".
const STRAY = /<!--\s*(dmlint(?:(?:[-_:]|[ \t]+)[A-Za-z]+(?:-[A-Za-z]+)*){0,3})/gi;

/**
 * Comments that look like dmlint's but are not (`dmlint-drafts`, `dmlint-disabel`): they would do
 * nothing, in silence. A `dmlint-` name is always returned; other spellings only when near a
 * known name, so a comment that merely mentions dmlint is left alone.
 */
export function readStrayComments(html: string, start: number): StrayComment[] {
  if (!/dmlint/i.test(html)) return [];
  const found: StrayComment[] = [];
  for (const match of html.matchAll(STRAY)) {
    const written = match[1]!;
    const at = match.index + match[0].length - written.length;
    if (KNOWN_COMMENT.test(html.slice(at)) || (COMMENT_NAMES as readonly string[]).includes(written)) continue;
    const near = nearestName(written);
    if (!near && !/^dmlint-/i.test(written)) continue;
    // The name alone: the words that make the slip, or the first word ("dmlint-foo" of "dmlint-foo bar").
    const name = near?.name ?? written.split(/\s/)[0]!;
    found.push({ name, ...(near ? { suggestion: near.suggestion } : {}), range: { start: start + at, end: start + at + name.length } });
  }
  return found;
}

const KNOWN_COMMENT = /^dmlint-(?:disable-next-line|disable|enable|draft)(?=\s|-->|$)/;

/** The known name `written` is a slip of: its first words, one or two edits away (case ignored). */
function nearestName(written: string): { name: string; suggestion: NonNullable<StrayComment['suggestion']> } | undefined {
  // Each word with the separator before it, so the first `count` of them rebuild the text as written.
  const pieces = written.match(/(?:^|[-_:\s]+)[^-_:\s]+/g) ?? [];
  for (let count = pieces.length; count >= 2; count--) {
    const name = pieces.slice(0, count).join('');
    const joined = name.toLowerCase().replace(/[-_:\s]+/g, '-');
    if (Object.hasOwn(OTHER_LINTERS, joined)) return { name, suggestion: OTHER_LINTERS[joined] as NonNullable<StrayComment['suggestion']> };
    let best: StrayComment['suggestion'];
    let bestScore = Infinity;
    for (const known of COMMENT_NAMES) {
      // A known name cut short ("dmlint-disable-next") is a slip of it too.
      const score = known.startsWith(joined) && known !== joined ? 1 : editDistance(joined, known);
      if (score < bestScore) [best, bestScore] = [known, score];
    }
    if (best && bestScore <= 2 && best !== name) return { name, suggestion: best };
  }
  return undefined;
}
