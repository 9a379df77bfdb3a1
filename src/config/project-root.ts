/**
 * The project a config belongs to, for what its `extends` and `plugins` may name: the nearest
 * folder at or above the config file that holds `.git` (so a package of a monorepo may extend the
 * repository's base config), else the config file's own folder. A file named by a config must
 * really be inside it, links resolved: a repository under lint cannot make dmlint import code, or
 * read a config, from elsewhere on the machine. Packages, by name, are installed dependencies and
 * trusted as such (docs/security.md).
 */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';

export function projectRoot(configFolder: string): string {
  for (let dir = path.resolve(configFolder); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(configFolder);
  }
}

const within = (file: string, root: string) => file === root || file.startsWith(root.endsWith(path.sep) ? root : root + path.sep);

/** Whether `file` is inside `root`, once both are resolved through any links. */
export function insideProject(file: string, root: string): boolean {
  let realRoot: string;
  try {
    realRoot = realpathSync.native(root);
  } catch {
    return false;
  }
  try {
    return within(realpathSync.native(file), realRoot);
  } catch {
    // Not there (its loading then says so) or a broken link: judged by where it is named.
    return within(path.resolve(file), path.resolve(root));
  }
}

// npm's rules for a package name (or a bare scope, "@acme"), with an optional path inside the
// package; no scheme, no "..".
const PACKAGE = /^(?:@[a-z0-9][\w.~-]*(?:\/[a-z0-9][\w.~-]*)?|[a-z0-9][\w.~-]*)(?:\/(?!\.\.?(?:\/|$))[\w.~@-]+)*$/i;

export function isPackageName(name: string): boolean {
  return PACKAGE.test(name);
}
