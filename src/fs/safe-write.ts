/**
 * Every file dmlint creates (a fixed draft, the cache, the report) is written under a temporary
 * name in the target's own folder, then renamed over the target. The temporary file is created
 * with O_CREAT|O_EXCL|O_NOFOLLOW, so a name planted in the folder (a symbolic link, a file) makes
 * the write fail instead of sending it elsewhere; its name says whose it is
 * (`.NAME.dmlint-PID-RANDOM.tmp`), so one left by a killed run is recognised and removed the next
 * time dmlint writes that target; SIGINT, SIGTERM and the other signals a run can end by remove the
 * ones being written (signal-exit, as write-file-atomic uses). Synchronous: --fix writes each file as
 * soon as it is linted, and the check before the rename must be as close to it as it can be.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fchmodSync, fchownSync, fsyncSync, openSync, readdirSync, renameSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import path from 'node:path';
import { onExit } from 'signal-exit';

const { O_CREAT, O_EXCL, O_NOFOLLOW, O_WRONLY } = constants;
const CREATE_FLAGS = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW;

/** Temporary files being written now, removed if the process is stopped by a signal. */
const open = new Set<string>();
let removeOnExit: (() => void) | undefined;

// The handler is on only while a temporary file exists: with it, a signal waits for the current
// synchronous work to end (it is handled on the event loop), which a run that writes nothing
// should not pay.
function untrack(file: string): void {
  open.delete(file);
  if (open.size === 0 && removeOnExit) {
    removeOnExit();
    removeOnExit = undefined;
  }
}

function track(file: string): void {
  removeOnExit ??= onExit(() => {
    for (const name of open) {
      try {
        unlinkSync(name);
      } catch {
        // already gone
      }
    }
  });
  open.add(file);
}

const TEMP_SUFFIX = /^\.(.+)\.dmlint-(\d+)-[0-9a-f]+\.tmp$/;

/** The temporary name for `target`: hidden, beside it, with this process's id and a random part. */
export function temporaryName(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.dmlint-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temporary files that runs no longer alive left for `target` (killed with -9, a crash). */
export function removeStaleTemporaries(target: string): void {
  const dir = path.dirname(target);
  const base = path.basename(target);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const match = TEMP_SUFFIX.exec(name);
    if (!match || match[1] !== base || isRunning(Number(match[2]))) continue;
    try {
      unlinkSync(path.join(dir, name));
    } catch {
      // another run took it first
    }
  }
}

/** A temporary file opened for writing; `commit` renames it over the target, `discard` removes it. */
export class TemporaryFile {
  readonly path: string;
  private fd: number | undefined;

  /** Creates the temporary file for `target` (never through a link, never over an existing file). */
  constructor(readonly target: string, mode = 0o666) {
    removeStaleTemporaries(target);
    this.path = temporaryName(target);
    // Tracked before it exists: the signal handler must be in place when the file appears, or a
    // signal in between (the handler is installed by this call) would leave it behind.
    track(this.path);
    try {
      this.fd = openSync(this.path, CREATE_FLAGS, mode);
    } catch (error) {
      untrack(this.path);
      throw error;
    }
  }

  write(text: string | Uint8Array): void {
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd!, bytes, done, bytes.length - done);
  }

  /** Gives the file the mode (and, as root, the owner) of the file it replaces. */
  copyOwnership(from: Stats): void {
    fchmodSync(this.fd!, from.mode & 0o7777);
    if (process.getuid?.() === 0 && (from.uid !== 0 || from.gid !== 0)) fchownSync(this.fd!, from.uid, from.gid);
  }

  /**
   * Flushes the file and renames it over the target. `beforeRename` runs last, just before the
   * rename: it throws to keep the target as it is (the temporary file is then removed).
   */
  commit(beforeRename?: () => void): void {
    try {
      fsyncSync(this.fd!);
      this.close();
      beforeRename?.();
      renameSync(this.path, this.target);
      untrack(this.path);
    } catch (error) {
      this.discard();
      throw error;
    }
  }

  discard(): void {
    this.close();
    try {
      unlinkSync(this.path);
    } catch {
      // not created, or renamed already
    }
    untrack(this.path);
  }

  private close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }
}

/** Writes `text` to `target` atomically, with the checks above. */
export function writeFileSafely(target: string, text: string | Uint8Array, options: { mode?: number; like?: Stats; beforeRename?: () => void } = {}): void {
  const file = new TemporaryFile(target, options.mode);
  try {
    file.write(text);
    if (options.like) file.copyOwnership(options.like);
  } catch (error) {
    file.discard();
    throw error;
  }
  file.commit(options.beforeRename);
}

