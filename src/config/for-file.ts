/** The settings that apply to one file: the base config with its matching overrides applied. */
import path from 'node:path';
import picomatch from 'picomatch';
import type { RuleSetting } from '../engine/lint.js';
import type { PlaceholderSetting } from '../types.js';
import type { Defaults, ResolvedConfig } from './load.js';

export interface FileSettings {
  rules: Record<string, RuleSetting>;
  defaults: Defaults;
  placeholders?: Record<string, PlaceholderSetting>;
}

const matchers = new Map<string, (file: string) => boolean>();

function matcher(patterns: string[]): (file: string) => boolean {
  const key = patterns.join('\u0000');
  let match = matchers.get(key);
  if (!match) {
    match = patterns.length === 0 ? () => false : picomatch(patterns, { dot: true });
    matchers.set(key, match);
  }
  return match;
}

export function relativeTo(baseDir: string, file: string): string {
  return path.relative(baseDir, file).split(path.sep).join('/');
}

export function isIgnored(config: ResolvedConfig, file: string): boolean {
  return config.ignores.some(({ baseDir, patterns }) => {
    const relative = relativeTo(baseDir, file);
    const test = matcher(patterns);
    // A pattern naming a folder ignores what is inside it, as in .gitignore.
    return test(relative) || relative.split('/').some((_, i, parts) => test(parts.slice(0, i + 1).join('/')));
  });
}

const cache = new WeakMap<ResolvedConfig, Map<string, FileSettings>>();

export function settingsForFile(config: ResolvedConfig, file: string): FileSettings {
  const matched = config.overrides.filter((override) => {
    const relative = relativeTo(override.baseDir, file);
    return matcher(override.files)(relative) && !matcher(override.ignores)(relative);
  });
  let perConfig = cache.get(config);
  if (!perConfig) cache.set(config, (perConfig = new Map()));
  const key = matched.map((override) => config.overrides.indexOf(override)).join(',');
  const cached = perConfig.get(key);
  if (cached) return cached;
  const settings: FileSettings = {
    rules: { ...config.rules },
    defaults: { ...config.defaults },
    ...(config.placeholders ? { placeholders: { ...config.placeholders } } : {}),
  };
  for (const override of matched) {
    for (const [id, setting] of Object.entries(override.rules)) {
      settings.rules[id] = { severity: setting.severity, options: Object.keys(setting.options).length ? setting.options : settings.rules[id]?.options ?? {} };
    }
    if (override.defaults) settings.defaults = { ...settings.defaults, ...override.defaults };
    if (override.placeholders) settings.placeholders = { ...settings.placeholders, ...override.placeholders };
  }
  perConfig.set(key, settings);
  return settings;
}
