/** `--rule` values: 'ID: SEVERITY', 'ID: [SEVERITY, {options}]', or ESLint's '{"ID": SEVERITY, ...}'. */
import { OPTIONS } from './options.js';

export class RuleFlagError extends Error {}

export function parseRuleFlags(flags: readonly string[]): Record<string, unknown> {
  const rules: Record<string, unknown> = Object.create(null);
  for (const flag of flags) {
    const refuse = (why: string): never => {
      throw new RuleFlagError(`--rule "${flag}": ${why}; expected ${OPTIONS.rule.accepts}`);
    };
    const text = flag.trim();
    if (text.startsWith('{')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        refuse('not valid JSON');
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) refuse('not a JSON object');
      for (const [id, entry] of Object.entries(parsed as object)) rules[id] = entry;
      continue;
    }
    const colon = text.indexOf(':');
    const id = text.slice(0, Math.max(colon, 0)).trim();
    const value = text.slice(colon + 1).trim();
    if (colon < 0 || id === '' || value === '') refuse('no rule id and severity');
    if (/^[[{"\d-]/.test(value)) {
      try {
        rules[id] = JSON.parse(value);
      } catch {
        refuse('the value after the colon is not valid JSON');
      }
    } else {
      rules[id] = value;
    }
  }
  return rules;
}
