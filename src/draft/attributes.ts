/** `key=value key="quoted value"` lists, as written in `dmlint-draft` directives. */
import type { SourceRange } from '../types.js';

export interface Attribute {
  key: string;
  value: string;
  keyRange: SourceRange;
  valueRange: SourceRange;
}

export interface AttributeParse {
  attributes: Attribute[];
  error?: { message: string; range: SourceRange };
}

const KEY = /[A-Za-z_][\w-]*/y;
const BARE_VALUE = /[^\s"'=]+/y;

/** Parses `text`, which stands at file offset `base`. */
export function parseAttributes(text: string, base: number): AttributeParse {
  const attributes: Attribute[] = [];
  let i = 0;
  const fail = (message: string, at: number, end = at + 1): AttributeParse => ({
    attributes,
    error: { message, range: { start: base + at, end: base + Math.min(Math.max(end, at + 1), text.length) } },
  });
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) break;
    KEY.lastIndex = i;
    const key = KEY.exec(text);
    if (!key) return fail(`expected a key=value pair, found "${text.slice(i, i + 20).trim()}"`, i);
    const keyStart = i;
    i += key[0].length;
    if (text[i] !== '=') return fail(`expected "=" after "${key[0]}"`, keyStart, i);
    i++;
    const quote = text[i];
    let value: string;
    let valueStart = i;
    let valueEnd: number;
    if (quote === '"' || quote === "'") {
      const close = text.indexOf(quote, i + 1);
      if (close < 0) return fail(`the value of "${key[0]}" has no closing ${quote}`, i, text.length);
      value = text.slice(i + 1, close);
      valueStart = i + 1;
      valueEnd = close;
      i = close + 1;
    } else {
      BARE_VALUE.lastIndex = i;
      const bare = BARE_VALUE.exec(text);
      if (!bare) return fail(`"${key[0]}" has no value`, keyStart, i);
      value = bare[0];
      valueEnd = i + value.length;
      i = valueEnd;
    }
    if (i < text.length && !/\s/.test(text[i]!)) return fail('expected white space between pairs', i);
    attributes.push({
      key: key[0],
      value,
      keyRange: { start: base + keyStart, end: base + keyStart + key[0].length },
      valueRange: { start: base + valueStart, end: base + valueEnd },
    });
  }
  return { attributes };
}
