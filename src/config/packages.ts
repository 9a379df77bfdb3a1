/**
 * Shareable configs, plugins and formatters named by package: `acme` means `dmlint-config-acme`
 * in `extends` (`dmlint-plugin-acme` in `plugins`, `dmlint-formatter-acme` for `--format`), and
 * `@acme` means `@acme/dmlint-config`, as ESLint spells its packages. A name is resolved from a
 * folder as Node resolves an import written in a file there: up through node_modules, with the
 * package's `exports` honoured. Loaded only when some name is not a path.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type PackageKind = 'config' | 'plugin' | 'formatter';

/** A path rather than a package name: `./x`, `../x`, `/x`, `C:\x`, `.` or `..`. */
export function isPathSpecifier(specifier: string): boolean {
  return /^\.{1,2}([\\/]|$)/.test(specifier) || path.isAbsolute(specifier) || /^[A-Za-z]:[\\/]/.test(specifier);
}

/** `@scope/name/sub/path` → ["@scope/name", "/sub/path"]; `name/sub` → ["name", "/sub"]. */
function splitSpecifier(specifier: string): [string, string] {
  const parts = specifier.split('/');
  const length = specifier.startsWith('@') ? 2 : 1;
  return [parts.slice(0, length).join('/'), parts.length > length ? `/${parts.slice(length).join('/')}` : ''];
}

/**
 * The package names a specifier may mean, most likely first: the dmlint-prefixed name, then the
 * name as written when it differs (a package that does not follow the convention).
 */
export function packageCandidates(specifier: string, kind: PackageKind): string[] {
  const prefix = `dmlint-${kind}`;
  const [name, subpath] = splitSpecifier(specifier);
  let expanded: string;
  if (name.startsWith('@')) {
    const [scope, bare = ''] = name.split('/');
    if (bare === '') expanded = `${scope}/${prefix}`;
    else expanded = bare === prefix || bare.startsWith(`${prefix}-`) ? name : `${scope}/${prefix}-${bare}`;
  } else {
    expanded = name.startsWith(`${prefix}-`) ? name : `${prefix}-${name}`;
  }
  const candidates = [expanded + subpath];
  // A bare scope ("@acme") is no package name of its own.
  if (expanded !== name && !/^@[^/]*$/.test(name)) candidates.push(name + subpath);
  return candidates;
}

export class PackageNotFoundError extends Error {}

/**
 * The file a package specifier names, resolved from `fromDir`. Throws PackageNotFoundError with a
 * message that says which names were looked for, from where, and why each failed.
 */
export async function resolvePackageFile(specifier: string, kind: PackageKind, fromDir: string): Promise<string> {
  const { resolve } = await import('import-meta-resolve');
  // A parent module in the folder: what an import written in a file there would find.
  const parent = pathToFileURL(path.join(fromDir, '__dmlint_resolve__.js')).href;
  const reasons: string[] = [];
  for (const candidate of packageCandidates(specifier, kind)) {
    try {
      const url = resolve(candidate, parent);
      if (!url.startsWith('file:')) throw new Error(`resolves to ${url}, not a file`);
      const file = fileURLToPath(url);
      if (!existsSync(file)) throw new Error(`its entry ${file} does not exist`);
      return file;
    } catch (error) {
      reasons.push(`"${candidate}" (${reasonOf(error)})`);
    }
  }
  throw new PackageNotFoundError(`cannot resolve ${kind} package ${reasons.join(' or ')}, looked for from ${fromDir}`);
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ERR_MODULE_NOT_FOUND' && message.startsWith('Cannot find package')) return 'not installed';
  if (code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return 'its package.json "exports" does not export that path';
  return message.split('\n')[0]!.replace(/\s+imported from \S+$/, '');
}
