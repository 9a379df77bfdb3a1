/**
 * The edits behind "disable this rule for this line / for the file": a `dmlint-disable-next-line`
 * or `dmlint-disable` comment (docs/rules/invalid-control-comment.md), added to one already there
 * when it can be. Markdown decides where an HTML comment may stand without changing the message:
 * a comment line in the middle of a paragraph would split it in two. So each candidate place is
 * tried by parsing the edited text, and kept only if every draft reads exactly as before (text
 * and metadata) and the diagnostic is then silenced; when no place passes, no edit is offered.
 */
import { positionAt } from '../../draft/source.js';
import { applyControlComments } from '../../engine/suppress.js';
import type { ControlComment, Diagnostic, DraftFile } from '../../types.js';

export interface Insertion {
  /** Offset in the file text (byte-order mark removed). */
  offset: number;
  text: string;
}

export type DisableScope = 'line' | 'file';

const FRONTMATTER = /^---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

function lineEnd(source: string, lineStart: number): number {
  let end = lineStart;
  while (end < source.length && source[end] !== '\n' && source[end] !== '\r') end++;
  return end;
}

/** The line break the file uses: the first one in it, or "\n". */
function lineBreak(source: string): string {
  const at = source.search(/\r\n|\n|\r/);
  if (at < 0) return '\n';
  return source[at] === '\r' ? (source[at + 1] === '\n' ? '\r\n' : '\r') : '\n';
}

/** Adds `ruleId` after the last rule id a comment names, in the comment's own separator style. */
function addToComment(source: string, comment: ControlComment, ruleId: string): Insertion | undefined {
  const last = comment.rules.at(-1);
  if (!last) return undefined;
  const first = comment.rules[0]!;
  const commas = comment.rules.length > 1 && source.slice(first.range.end, comment.rules[1]!.range.start).includes(',');
  return { offset: last.range.end, text: `${commas ? ', ' : ' '}${ruleId}` };
}

function lineCandidates(file: DraftFile, diagnostic: Diagnostic): Insertion[] {
  const { source, lineStarts } = file;
  const line = diagnostic.line;
  const lineStart = lineStarts[line - 1]!;
  const comment = `<!-- dmlint-disable-next-line ${diagnostic.ruleId} -->`;
  const candidates: Insertion[] = [];
  // A disable-next-line comment already ending on the line above: add the rule to it.
  const above = file.controlComments.find((control) => control.kind === 'disable-next-line' && positionAt(lineStarts, control.range.end).line === line - 1);
  if (above) {
    const added = addToComment(source, above, diagnostic.ruleId);
    // Another comment of its own line would take its place as "the line above": only merging works.
    return added ? [added] : [];
  }
  // A line of its own above, indented as the flagged line is.
  const indent = /^[ \t]*/.exec(source.slice(lineStart, lineEnd(source, lineStart)))![0];
  candidates.push({ offset: lineStart, text: `${indent}${comment}${lineBreak(source)}` });
  // At the end of the line above, inside the paragraph, before a hard break's spaces or backslash.
  if (line > 1) {
    const previousStart = lineStarts[line - 2]!;
    let end = lineEnd(source, previousStart);
    while (end > previousStart && (source[end - 1] === ' ' || source[end - 1] === '\t')) end--;
    if (source[end - 1] === '\\') end--;
    if (end > previousStart) candidates.push({ offset: end, text: comment });
  }
  return candidates;
}

function fileCandidates(file: DraftFile, diagnostic: Diagnostic): Insertion[] {
  const { source } = file;
  const top = FRONTMATTER.exec(source)?.[0].length ?? 0;
  const firstDraft = Math.min(...file.drafts.map((draft) => draft.range.start), source.length);
  // A disable comment naming rules at the top of the file: add the rule to it.
  const existing = file.controlComments.find((control) => control.kind === 'disable' && control.rules.length > 0 && control.range.start < Math.max(firstDraft, top + 1));
  const candidates: Insertion[] = [];
  const added = existing && addToComment(source, existing, diagnostic.ruleId);
  if (added) candidates.push(added);
  const ending = top > 0 && !/[\r\n]$/.test(source.slice(0, top)) ? lineBreak(source) : '';
  candidates.push({ offset: top, text: `${ending}<!-- dmlint-disable ${diagnostic.ruleId} -->${lineBreak(source)}` });
  return candidates;
}

/** Each metadata key's value and where it came from (an edit must not move a key out of the frontmatter). */
const metadataOf = (draft: DraftFile['drafts'][number]) =>
  JSON.stringify(Object.entries(draft.metadata).map(([key, value]) => [key, value?.value, value?.origin]));

function sameDrafts(before: DraftFile, after: DraftFile): boolean {
  if (before.drafts.length !== after.drafts.length || before.metadataProblems.length !== after.metadataProblems.length) return false;
  return before.drafts.every((draft, index) => {
    const other = after.drafts[index]!;
    return draft.text === other.text && draft.title === other.title && metadataOf(draft) === metadataOf(other);
  });
}

/** Whether the edited text reads as before and silences the diagnostic. */
function works(file: DraftFile, insertion: Insertion, diagnostic: Diagnostic, reparse: (text: string) => DraftFile, knownRuleIds: ReadonlySet<string>): boolean {
  const text = file.source.slice(0, insertion.offset) + insertion.text + file.source.slice(insertion.offset);
  const after = reparse(text);
  if (!sameDrafts(file, after) || after.controlComments.length < file.controlComments.length) return false;
  const shift = insertion.offset <= diagnostic.offset ? insertion.text.length : 0;
  const offset = diagnostic.offset + shift;
  const moved: Diagnostic = { ...diagnostic, offset, endOffset: diagnostic.endOffset + shift, line: positionAt(after.lineStarts, offset).line };
  return applyControlComments([moved], after.controlComments, after.lineStarts, knownRuleIds).kept.length === 0;
}

/**
 * The insertion that disables `diagnostic`'s rule for its line or for the whole file, or
 * undefined when no comment can do it without changing a draft (a problem in the frontmatter,
 * say, which no comment can precede).
 */
export function disableEdit(
  file: DraftFile,
  diagnostic: Diagnostic,
  scope: DisableScope,
  reparse: (text: string) => DraftFile,
  knownRuleIds: ReadonlySet<string>,
): Insertion | undefined {
  const candidates = scope === 'line' ? lineCandidates(file, diagnostic) : fileCandidates(file, diagnostic);
  return candidates.find((insertion) => works(file, insertion, diagnostic, reparse, knownRuleIds));
}
