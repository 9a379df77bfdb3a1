/** Formatters by name, loaded only when a run asks for one. */
import type { Formatter } from './types.js';

export type { Formatter, FormatterContext } from './types.js';

const loaders: Record<string, () => Promise<{ default: Formatter }>> = {
  stylish: () => import('./stylish.js'),
  compact: () => import('./compact.js'),
  json: () => import('./json.js'),
  sarif: () => import('./sarif.js'),
  github: () => import('./github.js'),
  junit: () => import('./junit.js'),
};

export const FORMATTER_NAMES = Object.keys(loaders);

export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  const load = loaders[name];
  return load ? (await load()).default : undefined;
}
