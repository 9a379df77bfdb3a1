/** Offsets to 1-based line/column pairs. Columns count UTF-16 code units, as editors do. */

export function computeLineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (source.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export interface Position {
  line: number;
  column: number;
}

/** The index in `lineStarts` of the line that holds `offset`. */
function lineIndexAt(lineStarts: number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

export function positionAt(lineStarts: number[], offset: number): Position {
  const line = lineIndexAt(lineStarts, offset);
  return { line: line + 1, column: offset - lineStarts[line]! + 1 };
}

/** `positionAt` with the offset kept (moved by `shift`): a syntax tree's point, made in one object. */
export function pointAt(lineStarts: number[], offset: number, shift = 0): Position & { offset: number } {
  const line = lineIndexAt(lineStarts, offset);
  return { line: line + 1, column: offset - lineStarts[line]! + 1, offset: offset + shift };
}

/** The span from `offset` to the end of its line, line break excluded. */
export function restOfLine(source: string, offset: number): { start: number; end: number } {
  let end = offset;
  while (end < source.length && source[end] !== '\n' && source[end] !== '\r') end++;
  return { start: offset, end };
}
