/**
 * How --cache stores results. The file is a header line (JSON: format, key, write time, string
 * table) and then one line per file:
 *
 *   "name" TAB hash TAB size TAB mtimeMs TAB seal TAB [packed result]
 *
 * The seal ties the line to the run key, the name, the content hash, the stamp and the packed result
 * (`sealOf`): a line edited by hand, or copied from a cache of another config or version, is not
 * served. It is a check, not a signature: see docs/security.md.
 *
 * Only the names and stamps are read when the cache loads; a file's packed result is parsed when
 * that file is looked up, and the result it gives dies with the report line that shows it. A warm
 * run over 10,000 drafts so keeps one string of 2 MB alive rather than 10,000 results, which
 * spared the garbage collector ~20 ms of a 230 ms run (bench/README.md). Lines of files not
 * linted again are written back as they were read.
 *
 * A packed result is one flat array (JSON.parse reads arrays of numbers far faster than objects),
 * drafts and diagnostics in a fixed field order, repeated strings (rule ids, messages, platforms)
 * as ids in the shared table:
 *
 * [errorCount, warningCount, fixableCount,
 *  draftCount, ...DRAFT_FIELDS per draft, diagnosticCount, ...DIAGNOSTIC_FIELDS per diagnostic]
 *
 * Decoded results have the keys of fresh ones in the same order, so reports are byte for byte the
 * same; test/cache.test.ts round-trips every fixture's result.
 */
import type { Diagnostic, DraftSummary, FileResult } from '../types.js';

/**
 * The seal of a stored line: what its result is for (run key, name, content, stamp) and the
 * result itself, as 32-bit FNV-1a over the parts in turn. One pass and no joined string: it runs
 * for every line a warm run serves (a 128-bit hash of each cost a warm 10,000-draft run a third
 * more CPU). A check against edits and lines from other runs, not against a forger (docs/security.md).
 */
export function sealOf(key: string, name: string, file: Omit<StoredFile, 'seal'>): string {
  let h = mix(mix(mix(0x811c9dc5, key), name), file.hash);
  h = Math.imul(h ^ (file.size ?? -1), 16777619);
  h = Math.imul(h ^ (file.mtimeMs === undefined ? -1 : Math.trunc(file.mtimeMs * 1000) | 0), 16777619);
  return (mix(h, file.packed) >>> 0).toString(36);
}

/** FNV-1a over `text`, then a separator. */
function mix(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return Math.imul(h, 16777619);
}

export type PackedResult = (string | number | null)[];

const DRAFT_FIELDS = 10; // index, platform, kind, audience, locale, localeSource, title, line, endLine, length
const DIAGNOSTIC_FIELDS = 16; // ruleId … endOffset (11), fix start, fix end, fix text, judgment, fingerprint
const NONE = -1;

/** Collects the strings of the results it packs; `strings` is saved beside them. */
export class StringTable {
  readonly strings: string[];
  private readonly index = new Map<string, number>();

  /** Starts from a saved table, so lines packed against it stay valid. */
  constructor(strings: readonly string[] = []) {
    this.strings = [...strings];
    for (const [id, value] of this.strings.entries()) this.index.set(value, id);
  }

  id(value: string | null): number {
    if (value === null) return NONE;
    let id = this.index.get(value);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(value);
      this.index.set(value, id);
    }
    return id;
  }
}

export function packResult(result: FileResult, table: StringTable): PackedResult {
  const s = (value: string | null) => table.id(value);
  const packed: PackedResult = [result.errorCount, result.warningCount, result.fixableCount, result.drafts.length];
  for (const d of result.drafts) packed.push(d.index, s(d.platform), s(d.kind), s(d.audience), s(d.locale), s(d.localeSource), s(d.title), d.line, d.endLine, d.length);
  packed.push(result.diagnostics.length);
  for (const d of result.diagnostics) {
    packed.push(s(d.ruleId), s(d.severity), s(d.message), d.line, d.column, d.endLine, d.endColumn, d.draft, d.fixable ? 1 : 0, d.offset, d.endOffset);
    packed.push(d.fix ? d.fix.range.start : NONE, d.fix ? d.fix.range.end : NONE, d.fix ? d.fix.text : 0);
    packed.push(d.score !== undefined ? JSON.stringify([d.score, d.evidence ?? []]) : 0, d.fingerprint ?? 0);
  }
  return packed;
}

/**
 * The result a packed array describes, under `path`. Numbers are read straight from the array,
 * with no helper calls: this runs once per cached file, mostly before V8 has optimised it.
 * Throws on data of the wrong shape, which the cache treats as no entry.
 */
export function unpackResult(path: string, packed: PackedResult, strings: readonly string[]): FileResult {
  const f = packed as number[];
  const text = packed as (string | null)[];
  const s = strings;
  const draftCount = f[3]!;
  let k = 4;
  const drafts: DraftSummary[] = new Array(draftCount);
  for (let i = 0; i < draftCount; i++, k += DRAFT_FIELDS) {
    drafts[i] = {
      index: f[k]!,
      platform: f[k + 1] === NONE ? null : (s[f[k + 1]!] as DraftSummary['platform']),
      kind: f[k + 2] === NONE ? null : s[f[k + 2]!]!,
      audience: f[k + 3] === NONE ? null : (s[f[k + 3]!] as DraftSummary['audience']),
      locale: s[f[k + 4]!]!,
      localeSource: s[f[k + 5]!] as DraftSummary['localeSource'],
      title: f[k + 6] === NONE ? null : s[f[k + 6]!]!,
      line: f[k + 7]!,
      endLine: f[k + 8]!,
      length: f[k + 9]!,
    };
  }
  const diagnosticCount = f[k++]!;
  const diagnostics: Diagnostic[] = new Array(diagnosticCount);
  for (let i = 0; i < diagnosticCount; i++, k += DIAGNOSTIC_FIELDS) {
    const diagnostic: Diagnostic = {
      ruleId: s[f[k]!]!,
      severity: s[f[k + 1]!] as Diagnostic['severity'],
      message: s[f[k + 2]!]!,
      line: f[k + 3]!,
      column: f[k + 4]!,
      endLine: f[k + 5]!,
      endColumn: f[k + 6]!,
      draft: f[k + 7] ?? null,
      fixable: f[k + 8] === 1,
      offset: f[k + 9]!,
      endOffset: f[k + 10]!,
    };
    if (typeof diagnostic.message !== 'string' || typeof diagnostic.ruleId !== 'string') throw new Error(`${path}: damaged entry`);
    if (f[k + 13] !== 0) diagnostic.fix = { range: { start: f[k + 11]!, end: f[k + 12]! }, text: text[k + 13]! };
    if (f[k + 14] !== 0) {
      const [score, evidence] = JSON.parse(text[k + 14]!) as [number, Diagnostic['evidence']];
      diagnostic.score = score;
      diagnostic.evidence = evidence;
    }
    if (f[k + 15] !== 0) diagnostic.fingerprint = text[k + 15]!;
    diagnostics[i] = diagnostic;
  }
  if (k !== f.length) throw new Error(`${path}: damaged entry`);
  return { path, drafts, diagnostics, errorCount: f[0]!, warningCount: f[1]!, fixableCount: f[2]! };
}

export interface CacheHeader {
  format: number;
  key: string;
  /** When the cache was written (ms since the epoch). */
  writtenAt: number;
  strings: string[];
  /** Table size after the last rewrite of every line; the table is rebuilt when it doubles. */
  compactedAt: number;
}

export interface StoredFile {
  hash: string;
  /** sealOf(key, name, line); a line whose seal does not match is no entry. */
  seal?: string;
  size?: number;
  mtimeMs?: number;
  /** The packed result as JSON text, parsed only when the file is looked up. */
  packed: string;
}

/**
 * Reads a cache file's header and the name and stamp of every line, not their results. Throws
 * when the header is not a cache header; lines of the wrong shape are skipped.
 */
export function parseCache(text: string): { header: CacheHeader; files: Map<string, StoredFile> } {
  let end = text.indexOf('\n');
  if (end < 0) end = text.length;
  const header = JSON.parse(text.slice(0, end)) as Partial<CacheHeader>;
  if (typeof header.format !== 'number' || typeof header.key !== 'string' || !Array.isArray(header.strings)) throw new Error('not a dmlint cache');
  const files = new Map<string, StoredFile>();
  for (let start = end + 1; start < text.length; start = end + 1) {
    end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // A JSON string holds no raw tab: the first tab ends the name.
    const t1 = text.indexOf('\t', start);
    const t2 = t1 < 0 ? -1 : text.indexOf('\t', t1 + 1);
    const t3 = t2 < 0 ? -1 : text.indexOf('\t', t2 + 1);
    const t4 = t3 < 0 ? -1 : text.indexOf('\t', t3 + 1);
    const t5 = t4 < 0 ? -1 : text.indexOf('\t', t4 + 1);
    if (t5 < 0 || t5 > end || text.charCodeAt(start) !== 34 /* " */) continue;
    const quoted = text.slice(start, t1);
    const name = quoted.includes('\\') ? (JSON.parse(quoted) as string) : quoted.slice(1, -1);
    const file: StoredFile = { hash: text.slice(t1 + 1, t2), packed: text.slice(t5 + 1, end) };
    if (t5 > t4 + 1) file.seal = text.slice(t4 + 1, t5);
    if (t3 > t2 + 1) {
      file.size = Number(text.slice(t2 + 1, t3));
      file.mtimeMs = Number(text.slice(t3 + 1, t4));
    }
    files.set(name, file);
  }
  return { header: { format: header.format, key: header.key, writtenAt: Number(header.writtenAt) || 0, strings: header.strings, compactedAt: Number(header.compactedAt) || 0 }, files };
}

export function serializeCache(header: CacheHeader, files: Iterable<[string, StoredFile]>): string {
  const lines = [JSON.stringify(header)];
  for (const [name, file] of files) {
    const stamp = file.size === undefined || file.mtimeMs === undefined ? '\t' : `${file.size}\t${file.mtimeMs}`;
    lines.push(`${JSON.stringify(name)}\t${file.hash}\t${stamp}\t${file.seal ?? ''}\t${file.packed}`);
  }
  return `${lines.join('\n')}\n`;
}
