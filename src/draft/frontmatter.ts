/** YAML frontmatter: the mapping's entries with their positions, and errors mapped into the file. */
import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import type { SourceRange } from '../types.js';

export interface FrontmatterEntry {
  key: string;
  /** A string for scalars; undefined for empty values and for lists and mappings. */
  value: string | undefined;
  /** The value is a list or a mapping, which no known key accepts. */
  collection: boolean;
  keyRange: SourceRange;
  valueRange: SourceRange;
}

export interface Frontmatter {
  entries: Map<string, FrontmatterEntry>;
  problems: { message: string; range: SourceRange }[];
}

function rangeOf(node: Node | null | undefined, base: number, fallback: SourceRange): SourceRange {
  const range = node?.range;
  if (!range) return fallback;
  return { start: base + range[0], end: base + Math.max(range[1], range[0] + 1) };
}

// Drafts of one campaign repeat the same frontmatter: parse each distinct text once per run
// (at offset 0) and move the ranges to where it stands. Bounded, since texts can be large.
const parsedTexts = new Map<string, Frontmatter>();
const MAX_CACHED = 512;
const MAX_CACHED_LENGTH = 4096;

const shifted = (range: SourceRange, base: number): SourceRange => ({ start: range.start + base, end: range.end + base });

/** Parses the YAML `text` that stands at file offset `base`. */
export function parseFrontmatter(text: string, base: number): Frontmatter {
  if (text.length > MAX_CACHED_LENGTH) return parseAt(text, base);
  let parsed = parsedTexts.get(text);
  if (!parsed) {
    parsed = parseAt(text, 0);
    if (parsedTexts.size >= MAX_CACHED) parsedTexts.clear();
    parsedTexts.set(text, parsed);
  }
  const entries = new Map<string, FrontmatterEntry>();
  for (const [key, entry] of parsed.entries) {
    entries.set(key, { ...entry, keyRange: shifted(entry.keyRange, base), valueRange: shifted(entry.valueRange, base) });
  }
  return { entries, problems: parsed.problems.map((problem) => ({ ...problem, range: shifted(problem.range, base) })) };
}

function parseAt(text: string, base: number): Frontmatter {
  const entries = new Map<string, FrontmatterEntry>();
  const problems: Frontmatter['problems'] = [];
  const whole = { start: base, end: base + Math.max(text.length, 1) };
  const document = parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: false, prettyErrors: false });
  if (document.errors.length > 0) {
    for (const error of document.errors.slice(0, 1)) {
      const [from, to] = error.pos;
      const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      problems.push({ message: `invalid YAML frontmatter: ${message}`, range: { start: base + from, end: base + Math.max(to, from + 1) } });
    }
    return { entries, problems };
  }
  const contents = document.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) {
    return { entries, problems };
  }
  if (!isMap(contents)) {
    problems.push({ message: 'frontmatter must be a mapping of keys to values', range: rangeOf(contents, base, whole) });
    return { entries, problems };
  }
  for (const pair of contents.items) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
    if (key === undefined) continue;
    const valueNode = pair.value as Node | null;
    const keyRange = rangeOf(keyNode, base, whole);
    const value = isScalar(valueNode) && valueNode.value !== null ? String(valueNode.value) : undefined;
    entries.set(key, { key, value, collection: !!valueNode && !isScalar(valueNode), keyRange, valueRange: valueNode ? rangeOf(valueNode, base, keyRange) : keyRange });
  }
  return { entries, problems };
}
