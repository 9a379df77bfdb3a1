/**
 * Lints files on worker threads (piscina) and on the main thread at once. Every thread takes
 * the next few files from a shared counter (Atomics), so the work balances itself whatever each
 * thread's speed, and no thread waits for the main thread's event loop once it has started.
 * Workers send their outcomes back in small batches on their own message port, which the main
 * thread reads between its own files: no thread holds more than a batch of results.
 */
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { ResolvedConfig } from '../../config/load.js';
import { lintFileFromDisk, type FileLintOptions, type FileOutcome } from '../lint-file.js';
import type { PathTable } from './path-table.js';
import { takeFiles, type OutcomeBatch, type SharedWork } from './shared-work.js';

/** Lints `files`; `onOutcome` gets each file's index and outcome, in no particular order. */
export async function lintInParallel(
  files: PathTable,
  config: ResolvedConfig,
  options: FileLintOptions,
  threads: number,
  onOutcome: (index: number, outcome: FileOutcome) => void,
): Promise<void> {
  const workers = threads - 1;
  // [0]: next file to take; [1]: workers that have started taking.
  const counters = new Int32Array(new SharedArrayBuffer(8));
  const channels = Array.from({ length: workers }, () => new MessageChannel());
  const take = (batch: OutcomeBatch) => {
    for (const [index, outcome] of batch) onOutcome(index, outcome);
  };
  const receive = (port: MessagePort) => {
    for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) take(message.message as OutcomeBatch);
  };
  // A small young generation: each draft's garbage is short-lived, so scavenges stay cheap, and
  // the worker's memory stays flat (10,000 drafts: 222 MiB instead of 255, and 3% faster).
  const resourceLimits = { maxYoungGenerationSizeMb: 8 };
  const pool = new Piscina({ filename: new URL('./lint-worker.js', import.meta.url).href, minThreads: workers, maxThreads: workers, idleTimeout: 1000, resourceLimits });
  try {
    const shares = channels.map(({ port2 }) => {
      const work: SharedWork = { source: config.source, options, files: files.shared, counters: counters.buffer as SharedArrayBuffer, port: port2 };
      return pool.run(work, { transferList: [port2] }) as Promise<void>;
    });
    for (;;) {
      // Until every worker has its task, let the event loop hand them out between chunks.
      if (Atomics.load(counters, 1) < workers) await new Promise((resolve) => setImmediate(resolve));
      const taken = takeFiles(counters, files.length);
      if (!taken) break;
      for (let i = taken.start; i < taken.end; i++) onOutcome(i, lintFileFromDisk(files.at(i)!, config, options));
      for (const { port1 } of channels) receive(port1);
    }
    // The main thread's share is done: take the workers' batches as they come.
    for (const { port1 } of channels) port1.on('message', take);
    await Promise.all(shares);
    // A worker posts its last batch before its task ends; whatever is still queued is read here.
    for (const { port1 } of channels) receive(port1);
  } finally {
    for (const { port1 } of channels) port1.close();
    await pool.destroy();
  }
}
