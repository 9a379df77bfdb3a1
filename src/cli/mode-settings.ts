/** What --watch and --mcp take from the command line besides their own flag. */
import type { RuleEntry } from '../config/load.js';
import { normaliseLocale, normalisePlatform } from '../draft/metadata.js';
import type { CliArgs } from './args.js';
import { parseRuleFlags } from './rule-flags.js';

/** What --watch and --mcp take from the command line: config, --rule, --platform, --locale. */
export interface ModeSettings {
  configFile?: string;
  ruleOverrides: Record<string, RuleEntry>;
  defaults: { platform?: string; locale?: string };
}

export function settingsOf(args: CliArgs): ModeSettings | string {
  const defaults: ModeSettings['defaults'] = {};
  if (args.platform !== undefined) {
    if (!normalisePlatform(args.platform)) return `--platform "${args.platform}": expected twitter, facebook or linkedin (or x, messenger)`;
    defaults.platform = args.platform;
  }
  if (args.locale !== undefined) {
    if (!normaliseLocale(args.locale)) return `--locale "${args.locale}": not a valid BCP 47 locale (for example en, fr, fr-FR)`;
    defaults.locale = args.locale;
  }
  try {
    return { ...(args.config ? { configFile: args.config } : {}), ruleOverrides: parseRuleFlags(args.rule) as Record<string, RuleEntry>, defaults };
  } catch (error) {
    return (error as Error).message;
  }
}
