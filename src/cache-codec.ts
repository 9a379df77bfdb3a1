/**
 * How --cache stores a file: one flat array of numbers and strings per file, drafts and
 * diagnostics in a fixed field order, repeated strings (rule ids, messages, platforms) kept once
 * in a shared table. JSON.parse reads flat arrays of numbers far faster than objects: a warm run
 * over 10,000 drafts reads its 2.2 MB cache in 30 ms where the 7.9 MB of objects took 46
 * (bench/README.md). Decoded results have the keys of fresh ones in the same order, so reports
 * are byte for byte the same; test/cache.test.ts round-trips every fixture's result.
 *
 * [hash, size, mtimeMs, errorCount, warningCount, fixableCount,
 *  draftCount, ...DRAFT_FIELDS per draft, diagnosticCount, ...DIAGNOSTIC_FIELDS per diagnostic]
 */
import type { Diagnostic, DraftSummary, FileResult } from './types.js';

export type StoredFile = (string | number | null)[];

const DRAFT_FIELDS = 10; // index, platform, kind, audience, locale, localeSource, title, line, endLine, length
const DIAGNOSTIC_FIELDS = 15; // ruleId … endOffset (11), fix start, fix end, fix text, fingerprint
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

export function packFile(hash: string, size: number | undefined, mtimeMs: number | undefined, result: FileResult, table: StringTable): StoredFile {
  const s = (value: string | null) => table.id(value);
  const packed: StoredFile = [hash, size ?? null, mtimeMs ?? null, result.errorCount, result.warningCount, result.fixableCount, result.drafts.length];
  for (const d of result.drafts) packed.push(d.index, s(d.platform), s(d.kind), s(d.audience), s(d.locale), s(d.localeSource), s(d.title), d.line, d.endLine, d.length);
  packed.push(result.diagnostics.length);
  for (const d of result.diagnostics) {
    packed.push(s(d.ruleId), s(d.severity), s(d.message), d.line, d.column, d.endLine, d.endColumn, d.draft, d.fixable ? 1 : 0, d.offset, d.endOffset);
    packed.push(d.fix ? d.fix.range.start : NONE, d.fix ? d.fix.range.end : NONE, d.fix ? d.fix.text : 0, d.fingerprint ?? 0);
  }
  return packed;
}

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
    // Numbers read straight from the array: no helper calls, which cold code pays for.
    const f = files[name]! as number[];
    const text = files[name]! as (string | null)[];
    const draftCount = f[6]!;
    let k = 7;
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
      if (typeof diagnostic.message !== 'string' || typeof diagnostic.ruleId !== 'string') throw new Error(`${name}: damaged entry`);
      if (f[k + 13] !== 0) diagnostic.fix = { range: { start: f[k + 11]!, end: f[k + 12]! }, text: text[k + 13]! };
      if (f[k + 14] !== 0) diagnostic.fingerprint = text[k + 14]!;
      diagnostics[i] = diagnostic;
    }
    if (k !== f.length) throw new Error(`${name}: damaged entry`);
    const result: FileResult = { path: name, drafts, diagnostics, errorCount: f[3]!, warningCount: f[4]!, fixableCount: f[5]! };
    const size = f[1];
    const mtimeMs = f[2];
    unpacked.set(name, { hash: text[0]!, ...(typeof size === 'number' && typeof mtimeMs === 'number' ? { size, mtimeMs } : {}), result });
  }
  return unpacked;
}
