import type { Rule, RuleMeta } from '../types.js';

/** Rule metadata as authors write it: what most rules leave alone has a default. */
export type RuleMetaInput = Pick<RuleMeta, 'id' | 'description'> & Partial<Omit<RuleMeta, 'id' | 'description'>>;

export interface RuleDefinition<Options> {
  meta: RuleMetaInput;
  create: Rule<Options>['create'];
  explain?: Rule<Options>['explain'];
}

export const NO_OPTIONS = { type: 'object', properties: {}, additionalProperties: false } as const;

/** Fills the metadata a rule left out, so the engine, docs and --list-rules can rely on it. */
export function completeMeta(meta: RuleMetaInput): RuleMeta {
  return {
    type: 'problem',
    platforms: [],
    defaultSeverity: 'error',
    fixable: false,
    readsLanguage: false,
    schema: { ...NO_OPTIONS },
    defaultOptions: {},
    messages: {},
    ...meta,
  };
}

/** Declares a rule with its types checked, and fills metadata defaults. Plugins use it too. */
export function defineRule<Options = Record<string, unknown>>(rule: RuleDefinition<Options>): Rule<Options> {
  return { meta: completeMeta(rule.meta), create: rule.create, ...(rule.explain ? { explain: rule.explain } : {}) };
}
