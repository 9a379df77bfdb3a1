/**
 * Most drafts are simple Markdown: YAML frontmatter, one-line HTML comments (the dmlint
 * directives), ATX headings, and paragraphs of prose with at most plain inline links. For them
 * the syntax tree is known without running the Markdown parser, which is about half of dmlint's
 * time per file. `plainTree` builds that tree, node for node and position for position what
 * remark-parse with remark-frontmatter gives (test/plain-tree.test.ts compares the two on
 * generated text and on every shipped draft), and returns undefined as soon as anything could
 * be other markup: the parser then reads the file as usual. The test for "simple" is strict.
 */
import type { Heading, Html, Link, Paragraph, PhrasingContent, Root, RootContent, Text, Yaml } from 'mdast';
import { pointAt } from './source.js';

interface Point {
  line: number;
  column: number;
  offset: number;
}
type Position = { start: Point; end: Point };

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
// `[label](destination)` with a label of plain words and a destination of URL characters.
const LINK = /(?<!!)\[([^\s[\]\\`*<>&_!](?:[^[\]\\`*<>&_!\n]*[^\s[\]\\`*<>&_!])?)\]\(([A-Za-z0-9\-._~:/?#@$+,;=%]+)\)/g;
// A comment alone on its line: an HTML block that ends on the line it starts.
const COMMENT_LINE = /^<!--(?:(?!-->|<!--).)*-->$/;
// An ATX heading whose text is plain and has no closing sequence.
const HEADING_LINE = /^(#{1,6}) ([^\s#](?:.*[^\s#])?)$/;

/** Whether inline text (a line, or a heading's text) is plain once its links are taken out. */
function isPlainInline(text: string): boolean {
  const rest = text.includes('[') ? text.replace(LINK, 'x') : text;
  return (
    !INLINE_MARKUP.test(rest) &&
    !rest.endsWith(' ') &&
    !(rest.includes('_') && LOOSE_UNDERSCORE.test(rest)) &&
    !(rest.includes('&') && CHARACTER_REFERENCE.test(rest))
  );
}

/**
 * The tree of a simple draft file, or undefined when the file needs the Markdown parser. With
 * `base`, the text is a piece of a file that starts there, and offsets are the file's.
 */
export function plainTree(source: string, base = 0): Root | undefined {
  // The parser drops a byte-order mark at the start (the draft reader has removed it already).
  if (source.charCodeAt(0) === 0xfeff) return undefined;
  // CR line endings are the parser's business; without them lines split on LF alone.
  if (source.includes('\r')) return undefined;
  const lines = source.split('\n');
  const lineStarts = new Array<number>(lines.length);
  for (let i = 0, start = 0; i < lines.length; start += lines[i]!.length + 1, i++) lineStarts[i] = start;
  const point = (offset: number): Point => pointAt(lineStarts, offset, base);
  const span = (start: number, end: number): Position => ({ start: point(start), end: point(end) });
  const children: RootContent[] = [];
  let index = 0;

  if (lines[0] === '---') {
    let close = 1;
    while (close < lines.length && lines[close] !== '---') {
      // Anything that the frontmatter reader could take for its end, or not: let it decide.
      if (/^(?:---|\.\.\.)|[\r\0]/.test(lines[close]!)) return undefined;
      close++;
    }
    if (close >= lines.length) return undefined;
    const closeStart = lineStarts[close]!;
    const yaml: Yaml = { type: 'yaml', value: source.slice(4, Math.max(4, closeStart - 1)), position: span(0, closeStart + 3) };
    children.push(yaml);
    index = close + 1;
  } else if (lines[0]!.startsWith('---')) {
    return undefined;
  }

  while (index < lines.length) {
    const line = lines[index]!;
    const start = lineStarts[index]!;
    if (line === '') {
      index++;
      continue;
    }
    if (COMMENT_LINE.test(line) && !/[\t\r\0]/.test(line)) {
      const html: Html = { type: 'html', value: line, position: span(start, start + line.length) };
      children.push(html);
      index++;
      continue;
    }
    const heading = HEADING_LINE.exec(line);
    if (heading) {
      const depth = heading[1]!.length;
      const text = heading[2]!;
      if (!isPlainInline(text) || text.includes('[')) return undefined;
      const textStart = start + depth + 1;
      const node: Heading = {
        type: 'heading',
        depth: depth as Heading['depth'],
        children: [{ type: 'text', value: text, position: span(textStart, textStart + text.length) }],
        position: span(start, start + line.length),
      };
      children.push(node);
      index++;
      continue;
    }
    // A paragraph: lines up to a blank line, a comment line or a heading, which interrupt it.
    const first = index;
    let trailing = 0;
    let innerSpaces = false;
    while (index < lines.length) {
      const current = lines[index]!;
      if (current === '' || (index > first && (COMMENT_LINE.test(current) || HEADING_LINE.test(current)))) break;
      // One space ending an inner line is dropped from the text; two or more make a hard break.
      if (trailing > 1) return undefined;
      innerSpaces ||= trailing === 1;
      // A comment line with a tab or CR in it would be read differently: leave it to the parser.
      if (COMMENT_LINE.test(current)) return undefined;
      const content = current.replace(/ +$/, '');
      trailing = current.length - content.length;
      if (BLOCK_START.test(current) || !isPlainInline(content)) return undefined;
      index++;
    }
    // The paragraph spans its final spaces; its text stops before them.
    const end = lineStarts[index - 1]! + lines[index - 1]!.length;
    const textEnd = end - trailing;
    let inline: PhrasingContent[];
    if (!innerSpaces) {
      inline = inlineNodes(source, start, textEnd, span);
    } else if (source.slice(start, textEnd).includes('[')) {
      return undefined;
    } else {
      inline = [{ type: 'text', value: source.slice(start, textEnd).replace(/ \n/g, '\n'), position: span(start, textEnd) }];
    }
    const paragraph: Paragraph = { type: 'paragraph', children: inline, position: span(start, end) };
    children.push(paragraph);
  }
  const lastLine = lines.length - 1;
  return { type: 'root', children, position: span(0, lineStarts[lastLine]! + lines[lastLine]!.length) };
}

/** Text and links of a paragraph that spans [start, end) of the source. */
function inlineNodes(source: string, start: number, end: number, span: (start: number, end: number) => Position): PhrasingContent[] {
  const content = source.slice(start, end);
  const nodes: PhrasingContent[] = [];
  let cursor = 0;
  const text = (from: number, to: number) => {
    if (to > from) nodes.push({ type: 'text', value: content.slice(from, to), position: span(start + from, start + to) } satisfies Text);
  };
  if (content.includes('[')) {
    for (const match of content.matchAll(LINK)) {
      const at = match.index;
      text(cursor, at);
      const label = match[1]!;
      const link: Link = {
        type: 'link',
        title: null,
        url: match[2]!,
        children: [{ type: 'text', value: label, position: span(start + at + 1, start + at + 1 + label.length) }],
        position: span(start + at, start + at + match[0].length),
      };
      nodes.push(link);
      cursor = at + match[0].length;
    }
  }
  text(cursor, content.length);
  return nodes;
}
