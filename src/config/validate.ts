/** Turns schema failures into one clear sentence with the key path, as users read them. */
import type { ErrorObject, Ajv as AjvInstance, ValidateFunction } from 'ajv';

type AjvConstructor = typeof import('ajv').Ajv;
import { ConfigError, formatKeyPath } from './errors.js';

// ajv is loaded on first use: a run with no config has nothing to validate.
let ajv: Promise<AjvInstance> | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

async function validatorFor(schema: object): Promise<ValidateFunction> {
  let validate = compiled.get(schema);
  if (!validate) {
    ajv ??= import('ajv').then((module) => {
      // ajv is CommonJS: its class is a named export natively, under `default` once bundled.
      const loaded = module as unknown as { Ajv?: AjvConstructor; default?: { Ajv?: AjvConstructor } };
      const Ajv = loaded.Ajv ?? loaded.default?.Ajv ?? (loaded.default as unknown as AjvConstructor);
      return new Ajv({ allErrors: false, verbose: true, strict: false });
    });
    validate = (await ajv).compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Names what a schema accepts, in words. */
export function describeSchema(schema: Record<string, unknown> | undefined): string {
  if (!schema) return 'a valid value';
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  const type = schema.type;
  if (type === 'integer') {
    if (schema.minimum === 1) return 'a positive integer';
    if (schema.minimum === 0) return 'a non-negative integer';
    return 'an integer';
  }
  if (type === 'number') return 'a number';
  if (type === 'string') return schema.minLength ? 'a non-empty string' : 'a string';
  if (type === 'boolean') return 'true or false';
  if (type === 'array') {
    const items = schema.items as Record<string, unknown> | undefined;
    return items ? `a list of ${describeSchema(items).replace(/^an? /, '')}s` : 'a list';
  }
  if (type === 'object') return 'an object';
  return 'a valid value';
}

function got(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function explain(error: ErrorObject, prefix: (string | number)[]): { path: string; detail: string } {
  const segments = [
    ...prefix,
    ...error.instancePath
      .split('/')
      .slice(1)
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
  ];
  const parent = error.parentSchema as Record<string, unknown> | undefined;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys((parent?.properties as object | undefined) ?? {});
      return {
        path: formatKeyPath([...segments, key]),
        detail: `unknown key${known.length ? ` (expected one of ${known.join(', ')})` : ''}`,
      };
    }
    case 'required':
      return {
        path: formatKeyPath([...segments, (error.params as { missingProperty: string }).missingProperty]),
        detail: 'is required',
      };
    case 'minItems':
      return { path: formatKeyPath(segments), detail: `expected at least ${(error.params as { limit: number }).limit} item(s)` };
    case 'pattern':
    case 'propertyNames':
      return { path: formatKeyPath(segments), detail: `${got(error.data)} is not a valid name (${error.message})` };
    default:
      return { path: formatKeyPath(segments), detail: `expected ${describeSchema(parent)}, got ${got(error.data)}` };
  }
}

export async function validateAgainst(
  schema: object,
  value: unknown,
  file: string,
  prefix: (string | number)[] = [],
): Promise<void> {
  const validate = await validatorFor(schema);
  if (validate(value)) return;
  const error = validate.errors![0]!;
  const { path, detail } = explain(error, prefix);
  throw new ConfigError(file, path, detail);
}
