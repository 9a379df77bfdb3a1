/**
 * .gitignore, as git applies it: every .gitignore from the repository root down to the file,
 * the deeper ones last, so they can re-include what a parent excluded. Each file is read once
 * per run; globby's own option searched and matched far more slowly (400 ms on 10,000 files).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

interface IgnoreFile {
  dir: string;
  /** The folder with a trailing separator: what paths it covers start with. */
  prefix: string;
  rules: Ignore;
}

export class GitIgnore {
  private readonly files: IgnoreFile[] = [];
  private readonly seen = new Set<string>();

  /** Adds the .gitignore files of `dir` and of its parents up to the repository root. */
  addAncestors(dir: string): void {
    const chain: string[] = [];
    for (let current = path.resolve(dir); ; current = path.dirname(current)) {
      chain.push(current);
      if (existsSync(path.join(current, '.git')) || path.dirname(current) === current) break;
    }
    for (const folder of chain.reverse()) this.add(path.join(folder, '.gitignore'));
  }

  /** Adds one .gitignore file (absolute path), if it exists and was not added before. */
  add(file: string): void {
    if (this.seen.has(file)) return;
    this.seen.add(file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return;
    }
    const dir = path.dirname(file);
    this.files.push({ dir, prefix: dir.endsWith(path.sep) ? dir : dir + path.sep, rules: ignore().add(text) });
    // Shallow files first: a deeper .gitignore has the last word.
    this.files.sort((a, b) => a.dir.length - b.dir.length);
  }

  /** Whether git ignores `file` (absolute); a folder is asked with `isDirectory`, as `build/` rules need. */
  ignores(file: string, isDirectory = false): boolean {
    let ignored = false;
    for (const { prefix, rules } of this.files) {
      // Only the .gitignore files of the folders above it apply (a string test: path.relative
      // per file and per .gitignore was most of a large walk's time).
      if (!file.startsWith(prefix) || file.length === prefix.length) continue;
      const relative = file.slice(prefix.length);
      const verdict = rules.test((path.sep === '/' ? relative : relative.split(path.sep).join('/')) + (isDirectory ? '/' : ''));
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }
}
