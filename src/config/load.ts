/**
 * Finds, loads, validates and merges configuration. Every config starts from
 * `dmlint:recommended`; `extends` layers presets and other files under it, in order.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { completeMeta, type RuleDefinition } from '../rule-api/define-rule.js';
import { readLocale } from '../draft/locales.js';
import type { MetadataLayer } from '../draft/metadata.js';
import type { RuleSetting } from '../engine/lint.js';
import type { PlaceholderSetting, Rule, SeverityInput } from '../types.js';
import { closest } from '../text/closest.js';
import { displayPath } from '../text/display-path.js';
import { ConfigError, formatKeyPath } from './errors.js';
import { importFresh, loadJsConfigFresh } from './import-fresh.js';
import { projectRoot, insideProject, isPackageName } from './project-root.js';
import { surelyNoConfig } from './no-config.js';
import { isPathSpecifier, PackageNotFoundError, resolvePackageFile, type PackageKind } from './packages.js';
import { makePhraseRule, toSeverity, type PhraseRuleConfig } from './phrase-rules.js';
import { PRESETS, presetSeverities, type PresetName } from './presets.js';
import { configSchema } from './schema.js';
import { validateAgainst } from './validate.js';

export const MODULE_NAME = 'dmlint';
export const SEARCH_PLACES = [
  'package.json',
  '.dmlintrc',
  '.dmlintrc.json',
  '.dmlintrc.yaml',
  '.dmlintrc.yml',
  '.dmlintrc.js',
  '.dmlintrc.cjs',
  '.dmlintrc.mjs',
  'dmlint.config.js',
  'dmlint.config.mjs',
  'dmlint.config.cjs',
  'dmlint.config.ts',
];

export interface Defaults {
  platform?: string;
  kind?: string;
  audience?: string;
  locale?: string;
}

export type RuleEntry = SeverityInput | [SeverityInput] | [SeverityInput, Record<string, unknown>];

interface UserConfig {
  extends?: string | string[];
  defaults?: Defaults;
  rules?: Record<string, RuleEntry>;
  placeholders?: Record<string, PlaceholderSetting>;
  phrases?: PhraseRuleConfig[];
  overrides?: UserOverride[];
  ignores?: string[];
  plugins?: string[];
}

interface UserOverride {
  files: string | string[];
  ignores?: string[];
  defaults?: Defaults;
  rules?: Record<string, RuleEntry>;
  placeholders?: Record<string, PlaceholderSetting>;
}

export interface Override {
  baseDir: string;
  files: string[];
  ignores: string[];
  defaults?: Defaults;
  rules: Record<string, RuleSetting>;
  placeholders?: Record<string, PlaceholderSetting>;
}

export interface ResolvedConfig {
  /** The config file found or named, or undefined when none. */
  configFile?: string;
  /** Directory that `ignores` and `overrides` patterns are relative to. */
  baseDir: string;
  rules: Record<string, RuleSetting>;
  defaults: Defaults;
  placeholders?: Record<string, PlaceholderSetting>;
  phrases: PhraseRuleConfig[];
  overrides: Override[];
  ignores: { baseDir: string; patterns: string[] }[];
  plugins: string[];
  /** Every rule the run knows: built-in, then plugins, then phrase rules. */
  registry: Map<string, Rule>;
  /** How to build this config again (worker threads cannot receive rules, which hold functions). */
  source: ConfigSource;
}

export type ConfigSource =
  | { kind: 'load'; options: LoadConfigOptions }
  | { kind: 'object'; raw: unknown; filepath: string | undefined; cwd: string; ruleOverrides: Record<string, RuleEntry> | undefined };

/** Builds a config again from its source, as a worker thread does. */
export function reloadConfig(source: ConfigSource, builtins: readonly Rule[]): Promise<ResolvedConfig> {
  return source.kind === 'load' ? loadConfigWith(builtins, source.options) : resolveConfigWith(builtins, source.raw, source.filepath, source.cwd, source.ruleOverrides);
}

/** A `rules` object as written, kept with its file until the registry is known. */
interface RuleSite {
  file: string;
  keyPath: (string | number)[];
  entries: Record<string, RuleEntry>;
  target: Record<string, RuleSetting>;
}

const schema = configSchema();
interface ConfigExplorer {
  search(from: string): Promise<{ config: unknown; filepath: string } | null>;
  load(file: string): Promise<{ config: unknown; filepath: string } | null>;
}

// Loaded on demand: a project without a config never needs it (see no-config.ts). cosmiconfig's
// Explorer is built directly, not through cosmiconfig(): that also reads a "meta config"
// (package.json "cosmiconfig", .config/config.*) from the working directory, which could change
// where configs are searched for and "$import" any file, code included (docs/security.md).
const explorer = async (): Promise<ConfigExplorer> => {
  const [explorerModule, defaultsModule, { DATA_LOADERS }] = await Promise.all([
    import('cosmiconfig/dist/Explorer.js'),
    import('cosmiconfig/dist/defaults.js'),
    import('./data-loaders.js'),
  ]);
  // CommonJS modules: bundled, their exports arrive under `default`.
  type Module = { Explorer?: new (options: object) => ConfigExplorer; defaultLoaders?: Record<string, unknown>; default?: Module };
  const { Explorer } = (explorerModule as Module).Explorer ? (explorerModule as Module) : (explorerModule as Module).default!;
  const { defaultLoaders } = (defaultsModule as Module).defaultLoaders ? (defaultsModule as Module) : (defaultsModule as Module).default!;
  return new Explorer!({
    moduleName: MODULE_NAME,
    searchPlaces: SEARCH_PLACES,
    ignoreEmptySearchPlaces: true,
    cache: false,
    transform: (result: unknown) => result,
    loaders: { ...defaultLoaders, ...DATA_LOADERS, '.js': loadJsConfigFresh, '.mjs': loadJsConfigFresh, '.cjs': loadJsConfigFresh },
    metaConfigFilePath: null,
    mergeImportArrays: true,
    mergeSearchPlaces: true,
    searchStrategy: 'global',
  });
};

export interface LoadConfigOptions {
  cwd?: string;
  /** A config file to use instead of searching. */
  configFile?: string;
  /** Extra rule settings (the CLI's --rule), applied last. */
  ruleOverrides?: Record<string, RuleEntry>;
}

/**
 * Finds (or reads `configFile`) and resolves the config for `cwd`. `builtins` are the rules every
 * config starts from; the library passes dmlint's own (src/api/config.ts), so this layer never
 * imports rules/.
 */
export async function loadConfigWith(builtins: readonly Rule[], options: LoadConfigOptions = {}): Promise<ResolvedConfig> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  let found: { config: unknown; filepath: string } | null;
  if (options.configFile) {
    const file = path.resolve(cwd, options.configFile);
    if (!existsSync(file)) throw new ConfigError(options.configFile, '', 'config file not found');
    found = await readConfigFile(file, cwd);
  } else {
    try {
      found = surelyNoConfig(cwd, MODULE_NAME, SEARCH_PLACES) ? null : await (await explorer()).search(cwd);
    } catch (error) {
      throw asConfigError(error, cwd);
    }
  }
  const resolved = await resolveConfigWith(builtins, found?.config ?? {}, found?.filepath, cwd, options.ruleOverrides);
  resolved.source = { kind: 'load', options: { ...options, cwd } };
  return resolved;
}

/** Builds a resolved config from a config object, as if read from `filepath`. */
export async function resolveConfigWith(
  builtins: readonly Rule[],
  raw: unknown,
  filepath: string | undefined,
  cwd: string,
  ruleOverrides?: Record<string, RuleEntry>,
): Promise<ResolvedConfig> {
  const baseDir = filepath ? path.dirname(filepath) : cwd;
  const resolved: ResolvedConfig = {
    ...(filepath ? { configFile: filepath } : {}),
    baseDir,
    rules: Object.create(null),
    defaults: {},
    phrases: [],
    overrides: [],
    ignores: [],
    plugins: [],
    registry: new Map(builtins.map((rule) => [rule.meta.id, rule])),
    source: { kind: 'object', raw, filepath, cwd, ruleOverrides },
  };
  const sites: RuleSite[] = [];
  applyPreset(resolved, 'dmlint:recommended');
  await applyLayer(resolved, raw, filepath ?? path.join(cwd, '<defaults>'), cwd, sites, [], projectRoot(baseDir));

  for (const plugin of resolved.plugins) await loadPlugin(resolved, plugin, cwd);
  for (const phrase of resolved.phrases) {
    const rule = makePhraseRule(phrase);
    resolved.registry.set(phrase.id, rule);
    if (!(phrase.id in resolved.rules)) resolved.rules[phrase.id] = { severity: rule.meta.defaultSeverity, options: {} };
  }
  if (ruleOverrides) sites.push({ file: '--rule', keyPath: [], entries: ruleOverrides, target: resolved.rules });
  for (const site of sites) await applyRuleSite(site, resolved.registry);
  return resolved;
}

function applyPreset(resolved: ResolvedConfig, name: PresetName): void {
  for (const [id, severity] of Object.entries(presetSeverities(name, resolved.registry.values()))) {
    resolved.rules[id] = { severity, options: resolved.rules[id]?.options ?? {} };
  }
}

async function readConfigFile(file: string, cwd: string): Promise<{ config: unknown; filepath: string } | null> {
  try {
    const result = await (await explorer()).load(file);
    return result ? { config: result.config, filepath: result.filepath } : { config: {}, filepath: file };
  } catch (error) {
    throw asConfigError(error, cwd, file);
  }
}

function asConfigError(error: unknown, cwd: string, file?: string): ConfigError {
  if (error instanceof ConfigError) return error;
  const message = error instanceof Error ? error.message : String(error);
  // cosmiconfig says "JSON Error in /path/file: <code frame> <reason> <code frame>"; name the file, keep the reason.
  const at = /^(?:\w+ )?Error in (.+?):\s/.exec(message);
  const where = file ?? (error as { filepath?: string }).filepath ?? at?.[1] ?? cwd;
  return new ConfigError(displayPath(where, cwd), '', `cannot be read: ${parseReason(at ? message.slice(at[0].length) : message, where)}`);
}

/** The parser's reason without its code frames, with "at position N" given as a line and column. */
function parseReason(text: string, file: string): string {
  const codeFrame = /^\s*(?:>\s*)?\d*\s*\|/;
  const reason = text.split('\n').find((line) => line.trim() !== '' && !codeFrame.test(line) && !/^-*\^$/.test(line.trim()))?.trim() ?? text.trim();
  const withoutEcho = reason.replace(/ while parsing ['"][\s\S]*$/, '').replace(/ \(line \d+ column \d+\)$/, '');
  const position = /^(.*?)(?: in JSON)? at position (\d+)/.exec(withoutEcho);
  if (!position) return withoutEcho;
  let source = '';
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return withoutEcho;
  }
  const before = source.slice(0, Number(position[2]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `line ${line}, column ${column}: ${position[1]}`;
}

async function applyLayer(
  resolved: ResolvedConfig,
  raw: unknown,
  file: string,
  cwd: string,
  sites: RuleSite[],
  chain: string[],
  /** Files named by `extends` and `plugins` must be inside it (see project-root.ts). */
  root: string,
): Promise<void> {
  const shown = displayPath(file, cwd);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(shown, '', 'the config must be an object');
  }
  if (Object.keys(raw).length > 0) await validateAgainst(schema, raw, shown);
  const config = raw as UserConfig;
  checkLocales(config, shown);
  const dir = path.dirname(file);

  const parents = config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends];
  for (const [index, parent] of parents.entries()) {
    const keyPath = Array.isArray(config.extends) ? ['extends', index] : ['extends'];
    if (parent.startsWith('dmlint:')) {
      if (!(PRESETS as readonly string[]).includes(parent)) {
        throw new ConfigError(shown, formatKeyPath(keyPath), `unknown preset "${parent}" (expected ${PRESETS.join(' or ')})`);
      }
      applyPreset(resolved, parent as PresetName);
      continue;
    }
    const { target, isFile } = await extendsTarget(parent, dir, shown, formatKeyPath(keyPath));
    if (chain.includes(target) || target === file) {
      throw new ConfigError(shown, formatKeyPath(keyPath), `"extends" makes a cycle: ${[...chain, file, target].map((f) => displayPath(f, cwd)).join(' → ')}`);
    }
    if (!existsSync(target)) throw new ConfigError(shown, formatKeyPath(keyPath), `cannot find "${parent}"`);
    // A file must be in the project; a package is trusted as an installed dependency.
    if (isFile && !insideProject(target, root)) throw outsideProject(shown, keyPath, parent, root, cwd);
    const loaded = await readConfigFile(target, cwd);
    await applyLayer(resolved, loaded?.config ?? {}, target, cwd, sites, [...chain, file], root);
  }

  if (config.defaults) resolved.defaults = { ...resolved.defaults, ...config.defaults };
  if (config.placeholders) resolved.placeholders = { ...resolved.placeholders, ...config.placeholders };
  if (config.rules) sites.push({ file: shown, keyPath: ['rules'], entries: config.rules, target: resolved.rules });
  if (config.ignores) resolved.ignores.push({ baseDir: dir, patterns: config.ignores });
  for (const [index, plugin] of (config.plugins ?? []).entries()) {
    // A plugin is a file inside the project, or an installed package (trusted as a dependency);
    // nothing else (a path outside, a file: or data: URL) is imported.
    const where = formatKeyPath(['plugins', index]);
    if (!isPathSpecifier(plugin) && !isPackageName(plugin)) {
      throw new ConfigError(shown, where, `"${plugin}" is neither a path to a file in the project nor a package name`);
    }
    const target = isPathSpecifier(plugin) ? resolvePluginPath(plugin, dir) : await packageFile(plugin, 'plugin', dir, shown, where);
    if (isPathSpecifier(plugin) && !insideProject(target, root)) throw outsideProject(shown, ['plugins', index], plugin, root, cwd);
    resolved.plugins.push(target);
  }
  for (const phrase of config.phrases ?? []) {
    resolved.phrases = resolved.phrases.filter((existing) => existing.id !== phrase.id);
    resolved.phrases.push(phrase);
  }
  for (const [index, override] of (config.overrides ?? []).entries()) {
    const rules: Record<string, RuleSetting> = Object.create(null);
    if (override.rules) sites.push({ file: shown, keyPath: ['overrides', index, 'rules'], entries: override.rules, target: rules });
    resolved.overrides.push({
      baseDir: dir,
      files: Array.isArray(override.files) ? override.files : [override.files],
      ignores: override.ignores ?? [],
      ...(override.defaults ? { defaults: override.defaults } : {}),
      rules,
      ...(override.placeholders ? { placeholders: override.placeholders } : {}),
    });
  }
}

/** Every `locale` in a config names a language ("english" and "klingon" do not). */
function checkLocales(config: UserConfig, shown: string): void {
  const sites: [(string | number)[], string | undefined][] = [
    [['defaults', 'locale'], config.defaults?.locale],
    ...(config.overrides ?? []).map((override, index): [(string | number)[], string | undefined] => [['overrides', index, 'defaults', 'locale'], override.defaults?.locale]),
    ...(config.phrases ?? []).map((phrase, index): [(string | number)[], string | undefined] => [['phrases', index, 'locale'], phrase.locale]),
  ];
  for (const [keyPath, value] of sites) {
    if (value === undefined) continue;
    const reading = readLocale(value);
    if ('problem' in reading) throw new ConfigError(shown, formatKeyPath(keyPath), reading.problem);
  }
}

function outsideProject(shown: string, keyPath: (string | number)[], named: string, root: string, cwd: string): ConfigError {
  return new ConfigError(
    shown,
    formatKeyPath(keyPath),
    `"${named}" is outside the project (${displayPath(root, cwd) || '.'}): a config may only name files inside it, or packages installed in node_modules`,
  );
}

/**
 * What an `extends` entry names: a file (a path, or a name that is a file in the config's folder,
 * as before packages were read) or a package resolved from the config's folder.
 */
async function extendsTarget(parent: string, dir: string, shown: string, where: string): Promise<{ target: string; isFile: boolean }> {
  const file = path.resolve(dir, parent);
  if (isPathSpecifier(parent) || statSync(file, { throwIfNoEntry: false })?.isFile()) return { target: file, isFile: true };
  if (!isPackageName(parent)) throw new ConfigError(shown, where, `"${parent}" is neither a path to a file in the project nor a package name`);
  return { target: await packageFile(parent, 'config', dir, shown, where), isFile: false };
}

async function packageFile(specifier: string, kind: PackageKind, dir: string, shown: string, where: string): Promise<string> {
  try {
    return await resolvePackageFile(specifier, kind, dir);
  } catch (error) {
    if (error instanceof PackageNotFoundError) throw new ConfigError(shown, where, error.message);
    throw error;
  }
}

function resolvePluginPath(plugin: string, dir: string): string {
  return plugin.startsWith('.') || path.isAbsolute(plugin) ? path.resolve(dir, plugin) : plugin;
}

function isRule(value: unknown): value is RuleDefinition<unknown> {
  const candidate = value as RuleDefinition<unknown> | undefined;
  return typeof candidate?.create === 'function' && typeof candidate.meta?.id === 'string';
}

async function loadPlugin(resolved: ResolvedConfig, plugin: string, cwd: string): Promise<void> {
  let module: Record<string, unknown>;
  try {
    module = path.isAbsolute(plugin) ? await importFresh(plugin) : await import(plugin);
  } catch (error) {
    throw new ConfigError('plugins', '', `cannot load "${displayPath(plugin, cwd)}": ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  const exported = (module.rules ?? (module.default as Record<string, unknown> | undefined)?.rules ?? module.default) as unknown;
  const rules = Array.isArray(exported) ? exported : isRule(exported) ? [exported] : Object.values((exported as object) ?? {});
  const valid = rules.filter(isRule);
  if (valid.length === 0) throw new ConfigError('plugins', '', `"${displayPath(plugin, cwd)}" exports no rules (export "rules", an array of rules made with defineRule)`);
  for (const rule of valid) {
    // Plugins may leave out metadata; fill it as defineRule does (plugin rules default to warn).
    const meta = completeMeta({ defaultSeverity: 'warn', type: 'suggestion', ...rule.meta });
    resolved.registry.set(meta.id, { meta, create: rule.create as Rule['create'] });
    if (!(meta.id in resolved.rules)) resolved.rules[meta.id] = { severity: meta.defaultSeverity, options: {} };
  }
}

const SEVERITIES = ['off', 'warn', 'error', 0, 1, 2];

async function applyRuleSite(site: RuleSite, registry: Map<string, Rule>): Promise<void> {
  for (const [id, entry] of Object.entries(site.entries)) {
    const keyPath = [...site.keyPath, id];
    const where = site.keyPath.length ? formatKeyPath(keyPath) : id;
    const rule = registry.get(id);
    if (!rule) {
      const suggestion = closest(id, registry.keys());
      throw new ConfigError(site.file, where, `unknown rule "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`);
    }
    const [severity, options] = Array.isArray(entry) ? entry : [entry, undefined];
    if (!SEVERITIES.includes(severity as never)) {
      const at = Array.isArray(entry) ? formatKeyPath([...keyPath, 0]) : where;
      throw new ConfigError(site.file, site.keyPath.length ? at : id, `expected a severity ("off", "warn", "error", 0, 1 or 2), got ${JSON.stringify(severity)}`);
    }
    if (Array.isArray(entry) && entry.length > 2) {
      throw new ConfigError(site.file, where, 'expected [severity] or [severity, options]');
    }
    if (options !== undefined) await validateAgainst(rule.meta.schema, options, site.file, site.keyPath.length ? [...keyPath, 1] : [id, 1]);
    const previous = site.target[id];
    site.target[id] = {
      severity: toSeverity(severity as SeverityInput),
      options: options ?? previous?.options ?? {},
    };
  }
}

/** Metadata layers for the parser: config defaults, then the CLI's. */
export function defaultsLayer(defaults: Defaults, origin: 'config' | 'cli'): MetadataLayer {
  const layer: MetadataLayer = {};
  for (const key of ['platform', 'kind', 'audience', 'locale'] as const) {
    if (defaults[key] !== undefined) layer[key] = { value: defaults[key], origin };
  }
  return layer;
}
