/** The --rule flag's values as config rule entries. */

/** Parses `--rule 'id: severity'` and `--rule 'id: ["error", {...}]'`. */
export function parseRuleFlags(flags: string[]): Record<string, unknown> {
  const rules: Record<string, unknown> = Object.create(null);
  for (const flag of flags) {
    const colon = flag.indexOf(':');
    if (colon < 0) throw new Error(`--rule "${flag}": expected 'ID: SEVERITY'`);
    const id = flag.slice(0, colon).trim();
    const value = flag.slice(colon + 1).trim();
    if (/^[[{"\d]/.test(value)) {
      try {
        rules[id] = JSON.parse(value);
      } catch {
        throw new Error(`--rule "${flag}": the value is not valid JSON`);
      }
    } else {
      rules[id] = value;
    }
  }
  return rules;
}
