// The shared table of paths that worker threads read: every path comes back as it went in.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PathTable } from '../src/run/parallel/path-table.js';
import { ROOT, tempProject } from './helpers.js';

const PATHS = ['/drafts/a.md', '/drafts/campagne été/n°1.md', '/drafts/😀/x.markdown', '', 'C:\\drafts\\b.md', '/drafts/日本語.md'];

describe('PathTable', () => {
  it('gives back every path, non-ASCII and empty ones too, and nothing past the end', () => {
    const table = PathTable.from(PATHS);
    expect(table.length).toBe(PATHS.length);
    expect(Array.from({ length: table.length }, (_, i) => table.at(i))).toEqual(PATHS);
    expect(table.at(-1)).toBeUndefined();
    expect(table.at(PATHS.length)).toBeUndefined();
    expect(PathTable.from([]).length).toBe(0);
  });

  it('carries non-ASCII paths to worker threads and back', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`campagne été/n°${i}/😀 ${i}.md`] = `---\nplatform: twitter\naudience: follower\n---\nBonjour {{first_name}}, ACHETEZ MAINTENANT !!! ${i}\n`;
    const cwd = tempProject(files, 'dmlint-paths-');
    // Worker threads run the built code (npm test builds first).
    const built = (await import(path.join(ROOT, 'dist/src/api/lint.js'))) as typeof import('../src/api/lint.js');
    const alone = await built.lintFiles(['.'], { cwd, concurrency: 'off' });
    const threaded = await built.lintFiles(['.'], { cwd, concurrency: 2 });
    expect(threaded.results.map((r) => r.path)).toEqual(Object.keys(files).sort());
    expect(threaded.results.every((r) => r.diagnostics.length > 0)).toBe(true);
    expect(threaded).toEqual(alone);
  });
});
