/**
 * Most drafts are plain prose: YAML frontmatter, then paragraphs with no Markdown markup at all.
 * For them the syntax tree is known without running the Markdown parser, which is about half of
 * dmlint's time per file. `plainTree` builds that tree, node for node and position for position
 * what remark-parse with remark-frontmatter gives (test/plain-tree.test.ts compares the two on
 * generated text), and returns undefined as soon as anything could be markup: the parser then
 * reads the file as usual. The test for "plain" is deliberately strict.
 */
import type { Paragraph, Root, RootContent, Yaml } from 'mdast';

interface Point {
  line: number;
  column: number;
  offset: number;
}

// Characters that can start inline markup anywhere in a line: escapes, code, emphasis, links and
// images, HTML and autolinks. A tab, a carriage return and NUL change how the parser reads lines.
const INLINE_MARKUP = /[\\`*[\]<\t\r\0]/;
// An underscore is literal only between two letters or digits ("{{first_name}}").
const LOOSE_UNDERSCORE = /(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/;
// A character reference ("&amp;", "&#233;") is decoded by the parser; "Q&A" is not one.
const CHARACTER_REFERENCE = /&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/;
// Openings of block constructs: white space (indented code, continuation rules), headings,
// block quotes, list items and thematic breaks, setext underlines, fences, ordered lists.
const BLOCK_START = /^(?:[ #>\-+=_~]|\d{1,9}[.)])/;

function isPlainLine(line: string): boolean {
  return (
    !BLOCK_START.test(line) &&
    !INLINE_MARKUP.test(line) &&
    !line.endsWith(' ') &&
    !(line.includes('_') && LOOSE_UNDERSCORE.test(line)) &&
    !(line.includes('&') && CHARACTER_REFERENCE.test(line))
  );
}

/** The tree of a plain draft file, or undefined when the file needs the Markdown parser. */
export function plainTree(source: string): Root | undefined {
  // The parser drops a byte-order mark at the start (the draft reader has removed it already).
  if (source.charCodeAt(0) === 0xfeff) return undefined;
  const lines = source.split('\n');
  const children: RootContent[] = [];
  let index = 0;
  let offset = 0;
  const point = (lineIndex: number, column: number, at: number): Point => ({ line: lineIndex + 1, column, offset: at });

  if (lines[0] === '---') {
    let close = 1;
    while (close < lines.length && lines[close] !== '---') {
      // Anything that the frontmatter reader could take for its end, or not: let it decide.
      if (/^(?:---|\.\.\.)|[\r\0]/.test(lines[close]!)) return undefined;
      close++;
    }
    if (close >= lines.length) return undefined;
    const valueStart = 4;
    let end = valueStart;
    for (let i = 1; i < close; i++) end += lines[i]!.length + 1;
    const closeLineStart = end;
    const yaml: Yaml = {
      type: 'yaml',
      value: source.slice(valueStart, Math.max(valueStart, closeLineStart - 1)),
      position: { start: point(0, 1, 0), end: point(close, 4, closeLineStart + 3) },
    };
    children.push(yaml);
    index = close + 1;
    offset = closeLineStart + 4;
  } else if (lines[0]!.startsWith('---')) {
    return undefined;
  }

  while (index < lines.length) {
    const line = lines[index]!;
    if (line === '') {
      offset += 1;
      index++;
      continue;
    }
    const first = index;
    const start = offset;
    while (index < lines.length && lines[index] !== '') {
      if (!isPlainLine(lines[index]!)) return undefined;
      offset += lines[index]!.length + 1;
      index++;
    }
    const last = index - 1;
    const end = offset - 1;
    const position = { start: point(first, 1, start), end: point(last, lines[last]!.length + 1, end) };
    const paragraph: Paragraph = {
      type: 'paragraph',
      children: [{ type: 'text', value: source.slice(start, end), position: structuredPosition(position) }],
      position,
    };
    children.push(paragraph);
  }
  const lastLine = lines.length - 1;
  return {
    type: 'root',
    children,
    position: { start: point(0, 1, 0), end: point(lastLine, lines[lastLine]!.length + 1, source.length) },
  };
}

function structuredPosition(position: { start: Point; end: Point }): { start: Point; end: Point } {
  return { start: { ...position.start }, end: { ...position.end } };
}
