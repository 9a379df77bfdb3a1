/**
 * Folding for phrase matching: lower case, accents removed, dashes and runs of white space
 * turned into one space, curly apostrophes made straight. Every folded unit keeps the offset of
 * the original character it came from, so a match maps back to the exact source span.
 */

export interface FoldedText {
  text: string;
  /** Offset in the original text of each folded UTF-16 unit. */
  toOriginal: Int32Array;
}

const SPECIAL: Record<string, string> = {
  '\u2019': "'",
  '\u2018': "'",
  '\u02bc': "'",
  '\u00b4': "'",
  '\u0153': 'oe',
  '\u0152': 'oe',
  '\u00e6': 'ae',
  '\u00c6': 'ae',
  '\u00df': 'ss',
};
const DASH_OR_SPACE = /[\s\u2010-\u2015\u2212-]/u;
const COMBINING = /\p{M}/gu;
const cache = new Map<string, string>();

function foldChar(char: string): string {
  const cached = cache.get(char);
  if (cached !== undefined) return cached;
  let folded: string;
  if (SPECIAL[char] !== undefined) folded = SPECIAL[char]!;
  else if (DASH_OR_SPACE.test(char)) folded = ' ';
  else folded = char.normalize('NFD').replace(COMBINING, '').toLowerCase();
  if (cache.size < 4096) cache.set(char, folded);
  return folded;
}

// Several rules fold the same draft text in turn: keep the last result (treat it as read-only).
let lastText: string | undefined;
let lastFolded: FoldedText | undefined;

export function fold(text: string): FoldedText {
  if (text === lastText && lastFolded) return lastFolded;
  const folded = foldUncached(text);
  lastText = text;
  lastFolded = folded;
  return folded;
}

function foldUncached(text: string): FoldedText {
  let out = '';
  // Folding rarely lengthens text (œ → oe, ß → ss): start at its length and grow when it does.
  let map = new Int32Array(text.length + 16);
  let length = 0;
  let lastWasSpace = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let piece: string;
    let width = 1;
    if (code < 128) {
      if (code === 32 || code === 9 || code === 10 || code === 13 || code === 45) piece = ' ';
      else piece = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i]!;
    } else {
      const point = text.codePointAt(i)!;
      width = point > 0xffff ? 2 : 1;
      piece = foldChar(String.fromCodePoint(point));
    }
    if (piece === ' ') {
      if (!lastWasSpace) {
        out += ' ';
        map[length++] = i;
        lastWasSpace = true;
      }
    } else if (piece.length > 0) {
      if (length + piece.length > map.length) {
        const grown = new Int32Array(map.length * 2);
        grown.set(map);
        map = grown;
      }
      out += piece;
      for (let k = 0; k < piece.length; k++) map[length++] = i;
      lastWasSpace = false;
    }
    i += width - 1;
  }
  return { text: out, toOriginal: map.subarray(0, length) };
}

/**
 * Folds a phrase from a list or config the same way as the text it is matched against. It leaves
 * `fold`'s last result alone: that is the draft text the next rule folds again.
 */
export function foldPhrase(phrase: string): string {
  return foldUncached(phrase).text.trim();
}
