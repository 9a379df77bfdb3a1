/** Which files a run lints: explicit files, directories searched for drafts, and globs. */
import { statSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { isIgnored } from '../config/for-file.js';
import type { GitIgnore } from './gitignore.js';
import type { ResolvedConfig } from '../config/load.js';
import { walkDrafts } from './walk.js';

export const DRAFT_EXTENSIONS = ['md', 'markdown'];
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export interface FileSearch {
  files: string[];
  /** Inputs that named nothing: one line each, for stderr; they make the run fail (exit 2). */
  errors: string[];
  /** Explicit files skipped because config ignores them. */
  skipped: string[];
}

export interface FileSearchOptions {
  cwd: string;
  config: ResolvedConfig;
  /** false with --no-ignore: .gitignore and config `ignores` are not applied. */
  useIgnore: boolean;
}

export async function findDraftFiles(inputs: readonly string[], options: FileSearchOptions): Promise<FileSearch> {
  const { cwd, config, useIgnore } = options;
  // Collected in a list, sorted, then rid of repeats (a file named twice, or in two searched folders).
  const found: string[] = [];
  const errors: string[] = [];
  const skipped: string[] = [];
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
      followSymbolicLinks: true,
      suppressErrors: true,
    });

  for (const input of inputs.length > 0 ? inputs : ['.']) {
    const absolute = path.resolve(cwd, input);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      stats = undefined;
    }
    if (stats?.isFile()) {
      // A file named on the command line is linted even if .gitignore lists it (as git add -f).
      if (!useIgnore || !isIgnored(config, absolute)) found.push(absolute);
      else skipped.push(input);
    } else if (stats?.isDirectory()) {
      const folderIgnore = useIgnore ? await gitignoreFor() : undefined;
      folderIgnore?.addAncestors(absolute);
      for (const file of walkDrafts(absolute, { extensions: DRAFT_EXTENSIONS, ...(folderIgnore ? { gitignore: folderIgnore } : {}) })) {
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
      const walked = walkGlob(scanned, cwd, globIgnore);
      if (!walked && globIgnore) await addGitignores(globIgnore, cwd);
      const matches = walked ?? (await search([pattern], cwd)).map((file) => path.normalize(file)).filter((file) => !globIgnore?.ignores(file));
      if (matches.length === 0) errors.push(`No files match the pattern "${input}"`);
      for (const file of matches) if (!useIgnore || !isIgnored(config, file)) found.push(file);
    }
  }
  found.sort();
  return { files: found.filter((file, i) => file !== found[i - 1]), errors, skipped };
}

/**
 * The files a glob matches, found by walking the folder before its first wildcard, as folders
 * are (links followed once, .gitignore read on the way): what globby finds, in a fraction of the
 * time. Undefined for what only globby reads: negations, and hidden folders or files named in
 * the wildcard part, which the walker never enters.
 */
function walkGlob({ base, glob, negated }: ReturnType<typeof picomatch.scan>, cwd: string, gitignore: GitIgnore | undefined): string[] | undefined {
  if (negated || /(^|\/)\./.test(glob)) return undefined;
  const root = path.resolve(cwd, base);
  gitignore?.addAncestors(root);
  return walkDrafts(root, { match: picomatch(glob, { dot: false }), ...(gitignore ? { gitignore } : {}) });
}

/** The .gitignore files that can apply below `dir`: its ancestors' and its own subfolders'. */
async function addGitignores(gitignore: GitIgnore, dir: string): Promise<void> {
  gitignore.addAncestors(dir);
  const { globby } = await import('globby');
  const nested = await globby('**/.gitignore', { cwd: dir, absolute: true, dot: true, ignore: ALWAYS_IGNORED, suppressErrors: true });
  for (const file of nested) gitignore.add(path.normalize(file));
}
