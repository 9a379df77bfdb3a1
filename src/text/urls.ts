/**
 * URL entities as Twitter finds them, for weighted counting: a URL counts as a fixed length
 * whatever it spells. Follows the twitter-text extractor's rules where they change the count:
 * - with a scheme (http, https) the host may be any script; without one it must be ASCII;
 * - the top-level domain must be a real one (IANA list from the `tlds` package);
 * - a host label longer than 63 characters once punycode-encoded makes the whole candidate text;
 * - a URL cannot follow a letter, digit, `@`, `$` or `#`, nor (without a scheme) `-`, `_`, `.`, `/`;
 * - trailing punctuation is not part of the URL, and neither are format characters (bidi marks).
 */
import { domainToASCII } from 'node:url';
import tldList from 'tlds' with { type: 'json' };
import { isAsciiLetter } from './ascii.js';

export interface UrlEntity {
  url: string;
  start: number;
  end: number;
}

let tldSet: Set<string> | undefined;
function topLevelDomains(): Set<string> {
  tldSet ??= new Set<string>((tldList as string[]).map((tld) => tld.toLowerCase()));
  return tldSet;
}

// A host: labels of letters, digits and marks of any script, inner hyphens or underscores, dots between.
// Candidates start at a word boundary (a URL right after a letter is never one), which also keeps
// the engine from retrying inside every word.
const CANDIDATE =
  /(?<![\p{L}\p{N}\p{M}])(https?:\/\/)?((?:[\p{L}\p{N}\p{M}](?:[\p{L}\p{N}\p{M}_-]*[\p{L}\p{N}\p{M}])?\.)+[\p{L}\p{M}][\p{L}\p{N}\p{M}-]*)(?::(\d{1,5}))?([/?#][^\s\p{Cc}\p{Cf}<>"]*)?/giu;
const INVALID_BEFORE = /[\p{L}\p{N}@＠$#＃]/u;
const INVALID_BEFORE_WITHOUT_SCHEME = /[-_./]/;
const ASCII_HOST = /^[a-z0-9._-]+$/i;
const TRAILING_PUNCTUATION = /[.,;:!?'"’”)\]}…*]+$/u;
const MAX_LABEL = 63;

function validHost(host: string): boolean {
  const labels = host.split('.');
  const tld = labels[labels.length - 1]!.toLowerCase();
  if (!topLevelDomains().has(tld) && !topLevelDomains().has(domainToASCII(tld))) return false;
  for (const label of labels) {
    if (label.length === 0) return false;
    const ascii = /^[\x00-\x7f]*$/.test(label) ? label : domainToASCII(label);
    if (ascii.length === 0 || ascii.length > MAX_LABEL) return false;
  }
  return true;
}

/** Strips punctuation that ends a sentence rather than the URL, keeping balanced parentheses. */
function trimPath(path: string, trailing: RegExp): string {
  let trimmed = path;
  for (;;) {
    const match = trailing.exec(trimmed);
    if (!match) return trimmed;
    let cut = trimmed.length - match[0].length;
    // Keep a closing parenthesis that closes one opened inside the path (wiki-style URLs).
    const opens = trimmed.slice(0, cut).split('(').length - 1;
    const closes = trimmed.slice(0, cut).split(')').length - 1;
    if (trimmed[cut] === ')' && opens > closes) cut++;
    if (cut === trimmed.length) return trimmed;
    trimmed = trimmed.slice(0, cut);
  }
}

// Every URL has a dot between a letter, digit or mark and a letter (before its TLD): text without
// one has none. Looked for dot by dot rather than with /[\p{L}\p{N}\p{M}]\.\p{L}/u, which tried
// every position of every draft (test/urls.test.ts holds the two to the same answers).
const LETTER = /^\p{L}$/u;
const LETTER_DIGIT_OR_MARK = /^[\p{L}\p{N}\p{M}]$/u;

export function mayHoldUrl(text: string): boolean {
  for (let dot = text.indexOf('.', 1); dot >= 0 && dot + 1 < text.length; dot = text.indexOf('.', dot + 1)) {
    const after = text.charCodeAt(dot + 1);
    if (after < 128 ? !isAsciiLetter(after) : !LETTER.test(String.fromCodePoint(text.codePointAt(dot + 1)!))) continue;
    const before = text.charCodeAt(dot - 1);
    if (before < 128) {
      if (isAsciiLetter(before) || (before >= 48 && before <= 57)) return true;
      continue;
    }
    // A low surrogate ends the code point that starts one unit earlier, when that unit is a high one.
    const high = dot >= 2 ? text.charCodeAt(dot - 2) : 0;
    const point = before >= 0xdc00 && before <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? text.codePointAt(dot - 2)! : before;
    if (LETTER_DIGIT_OR_MARK.test(String.fromCodePoint(point))) return true;
  }
  return false;
}

// The same patterns restricted to ASCII, for text that is all ASCII, where they match exactly
// the same (test/urls.test.ts checks): Unicode property classes take milliseconds to compile,
// which a one-draft run in a pre-commit hook pays at every start.
const ASCII_TEXT = /^[\x00-\x7f]*$/;
const CANDIDATE_ASCII =
  /(?<![A-Za-z0-9])(https?:\/\/)?((?:[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]*)(?::(\d{1,5}))?([/?#][^\s\x00-\x1f\x7f<>"]*)?/gi;
const INVALID_BEFORE_ASCII = /[A-Za-z0-9@$#]/;
const TRAILING_PUNCTUATION_ASCII = /[.,;:!?'")\]}*]+$/;

// Several rules ask for the URLs of the same draft text: keep the last few answers.
const recent = new Map<string, UrlEntity[]>();
const RECENT = 16;

export function extractUrls(text: string): UrlEntity[] {
  const cached = recent.get(text);
  if (cached) return cached;
  const urls = findUrls(text);
  if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
  recent.set(text, urls);
  return urls;
}

/** Finds the URLs of `text`; `unicode` forces the Unicode patterns even for ASCII text (tests). */
export function findUrls(text: string, unicode = !ASCII_TEXT.test(text)): UrlEntity[] {
  const urls: UrlEntity[] = [];
  if (!mayHoldUrl(text)) return urls;
  const candidate = unicode ? CANDIDATE : CANDIDATE_ASCII;
  const invalidBefore = unicode ? INVALID_BEFORE : INVALID_BEFORE_ASCII;
  const trailing = unicode ? TRAILING_PUNCTUATION : TRAILING_PUNCTUATION_ASCII;
  candidate.lastIndex = 0;
  for (let match = candidate.exec(text); match; match = candidate.exec(text)) {
    const [whole, scheme, host, , rawPath] = match;
    const start = match.index;
    const before = start > 0 ? text[start - 1]! : '';
    if (before && invalidBefore.test(before)) continue;
    if (!scheme && before && INVALID_BEFORE_WITHOUT_SCHEME.test(before)) continue;
    if (!scheme && !ASCII_HOST.test(host!)) continue;
    if (!validHost(host!)) continue;
    const path = rawPath ? trimPath(rawPath, trailing) : '';
    const end = start + whole.length - (rawPath?.length ?? 0) + path.length;
    urls.push({ url: text.slice(start, end), start, end });
    candidate.lastIndex = end;
  }
  return urls;
}
