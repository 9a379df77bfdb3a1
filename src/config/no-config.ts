/**
 * Tells, without loading cosmiconfig, that no config file can be found from a directory, so a
 * run in a project without one does not load cosmiconfig and its YAML parser at all. The check
 * is a superset of cosmiconfig's search with the "global" strategy: every search place from the
 * directory up to the root (package.json only when it mentions the module name), cosmiconfig's
 * own meta config files in the directory, and the user's global config folder. Whenever
 * anything could be a config, cosmiconfig decides. test/no-config.test.ts puts a config in each
 * place cosmiconfig searches and checks that this never answers "surely none" where it finds one.
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const META_PLACES = ['package.yaml', '.config/config.json', '.config/config.yaml', '.config/config.yml', '.config/config.js', '.config/config.ts', '.config/config.cjs', '.config/config.mjs'];

function mentions(file: string, word: string): boolean {
  try {
    return readFileSync(file, 'utf8').includes(word);
  } catch {
    // Unreadable but there: let cosmiconfig report it the way it does.
    return existsSync(file);
  }
}

/** The folder cosmiconfig searches last for a user's config (env-paths), known here on Linux only. */
function globalConfigDir(moduleName: string): string | undefined {
  if (process.platform !== 'linux') return undefined;
  const base = process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(base, moduleName);
}

export function surelyNoConfig(cwd: string, moduleName: string, searchPlaces: readonly string[]): boolean {
  const global = globalConfigDir(moduleName);
  if (!global || existsSync(global)) return false;
  if (META_PLACES.some((place) => existsSync(path.join(cwd, place)))) return false;
  if (mentions(path.join(cwd, 'package.json'), '"cosmiconfig"')) return false;
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const place of searchPlaces) {
      const file = path.join(dir, place);
      if (place === 'package.json' ? mentions(file, `"${moduleName}"`) : existsSync(file)) return false;
    }
    if (path.dirname(dir) === dir) return true;
  }
}
