/** The CLI's informational commands: --list-rules and --print-config (--init is in init.ts). */
import path from 'node:path';
import { isIgnored, settingsForFile } from '../config/for-file.js';
import type { ResolvedConfig } from '../config/load.js';
import { escapeControl } from '../report/formatters/escape.js';

export function listRules(config: ResolvedConfig, format: string): string {
  const rows = [...config.registry.values()].map((rule) => ({
    id: rule.meta.id,
    platforms: rule.meta.platforms.length ? rule.meta.platforms.join(', ') : 'all',
    kinds: rule.meta.kinds?.join(', ') ?? '',
    defaultSeverity: rule.meta.defaultSeverity,
    severity: config.rules[rule.meta.id]?.severity ?? 'off',
    fixable: rule.meta.fixable,
    description: rule.meta.description,
  }));
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const header = { id: 'rule', platforms: 'platforms', defaultSeverity: 'default', severity: 'configured', fixable: 'fixable' };
  const cell = (row: typeof header | (typeof rows)[number]) => [
    row.id,
    row.platforms + ('kinds' in row && row.kinds ? ` (${row.kinds})` : ''),
    row.defaultSeverity,
    row.severity,
    typeof row.fixable === 'boolean' ? (row.fixable ? 'yes' : 'no') : row.fixable,
  ];
  // Plugin and phrase rules bring ids and descriptions from config: escaped for the terminal.
  const table = [cell(header), ...rows.map(cell)].map((row) => row.map(escapeControl));
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  return `${table.map((row) => row.map((value, column) => value.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n')}\n`;
}

export function printConfig(config: ResolvedConfig, file: string, cwd: string): string {
  const absolute = path.resolve(cwd, file);
  const settings = settingsForFile(config, absolute);
  const rules: Record<string, unknown> = {};
  for (const [id, setting] of Object.entries(settings.rules)) {
    const rule = config.registry.get(id);
    const options = { ...rule?.meta.defaultOptions, ...setting.options };
    rules[id] = Object.keys(options).length ? [setting.severity, options] : setting.severity;
  }
  return `${JSON.stringify(
    {
      file: path.relative(cwd, absolute).split(path.sep).join('/'),
      configFile: config.configFile ? path.relative(cwd, config.configFile).split(path.sep).join('/') : null,
      ignored: isIgnored(config, absolute),
      defaults: settings.defaults,
      placeholders: settings.placeholders ?? null,
      rules,
      phrases: config.phrases,
      plugins: config.plugins,
    },
    null,
    2,
  )}\n`;
}
