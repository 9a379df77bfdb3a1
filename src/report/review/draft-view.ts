/**
 * A draft as the review report shows it: the text the recipient receives, cut into pieces at the
 * edges of every flagged span, each piece knowing which problems flag it. The drafts' texts and
 * their maps into the file come with the results of a run that keeps them (`keepSource`).
 */
import type { Diagnostic, DraftSummary, DraftText, FileResult, SourceRange } from '../../types.js';

/** What judgment rules add to a diagnostic (score, evidence); absent elsewhere. */
export interface Judgment {
  score?: number;
  evidence?: { text: string; line: number; column: number; endLine: number; endColumn: number }[];
}

export type ViewedDiagnostic = Diagnostic & Judgment;

/** A run of the text with the problems that flag it (by index in DraftView.problems). */
export interface Piece {
  text: string;
  flagged: number[];
  /** Problems whose evidence this is (judgment rules). */
  evidence: number[];
  /** Problems whose span ends with this piece: their reference marks follow it. */
  ends: number[];
}

export interface ViewedProblem {
  diagnostic: ViewedDiagnostic;
  /** Where it shows: in the text, on the subject line, or about the draft (or file) as a whole. */
  place: 'text' | 'subject' | 'draft' | 'file';
}

export interface DraftView {
  summary: DraftSummary | undefined;
  /** False when the result carries no texts (a run that did not keep them). */
  textKnown: boolean;
  /** Draft index in the file, or null for a file that has no draft. */
  index: number | null;
  subject?: string;
  subjectFlagged: number[];
  pieces: Piece[];
  problems: ViewedProblem[];
}

/** The drafts of one file's result, with every diagnostic placed in its draft's text where it can be. */
export function viewDrafts(result: FileResult): DraftView[] {
  const texts = result.texts;
  const lineStarts = result.source === undefined ? [] : lineStartsOf(result.source);
  const textKnown = texts !== undefined;
  const views: DraftView[] = result.drafts.map((summary) => ({ summary, index: summary.index, textKnown, subjectFlagged: [], pieces: [], problems: [] }));
  if (views.length === 0) views.push({ summary: undefined, index: null, textKnown, subjectFlagged: [], pieces: [], problems: [] });
  const byIndex = new Map(views.map((view) => [view.index, view]));
  const draftOf = new Map(views.map((view) => [view, view.index === null ? undefined : texts?.find((d) => d.index === view.index)]));

  const spans = new Map<DraftView, { problem: number; start: number; end: number; evidence: boolean }[]>();
  for (const diagnostic of result.diagnostics as ViewedDiagnostic[]) {
    const view = (diagnostic.draft === null ? undefined : byIndex.get(diagnostic.draft)) ?? views[0]!;
    const draft = draftOf.get(view);
    const problem = view.problems.length;
    const list = spans.get(view) ?? [];
    spans.set(view, list);
    const inText = draft ? textSpan(draft, diagnostic.offset, diagnostic.endOffset) : undefined;
    let place: ViewedProblem['place'] = diagnostic.draft === null ? 'file' : 'draft';
    if (inText) {
      place = 'text';
      list.push({ problem, ...inText, evidence: false });
    } else if (draft && overlaps(draft.subjectRange, diagnostic)) {
      place = 'subject';
      view.subjectFlagged.push(problem);
    }
    for (const evidence of diagnostic.evidence ?? []) {
      const start = offsetAt(lineStarts, evidence.line, evidence.column);
      const end = offsetAt(lineStarts, evidence.endLine, evidence.endColumn);
      const span = draft && start !== undefined && end !== undefined ? textSpan(draft, start, end) : undefined;
      if (span) list.push({ problem, ...span, evidence: true });
    }
    view.problems.push({ diagnostic, place });
  }

  for (const view of views) {
    const draft = draftOf.get(view);
    if (draft?.subject !== undefined) view.subject = draft.subject;
    view.pieces = draft ? cut(draft.text, spans.get(view) ?? []) : [];
  }
  return views;
}

/** Offset of the start of each line (after \n, \r\n or a lone \r), as the linter counts lines. */
function lineStartsOf(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 13 && source.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

const overlaps = (range: SourceRange | undefined, d: Diagnostic) => range !== undefined && d.offset < Math.max(range.end, range.start + 1) && d.endOffset > range.start;

/** File offset of a 1-based line and column. */
function offsetAt(lineStarts: number[], line: number, column: number): number | undefined {
  const start = lineStarts[line - 1];
  return start === undefined ? undefined : start + column - 1;
}

/** The span of the draft's text whose characters come from file offsets [start, end). */
function textSpan(draft: DraftText, start: number, end: number): { start: number; end: number } | undefined {
  let first = -1;
  let last = -1;
  const { offsets } = draft;
  for (let i = 0; i < draft.text.length; i++) {
    const at = offsets[i]!;
    if (at >= start && at < Math.max(end, start + 1)) {
      if (first < 0) first = i;
      last = i;
    }
  }
  return first < 0 ? undefined : { start: first, end: last + 1 };
}

/** The text cut at every span edge; each piece lists the problems covering it. */
function cut(text: string, spans: { problem: number; start: number; end: number; evidence: boolean }[]): Piece[] {
  const edges = new Set([0, text.length]);
  for (const span of spans) edges.add(span.start).add(span.end);
  const points = [...edges].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const from = points[k]!;
    const to = points[k + 1]!;
    const covering = spans.filter((span) => span.start <= from && span.end >= to);
    pieces.push({
      text: text.slice(from, to),
      flagged: unique(covering.filter((s) => !s.evidence).map((s) => s.problem)),
      evidence: unique(covering.filter((s) => s.evidence).map((s) => s.problem)),
      ends: unique(spans.filter((s) => !s.evidence && s.end === to).map((s) => s.problem)),
    });
  }
  return pieces;
}

const unique = (values: number[]) => [...new Set(values)].sort((a, b) => a - b);
