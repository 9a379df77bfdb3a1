/**
 * Imports a config or plugin file as it is on disk now. Node caches modules by URL for the life
 * of the process, so a long-running dmlint (--lsp, --watch, --mcp) would keep running the code a
 * file had when first loaded; the file's modification time in the URL makes an edited file a new
 * module. CommonJS files are also cached by path, so that entry is dropped first. Modules the
 * file itself imports are not reloaded.
 */
import { realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const requireCache = createRequire(import.meta.url).cache;

export async function importFresh(file: string): Promise<Record<string, unknown>> {
  let real = file;
  let version = '';
  try {
    real = realpathSync(file);
    const stats = statSync(real);
    version = `?mtime=${stats.mtimeMs}-${stats.size}`;
  } catch {
    // A missing file: the plain import below fails with Node's own message.
  }
  delete requireCache[real];
  return (await import(pathToFileURL(real).href + version)) as Record<string, unknown>;
}

/** cosmiconfig's loader for JavaScript config files, through importFresh. */
export async function loadJsConfigFresh(file: string): Promise<unknown> {
  const module = await importFresh(file);
  return module.default;
}
