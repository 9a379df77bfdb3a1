/** A worker thread of the pool: builds the run's config once, then lints the batches it is given. */
import { reloadConfig, type ConfigSource, type ResolvedConfig } from '../config/load.js';
import { lintFileFromDisk, type FileLintOptions, type FileOutcome } from '../lint-file.js';

export interface Batch {
  source: ConfigSource;
  options: FileLintOptions;
  files: string[];
}

let config: Promise<ResolvedConfig> | undefined;

export default async function lintBatch(batch: Batch): Promise<FileOutcome[]> {
  config ??= reloadConfig(batch.source);
  const resolved = await config;
  return batch.files.map((file) => lintFileFromDisk(file, resolved, batch.options));
}
