/** The work list that the main thread and worker threads share, taken a few files at a time. */
import type { MessagePort } from 'node:worker_threads';
import type { ConfigSource } from '../../config/load.js';
import type { FileLintOptions, FileOutcome } from '../lint-file.js';
import type { SharedPaths } from './path-table.js';

export interface SharedWork {
  source: ConfigSource;
  options: FileLintOptions;
  files: SharedPaths;
  /** Int32 [0]: index of the next file to take; [1]: how many workers have started. */
  counters: SharedArrayBuffer;
  /** Where the worker posts its outcomes, a batch at a time. */
  port: MessagePort;
}

/** Outcomes with the index of their file in the work list. */
export type OutcomeBatch = [number, FileOutcome][];

/** Files per take: small enough to balance the last files, large enough to keep contention low. */
export const CHUNK = 8;

export function takeFiles(counters: Int32Array, total: number): { start: number; end: number } | undefined {
  const start = Atomics.add(counters, 0, CHUNK);
  if (start >= total) return undefined;
  return { start, end: Math.min(start + CHUNK, total) };
}
