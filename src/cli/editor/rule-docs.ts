/** A rule's documentation as the editor and MCP servers show it: its page shipped in docs/rules/. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../package/info.js';

const RULE_ID = /^[a-z0-9][a-z0-9-]*(?:\/[a-z0-9][a-z0-9-]*)?$/;
const pages = new Map<string, string | undefined>();

/** The Markdown page of a built-in rule, or undefined (a plugin or phrase rule has none). */
export function ruleDocPage(ruleId: string): string | undefined {
  if (!RULE_ID.test(ruleId)) return undefined;
  if (pages.has(ruleId)) return pages.get(ruleId);
  const root = packageRoot();
  let page: string | undefined;
  try {
    page = root ? readFileSync(path.join(root, 'docs', 'rules', `${ruleId}.md`), 'utf8') : undefined;
  } catch {
    page = undefined;
  }
  pages.set(ruleId, page);
  return page;
}

/** The "## Why" section of a rule page: the explanation a hover shows. */
export function whySection(page: string): string | undefined {
  const match = /^## Why[ \t]*\r?\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(page);
  const text = match?.[1]?.trim();
  return text ? text : undefined;
}
