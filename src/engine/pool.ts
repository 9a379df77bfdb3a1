/** Runs files through a pool of worker threads (piscina), in batches; results keep file order. */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { ConfigSource } from '../config/load.js';
import type { FileLintOptions, FileOutcome } from '../lint-file.js';
import type { Batch } from './lint-worker.js';

export async function lintInWorkers(files: string[], source: ConfigSource, options: FileLintOptions, threads: number, batchSize: number): Promise<FileOutcome[]> {
  const pool = new Piscina({
    filename: new URL('./lint-worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: Math.min(threads, Math.max(availableParallelism(), threads)),
    idleTimeout: 1000,
  });
  try {
    const batches: Promise<FileOutcome[]>[] = [];
    for (let start = 0; start < files.length; start += batchSize) {
      const batch: Batch = { source, options, files: files.slice(start, start + batchSize) };
      batches.push(pool.run(batch) as Promise<FileOutcome[]>);
    }
    return (await Promise.all(batches)).flat();
  } finally {
    await pool.destroy();
  }
}
