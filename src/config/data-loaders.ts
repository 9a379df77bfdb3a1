/**
 * How JSON and YAML config files are read, in place of cosmiconfig's own loaders:
 * - a byte-order mark at the start is accepted (editors on Windows write one);
 * - YAML is read by the `yaml` package with its limit on alias expansion, so a few hundred bytes
 *   of nested aliases (a "billion laughs") are refused instead of expanding to gigabytes;
 * - cosmiconfig's `$import` key, which would load any file (code included) named by the data, is
 *   refused: a data config never chooses code to run (docs/security.md). `extends` is the way to
 *   build on another config, and it stays inside the project.
 */
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

const MAX_ALIAS_COUNT = 100;

const withoutBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

function refuseImport(config: unknown, file: string): unknown {
  const own = path.basename(file) === 'package.json' ? (config as Record<string, unknown> | null)?.dmlint : config;
  if (own !== null && typeof own === 'object' && Object.hasOwn(own, '$import')) {
    throw new Error(`Config Error in ${file}:\n"$import" is not supported: a JSON or YAML config does not load other files by itself; use "extends" with a file inside the project`);
  }
  return config;
}

// Errors are worded as cosmiconfig words its own ("JSON Error in FILE:\nreason"), which load.ts reads.
function parseWith(kind: string, file: string, parse: () => unknown): unknown {
  let config: unknown;
  try {
    config = parse();
  } catch (error) {
    throw new Error(`${kind} Error in ${file}:\n${(error as Error).message}`);
  }
  return refuseImport(config, file);
}

export function loadJsonConfig(file: string, text: string): unknown {
  return parseWith('JSON', file, () => JSON.parse(withoutBom(text)));
}

export function loadYamlConfig(file: string, text: string): unknown {
  const source = withoutBom(text);
  return parseWith('YAML', file, () => {
    try {
      return parseYaml(source, { maxAliasCount: MAX_ALIAS_COUNT, prettyErrors: false, logLevel: 'error' });
    } catch (error) {
      // The reason alone, without the parser's code frame, and where it is as a line and column.
      const at = (error as { pos?: [number, number] }).pos?.[0];
      if (at === undefined) throw error;
      const before = source.slice(0, at);
      throw new Error(`line ${before.split('\n').length}, column ${at - before.lastIndexOf('\n')}: ${(error as Error).message}`);
    }
  });
}

/** For cosmiconfig's `loaders` option; `.dmlintrc` (no extension) is YAML, which JSON is a part of. */
export const DATA_LOADERS = { '.json': loadJsonConfig, '.yaml': loadYamlConfig, '.yml': loadYamlConfig, noExt: loadYamlConfig };
