/** dmlint's own package.json, found from this module whether it runs from src/ or dist/. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let version: string | undefined;

export function packageVersion(): string {
  if (version) return version;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (parsed.name === 'dmlint' && parsed.version) return (version = parsed.version);
    }
    const parent = path.dirname(dir);
    if (parent === dir) return (version = '0.0.0');
    dir = parent;
  }
}
