// The --cache codec: what it stores must come back exactly as the linter produced it.
import { describe, expect, it } from 'vitest';
import { packFile, StringTable, unpackFiles, type StoredFile } from '../src/cache-codec.js';
import { lintFiles } from '../src/lint-files.js';
import { ROOT } from './helpers.js';

describe('the cache codec', () => {
  it('round-trips every fixture and eval draft result, same keys in the same order', async () => {
    const run = await lintFiles(['fixtures', 'eval/rules'], { cwd: ROOT, concurrency: 'off' });
    const table = new StringTable();
    const files: Record<string, StoredFile> = {};
    for (const result of run.results) files[result.path] = packFile('hash', 1, 2, result, table);
    const stored = JSON.parse(JSON.stringify({ strings: table.strings, files }));
    const back = unpackFiles(stored.files, stored.strings);

    const all = run.results.flatMap((result) => result.diagnostics);
    // The data covers every optional shape the codec handles.
    expect(all.some((d) => d.fix !== undefined)).toBe(true);
    expect(all.some((d) => d.draft === null)).toBe(true);
    expect(run.results.some((r) => r.drafts.some((d) => d.platform === null))).toBe(true);
    expect(run.results.some((r) => r.drafts.some((d) => d.title !== null))).toBe(true);
    expect(back.size).toBe(run.results.length);
    for (const result of run.results) {
      // JSON text compares values and key order: reports from the cache are byte for byte the same.
      expect(JSON.stringify(back.get(result.path)!.result)).toBe(JSON.stringify(result));
    }
  });

  it('keeps each repeated string once', async () => {
    const run = await lintFiles(['eval/rules'], { cwd: ROOT, concurrency: 'off' });
    const table = new StringTable();
    for (const result of run.results) packFile('hash', 1, 2, result, table);
    const messages = run.results.flatMap((r) => r.diagnostics.map((d) => d.message));
    expect(new Set(table.strings).size).toBe(table.strings.length);
    expect(table.strings.length).toBeLessThan(messages.length);
  });

  it('refuses a damaged entry instead of serving it', () => {
    // One diagnostic whose rule id points past the string table.
    const bad = { 'a.md': ['h', null, null, 1, 0, 0, 0, 1, 99, 0, 0, 1, 1, 1, 2, 0, 0, 0, 1, -1, -1, 0, 0] };
    expect(() => unpackFiles(bad, ['error'])).toThrow(/damaged/);
    // A diagnostic count the entry does not hold.
    const short = { 'a.md': ['h', null, null, 0, 0, 0, 0, 2] };
    expect(() => unpackFiles(short, ['error'])).toThrow();
    expect(unpackFiles({ 'a.md': ['h', null, null, 0, 0, 0, 0, 0] }, []).get('a.md')?.result.diagnostics).toEqual([]);
  });
});
