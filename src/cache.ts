/**
 * --cache: results of files whose content, resolved config and dmlint version are unchanged.
 * Keyed on content hashes, not mtimes, so it holds in CI where checkouts touch every file.
 * A missing, corrupt or outdated cache file is ignored and rewritten; it is never fatal.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { ResolvedConfig } from './config/load.js';
import { packageVersion } from './package-info.js';
import type { FileResult } from './types.js';

const FORMAT = 2;
// A file whose size and modification time are those stored is not read again, as git does with
// its index; the content hash stays the key. Times within this margin of the cache's own write
// are not trusted (a file changed twice in one clock tick keeps its time), nor on coarse clocks.
const RACY_MARGIN_MS = 2000;

interface CacheEntry {
  hash: string;
  result: FileResult;
  size?: number;
  mtimeMs?: number;
}

interface CacheFile {
  format: number;
  key: string;
  /** When the cache was written (ms since the epoch). */
  writtenAt: number;
  entries: Record<string, CacheEntry>;
}

export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export function contentHash(bytes: Uint8Array | string): string {
  return createHash('sha1').update(bytes).digest('base64url');
}

/** Everything besides a file's content that decides its result. */
export function runKey(config: ResolvedConfig, extra: unknown): string {
  const plugins = config.plugins.map((plugin) => {
    try {
      return contentHash(readFileSync(plugin));
    } catch {
      return plugin;
    }
  });
  const settings = {
    version: packageVersion(),
    rules: config.rules,
    defaults: config.defaults,
    placeholders: config.placeholders,
    phrases: config.phrases,
    overrides: config.overrides,
    ignores: config.ignores,
    plugins,
    extra,
  };
  return contentHash(JSON.stringify(settings));
}

export class ResultCache {
  private entries: CacheFile['entries'] = Object.create(null);
  private writtenAt = 0;
  private dirty = false;

  constructor(
    private readonly location: string,
    private readonly key: string,
  ) {
    try {
      const stored = JSON.parse(readFileSync(location, 'utf8')) as Partial<CacheFile>;
      if (stored.format === FORMAT && stored.key === key && stored.entries && typeof stored.entries === 'object') {
        this.entries = Object.assign(Object.create(null), stored.entries);
        this.writtenAt = typeof stored.writtenAt === 'number' ? stored.writtenAt : 0;
      } else {
        this.dirty = true;
      }
    } catch {
      // No cache yet, or not one we can read: start afresh.
      this.dirty = true;
    }
  }

  /** The stored content hash of a file whose size and time are unchanged, without reading it. */
  hashIfUnchanged(file: string, stamp: FileStamp): string | undefined {
    const entry = this.entries[file];
    if (!entry || entry.size !== stamp.size || entry.mtimeMs !== stamp.mtimeMs) return undefined;
    return stamp.mtimeMs < this.writtenAt - RACY_MARGIN_MS ? entry.hash : undefined;
  }

  get(file: string, hash: string, stamp?: FileStamp): FileResult | undefined {
    const entry = this.entries[file];
    if (!entry || entry.hash !== hash) return undefined;
    // Same content under a new time (a fresh checkout): remember the time for the next run.
    if (stamp && (entry.size !== stamp.size || entry.mtimeMs !== stamp.mtimeMs)) {
      this.entries[file] = { ...entry, size: stamp.size, mtimeMs: stamp.mtimeMs };
      this.dirty = true;
    }
    return entry.result;
  }

  set(file: string, hash: string, result: FileResult, stamp?: FileStamp): void {
    this.entries[file] = { hash, result, ...(stamp ? { size: stamp.size, mtimeMs: stamp.mtimeMs } : {}) };
    this.dirty = true;
  }

  /** Drops entries of files this run did not see, so the cache does not grow forever. */
  keepOnly(files: ReadonlySet<string>): void {
    for (const file of Object.keys(this.entries)) {
      if (!files.has(file)) {
        delete this.entries[file];
        this.dirty = true;
      }
    }
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    const data: CacheFile = { format: FORMAT, key: this.key, writtenAt: Date.now(), entries: this.entries };
    await mkdir(path.dirname(this.location), { recursive: true });
    await writeFileAtomic(this.location, JSON.stringify(data));
  }
}
