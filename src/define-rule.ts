import type { Rule } from './types.js';

/** Declares a rule with its types checked; returns it unchanged. Plugins use it too. */
export function defineRule<Options = Record<string, unknown>>(rule: Rule<Options>): Rule<Options> {
  return rule;
}
