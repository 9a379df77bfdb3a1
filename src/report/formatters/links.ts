/** Links from a diagnostic to its rule's page, as each format carries them. */
import type { RuleMeta } from '../../types.js';

// Only plain http(s) addresses of printable ASCII: a plugin's docsUrl reaches terminals and XML.
const SAFE_URL = /^https?:\/\/[\x21-\x7e]+$/;

/** The page of a rule, when the run knows one. */
export function docsUrlOf(ruleId: string, rules: ReadonlyMap<string, RuleMeta> | undefined): string | undefined {
  const url = rules?.get(ruleId)?.docsUrl;
  return url && SAFE_URL.test(url) ? url : undefined;
}

/** `text` as an OSC 8 terminal hyperlink to `url`. */
export function terminalLink(text: string, url: string): string {
  return `\u001b]8;;${url}\u0007${text}\u001b]8;;\u0007`;
}
