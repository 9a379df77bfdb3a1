/**
 * Everything a lint run needs past the flags, in one module: the CLI loads it with a single
 * dynamic import (one chunk to read instead of seven), and `--help` or `--version` never do.
 */
export { loadConfig } from '../api/config.js';
export { ConfigError } from '../config/errors.js';
export { loadFormat, isBuiltInFormat } from './format.js';
export { lintFiles } from '../run/lint-files.js';
export { parseRuleFlags, RuleFlagError } from './rule-flags.js';

/** Where --cache keeps its file unless --cache-location says otherwise. */
export const DEFAULT_CACHE_LOCATION = '.dmlintcache';
