/**
 * A formatter from outside dmlint, by path (`-f ./my-formatter.mjs`) or by package name (`-f x`
 * for the package dmlint-formatter-x, `-f @acme` for @acme/dmlint-formatter). The module exports
 * what a built-in format module does: a default formatter function, and optionally `stream` and
 * `needsSource` (see FormatterModule in src/report/formatters/types.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isPathSpecifier, PackageNotFoundError, resolvePackageFile } from '../config/packages.js';
import type { ReportFormat } from '../report/formatters/index.js';
import { closest } from '../text/closest.js';

/** A name that can only be a file: a path, or a file name with a JavaScript extension. */
const looksLikeFile = (name: string) => isPathSpecifier(name) || /\.(?:m|c)?js$/.test(name);

export class FormatterLoadError extends Error {}

export async function loadCustomFormat(name: string, cwd: string, builtIn: readonly string[]): Promise<ReportFormat> {
  let file: string;
  if (looksLikeFile(name)) {
    file = path.resolve(cwd, name);
    if (!existsSync(file)) throw new FormatterLoadError(`format "${name}": no such file ${file}`);
  } else {
    try {
      file = await resolvePackageFile(name, 'formatter', cwd);
    } catch (error) {
      if (error instanceof PackageNotFoundError) {
        // Asked only once no package answers to the name: a formatter package may be named near a built-in one.
        const near = closest(name.trim(), builtIn);
        throw new FormatterLoadError(`unknown format "${name}"${near ? `: did you mean "${near}"?` : ''} (expected one of ${builtIn.join(', ')}, a formatter module's path, or an installed formatter package: ${error.message})`);
      }
      throw error;
    }
  }
  let loaded: Record<string, unknown>;
  try {
    loaded = await import(pathToFileURL(file).href);
  } catch (error) {
    throw new FormatterLoadError(`format "${name}": cannot load ${file}: ${(error as Error).message.split('\n')[0]}`);
  }
  // A CommonJS module's exports arrive as `default`; an ES module may export `format` instead.
  const format = (typeof loaded.default === 'function' ? loaded.default : loaded.format) as ReportFormat['default'] | undefined;
  if (typeof format !== 'function') {
    throw new FormatterLoadError(`format "${name}": ${file} exports no formatter (export default a function (results, context) that returns the report text)`);
  }
  return {
    default: format,
    ...(typeof loaded.stream === 'function' ? { stream: loaded.stream as NonNullable<ReportFormat['stream']> } : {}),
    ...(loaded.needsSource === true ? { needsSource: true } : {}),
  };
}
