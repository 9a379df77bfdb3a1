/**
 * How --cache stores a file's result: drafts and diagnostics as arrays in a fixed field order,
 * with repeated strings (rule ids, messages, platforms) kept once in a shared table. JSON.parse
 * reads arrays of numbers far faster than objects, so a warm run over 10,000 drafts reads a
 * 2 MB cache in 19 ms instead of an 8 MB one in 39 ms (bench/README.md). Decoded objects have
 * the keys of fresh results in the same order, so reports are byte for byte the same;
 * test/cache.test.ts round-trips every fixture's result.
 */
import type { Diagnostic, DraftSummary, FileResult } from './types.js';

type PackedDraft = [number, number, number, number, number, number, number, number, number, number];
type PackedFix = [number, number, string];
type PackedDiagnostic = [number, number, number, number, number, number, number, number | null, 0 | 1, number, number, PackedFix | 0, string | 0];
export type PackedResult = [errorCount: number, warningCount: number, fixableCount: number, drafts: PackedDraft[], diagnostics: PackedDiagnostic[]];

const NONE = -1;

/** Collects the strings of the results it packs; `strings` is saved beside them. */
export class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

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
  return [
    result.errorCount,
    result.warningCount,
    result.fixableCount,
    result.drafts.map((d) => [d.index, s(d.platform), s(d.kind), s(d.audience), s(d.locale), s(d.localeSource), s(d.title), d.line, d.endLine, d.length]),
    result.diagnostics.map((d) => [
      s(d.ruleId),
      s(d.severity),
      s(d.message),
      d.line,
      d.column,
      d.endLine,
      d.endColumn,
      d.draft,
      d.fixable ? 1 : 0,
      d.offset,
      d.endOffset,
      d.fix ? [d.fix.range.start, d.fix.range.end, d.fix.text] : 0,
      d.fingerprint ?? 0,
    ]),
  ];
}

/** One file as the cache file stores it: content hash, size, modification time, packed result. */
export type StoredFile = [hash: string, size: number | null, mtimeMs: number | null, result: PackedResult];

export interface UnpackedFile {
  hash: string;
  size?: number;
  mtimeMs?: number;
  /** Its path is the stored name until the run that uses it sets the one to show. */
  result: FileResult;
}

/**
 * Unpacks every stored file in one function of plain loops: V8 compiles a hot loop early, and
 * a run reads the cache once, cold; a function called per file would run interpreted (3x slower).
 * Throws on data of the wrong shape, which the cache treats as no cache.
 */
export function unpackFiles(files: Record<string, StoredFile>, strings: readonly string[]): Map<string, UnpackedFile> {
  const unpacked = new Map<string, UnpackedFile>();
  const s = strings;
  for (const name of Object.keys(files)) {
    const [hash, size, mtimeMs, packed] = files[name]!;
    const [errorCount, warningCount, fixableCount, packedDrafts, packedDiagnostics] = packed;
    const drafts: DraftSummary[] = new Array(packedDrafts.length);
    for (let i = 0; i < packedDrafts.length; i++) {
      const d = packedDrafts[i]!;
      drafts[i] = {
        index: d[0],
        platform: d[1] === NONE ? null : (s[d[1]] as DraftSummary['platform']),
        kind: d[2] === NONE ? null : s[d[2]]!,
        audience: d[3] === NONE ? null : (s[d[3]] as DraftSummary['audience']),
        locale: s[d[4]]!,
        localeSource: s[d[5]] as DraftSummary['localeSource'],
        title: d[6] === NONE ? null : s[d[6]]!,
        line: d[7],
        endLine: d[8],
        length: d[9],
      };
    }
    const diagnostics: Diagnostic[] = new Array(packedDiagnostics.length);
    for (let i = 0; i < packedDiagnostics.length; i++) {
      const d = packedDiagnostics[i]!;
      const diagnostic: Diagnostic = {
        ruleId: s[d[0]]!,
        severity: s[d[1]] as Diagnostic['severity'],
        message: s[d[2]]!,
        line: d[3],
        column: d[4],
        endLine: d[5],
        endColumn: d[6],
        draft: d[7],
        fixable: d[8] === 1,
        offset: d[9],
        endOffset: d[10],
      };
      if (typeof diagnostic.message !== 'string' || typeof diagnostic.ruleId !== 'string') throw new Error(`${name}: damaged entry`);
      const fix = d[11];
      if (fix !== 0) diagnostic.fix = { range: { start: fix[0], end: fix[1] }, text: fix[2] };
      if (d[12] !== 0) diagnostic.fingerprint = d[12];
      diagnostics[i] = diagnostic;
    }
    const result: FileResult = { path: name, drafts, diagnostics, errorCount, warningCount, fixableCount };
    unpacked.set(name, { hash, ...(size !== null && mtimeMs !== null ? { size, mtimeMs } : {}), result });
  }
  return unpacked;
}
