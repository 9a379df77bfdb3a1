/**
 * Lints files on worker threads (piscina) and on the main thread at once. Every thread takes
 * the next few files from a shared counter (Atomics), so the work balances itself whatever each
 * thread's speed, and no thread waits for the main thread's event loop once it has started.
 */
import { Piscina } from 'piscina';
import type { ResolvedConfig } from '../config/load.js';
import { lintFileFromDisk, type FileLintOptions, type FileOutcome } from '../lint-file.js';
import { takeFiles, type SharedWork } from './shared-work.js';

export async function lintInParallel(files: string[], config: ResolvedConfig, options: FileLintOptions, threads: number): Promise<FileOutcome[]> {
  const workers = threads - 1;
  // [0]: next file to take; [1]: workers that have started taking.
  const counters = new Int32Array(new SharedArrayBuffer(8));
  const work: SharedWork = { source: config.source, options, files, counters: counters.buffer as SharedArrayBuffer };
  const pool = new Piscina({ filename: new URL('./lint-worker.js', import.meta.url).href, minThreads: workers, maxThreads: workers, idleTimeout: 1000 });
  try {
    const shares = Array.from({ length: workers }, () => pool.run(work) as Promise<[number, FileOutcome][]>);
    const outcomes: FileOutcome[] = new Array(files.length);
    for (;;) {
      // Until every worker has its task, let the event loop hand them out between chunks.
      if (Atomics.load(counters, 1) < workers) await new Promise((resolve) => setImmediate(resolve));
      const taken = takeFiles(counters, files.length);
      if (!taken) break;
      for (let i = taken.start; i < taken.end; i++) outcomes[i] = lintFileFromDisk(files[i]!, config, options);
    }
    for (const share of await Promise.all(shares)) for (const [index, outcome] of share) outcomes[index] = outcome;
    return outcomes;
  } finally {
    await pool.destroy();
  }
}
