/** `dmlint:recommended` (each rule at its default severity) and `dmlint:strict` (every rule an error). */
import type { Rule, Severity } from '../types.js';

export const PRESETS = ['dmlint:recommended', 'dmlint:strict'] as const;
export type PresetName = (typeof PRESETS)[number];

export function presetSeverities(name: PresetName, rules: Iterable<Rule>): Record<string, Severity> {
  const severities: Record<string, Severity> = Object.create(null);
  for (const rule of rules) severities[rule.meta.id] = name === 'dmlint:strict' ? 'error' : rule.meta.defaultSeverity;
  return severities;
}
