/**
 * Large files are parsed draft by draft: the file is cut before each `dmlint-draft` directive
 * line (outside code fences and open HTML comments), each piece is parsed on its own, and its
 * positions are shifted back into the file. Parser time stays linear and memory is bounded by
 * the largest draft, not the file.
 */
import type { Nodes } from 'mdast';

const DIRECTIVE_LINE = /^<!--\s*dmlint-draft(?:\s|-->|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Offsets where pieces start: 0, then each directive line that can safely start one. */
export function pieceStarts(source: string): number[] {
  const starts = [0];
  if (!source.includes('dmlint-draft')) return starts;
  let fence: string | undefined;
  let inComment = false;
  for (let lineStart = 0; lineStart < source.length; ) {
    let lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = source.length;
    const line = source.slice(lineStart, lineEnd);
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
    } else if (inComment) {
      if (line.includes('-->')) inComment = false;
    } else if (marker) {
      fence = marker;
    } else if (line.startsWith('<!--')) {
      if (lineStart > 0 && DIRECTIVE_LINE.test(line)) starts.push(lineStart);
      if (!line.includes('-->', 4)) inComment = true;
    }
    lineStart = lineEnd + 1;
  }
  return starts;
}

/** Moves every position of a piece's tree by `base`, into file offsets (a loop: any depth). */
export function shiftOffsets(root: Nodes, base: number): void {
  if (base === 0) return;
  const stack: Nodes[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const position = node.position;
    if (position) {
      if (position.start.offset !== undefined) position.start.offset += base;
      if (position.end.offset !== undefined) position.end.offset += base;
    }
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
  }
}

/**
 * Whether the file defines link references (`[id]: url`). The parser resolves `[label][id]` only
 * against definitions in the same document, so such a file is parsed whole.
 */
export function hasReferenceDefinitions(source: string): boolean {
  return source.includes(']:') && /^ {0,3}\[[^\]\n]+\]:/m.test(source);
}
