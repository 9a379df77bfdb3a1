/** dmlint's own package.json, found from this module whether it runs from src/ or dist/. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let found: { root?: string; version: string } | undefined;

function findPackage(): { root?: string; version: string } {
  if (found) return found;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (parsed.name === 'dmlint' && parsed.version) return (found = { root: dir, version: parsed.version });
    }
    const parent = path.dirname(dir);
    if (parent === dir) return (found = { version: '0.0.0' });
    dir = parent;
  }
}

export function packageVersion(): string {
  return findPackage().version;
}

/** The folder of dmlint's package.json (docs/ ships beside it), or undefined if it cannot be found. */
export function packageRoot(): string | undefined {
  return findPackage().root;
}
