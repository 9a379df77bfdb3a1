/** Metadata keys a draft can set, their accepted values, and how layers combine. */
import { closest } from '../text/closest.js';
import { readLocale } from './locales.js';
import { AUDIENCES, KINDS, PLATFORMS, type Audience, type MetadataOrigin, type Platform, type SourceRange } from '../types.js';

export const METADATA_KEYS = ['platform', 'kind', 'audience', 'locale', 'subject', 'title'] as const;
export type MetadataKey = (typeof METADATA_KEYS)[number];

/** Keys people write for `locale`. */
const LOCALE_SYNONYMS = new Set(['lang', 'language', 'langue']);
const nearKeys = new Map<string, MetadataKey | undefined>();

/**
 * The metadata key an unknown key is a slip of ("platfrom", "Platform", "audiance", "language"),
 * or undefined for a key of the user's own.
 */
export function nearMetadataKey(key: string): MetadataKey | undefined {
  if (nearKeys.has(key)) return nearKeys.get(key);
  const lower = key.toLowerCase();
  const near = LOCALE_SYNONYMS.has(lower) ? 'locale' : (closest(key, METADATA_KEYS) as MetadataKey | undefined);
  if (nearKeys.size < 1000) nearKeys.set(key, near);
  return near;
}

export const PLATFORM_ALIASES: Record<string, Platform> = {
  twitter: 'twitter',
  x: 'twitter',
  facebook: 'facebook',
  messenger: 'facebook',
  linkedin: 'linkedin',
};

export interface RawValue {
  value: string | undefined;
  origin: MetadataOrigin;
  range?: SourceRange;
  /** The value is a list or mapping (frontmatter only). */
  collection?: boolean;
}

/** One source of metadata (config defaults, CLI, frontmatter, directive), least specific first. */
export type MetadataLayer = Partial<Record<MetadataKey, RawValue>>;

export function normalisePlatform(value: string): Platform | undefined {
  return PLATFORM_ALIASES[value.trim().toLowerCase()];
}

/** BCP 47 tag to its primary language subtag ("fr-FR" → "fr"), or undefined when it names no language. */
export function normaliseLocale(value: string): string | undefined {
  const reading = readLocale(value);
  return 'language' in reading ? reading.language : undefined;
}

export function isAudience(value: string): value is Audience {
  return (AUDIENCES as readonly string[]).includes(value);
}

/** Checks one raw value of a known key; returns an error message, or undefined when it is fine. */
export function checkValue(key: MetadataKey, raw: RawValue): string | undefined {
  if (raw.collection) return `"${key}" must be a single value, not a list or a mapping`;
  const value = raw.value;
  if (value === undefined) return undefined;
  switch (key) {
    case 'platform':
      return normalisePlatform(value)
        ? undefined
        : `unknown platform "${value}" (expected one of ${PLATFORMS.join(', ')}, or the aliases x, messenger)`;
    case 'audience':
      return isAudience(value.trim().toLowerCase()) ? undefined : `unknown audience "${value}" (expected one of ${AUDIENCES.join(', ')})`;
    case 'locale': {
      const reading = readLocale(value);
      return 'problem' in reading ? reading.problem : undefined;
    }
    case 'kind':
      return Object.values(KINDS).some((kinds) => kinds.includes(value.trim().toLowerCase()))
        ? undefined
        : `unknown kind "${value}" (expected one of ${[...new Set(Object.values(KINDS).flat())].join(', ')})`;
    default:
      return undefined;
  }
}

/** Takes the most specific valid value of each key; values that failed `checkValue` are skipped. */
export function mergeLayers(layers: MetadataLayer[]): Partial<Record<MetadataKey, RawValue>> {
  const merged: Partial<Record<MetadataKey, RawValue>> = {};
  for (const layer of layers) {
    for (const key of METADATA_KEYS) {
      const raw = layer[key];
      if (raw && raw.value !== undefined && checkValue(key, raw) === undefined) merged[key] = raw;
    }
  }
  return merged;
}
