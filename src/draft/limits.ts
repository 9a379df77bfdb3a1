/**
 * What dmlint reads of one piece of a draft file (a draft, or the whole file when it has no
 * directives) before it goes to the Markdown parser. The parser's time grows faster than the
 * text on some shapes a message never has: quotes and lists nested thousands deep, or one
 * paragraph made of thousands of emphasis markers, backticks or brackets (measured in
 * docs/security.md: 10,000 asterisks took 7 s, 25,000 took minutes). A piece past these limits is
 * not parsed: it is reported by the `skipped-draft` rule and the rest of the file and the run go on.
 * The scan is one pass over the text, run only on pieces the parser would read.
 */

/** Quotes and lists inside each other: messages use a handful; 100 leaves room for any document. */
export const MAX_NESTING = 100;
/** `*` and `_` in one paragraph (blank line to blank line): 2,000 parse in about half a second at worst. */
export const MAX_EMPHASIS_MARKS = 2000;
/** Backticks, brackets and `<` in one paragraph. */
export const MAX_INLINE_MARKS = 20000;
/** Characters in one piece: a message is at most a few thousand; 4 million lint in about a second. */
export const MAX_PIECE_LENGTH = 4_000_000;

const format = (count: number) => count.toLocaleString('en-US');

export interface LimitExceeded {
  message: string;
  /** Offset in the piece of the line where the limit is passed (the piece's start for its size). */
  at: number;
}

/** Why the piece cannot be read within the limits, or undefined when it can. */
export function exceedsLimits(text: string): LimitExceeded | undefined {
  if (text.length > MAX_PIECE_LENGTH) {
    return { message: `draft too large (${format(text.length)} characters; dmlint reads up to ${format(MAX_PIECE_LENGTH)} in one draft), skipped`, at: 0 };
  }
  let deepest = 0;
  let emphasis = 0;
  let inline = 0;
  let worstEmphasis = 0;
  let worstInline = 0;
  // Where each limit is first passed: the line that passes it.
  let deepAt = -1;
  let emphasisAt = -1;
  let inlineAt = -1;
  const length = text.length;
  for (let lineStart = 0; lineStart < length; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = length;
    // Container markers at the start of the line: ">" and list bullets or numbers, with the
    // indentation that nests lists (two columns a level).
    let depth = 0;
    let i = lineStart;
    let blank = true;
    while (i < lineEnd) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9) {
        i++;
        continue;
      }
      blank = false;
      if (c === 62 /* > */) {
        depth++;
        i++;
      } else if ((c === 45 || c === 42 || c === 43) /* - * + */ && (i + 1 === lineEnd || text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) {
        depth++;
        i += 2;
      } else {
        let digits = i;
        while (digits < lineEnd && digits - i < 9 && text.charCodeAt(digits) >= 48 && text.charCodeAt(digits) <= 57) digits++;
        const after = text.charCodeAt(digits);
        if (digits > i && (after === 46 || after === 41) /* . ) */ && (digits + 1 === lineEnd || text.charCodeAt(digits + 1) === 32)) {
          depth++;
          i = digits + 2;
        } else {
          break;
        }
      }
    }
    const indentation = indentWidth(text, lineStart, lineEnd);
    const level = depth + (indentation >> 1);
    if (level > deepest) {
      deepest = level;
      if (deepAt < 0 && level > MAX_NESTING) deepAt = lineStart;
    }
    if (blank) {
      emphasis = 0;
      inline = 0;
    } else {
      for (let k = lineStart; k < lineEnd; k++) {
        const c = text.charCodeAt(k);
        if (c === 42 || c === 95) emphasis++;
        else if (c === 96 || c === 91 || c === 93 || c === 60) inline++;
      }
      if (emphasis > worstEmphasis) {
        worstEmphasis = emphasis;
        if (emphasisAt < 0 && emphasis > MAX_EMPHASIS_MARKS) emphasisAt = lineStart;
      }
      if (inline > worstInline) {
        worstInline = inline;
        if (inlineAt < 0 && inline > MAX_INLINE_MARKS) inlineAt = lineStart;
      }
    }
    lineStart = lineEnd + 1;
  }
  if (deepAt >= 0) {
    return { message: `draft too deeply nested (${format(deepest)} levels of quotes, lists or indentation; dmlint reads up to ${MAX_NESTING}), skipped`, at: deepAt };
  }
  if (emphasisAt >= 0) {
    return { message: `draft has too much inline markup (${format(worstEmphasis)} "*" and "_" in one paragraph; dmlint reads up to ${format(MAX_EMPHASIS_MARKS)}), skipped`, at: emphasisAt };
  }
  if (inlineAt >= 0) {
    return { message: `draft has too much inline markup (${format(worstInline)} backticks, brackets and "<" in one paragraph; dmlint reads up to ${format(MAX_INLINE_MARKS)}), skipped`, at: inlineAt };
  }
  return undefined;
}

/** Columns of white space that open a line (a tab to the next multiple of four). */
function indentWidth(text: string, start: number, end: number): number {
  let width = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) width++;
    else if (c === 9) width += 4 - (width % 4);
    else break;
  }
  return width;
}
