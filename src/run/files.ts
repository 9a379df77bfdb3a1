/** Which files a run lints: explicit files, directories searched for drafts, and globs. */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { isIgnored } from '../config/for-file.js';
import type { GitIgnore } from './gitignore.js';
import type { ResolvedConfig } from '../config/load.js';
import { isInside, walkDrafts, type WalkOptions } from './walk.js';
import { displayPath } from '../text/display-path.js';

export const DRAFT_EXTENSIONS = ['md', 'markdown'];
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export interface FileSearch {
  files: string[];
  /** Inputs that named nothing: one line each, for stderr; they make the run fail (exit 2). */
  errors: string[];
  /** Explicit files skipped because config ignores them. */
  skipped: string[];
  /** Links not followed because they lead outside the folder given, one line each; not failures. */
  notices: string[];
}

export interface FileSearchOptions {
  cwd: string;
  config: ResolvedConfig;
  /** false with --no-ignore: .gitignore and config `ignores` are not applied. */
  useIgnore: boolean;
  /** --follow-symlinks: follow links that lead outside the folder given. */
  followSymlinks?: boolean;
}

/** A path in one line of a message: a path past the system's limit is shortened in the middle. */
function showPath(file: string, cwd: string): string {
  const shown = displayPath(file, cwd);
  return shown.length > 200 ? `${shown.slice(0, 80)}…${shown.slice(-80)} (${shown.length} characters)` : shown;
}

/** Why a folder or path could not be read, in a few words. */
export function unreadableReason(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EACCES':
    case 'EPERM':
      return 'cannot read the folder: permission denied';
    case 'ENAMETOOLONG':
      return 'path too long for the system (over 4,096 characters, or a name over 255); not read';
    case 'ELOOP':
      return 'too many levels of symbolic links; not read';
    default:
      return `cannot read the folder: ${error.message.replace(/^\w+: /, '').replace(/, \w+ '.*'$/, '')}`;
  }
}

export async function findDraftFiles(inputs: readonly string[], options: FileSearchOptions): Promise<FileSearch> {
  const { cwd, config, useIgnore } = options;
  // Collected in a list, sorted, then rid of repeats (a file named twice, or in two searched folders).
  const found: string[] = [];
  const errors: string[] = [];
  const skipped: string[] = [];
  const notices: string[] = [];
  const outside = (link: string, root: string) =>
    notices.push(`${showPath(link, cwd)}: a symbolic link that leads outside ${showPath(root, cwd) || '.'}; not followed (--follow-symlinks follows it)`);
  const walkReports = (root: string): Pick<WalkOptions, 'followSymlinks' | 'onLinkOutside' | 'onUnreadable'> => ({
    followSymlinks: options.followSymlinks ?? false,
    onLinkOutside: (link) => outside(link, root),
    onUnreadable: (folder, error) => errors.push(`${showPath(folder, cwd)}: ${unreadableReason(error)}`),
  });
  // A path given inside the working directory that is a link leading out of it is not followed either.
  let realCwd: string | undefined;
  const leavesCwd = (absolute: string): boolean => {
    if (options.followSymlinks || !isInside(absolute, cwd)) return false;
    try {
      realCwd ??= realpathSync.native(cwd);
      return !isInside(realpathSync.native(absolute), realCwd);
    } catch {
      return false;
    }
  };
  // .gitignore matters only where folders or globs are searched: named files load none of it.
  let gitignore: GitIgnore | undefined;
  const gitignoreFor = async () => (gitignore ??= new (await import('./gitignore.js')).GitIgnore());
  // Folders and globs are walked by walkDrafts; globby is loaded only for the globs it leaves (see walkGlob).
  const search = async (patterns: string[], base: string) =>
    (await import('globby')).globby(patterns, {
      cwd: base,
      absolute: true,
      onlyFiles: true,
      dot: false,
      gitignore: false,
      ignore: ALWAYS_IGNORED,
      followSymbolicLinks: options.followSymlinks ?? false,
      suppressErrors: true,
    });

  for (const input of inputs.length > 0 ? inputs : ['.']) {
    const absolute = path.resolve(cwd, input);
    let stats;
    try {
      stats = statSync(absolute);
    } catch (error) {
      stats = undefined;
      if ((error as NodeJS.ErrnoException).code === 'ENAMETOOLONG') {
        errors.push(`${showPath(absolute, cwd)}: ${unreadableReason(error as NodeJS.ErrnoException)}`);
        continue;
      }
    }
    if (stats && leavesCwd(absolute)) {
      outside(absolute, cwd);
      continue;
    }
    if (stats?.isFile()) {
      // A file named on the command line is linted even if .gitignore lists it (as git add -f).
      if (!useIgnore || !isIgnored(config, absolute)) found.push(absolute);
      else skipped.push(input);
    } else if (stats?.isDirectory()) {
      const folderIgnore = useIgnore ? await gitignoreFor() : undefined;
      folderIgnore?.addAncestors(absolute);
      for (const file of walkDrafts(absolute, { extensions: DRAFT_EXTENSIONS, ...walkReports(absolute), ...(folderIgnore ? { gitignore: folderIgnore } : {}) })) {
        if (!useIgnore || !isIgnored(config, file)) found.push(file);
      }
    } else {
      const pattern = input.split(path.sep).join('/');
      const scanned = picomatch.scan(pattern);
      if (!scanned.isGlob) {
        errors.push(`No such file or directory: ${input}`);
        continue;
      }
      const globIgnore = useIgnore ? await gitignoreFor() : undefined;
      // The walker applies .gitignore as it goes; globby's matches are checked against it after.
      const walked = walkGlob(scanned, cwd, globIgnore, walkReports(path.resolve(cwd, scanned.base)));
      if (!walked && globIgnore) await addGitignores(globIgnore, cwd);
      const matches =
        walked ??
        (await search([pattern], cwd))
          .map((file) => path.normalize(file))
          .filter((file) => !globIgnore?.ignores(file))
          .filter((file) => {
            if (!leavesCwd(file)) return true;
            outside(file, cwd);
            return false;
          });
      if (matches.length === 0) errors.push(`No files match the pattern "${input}"`);
      for (const file of matches) if (!useIgnore || !isIgnored(config, file)) found.push(file);
    }
  }
  found.sort();
  return { files: found.filter((file, i) => file !== found[i - 1]), errors, skipped, notices: [...new Set(notices)] };
}

/**
 * The files a glob matches, found by walking the folder before its first wildcard, as folders
 * are (links followed once, .gitignore read on the way): what globby finds, in a fraction of the
 * time. Undefined for what only globby reads: negations, and hidden folders or files named in
 * the wildcard part, which the walker never enters.
 */
function walkGlob({ base, glob, negated }: ReturnType<typeof picomatch.scan>, cwd: string, gitignore: GitIgnore | undefined, reports: Partial<WalkOptions>): string[] | undefined {
  if (negated || /(^|\/)\./.test(glob)) return undefined;
  const root = path.resolve(cwd, base);
  gitignore?.addAncestors(root);
  return walkDrafts(root, { match: picomatch(glob, { dot: false }), ...reports, ...(gitignore ? { gitignore } : {}) });
}

/** The .gitignore files that can apply below `dir`: its ancestors' and its own subfolders'. */
async function addGitignores(gitignore: GitIgnore, dir: string): Promise<void> {
  gitignore.addAncestors(dir);
  const { globby } = await import('globby');
  const nested = await globby('**/.gitignore', { cwd: dir, absolute: true, dot: true, ignore: ALWAYS_IGNORED, suppressErrors: true });
  for (const file of nested) gitignore.add(path.normalize(file));
}
