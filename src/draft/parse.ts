/** Reads a draft file: frontmatter, directives, control comments, and each draft's text and metadata. */
import type { Html, Nodes, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { KINDS, type ControlComment, type Draft, type DraftFile, type MetadataProblem, type SourceRange } from '../types.js';
import { findPlaceholders } from '../text/placeholders.js';
import { parseAttributes } from './attributes.js';
import { hasReferenceDefinitions, pieceStarts, shiftOffsets } from './chunks.js';
import { readControlComments, readDirective, readStrayComments, type DirectiveComment, type StrayComment } from './comments.js';
import { TextBuilder, plainText } from './extract-text.js';
import { parseFrontmatter } from './frontmatter.js';
import { plainTree } from './plain-tree.js';
import { detectLanguage } from './language.js';
import { exceedsLimits, MAX_PIECE_LENGTH, type LimitExceeded } from './limits.js';
import {
  METADATA_KEYS,
  checkValue,
  nearMetadataKey,
  mergeLayers,
  normaliseLocale,
  normalisePlatform,
  type MetadataKey,
  type MetadataLayer,
} from './metadata.js';
import { computeLineStarts } from './source.js';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

export interface ParseOptions {
  /** Metadata that applies where the file says nothing, least specific first (config, then CLI). */
  defaults?: MetadataLayer[];
}

interface DraftSlice {
  directive?: DirectiveComment;
  nodes: RootContent[];
}

const OPEN_FRONTMATTER = /^---[ \t]*\r?\n/;
const MAX_REPAIRS = 20;

export function parseDraftFile(path: string, input: string, options: ParseOptions = {}): DraftFile {
  const hadBom = input.charCodeAt(0) === 0xfeff;
  const source = hadBom ? input.slice(1) : input;
  const problems: MetadataProblem[] = [];
  const controlComments: ControlComment[] = [];
  const strayComments: StrayComment[] = [];
  const skipped: DraftFile['skipped'] = [];
  const definitions = new Map<string, { url: string }>();
  const drafts: Draft[] = [];
  const leading: RootContent[] = [];
  let inherited: MetadataLayer[] = [...(options.defaults ?? [])];
  let sawDirective = false;

  const starts = hasReferenceDefinitions(source) ? [0] : pieceStarts(source);
  for (const [pieceIndex, base] of starts.entries()) {
    const end = starts[pieceIndex + 1] ?? source.length;
    const parsed = parseRepairingComments(source.slice(base, end), base);
    if ('skipped' in parsed) {
      // Reported on the line where the limit is passed (its first 80 characters).
      const at = base + parsed.skipped.at;
      let lineEnd = source.indexOf('\n', at);
      if (lineEnd < 0 || lineEnd > end) lineEnd = end;
      skipped.push({ message: parsed.skipped.message, range: { start: at, end: Math.max(Math.min(lineEnd, at + 80), Math.min(at + 1, source.length)) } });
      continue;
    }
    const { tree, unclosed, shifted } = parsed;
    if (!shifted) shiftOffsets(tree, base);
    for (const comment of unclosed) {
      problems.push({
        message: 'HTML comment is not closed with "-->"; dmlint read it as ending at the end of its line',
        range: { start: comment.start + base, end: comment.end + base },
        draft: null,
      });
    }
    if (pieceIndex === 0) inherited = [...inherited, readFrontmatter(tree, source, problems)];
    collectControlComments(tree, controlComments, strayComments);

    // Unclosed comments were blanked out for parsing; an unclosed directive still starts a draft.
    const pending = unclosed
      .map((range) => readDirective(source.slice(range.start + base, range.end + base), range.start + base))
      .filter((directive): directive is DirectiveComment => directive !== undefined);
    const slices: DraftSlice[] = [];
    let current: DraftSlice | undefined;
    for (const node of tree.children) if (node.type === 'definition') definitions.set(node.identifier.toLowerCase(), node);
    for (const node of tree.children) {
      while (pending.length > 0 && pending[0]!.range.start < node.position!.start.offset!) {
        current = { directive: pending.shift()!, nodes: [] };
        slices.push(current);
      }
      if (node.type === 'html') {
        const directive = readDirective(node.value, node.position!.start.offset!);
        if (directive) {
          current = { directive, nodes: [] };
          slices.push(current);
          continue;
        }
      }
      if (node.type === 'yaml') continue;
      if (current) current.nodes.push(node);
      else if (pieceIndex === 0) leading.push(node);
    }
    for (const directive of pending) slices.push({ directive, nodes: [] });
    sawDirective ||= slices.length > 0;
    for (const slice of slices) drafts.push(buildDraft(slice, drafts.length, source, definitions, inherited, problems));
  }
  // Without directives the whole file is one draft; with them, what comes first is commentary.
  // A file whose only piece was skipped has no draft to speak of: the skip is its report.
  if (!sawDirective && !(skipped.length > 0 && leading.length === 0)) drafts.push(buildDraft({ nodes: leading }, 0, source, definitions, inherited, problems));
  // A slip of dmlint-draft starts no draft: reported with the metadata (invalid-metadata), the rest
  // with the control comments (invalid-control-comment).
  for (const stray of strayComments) {
    if (stray.suggestion !== 'dmlint-draft') continue;
    problems.push({
      message: `unknown directive "${stray.name}": did you mean "dmlint-draft"? As written it starts no draft, and the text below it belongs to the draft above`,
      range: stray.range,
      draft: null,
    });
  }
  return {
    path,
    source,
    hadBom,
    drafts,
    metadataProblems: dedupe(problems),
    skipped,
    controlComments,
    strayComments: strayComments.filter((stray) => stray.suggestion !== 'dmlint-draft'),
    lineStarts: computeLineStarts(source),
  };
}

/** Reads the YAML frontmatter at the top of the file into a metadata layer, reporting its problems. */
function readFrontmatter(tree: Root, source: string, problems: MetadataProblem[]): MetadataLayer {
  const layer: MetadataLayer = {};
  const first = tree.children[0];
  if (first?.type === 'yaml') {
    const start = first.position!.start.offset!;
    const lineEnd = source.indexOf('\n', start);
    const frontmatter = parseFrontmatter(first.value, lineEnd + 1);
    for (const problem of frontmatter.problems) problems.push({ ...problem, key: 'frontmatter', draft: null });
    for (const [key, entry] of frontmatter.entries) {
      if ((METADATA_KEYS as readonly string[]).includes(key)) continue;
      const near = nearMetadataKey(key);
      if (near && !frontmatter.entries.has(near)) {
        problems.push({ message: `unknown key "${key}": did you mean "${near}"? (keys of your own are allowed, but this one is a slip of dmlint's)`, key, range: entry.keyRange, draft: null });
      }
    }
    for (const key of METADATA_KEYS) {
      const entry = frontmatter.entries.get(key);
      if (!entry) continue;
      layer[key] = { value: entry.value, origin: 'frontmatter', range: entry.valueRange, collection: entry.collection };
      const error = checkValue(key, layer[key]!);
      if (error) problems.push({ message: error, key, range: entry.valueRange, draft: null });
    }
  } else if (OPEN_FRONTMATTER.test(source)) {
    problems.push({ message: 'frontmatter is not closed: add a "---" line after it', key: 'frontmatter', range: { start: 0, end: 3 }, draft: null });
  }
  return layer;
}

/**
 * An HTML comment that is never closed swallows the rest of the file. Blank its first line
 * (same length, so offsets hold) and parse again, so the drafts after it are still linted.
 */
function parseRepairingComments(source: string, base: number): { tree: Root; unclosed: SourceRange[]; shifted: boolean } | { skipped: LimitExceeded } {
  const unclosed: SourceRange[] = [];
  let text = source;
  if (text.length > MAX_PIECE_LENGTH) return { skipped: exceedsLimits(text)! };
  // Plain prose needs no parser: its tree is built directly (see plain-tree.ts), with the file's
  // offsets. It has nothing to repair: its comments are whole lines that close (COMMENT_LINE).
  const plain = plainTree(text, base);
  if (plain) return { tree: plain, unclosed, shifted: true };
  // What goes to the parser is checked first against the shapes it is slow on.
  const reason = exceedsLimits(text);
  if (reason) return { skipped: reason };
  let tree = parseMarkdown(text);
  for (let repair = 0; repair < MAX_REPAIRS; repair++) {
    const open = tree.children.find(isUnclosedHtml);
    if (!open) break;
    const start = open.position!.start.offset!;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (text[end - 1] === '\r') end--;
    unclosed.push({ start, end });
    text = text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
    tree = parseMarkdown(text);
  }
  return { tree, unclosed, shifted: false };
}

/**
 * remark-parse drops a byte-order mark at the start of its text and counts offsets from after it.
 * The file's own mark is gone before parsing, but a file can start with two: the second one is
 * text, so offsets are moved back onto it.
 */
function parseMarkdown(text: string): Root {
  const tree = processor.parse(text) as Root;
  if (text.charCodeAt(0) === 0xfeff) shiftOffsets(tree, 1);
  return tree;
}

const isUnclosedHtml = (node: RootContent): node is Html => node.type === 'html' && isUnclosedComment(node.value);

const DIRECTIVE_START = /^<!--\s*dmlint-draft(?=\s|-->|$)/;

/**
 * A comment with no "-->" is unclosed. A directive is also unclosed when, before its "-->", it
 * holds another comment's start or a blank line: it swallowed what follows it.
 */
function isUnclosedComment(html: string): boolean {
  if (!html.startsWith('<!--')) return false;
  const close = html.indexOf('-->');
  if (close < 0) return true;
  return DIRECTIVE_START.test(html) && /<!--|\n[ \t]*\r?\n/.test(html.slice(4, close));
}

/** Control comments and slips of them in document order; a loop with its own stack, so no depth of nesting overflows. */
function collectControlComments(root: Nodes, into: ControlComment[], strays: StrayComment[]): void {
  const stack: Nodes[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'html') {
      into.push(...readControlComments(node.value, node.position!.start.offset!));
      strays.push(...readStrayComments(node.value, node.position!.start.offset!));
    } else if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
}

function directiveLayer(directive: DirectiveComment, index: number, problems: MetadataProblem[]): MetadataLayer {
  const layer: MetadataLayer = {};
  const parsed = parseAttributes(directive.body, directive.bodyStart);
  if (parsed.error) {
    problems.push({ message: `malformed dmlint-draft directive: ${parsed.error.message}`, range: parsed.error.range, draft: index });
  }
  for (const attribute of parsed.attributes) {
    const key = attribute.key.toLowerCase();
    if (!(METADATA_KEYS as readonly string[]).includes(key)) {
      const near = nearMetadataKey(attribute.key);
      problems.push({
        message: `unknown key "${attribute.key}" in dmlint-draft directive (${near ? `did you mean "${near}"? ` : ''}known keys: ${METADATA_KEYS.join(', ')})`,
        range: attribute.keyRange,
        draft: index,
      });
      continue;
    }
    const raw = { value: attribute.value, origin: 'directive' as const, range: attribute.valueRange };
    const error = checkValue(key as MetadataKey, raw);
    if (error) problems.push({ message: error, key, range: attribute.valueRange, draft: index });
    layer[key as MetadataKey] = raw;
  }
  return layer;
}

function buildDraft(
  slice: DraftSlice,
  index: number,
  source: string,
  definitions: Map<string, { url: string }>,
  inherited: MetadataLayer[],
  problems: MetadataProblem[],
): Draft {
  const layers = slice.directive ? [...inherited, directiveLayer(slice.directive, index, problems)] : inherited;
  const merged = mergeLayers(layers);
  // The text is at most about as long as the file it comes from (separators and links' addresses
  // add a few units; markup and comments take some away); a long one grows as it is built.
  const first = slice.nodes[0]?.position?.start.offset ?? 0;
  const last = slice.nodes[slice.nodes.length - 1]?.position?.end.offset ?? first;
  const builder = new TextBuilder(source, definitions, Math.min(last - first + 16, 1 << 16));
  builder.blocks(slice.nodes);
  const { text, offsets } = builder.build();

  const metadata: Draft['metadata'] = {};
  for (const key of METADATA_KEYS) {
    const raw = merged[key];
    if (raw?.value !== undefined) metadata[key] = { value: raw.value, origin: raw.origin, ...(raw.range ? { range: raw.range } : {}) };
  }

  const start = slice.directive?.range.start ?? slice.nodes[0]?.position?.start.offset ?? source.length;
  const lastNode = slice.nodes[slice.nodes.length - 1];
  const end = lastNode?.position?.end.offset ?? slice.directive?.range.end ?? start;

  const platform = merged.platform?.value ? normalisePlatform(merged.platform.value) : undefined;
  let kind: string | undefined;
  if (platform) {
    const wanted = merged.kind?.value?.trim().toLowerCase();
    // A kind that was written but is not valid is reported; do not assume the default instead.
    const kindWritten = layers.some((layer) => layer.kind?.value !== undefined && layer.kind.origin !== 'config' && layer.kind.origin !== 'cli');
    if (wanted === undefined && kindWritten) {
      kind = undefined;
    } else if (wanted === undefined) {
      kind = KINDS[platform][0];
      metadata.kind = { value: kind!, origin: 'platform-default' };
    } else if (KINDS[platform].includes(wanted)) {
      kind = wanted;
    } else {
      problems.push({
        message: `kind "${wanted}" does not exist on ${platform} (${platform} kinds: ${KINDS[platform].join(', ')})`,
        key: 'kind',
        range: merged.kind?.range ?? slice.directive?.range ?? { start, end: Math.max(end, start + 1) },
        draft: index,
      });
    }
  }

  let locale = merged.locale?.value ? normaliseLocale(merged.locale.value) : undefined;
  if (!locale) {
    locale = detectLanguage(text);
    metadata.locale = { value: locale, origin: 'detected' };
  }

  const heading = slice.nodes.find((node) => node.type === 'heading');
  const title = merged.title?.value ?? (heading ? plainText(heading).trim() : undefined);

  return {
    index,
    ...(title ? { title } : {}),
    ...(platform ? { platform } : {}),
    ...(kind ? { kind } : {}),
    ...(merged.audience?.value ? { audience: merged.audience.value.trim().toLowerCase() as Draft['audience'] } : {}),
    locale,
    ...(merged.subject?.value !== undefined ? { subject: merged.subject.value } : {}),
    metadata,
    text,
    offsets,
    range: { start, end },
    placeholders: findPlaceholders(text),
  };
}

function dedupe(problems: MetadataProblem[]): MetadataProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.range.start}:${problem.range.end}:${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
