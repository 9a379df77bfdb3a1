// The --cache codec: what it stores must come back exactly as the linter produced it.
import { describe, expect, it } from 'vitest';
import { packResult, parseCache, serializeCache, StringTable, unpackResult, type StoredFile } from '../src/cache/codec.js';
import { lintFiles } from '../src/api/lint.js';
import { ROOT } from './helpers.js';

describe('the cache codec', () => {
  it('round-trips every fixture and eval draft result, same keys in the same order', async () => {
    const run = await lintFiles(['fixtures', 'eval/rules'], { cwd: ROOT, concurrency: 'off' });
    const table = new StringTable();
    const files = new Map<string, StoredFile>();
    for (const result of run.results) files.set(result.path, { hash: 'hash', size: 1, mtimeMs: 2.5, packed: JSON.stringify(packResult(result, table)) });
    const text = serializeCache({ format: 5, key: 'k', writtenAt: 3, strings: table.strings, compactedAt: 0 }, files);
    const { header, files: stored } = parseCache(text);
    const back = new Map([...stored].map(([name, file]) => [name, unpackResult(name, JSON.parse(file.packed), header.strings)]));
    expect(stored.get(run.results[0]!.path)).toMatchObject({ hash: 'hash', size: 1, mtimeMs: 2.5 });
    const all = run.results.flatMap((result) => result.diagnostics);
    // The data covers every optional shape the codec handles.
    expect(all.some((d) => d.fix !== undefined)).toBe(true);
    expect(all.some((d) => d.draft === null)).toBe(true);
    expect(run.results.some((r) => r.drafts.some((d) => d.platform === null))).toBe(true);
    expect(run.results.some((r) => r.drafts.some((d) => d.title !== null))).toBe(true);
    expect(back.size).toBe(run.results.length);
    for (const result of run.results) {
      // JSON text compares values and key order: reports from the cache are byte for byte the same.
      expect(JSON.stringify(back.get(result.path))).toBe(JSON.stringify(result));
    }
  });

  it('keeps each repeated string once', async () => {
    const run = await lintFiles(['eval/rules'], { cwd: ROOT, concurrency: 'off' });
    const table = new StringTable();
    for (const result of run.results) packResult(result, table);
    const messages = run.results.flatMap((r) => r.diagnostics.map((d) => d.message));
    expect(new Set(table.strings).size).toBe(table.strings.length);
    expect(table.strings.length).toBeLessThan(messages.length);
  });

  it('refuses a damaged entry instead of serving it', () => {
    // One diagnostic whose rule id points past the string table.
    const bad = [1, 0, 0, 0, 1, 99, 0, 0, 1, 1, 1, 2, 0, 0, 0, 1, -1, -1, 0, 0];
    expect(() => unpackResult('a.md', bad, ['error'])).toThrow(/damaged/);
    // A diagnostic count the entry does not hold.
    expect(() => unpackResult('a.md', [0, 0, 0, 0, 2], ['error'])).toThrow();
    expect(unpackResult('a.md', [0, 0, 0, 0, 0], []).diagnostics).toEqual([]);
  });

  it('reads names that need escaping, files without a stamp, and skips lines of the wrong shape', () => {
    const files = new Map<string, StoredFile>([
      ['tab\there "quoted"\nnew line.md', { hash: 'h1', packed: '[0,0,0,0,0]' }],
      ['été/n°1.md', { hash: 'h2', size: 10, mtimeMs: 1700000000000.25, packed: '[0,0,0,0,0]' }],
    ]);
    const text = serializeCache({ format: 5, key: 'k', writtenAt: 1, strings: [], compactedAt: 0 }, files);
    expect(text.split('\n')).toHaveLength(4);
    expect(parseCache(text).files).toEqual(files);
    expect(parseCache(`${text}not a line\n"x.md"\tonly two\n`).files).toEqual(files);
    expect(() => parseCache('{ not json')).toThrow();
    expect(() => parseCache('[1, 2]\n')).toThrow(/not a dmlint cache/);
  });
});
