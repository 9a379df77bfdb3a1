import path from 'node:path';

/** How reports show a file: relative to the working directory when inside it, with `/` separators. */
export function displayPath(file: string, cwd: string): string {
  // The common case without path.relative, which costs more than the rest of a cached file's result.
  const inside = file.startsWith(cwd) && file[cwd.length] === path.sep && cwd.length > 0 ? file.slice(cwd.length + 1) : undefined;
  const relative = inside ?? path.relative(cwd, file);
  const shown = relative && !relative.startsWith('..') ? relative : file;
  return path.sep === '/' ? shown : shown.split(path.sep).join('/');
}
