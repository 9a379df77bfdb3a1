/**
 * --cache: results of files whose content, resolved config and dmlint version are unchanged.
 * Keyed on content hashes, not mtimes, so it holds in CI where checkouts touch every file.
 * A missing, corrupt or outdated cache file is ignored and rewritten; it is never fatal.
 */
import { closeSync, constants, lstatSync, openSync, readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { contentHash } from './content-hash.js';
import { packResult, parseCache, sealOf, serializeCache, StringTable, unpackResult, type PackedResult, type StoredFile } from './codec.js';
import { writeFileSafely } from '../fs/safe-write.js';
import { relativeTo } from '../config/for-file.js';
import type { ResolvedConfig } from '../config/load.js';
import { displayPath } from '../text/display-path.js';
import { packageVersion } from '../package/info.js';
import type { FileResult } from '../types.js';

/** The cache file's format: 6 added scores and evidence to diagnostics; 7, the seal of each line. */
export const CACHE_FORMAT = 7;
const FORMAT = CACHE_FORMAT;
// A file whose size and modification time are those stored is not read again, as git does with
// its index; the content hash stays the key. Times within this margin of the cache's own write
// are not trusted (a file changed twice in one clock tick keeps its time), nor on coarse clocks.
const RACY_MARGIN_MS = 2000;

export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export interface CacheLookup {
  stamp: FileStamp;
  /** Undefined for a file the cache has never seen: whoever lints it hashes what it reads. */
  hash?: string;
  result?: FileResult;
}

export { contentHash };

/**
 * Everything besides a file's content that decides its result. Folders in it are relative to
 * the cache's folder, as the file names are, so a checkout elsewhere keeps the same key.
 */
export function runKey(config: ResolvedConfig, extra: unknown, cacheFolder: string): string {
  const relative = (dir: string) => relativeTo(cacheFolder, dir) || '.';
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
    overrides: config.overrides.map((override) => ({ ...override, baseDir: relative(override.baseDir) })),
    ignores: config.ignores.map((ignore) => ({ ...ignore, baseDir: relative(ignore.baseDir) })),
    plugins,
    extra,
  };
  return contentHash(JSON.stringify(settings));
}

/** A stored file, or one linted this run whose result is packed when the cache is saved. */
interface Entry extends Omit<StoredFile, 'packed'> {
  packed?: string;
  result?: FileResult;
  /** Asked about by this run: entries of files the run did not see are dropped on save. */
  used?: boolean;
}

export class ResultCache {
  private entries = new Map<string, Entry>();
  private strings: string[] = [];
  private compactedAt = 0;
  private writtenAt = 0;
  private dirty = false;
  private readonly folder: string;
  /** How many entries are marked used. */
  private used = 0;
  /** Stored names are relative to the cache's folder; when that is the working directory, they are the shown paths. */
  private readonly folderIsCwd: boolean;
  /** Why the cache file cannot be used at all (a symbolic link): the cache is neither read nor written. */
  private readonly refused: string | undefined;

  constructor(
    private readonly location: string,
    private readonly key: string,
    cwd?: string,
  ) {
    this.folder = path.dirname(location);
    this.folderIsCwd = cwd !== undefined && path.resolve(cwd) === this.folder;
    // A cache file that is a symbolic link is not followed, either way: a repository could point
    // it at any file the user can write (~/.bashrc), or at one crafted elsewhere.
    try {
      if (lstatSync(location).isSymbolicLink()) this.refused = 'it is a symbolic link, and dmlint neither reads nor writes through one; remove it or give --cache-location a plain file';
    } catch {
      // no cache yet
    }
    try {
      if (this.refused) throw new Error(this.refused);
      const fd = openSync(location, constants.O_RDONLY | constants.O_NOFOLLOW);
      let text: string;
      try {
        text = readFileSync(fd, 'utf8');
      } finally {
        closeSync(fd);
      }
      const { header, files } = parseCache(text);
      if (header.format === FORMAT && header.key === key) {
        this.entries = files;
        this.strings = header.strings;
        this.compactedAt = header.compactedAt;
        this.writtenAt = header.writtenAt;
      } else {
        this.dirty = true;
      }
    } catch {
      // No cache yet, or not one we can read: start afresh.
      this.dirty = true;
    }
  }

  private name(file: string, shown?: string): string {
    return shown !== undefined && this.folderIsCwd ? shown : displayPath(file, this.folder);
  }

  /**
   * A file's stamp and content hash, with its stored result when the content is unchanged
   * (reported under `shown`); undefined when the file cannot be read. A file with no entry is
   * not read here: it is linted anyway, and the linter hashes the bytes it reads (on its thread).
   */
  lookup(file: string, shown: string): CacheLookup | undefined {
    const name = this.name(file, shown);
    const entry = this.entries.get(name);
    if (entry && !entry.used) {
      entry.used = true;
      this.used++;
    }
    let stamp: FileStamp;
    let hash: string;
    try {
      // Stat before reading: a change after the stat shows as a new time on the next run.
      const { size, mtimeMs } = statSync(file);
      stamp = { size, mtimeMs };
      if (!entry) return { stamp };
      const trusted = entry && entry.size === size && entry.mtimeMs === mtimeMs && mtimeMs < this.writtenAt - RACY_MARGIN_MS;
      hash = trusted ? entry.hash : contentHash(readFileSync(file));
    } catch {
      return undefined;
    }
    if (entry.hash !== hash) return { stamp, hash };
    let result: FileResult;
    try {
      // A line whose seal does not match was not written by dmlint for this config: no entry.
      if (!entry.result && entry.seal !== sealOf(this.key, name, entry as StoredFile)) throw new Error('unsealed');
      result = entry.result ?? unpackResult(shown, JSON.parse(entry.packed!) as PackedResult, this.strings);
    } catch {
      // A damaged line is no entry: the file is linted again and its line rewritten.
      this.entries.delete(name);
      this.used--;
      return { stamp, hash };
    }
    // Same content under a new time (a fresh checkout): remember the time for the next run.
    if (entry.size !== stamp.size || entry.mtimeMs !== stamp.mtimeMs) {
      entry.size = stamp.size;
      entry.mtimeMs = stamp.mtimeMs;
      this.dirty = true;
    }
    return { stamp, hash, result };
  }

  /**
   * Stores the result of a file linted this run under its content hash, with the stamp `lookup`
   * gave; without a stamp (a file --fix is about to rewrite) the next run hashes it again.
   */
  set(file: string, stamp: FileStamp | undefined, hash: string, result: FileResult): void {
    const name = this.name(file);
    if (!this.entries.get(name)?.used) this.used++;
    this.entries.set(name, { hash, result, ...(stamp ? { size: stamp.size, mtimeMs: stamp.mtimeMs } : {}), used: true });
    this.dirty = true;
  }

  async save(): Promise<void> {
    if (this.refused) throw new Error(this.refused);
    // Entries of files this run did not see are dropped, so the cache does not grow forever.
    if (this.used < this.entries.size) {
      for (const [name, entry] of this.entries) {
        if (!entry.used) {
          this.entries.delete(name);
          this.dirty = true;
        }
      }
    }
    if (!this.dirty) return;
    // Results linted this run join the saved table, so stored lines are written back untouched;
    // once strings nobody uses may have doubled it, every line is packed again into a fresh one.
    let table = new StringTable(this.strings);
    for (const entry of this.entries.values()) {
      if (!entry.result) continue;
      entry.packed = JSON.stringify(packResult(entry.result, table));
    }
    // A table built from nothing holds only strings in use.
    let compactedAt = this.strings.length === 0 ? table.strings.length : this.compactedAt;
    if (table.strings.length > 2 * compactedAt + 1000) {
      const old = table.strings;
      table = new StringTable();
      for (const [name, entry] of this.entries) {
        try {
          entry.packed = JSON.stringify(packResult(unpackResult(name, JSON.parse(entry.packed!) as PackedResult, old), table));
        } catch {
          this.entries.delete(name);
        }
      }
      compactedAt = table.strings.length;
    }
    // Every line kept was checked or linted by this run; each is sealed as it is written.
    for (const [name, entry] of this.entries) entry.seal = sealOf(this.key, name, entry as StoredFile);
    const text = serializeCache({ format: FORMAT, key: this.key, writtenAt: Date.now(), strings: table.strings, compactedAt }, this.entries as Map<string, StoredFile>);
    await mkdir(path.dirname(this.location), { recursive: true });
    writeFileSafely(this.location, text);
  }
}
