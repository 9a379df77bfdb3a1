/** A worker thread: builds the run's config once, then takes files from the shared list until none remain. */
import { reloadConfig, type ResolvedConfig } from '../config/load.js';
import { lintFileFromDisk, type FileOutcome } from '../lint-file.js';
import { takeFiles, type SharedWork } from './shared-work.js';

let config: Promise<ResolvedConfig> | undefined;

export default async function lintShare(work: SharedWork): Promise<[number, FileOutcome][]> {
  const counters = new Int32Array(work.counters);
  Atomics.add(counters, 1, 1);
  config ??= reloadConfig(work.source);
  const resolved = await config;
  const done: [number, FileOutcome][] = [];
  for (let taken = takeFiles(counters, work.files.length); taken; taken = takeFiles(counters, work.files.length)) {
    for (let i = taken.start; i < taken.end; i++) done.push([i, lintFileFromDisk(work.files[i]!, resolved, work.options)]);
  }
  return done;
}
