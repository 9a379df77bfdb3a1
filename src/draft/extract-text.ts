/**
 * The text the recipient receives, built from Markdown nodes: markup removed, blocks separated
 * by a blank line, list items on their own lines, `[label](url)` sent as `label url`. Headings,
 * HTML, images and definitions send nothing. Every unit of the text keeps its file offset.
 */
import type { Nodes, Parent, RootContent, PhrasingContent } from 'mdast';

const ENTITY = /^&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/i;
const LOOKAHEAD = 256;

export class TextBuilder {
  private readonly parts: string[] = [];
  private map: Int32Array;
  private size = 0;
  private tail = '';
  private beforeTail = '';

  /** `capacity`: how many units the text will likely hold (the span of file it comes from); it grows past that when needed. */
  constructor(
    private readonly source: string,
    private readonly definitions: Map<string, { url: string }>,
    capacity = 256,
  ) {
    this.map = new Int32Array(Math.max(16, capacity));
  }

  get length(): number {
    return this.size;
  }

  private reserve(extra: number): void {
    if (this.size + extra <= this.map.length) return;
    const grown = new Int32Array(Math.max(this.map.length * 2, this.size + extra));
    grown.set(this.map.subarray(0, this.size));
    this.map = grown;
  }

  private push(char: string, offset: number): void {
    this.reserve(1);
    this.parts.push(char);
    this.map[this.size++] = offset;
    this.beforeTail = this.tail;
    this.tail = char;
  }

  /** Appends `text` spelled verbatim in the file at `offset`. */
  private pushVerbatim(text: string, offset: number): void {
    if (text.length === 0) return;
    this.reserve(text.length);
    this.parts.push(text);
    for (let i = 0; i < text.length; i++) this.map[this.size++] = offset + i;
    this.beforeTail = text.length > 1 ? text[text.length - 2]! : this.tail;
    this.tail = text[text.length - 1]!;
  }

  /** Adds `text` that the recipient sees but the file does not spell, mapped to `offset`. */
  synthetic(text: string, offset: number): void {
    for (const char of text) for (let k = 0; k < char.length; k++) this.push(char[k]!, offset);
  }

  /** Starts a new block: a blank line (or a line break) unless the text is empty or already ends so. */
  separate(separator: '\n\n' | '\n', offset: number): void {
    if (this.size === 0) return;
    if (separator === '\n' ? this.tail === '\n' : this.beforeTail + this.tail === '\n\n') return;
    if (separator === '\n\n' && this.tail === '\n') this.push('\n', offset);
    else this.synthetic(separator, offset);
  }

  /**
   * Adds `value`, which the parser derived from the file between `from` and `to`, aligning each
   * character with the file character it came from (escapes, entities, container prefixes and
   * CRLF line endings make the two differ).
   */
  aligned(value: string, from: number, to: number): void {
    const source = this.source;
    // The common case: the file spells the value as is (no escape, entity or line prefix).
    if (!value.includes('\r') && source.startsWith(value, from)) {
      this.pushVerbatim(value, from);
      return;
    }
    let j = from;
    for (let i = 0; i < value.length; i++) {
      const char = value[i]!;
      if (char === '\r') {
        if (value[i + 1] !== '\n') this.push('\n', Math.min(j, to - 1));
        if (source[j] === '\r') j++;
        continue;
      }
      if (source[j] === char) {
        this.push(char, j++);
        continue;
      }
      if (source[j] === '&') {
        const entity = ENTITY.exec(source.slice(j, j + 40));
        if (entity) {
          this.push(char, j);
          // An entity may decode to two UTF-16 units (astral characters).
          if (i + 1 < value.length && char >= '\ud800' && char <= '\udbff') this.push(value[++i]!, j);
          j += entity[0].length;
          continue;
        }
      }
      const limit = Math.min(to, j + LOOKAHEAD);
      let found = -1;
      for (let k = j; k < limit; k++) {
        if (source[k] === char) {
          found = k;
          break;
        }
      }
      if (found >= 0) {
        this.push(char, found);
        j = found + 1;
      } else {
        this.push(char, Math.max(from, Math.min(j, to - 1)));
      }
    }
  }

  build(): { text: string; offsets: Int32Array } {
    return { text: this.parts.join(''), offsets: this.size === this.map.length ? this.map : this.map.slice(0, this.size) };
  }

  blocks(nodes: readonly RootContent[]): void {
    for (const node of nodes) this.block(node);
  }

  private block(node: RootContent): void {
    const start = node.position?.start.offset ?? 0;
    switch (node.type) {
      case 'paragraph':
        this.separate('\n\n', start);
        this.inline(node.children);
        return;
      case 'blockquote':
        this.blocks(node.children);
        return;
      case 'list': {
        this.separate('\n\n', start);
        let number = node.start ?? 1;
        for (const item of node.children) {
          this.separate('\n', item.position?.start.offset ?? start);
          this.synthetic(node.ordered ? `${number++}. ` : '- ', item.position?.start.offset ?? start);
          const [first, ...rest] = item.children;
          if (first?.type === 'paragraph') this.inline(first.children);
          else if (first) this.block(first);
          this.blocks(rest);
        }
        return;
      }
      case 'code':
        this.separate('\n\n', start);
        this.aligned(node.value, start, node.position?.end.offset ?? start);
        return;
      default:
        // heading, html, thematicBreak, definition, yaml: nothing the recipient receives
        return;
    }
  }

  private inline(nodes: readonly PhrasingContent[]): void {
    for (const node of nodes) {
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? start;
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          this.aligned(node.value, start, end);
          break;
        case 'break':
          this.synthetic('\n', start);
          break;
        case 'emphasis':
        case 'strong':
        case 'delete':
          this.inline(node.children);
          break;
        case 'link':
          this.link(node.children, node.url, start, end);
          break;
        case 'linkReference': {
          const definition = this.definitions.get(node.identifier.toLowerCase());
          this.link(node.children, definition?.url, start, end);
          break;
        }
        default:
          // html, image, imageReference, footnotes: not sent as text
          break;
      }
    }
  }

  /** A link is sent as its label then its URL, or just the URL when the label spells it. */
  private link(label: readonly PhrasingContent[], url: string | undefined, start: number, end: number): void {
    const before = this.parts.length;
    this.inline(label);
    if (!url) return;
    const labelText = this.parts.slice(before).join('');
    if (labelText === url || `mailto:${labelText}` === url) return;
    const inFile = this.source.indexOf(url, start);
    if (labelText.length > 0) this.synthetic(' ', inFile >= 0 && inFile < end ? inFile : end - 1);
    if (inFile >= 0 && inFile + url.length <= end) this.aligned(url, inFile, inFile + url.length);
    else this.synthetic(url, Math.max(start, end - 1));
  }
}

/** The text of a node and everything in it, in order (a loop: any depth). */
export function plainText(root: Nodes): string {
  const parts: string[] = [];
  const stack: Nodes[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if ('value' in node && typeof node.value === 'string' && node.type !== 'html') parts.push(node.value);
    else if ('children' in node) for (let i = (node as Parent).children.length - 1; i >= 0; i--) stack.push((node as Parent).children[i] as Nodes);
  }
  return parts.join('');
}
