/**
 * Writes fixed drafts. Each is written atomically (src/fs/safe-write.ts), and never over a file
 * that changed since dmlint read it: the file's identity and version (device, inode, size,
 * modification time) and its bytes are compared with what was read immediately before the
 * rename, and the fix is skipped and reported when they differ. What is left is the moment
 * between that check and the rename itself, which no rename-based write can close.
 *
 * Links, on purpose: a draft reached through a symbolic link is written where the link leads
 * (the link stays a link); a draft with several hard links is rewritten in place, so that every
 * name keeps showing the same text (not atomic, and said so in docs/security.md); a file reached
 * under two names in one run is written once.
 */
import { closeSync, constants, fstatSync, ftruncateSync, fsyncSync, openSync, readFileSync, readSync, realpathSync, statSync, writeSync, type Stats } from 'node:fs';
import { writeFileSafely } from '../fs/safe-write.js';

/** What dmlint saw of a file when it read it. */
export interface FileStamp {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

export interface PendingFix {
  /** Absolute path. */
  file: string;
  /** The path as reports show it. */
  shown: string;
  original: string;
  output: string;
  /** The file as read, from the descriptor it was read through. */
  stamp?: FileStamp;
}

export const stampOf = (stats: Stats): FileStamp => ({ dev: stats.dev, ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs });

const sameVersion = (stats: Stats, stamp: FileStamp) =>
  stats.dev === stamp.dev && stats.ino === stamp.ino && stats.size === stamp.size && stats.mtimeMs === stamp.mtimeMs;

class ChangedOnDisk extends Error {}

/**
 * Writes one fix; returns the line to report when it was not written. `beforeCheck` runs once the
 * new text is on disk under its temporary name, just before the last check: tests make their
 * concurrent edit there, the latest moment one can be caught.
 */
export function writeFix(fix: PendingFix, beforeCheck?: () => void): string | undefined {
  const expected = Buffer.from(fix.original, 'utf8');
  const unchanged = (stats: Stats, bytes: () => Buffer) => {
    if (fix.stamp && !sameVersion(stats, fix.stamp)) throw new ChangedOnDisk();
    if (!bytes().equals(expected)) throw new ChangedOnDisk();
  };
  try {
    // Through a symbolic link, the file it leads to is written; the link stays.
    const real = realpathSync.native(fix.file);
    const stats = statSync(real);
    // A read-only file is the user's decision: report it rather than replace it (root could).
    if ((stats.mode & 0o222) === 0) return `${fix.shown}: read-only; the fix was not written`;
    unchanged(stats, () => readFileSync(real));
    if (stats.nlink > 1) {
      writeInPlace(real, fix.output, unchanged);
    } else {
      writeFileSafely(real, fix.output, {
        like: stats,
        beforeRename: () => {
          beforeCheck?.();
          unchanged(statSync(real), () => readFileSync(real));
        },
      });
    }
    return undefined;
  } catch (error) {
    if (error instanceof ChangedOnDisk) return `${fix.shown}: changed on disk while dmlint was fixing it; not written (run again)`;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return `${fix.shown}: cannot write the fix: permission denied; the file was not changed`;
    if (code === 'EEXIST' || code === 'ELOOP') return `${fix.shown}: cannot write the fix: a file or link stands where dmlint creates its temporary file; the file was not changed`;
    return `${fix.shown}: cannot write the fix: ${(error as Error).message}`;
  }
}

/** A file with other hard links is rewritten through one descriptor, so every link sees the fix. */
function writeInPlace(file: string, output: string, unchanged: (stats: Stats, bytes: () => Buffer) => void): void {
  const fd = openSync(file, constants.O_RDWR | constants.O_NOFOLLOW);
  try {
    const stats = fstatSync(fd);
    unchanged(stats, () => {
      const bytes = Buffer.alloc(stats.size);
      let done = 0;
      while (done < bytes.length) {
        const read = readSync(fd, bytes, done, bytes.length - done, done);
        if (read === 0) break;
        done += read;
      }
      return bytes.subarray(0, done);
    });
    const bytes = Buffer.from(output, 'utf8');
    ftruncateSync(fd, 0);
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, done);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes fixes in turn; returns one line per file that could not be written. A file met again
 * under another name (a link) is written once.
 */
export function writeFixes(fixes: readonly PendingFix[]): string[] {
  const writer = new FixWriter();
  return fixes.map((fix) => writer.write(fix)).filter((failure): failure is string => failure !== undefined);
}

/** Writes the fixes of one run, each file once whatever names it was reached under. */
export class FixWriter {
  private readonly written = new Map<string, { shown: string; output: string }>();

  write(fix: PendingFix): string | undefined {
    const identity = fix.stamp ? `${fix.stamp.dev}:${fix.stamp.ino}` : undefined;
    const before = identity === undefined ? undefined : this.written.get(identity);
    if (before) {
      // The same file under a second name: the same fix is written already.
      return before.output === fix.output ? undefined : `${fix.shown}: the same file as ${before.shown}, which was fixed under that name (with other settings); not written again`;
    }
    const failure = writeFix(fix);
    if (failure === undefined && identity !== undefined) this.written.set(identity, { shown: fix.shown, output: fix.output });
    return failure;
  }
}
