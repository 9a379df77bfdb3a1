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

// The folded form of each character met, by code point (no string is made to look one up).
const foldedByCode = new Map<number, string>();

function foldCode(point: number): string {
  const folded = foldChar(String.fromCodePoint(point));
  if (foldedByCode.size < 4096) foldedByCode.set(point, folded);
  return folded;
}

// Several rules fold the same draft text in turn, and some alternate between two or three texts
// (a body and its subject, a text and the same with phrases blanked): keep the last few results
// (treat them as read-only).
const RECENT = 4;
const recentTexts: (string | undefined)[] = new Array(RECENT);
const recentFolded: (FoldedText | undefined)[] = new Array(RECENT);
let next = 0;

export function fold(text: string): FoldedText {
  for (let i = 0; i < RECENT; i++) if (recentTexts[i] === text) return recentFolded[i]!;
  const folded = foldUncached(text);
  recentTexts[next] = text;
  recentFolded[next] = folded;
  next = (next + 1) % RECENT;
  return folded;
}

// Folded units are collected as char codes and made into a string once, in slices this long
// (the most arguments a call takes safely).
const SLICE = 8192;

function foldUncached(text: string): FoldedText {
  const length = text.length;
  const codes = new Uint16Array(length + 16);
  const map = new Int32Array(length + 16);
  // Most text is ASCII: this loop reads it with nothing else to do; the first other character
  // hands over to `foldFrom`, which folds anything.
  let written = 0;
  let lastWasSpace = true;
  let i = 0;
  for (; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128) break;
    if (code === 32 || code === 9 || code === 10 || code === 13 || code === 45) {
      if (!lastWasSpace) {
        codes[written] = 32;
        map[written++] = i;
        lastWasSpace = true;
      }
    } else {
      codes[written] = code >= 65 && code <= 90 ? code + 32 : code;
      map[written++] = i;
      lastWasSpace = false;
    }
  }
  if (i < length) return foldFrom(text, i, codes, map, written, lastWasSpace);
  return { text: stringOf(codes, written), toOriginal: map.subarray(0, written) };
}

// UTF-16 code units to a string: TextDecoder is several times faster than String.fromCharCode
// over the units, where the platform stores them little-endian (every platform Node runs on today).
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const utf16 = new TextDecoder('utf-16le');

function stringOf(codes: Uint16Array, length: number): string {
  if (LITTLE_ENDIAN) return utf16.decode(codes.subarray(0, length));
  let out = '';
  for (let at = 0; at < length; at += SLICE) out += String.fromCharCode.apply(null, codes.subarray(at, Math.min(length, at + SLICE)) as unknown as number[]);
  return out;
}

/** Folds `text` from `start` on, after `written` units already folded into `codes` and `map`. */
function foldFrom(text: string, start: number, codes: Uint16Array, map: Int32Array, written: number, lastWasSpace: boolean): FoldedText {
  let length = written;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let piece: string;
    let width = 1;
    if (code < 128) {
      if (code === 32 || code === 9 || code === 10 || code === 13 || code === 45) piece = ' ';
      else {
        if (length + 1 > codes.length) {
          const grownCodes = new Uint16Array(codes.length * 2);
          grownCodes.set(codes);
          codes = grownCodes;
          const grownMap = new Int32Array(map.length * 2);
          grownMap.set(map);
          map = grownMap;
        }
        codes[length] = code >= 65 && code <= 90 ? code + 32 : code;
        map[length++] = i;
        lastWasSpace = false;
        continue;
      }
    } else {
      const point = text.codePointAt(i)!;
      width = point > 0xffff ? 2 : 1;
      piece = foldedByCode.get(point) ?? foldCode(point);
    }
    if (piece === ' ') {
      if (lastWasSpace) piece = '';
      lastWasSpace = true;
    } else if (piece.length > 0) lastWasSpace = false;
    // Folding rarely lengthens text (œ → oe, ß → ss): grow when it does.
    if (length + piece.length > codes.length) {
      const grownCodes = new Uint16Array(codes.length * 2 + piece.length);
      grownCodes.set(codes);
      codes = grownCodes;
      const grownMap = new Int32Array(map.length * 2 + piece.length);
      grownMap.set(map);
      map = grownMap;
    }
    for (let k = 0; k < piece.length; k++) {
      codes[length] = piece.charCodeAt(k);
      map[length++] = i;
    }
    i += width - 1;
  }
  return { text: stringOf(codes, length), toOriginal: map.subarray(0, length) };
}

/**
 * Folds a phrase from a list or config the same way as the text it is matched against. It leaves
 * `fold`'s last result alone: that is the draft text the next rule folds again.
 */
export function foldPhrase(phrase: string): string {
  // An ASCII phrase (most of a word list) folds with native string methods: lower case, and each
  // run of white space or dashes one space (the runs at either end go with trim).
  if (ASCII.test(phrase)) return phrase.replace(SPACE_OR_DASH_RUN, ' ').toLowerCase().trim();
  return foldUncached(phrase).text.trim();
}

const ASCII = /^[\x00-\x7f]*$/;
const SPACE_OR_DASH_RUN = /[ \t\n\r-]+/g;
