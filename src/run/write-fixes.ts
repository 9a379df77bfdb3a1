/**
 * Writes fixed drafts: atomically (temporary file + rename, by write-file-atomic, which also
 * keeps the file's mode), and never over a file that changed on disk since dmlint read it.
 */
import { readFile, stat } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';

export interface PendingFix {
  /** Absolute path. */
  file: string;
  /** The path as reports show it. */
  shown: string;
  original: string;
  output: string;
}

/** Writes each fix; returns one line per file that could not be written. */
export async function writeFixes(fixes: readonly PendingFix[]): Promise<string[]> {
  const failures: string[] = [];
  for (const fix of fixes) {
    try {
      // A read-only file is the user's decision: report it rather than replace it (root could).
      if (((await stat(fix.file)).mode & 0o222) === 0) {
        failures.push(`${fix.shown}: read-only; the fix was not written`);
        continue;
      }
      const current = await readFile(fix.file, 'utf8');
      if (current !== fix.original) {
        failures.push(`${fix.shown}: changed on disk while dmlint was fixing it; not written (run again)`);
        continue;
      }
      await writeFileAtomic(fix.file, fix.output, { encoding: 'utf8' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied; the file was not changed' : (error as Error).message;
      failures.push(`${fix.shown}: cannot write the fix: ${reason}`);
    }
  }
  return failures;
}
