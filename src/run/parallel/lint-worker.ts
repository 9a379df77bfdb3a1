/**
 * A worker thread: builds the run's config once, then takes files from the shared list until none
 * remain. Like src/api/config.ts for the main thread, this entry point of a thread is where the
 * built-in rules are handed to the config layer.
 */
import { builtinRules } from '../../../rules/index.js';
import { reloadConfig, type ResolvedConfig } from '../../config/load.js';
import { lintFileFromDisk } from '../lint-file.js';
import { PathTable } from './path-table.js';
import { takeFiles, type OutcomeBatch, type SharedWork } from './shared-work.js';

let config: Promise<ResolvedConfig> | undefined;

/** Outcomes per message: one message per few files keeps both the copies and the waiting small. */
const BATCH = 32;

export default async function lintShare(work: SharedWork): Promise<void> {
  const counters = new Int32Array(work.counters);
  Atomics.add(counters, 1, 1);
  config ??= reloadConfig(work.source, builtinRules);
  const resolved = await config;
  const files = new PathTable(work.files);
  let batch: OutcomeBatch = [];
  for (let taken = takeFiles(counters, files.length); taken; taken = takeFiles(counters, files.length)) {
    for (let i = taken.start; i < taken.end; i++) batch.push([i, lintFileFromDisk(files.at(i)!, resolved, work.options)]);
    if (batch.length >= BATCH) {
      work.port.postMessage(batch);
      batch = [];
    }
  }
  // Posted before the task ends, so the main thread has it when it learns the task is done.
  if (batch.length > 0) work.port.postMessage(batch);
}
