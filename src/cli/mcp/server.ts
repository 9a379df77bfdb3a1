/**
 * `dmlint --mcp`: a Model Context Protocol server on stdin/stdout (the official SDK), for agents
 * that write drafts: lint_draft, fix_draft, list_rules, explain_rule. It reads config (found from
 * the working folder, or from the draft path an agent gives) and never writes a file. It ends
 * when the client closes standard input.
 */
import path from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { loadConfig } from '../../api/config.js';
import { normaliseLocale } from '../../draft/metadata.js';
import { packageVersion } from '../../package/info.js';
import { AUDIENCES } from '../../types.js';
import { ConfigStore } from '../editor/config-store.js';
import { MAX_LIVE_LENGTH } from '../editor/document-lint.js';
import type { CliIo } from '../io.js';
import type { ModeSettings } from '../mode-settings.js';
import { LineSizeLimit } from './line-limit.js';
import { explainRule, fixDraft, lintDraft, listRules, resolvedPath, similarRules, type DraftInput } from './tools.js';

/** Largest message (line) read from the client: a draft of the largest size accepted fits, in UTF-8 JSON. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

const draftShape = {
  text: z.string().max(MAX_LIVE_LENGTH).describe('The draft file as Markdown: optional YAML frontmatter (platform, kind, audience, locale, subject), then the message; several drafts may be separated by <!-- dmlint-draft ... --> directives.'),
  path: z.string().max(4096).optional().describe('Where the draft lives or will live, relative to the working folder: config overrides and ignores apply to this path. Default draft.md.'),
  platform: z.enum(['twitter', 'x', 'facebook', 'messenger', 'linkedin']).optional().describe('Platform for drafts whose frontmatter does not say.'),
  kind: z.string().max(40).optional().describe('Kind for drafts that do not say: dm (twitter), message (facebook), inmail, message or connection-note (linkedin).'),
  audience: z.enum(AUDIENCES).optional().describe('Audience for drafts that do not say.'),
  locale: z.string().max(35).optional().describe('BCP 47 locale for drafts that do not say, e.g. en, fr-FR.'),
};

const answer = (value: unknown): CallToolResult => ({
  content: [{ type: 'text', text: JSON.stringify(value, null, 2) }],
  structuredContent: value as Record<string, unknown>,
});
const refuse = (message: string): CallToolResult => ({ content: [{ type: 'text', text: message }], isError: true });

export function createMcpServer(cwd: string, settings: ModeSettings): McpServer {
  const configs = new ConfigStore((folder) => loadConfig({ cwd: folder, ...(settings.configFile ? { configFile: path.resolve(cwd, settings.configFile) } : {}), ruleOverrides: settings.ruleOverrides }));
  const server = new McpServer(
    { name: 'dmlint', version: packageVersion() },
    {
      instructions:
        'dmlint checks outreach message drafts (Twitter/X DMs, Facebook messages, LinkedIn InMails) written in Markdown. Call lint_draft on a draft before sending it; fix what it reports (fix_draft applies the safe automatic fixes), and explain_rule tells why a rule exists.',
    },
  );

  const withConfig = async (input: { path?: string | undefined; locale?: string | undefined }, use: (config: Parameters<typeof lintDraft>[1]) => CallToolResult): Promise<CallToolResult> => {
    if (input.locale !== undefined && !normaliseLocale(input.locale)) return refuse(`locale "${input.locale}" is not a valid BCP 47 locale (for example en, fr, fr-FR)`);
    const outcome = await configs.forFile(resolvedPath({ text: '', ...input }, cwd));
    if (outcome.error) return refuse(`dmlint config error: ${outcome.error.message}`);
    return use(outcome.config);
  };

  server.registerTool(
    'lint_draft',
    {
      title: 'Lint a draft',
      description: 'Checks a draft against the platform limits and writing rules. Returns every problem with its rule, position (1-based line and column), severity, whether dmlint can fix it, the rule page URL, and for judgment rules their score and evidence.',
      inputSchema: draftShape,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    (input) => withConfig(input, (config) => answer(lintDraft(input as DraftInput, config, cwd, settings.defaults))),
  );

  server.registerTool(
    'fix_draft',
    {
      title: 'Fix a draft',
      description: 'Applies dmlint\'s safe automatic fixes to a draft and returns the fixed text (nothing is written to disk) with the problems that remain.',
      inputSchema: draftShape,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    (input) => withConfig(input, (config) => answer(fixDraft(input as DraftInput, config, cwd, settings.defaults))),
  );

  server.registerTool(
    'list_rules',
    {
      title: 'List the rules',
      description: 'Every rule dmlint knows here (built-in, plugin and phrase rules), with its platforms, configured severity, whether it fixes, and its page.',
      inputSchema: { path: draftShape.path },
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    (input) => withConfig(input, (config) => answer({ rules: listRules(config) })),
  );

  server.registerTool(
    'explain_rule',
    {
      title: 'Explain a rule',
      description: 'What one rule checks and why, its options as configured, its messages, and its documentation page.',
      inputSchema: { rule: z.string().max(200).describe('The rule id, e.g. twitter/max-length.'), path: draftShape.path },
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    (input) =>
      withConfig(input, (config) => {
        const explained = explainRule(input.rule, config);
        if (explained) return answer(explained);
        const similar = similarRules(input.rule, config);
        return refuse(`unknown rule "${input.rule}"${similar.length ? ` (did you mean ${similar.map((id) => `"${id}"`).join(', ')}?)` : ''}; list_rules lists them`);
      }),
  );
  return server;
}

export async function runMcpServer(io: CliIo, settings: ModeSettings): Promise<number> {
  const server = createMcpServer(io.cwd, settings);
  let transport: StdioServerTransport | undefined;
  const answerError = (code: number, message: string) => {
    void transport?.send({ jsonrpc: '2.0', id: null, error: { code, message } } as never).catch(() => {});
    io.stderr.write(`dmlint --mcp: ${message}\n`);
  };
  const lines = new LineSizeLimit(MAX_MESSAGE_BYTES, () => answerError(-32600, `Invalid request: message over ${MAX_MESSAGE_BYTES} bytes skipped`));
  process.stdin.pipe(lines);
  transport = new StdioServerTransport(lines, process.stdout, { maxBufferSize: MAX_MESSAGE_BYTES + 1 });
  const closed = new Promise<number>((resolve) => {
    server.server.onclose = () => resolve(0);
    lines.once('end', () => resolve(0));
  });
  // Lines that are not JSON-RPC get the protocol's error, with no id since none could be read.
  server.server.onerror = (error: Error) => {
    if (error instanceof SyntaxError) answerError(-32700, 'Parse error: not JSON');
    else answerError(-32600, `Invalid request: ${error.message.split('\n')[0]}`);
  };
  await server.connect(transport);
  return closed;
}
