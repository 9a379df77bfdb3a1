/** Where dmlint may create a file the command line names (the report, the cache). */
import { realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * Whether `target` is named inside `folder` but its folder leads out of it through a link (a
 * `reports -> /etc` planted in the repository under lint): dmlint then refuses to create it there.
 */
export function leadsOutOf(target: string, folder: string): boolean {
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
  const absolute = path.resolve(folder, target);
  if (!inside(absolute, path.resolve(folder))) return false;
  // The nearest existing folder on the way: what is not there yet will be created inside it.
  let existing = path.dirname(absolute);
  for (;;) {
    try {
      return !inside(realpathSync.native(existing), realpathSync.native(folder));
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return false;
      existing = parent;
    }
  }
}
