/**
 * The config for each file, as a long-running server needs it: found from the file's own folder
 * (the nearest config, as `dmlint` run in that folder finds it), kept between lints, and loaded
 * again when its file or one of its plugins changes on disk (checked by size and modification
 * time on every use, so clients that do not report file changes are served too) or when told to
 * forget everything (a watched-files notification). A config that fails to load is not kept: the
 * next lint tries again, so fixing the file heals every draft without a restart.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../../config/load.js';

export type ConfigOutcome = { config: ResolvedConfig; error?: undefined } | { config?: undefined; error: Error };

interface Entry {
  loading: Promise<ConfigOutcome>;
  /** Size and mtime of the config file and each plugin when loaded ('' for a missing file). */
  stamps?: Map<string, string>;
}

function stampOf(file: string): string {
  try {
    const stats = statSync(file);
    return `${stats.size}:${stats.mtimeMs}`;
  } catch {
    return '';
  }
}

/** Files whose change means the config must be loaded again. */
export function configInputs(config: ResolvedConfig): string[] {
  return [...(config.configFile ? [config.configFile] : []), ...config.plugins.filter((plugin) => path.isAbsolute(plugin))];
}

export class ConfigStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly load: (folder: string) => Promise<ResolvedConfig>) {}

  /** The config that applies to `file` (an absolute path, which need not exist). */
  forFile(file: string): Promise<ConfigOutcome> {
    return this.forFolder(path.dirname(file));
  }

  forFolder(folder: string): Promise<ConfigOutcome> {
    const entry = this.entries.get(folder);
    if (entry && (!entry.stamps || [...entry.stamps].every(([file, stamp]) => stampOf(file) === stamp))) return entry.loading;
    const fresh: Entry = {
      loading: this.load(folder).then(
        (config) => {
          fresh.stamps = new Map(configInputs(config).map((file) => [file, stampOf(file)]));
          return { config };
        },
        (error: unknown) => {
          // Not kept: the next use loads again.
          if (this.entries.get(folder) === fresh) this.entries.delete(folder);
          return { error: error instanceof Error ? error : new Error(String(error)) };
        },
      ),
    };
    this.entries.set(folder, fresh);
    return fresh.loading;
  }

  /** Forgets every config (a config or plugin file was created, changed or deleted). */
  clear(): void {
    this.entries.clear();
  }

  /** The config and plugin files of every config loaded so far. */
  async inputs(): Promise<string[]> {
    const files = new Set<string>();
    for (const entry of this.entries.values()) {
      const outcome = await entry.loading;
      if (outcome.config) for (const file of configInputs(outcome.config)) files.add(file);
    }
    return [...files];
  }
}
