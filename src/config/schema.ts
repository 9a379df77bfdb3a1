/**
 * JSON schema of the config. The same builder serves validation (rule entries are checked by
 * hand there, for clearer messages) and the `schema.json` shipped for editors, which spells out
 * every rule's options.
 */
import { AUDIENCES, KINDS, PLATFORMS, type Rule } from '../types.js';

const SEVERITY = { enum: ['off', 'warn', 'error', 0, 1, 2], description: 'off, warn or error (0, 1, 2)' };
const PLACEHOLDER_NAME_PATTERN = '^[A-Za-z_][\\w.-]*$';
const ALL_KINDS = [...new Set(Object.values(KINDS).flat())];

export const DEFAULTS_SCHEMA = {
  type: 'object',
  description: 'Metadata for drafts that do not set it.',
  properties: {
    platform: { enum: [...PLATFORMS, 'x', 'messenger'] },
    kind: { enum: ALL_KINDS },
    audience: { enum: [...AUDIENCES] },
    locale: { type: 'string', minLength: 2, description: 'BCP 47 tag: en, fr, fr-FR' },
  },
  additionalProperties: false,
};

const PLACEHOLDERS_SCHEMA = {
  type: 'object',
  description: 'Merge fields and the length each counts for. When set, other names are reported.',
  propertyNames: { pattern: PLACEHOLDER_NAME_PATTERN },
  additionalProperties: {
    type: 'object',
    properties: { length: { type: 'integer', minimum: 0 } },
    required: ['length'],
    additionalProperties: false,
  },
};

export const PHRASE_RULE_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9-]+/[a-z0-9-/]+$', description: 'Namespaced id, e.g. house/no-jargon' },
    match: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
    replace: { type: 'string' },
    message: { type: 'string', minLength: 1 },
    severity: SEVERITY,
    platforms: { type: 'array', items: { enum: [...PLATFORMS] } },
    kinds: { type: 'array', items: { enum: ALL_KINDS } },
    audiences: { type: 'array', items: { enum: [...AUDIENCES] } },
    locale: { type: 'string', minLength: 2 },
  },
  required: ['id', 'match', 'message'],
  additionalProperties: false,
};

function rulesSchema(rules: readonly Rule[] | undefined): Record<string, unknown> {
  if (!rules) return { type: 'object' };
  const properties: Record<string, unknown> = {};
  for (const rule of rules) {
    properties[rule.meta.id] = {
      description: rule.meta.description,
      anyOf: [SEVERITY, { type: 'array', items: [SEVERITY, rule.meta.schema], minItems: 1, maxItems: 2 }],
    };
  }
  return { type: 'object', properties, additionalProperties: { anyOf: [SEVERITY, { type: 'array' }] } };
}

export function configSchema(rules?: readonly Rule[]): Record<string, unknown> {
  const rulesProperty = rulesSchema(rules);
  const override = {
    type: 'object',
    properties: {
      files: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }] },
      ignores: { type: 'array', items: { type: 'string' } },
      defaults: DEFAULTS_SCHEMA,
      rules: rulesProperty,
      placeholders: PLACEHOLDERS_SCHEMA,
    },
    required: ['files'],
    additionalProperties: false,
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'dmlint configuration',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      extends: {
        anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
        description: 'dmlint:recommended, dmlint:strict, paths to other config files, or shareable config packages (acme for dmlint-config-acme, @acme for @acme/dmlint-config)',
      },
      defaults: DEFAULTS_SCHEMA,
      rules: rulesProperty,
      placeholders: PLACEHOLDERS_SCHEMA,
      phrases: { type: 'array', items: PHRASE_RULE_SCHEMA },
      overrides: { type: 'array', items: override },
      ignores: { type: 'array', items: { type: 'string' } },
      plugins: {
        type: 'array',
        items: { type: 'string' },
        description: 'Plugin modules: paths, or packages (acme for dmlint-plugin-acme, @acme for @acme/dmlint-plugin)',
      },
    },
    additionalProperties: false,
  };
}
