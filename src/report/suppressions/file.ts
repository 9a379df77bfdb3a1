/**
 * The bulk suppressions file, `dmlint-suppressions.json`: for each draft file (its path relative
 * to the suppressions file's folder, with `/`), for each rule, how many of its problems are
 * recorded, and their fingerprints' first eight hex digits, which tell old problems from new
 * ones when a file has more than its count:
 *
 *   {
 *     "campaigns/spring/a.md": {
 *       "no-shouting": { "count": 2, "fingerprints": ["0b1c2d3e", "9f8e7d6c"] }
 *     }
 *   }
 *
 * Written in one order (paths, then rules, then fingerprints, by UTF-16 code units) with one
 * line per file and rule, so a change to one count is a change to one line and two branches
 * that touch different files merge without conflict.
 */
import { compareText } from '../../text/compare.js';

export interface RuleSuppression {
  count: number;
  /** Fingerprint prefixes of the recorded problems, sorted; may be fewer than `count` in a hand-edited file. */
  fingerprints: string[];
}

/** File path → rule id → what is recorded. */
export type SuppressionEntries = Map<string, Map<string, RuleSuppression>>;

export const SUPPRESSIONS_FILE = 'dmlint-suppressions.json';

/** How much of a diagnostic's fingerprint is kept: enough to tell a file's problems of one rule apart. */
export const FINGERPRINT_LENGTH = 8;

export class SuppressionsFileError extends Error {}

export function parseSuppressions(text: string, shown: string): SuppressionEntries {
  if (/^(<{7}|={7}|>{7})( |$)/m.test(text)) {
    throw new SuppressionsFileError(
      `${shown} has git conflict markers: keep the larger count of each conflicting entry, delete the markers, then run dmlint --prune-suppressions`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new SuppressionsFileError(`${shown} is not valid JSON: ${(error as Error).message}`);
  }
  const fail = (where: string, expected: string) => new SuppressionsFileError(`${shown}: ${where}: expected ${expected}`);
  if (!isObject(raw)) throw fail('the top level', 'an object of file paths');
  const entries: SuppressionEntries = new Map();
  for (const [file, rules] of Object.entries(raw)) {
    if (!isObject(rules)) throw fail(JSON.stringify(file), 'an object of rule ids');
    const byRule = new Map<string, RuleSuppression>();
    for (const [ruleId, entry] of Object.entries(rules)) {
      const where = `${JSON.stringify(file)} ${JSON.stringify(ruleId)}`;
      if (!isObject(entry) || !Number.isInteger(entry.count) || (entry.count as number) < 0) throw fail(where, '{ "count": a whole number, "fingerprints": [...] }');
      const fingerprints = entry.fingerprints ?? [];
      if (!Array.isArray(fingerprints) || fingerprints.some((f) => typeof f !== 'string')) throw fail(`${where} fingerprints`, 'an array of strings');
      if ((entry.count as number) > 0) byRule.set(ruleId, { count: entry.count as number, fingerprints: fingerprints as string[] });
    }
    if (byRule.size > 0) entries.set(file, byRule);
  }
  return entries;
}

export function serialiseSuppressions(entries: SuppressionEntries): string {
  const files = [...entries.keys()].filter((file) => entries.get(file)!.size > 0).sort(compareText);
  if (files.length === 0) return '{}\n';
  const blocks = files.map((file) => {
    const rules = entries.get(file)!;
    const lines = [...rules.keys()].sort(compareText).map((ruleId) => {
      const { count, fingerprints } = rules.get(ruleId)!;
      return `    ${JSON.stringify(ruleId)}: { "count": ${count}, "fingerprints": ${JSON.stringify([...fingerprints].sort(compareText)).replaceAll(',', ', ')} }`;
    });
    return `  ${JSON.stringify(file)}: {\n${lines.join(',\n')}\n  }`;
  });
  return `{\n${blocks.join(',\n')}\n}\n`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
