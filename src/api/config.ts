/**
 * Config for library users and the CLI: the config layer's functions with dmlint's built-in
 * rules supplied. This is where rules/ meets config/ (see docs/architecture.md).
 */
import { builtinRules } from '../../rules/index.js';
import { loadConfigWith, resolveConfigWith, type LoadConfigOptions, type ResolvedConfig, type RuleEntry } from '../config/load.js';

export { builtinRules };

/** Finds the config that applies in `options.cwd` (or reads `options.configFile`) and resolves it. */
export function loadConfig(options: LoadConfigOptions = {}): Promise<ResolvedConfig> {
  return loadConfigWith(builtinRules, options);
}

/** Resolves a config object as if it were read from `filepath` (relative patterns start there). */
export function resolveConfig(raw: unknown, filepath: string | undefined, cwd: string, ruleOverrides?: Record<string, RuleEntry>): Promise<ResolvedConfig> {
  return resolveConfigWith(builtinRules, raw, filepath, cwd, ruleOverrides);
}
