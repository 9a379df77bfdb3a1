// The MCP server end to end: `dmlint --mcp` started and driven by the official SDK's own client
// over stdio, as an agent's MCP client does.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, tempProject } from './helpers.js';

const PUNCTUATION = '---\nplatform: facebook\naudience: customer\n---\nHi {{first_name}}!! Your order has shipped!!! Any questions?\n';
const clients: Client[] = [];

async function connect(cwd: string, args: string[] = []): Promise<Client> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [path.join(ROOT, 'bin/dmlint.js'), '--mcp', ...args], cwd, stderr: 'pipe' });
  const client = new Client({ name: 'dmlint-test', version: '1.0.0' });
  await client.connect(transport);
  clients.push(client);
  return client;
}

afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
});

type Structured = Record<string, any>;
const call = async (client: Client, name: string, args: Record<string, unknown>) => {
  const result = await client.callTool({ name, arguments: args });
  return result as { structuredContent?: Structured; content: { type: string; text: string }[]; isError?: boolean };
};

describe('MCP server', () => {
  it('lists its four tools with their input schemas', async () => {
    const client = await connect(tempProject({}));
    expect(client.getServerVersion()?.name).toBe('dmlint');
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['explain_rule', 'fix_draft', 'lint_draft', 'list_rules']);
    const lint = tools.find((tool) => tool.name === 'lint_draft')!;
    expect(lint.inputSchema.required).toEqual(['text']);
    expect(Object.keys(lint.inputSchema.properties ?? {})).toEqual(['text', 'path', 'platform', 'kind', 'audience', 'locale']);
    expect(lint.annotations?.readOnlyHint).toBe(true);
  });

  it('lint_draft returns the JSON diagnostics with positions and rule pages, the same as the CLI', async () => {
    const dir = tempProject({});
    const client = await connect(dir);
    const result = await call(client, 'lint_draft', { text: PUNCTUATION });
    expect(result.isError).toBeFalsy();
    const answer = result.structuredContent!;
    expect(JSON.parse(result.content[0]!.text)).toEqual(answer);
    expect(answer.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'no-excessive-punctuation', line: 5, column: 18, endLine: 5, endColumn: 20, severity: 'warning', fixable: true, docsUrl: expect.stringMatching(/no-excessive-punctuation\.md$/) }),
      expect.objectContaining({ ruleId: 'no-excessive-punctuation', line: 5, column: 43, endLine: 5, endColumn: 46 }),
    ]);
    expect(answer).toMatchObject({ path: 'draft.md', errorCount: 0, warningCount: 2, fixableCount: 2, ignored: false });

    const cli = spawn(process.execPath, [path.join(ROOT, 'bin/dmlint.js'), '--stdin', '--stdin-filename', 'draft.md', '-f', 'json'], { cwd: dir });
    cli.stdin.end(PUNCTUATION);
    let out = '';
    for await (const chunk of cli.stdout) out += chunk;
    const reported = JSON.parse(out).files[0].diagnostics;
    // The CLI's JSON report carries each rule's page too (docsUrl).
    expect(answer.diagnostics).toEqual(reported);
  });

  it('lint_draft takes platform, kind, audience and locale for drafts that do not say, and the frontmatter wins', async () => {
    const client = await connect(tempProject({}));
    const text = `Hi {{first_name}}, ${'thanks for following along with the launch. '.repeat(4)}Want the guide?`;
    const bare = (await call(client, 'lint_draft', { text })).structuredContent!;
    expect(bare.diagnostics.map((d: Structured) => d.ruleId)).toContain('platform-required');
    const twitter = (await call(client, 'lint_draft', { text, platform: 'twitter', audience: 'follower', locale: 'en' })).structuredContent!;
    expect(twitter.drafts[0]).toMatchObject({ platform: 'twitter', kind: 'dm', audience: 'follower', locale: 'en' });
    expect(twitter.diagnostics.map((d: Structured) => d.ruleId)).toContain('twitter/max-length');
    const linkedin = (await call(client, 'lint_draft', { text: `---\nplatform: linkedin\nkind: message\n---\n${text}`, platform: 'twitter' })).structuredContent!;
    expect(linkedin.drafts[0]).toMatchObject({ platform: 'linkedin', kind: 'message' });
    const bad = await call(client, 'lint_draft', { text, locale: 'not a locale!' });
    expect(bad.isError).toBe(true);
    expect(bad.content[0]!.text).toMatch(/locale "not a locale!"/);
  });

  it("fix_draft returns the fixed text and what remains, and lint_draft applies the path's overrides", async () => {
    const dir = tempProject({ '.dmlintrc.json': JSON.stringify({ overrides: [{ files: ['strict/**'], rules: { 'no-excessive-punctuation': 'error' } }] }) });
    const client = await connect(dir);
    const fixed = (await call(client, 'fix_draft', { text: `${PUNCTUATION}Hello?!?` })).structuredContent!;
    expect(fixed.text).toBe(`${PUNCTUATION.replace('!!', '!').replace('!!!', '!')}Hello?`);
    expect(fixed.changed).toBe(true);
    expect(fixed.diagnostics).toEqual([]);
    const clean = (await call(client, 'fix_draft', { text: fixed.text })).structuredContent!;
    expect(clean).toMatchObject({ changed: false, text: fixed.text });
    const strict = (await call(client, 'lint_draft', { text: PUNCTUATION, path: 'strict/offer.md' })).structuredContent!;
    expect(strict.diagnostics.map((d: Structured) => d.severity)).toEqual(['error', 'error']);
    expect(strict.path).toBe('strict/offer.md');
  });

  it('list_rules and explain_rule describe the rules as configured, with the documentation page', async () => {
    const client = await connect(tempProject({ '.dmlintrc.json': JSON.stringify({ rules: { 'twitter/max-length': ['error', { max: 120 }] } }) }));
    const { rules } = (await call(client, 'list_rules', {})).structuredContent!;
    expect(rules.map((rule: Structured) => rule.id)).toContain('twitter/max-length');
    expect(rules.find((rule: Structured) => rule.id === 'no-excessive-punctuation')).toMatchObject({ severity: 'warn', fixable: true });
    const explained = (await call(client, 'explain_rule', { rule: 'twitter/max-length' })).structuredContent!;
    expect(explained).toMatchObject({ id: 'twitter/max-length', severity: 'error', options: { max: 120 }, platforms: ['twitter'] });
    expect(explained.documentation).toBe(readFileSync(path.join(ROOT, 'docs/rules/twitter/max-length.md'), 'utf8'));
    const unknown = await call(client, 'explain_rule', { rule: 'max-length' });
    expect(unknown.isError).toBe(true);
    expect(unknown.content[0]!.text).toMatch(/unknown rule "max-length" \(did you mean "twitter\/max-length"/);
  });

  it('reports a broken config as a tool error, stays up, and reads the fixed config at the next call', async () => {
    const dir = tempProject({ '.dmlintrc.json': '{ "rules": { "no-such-rule": "error" } }' });
    const client = await connect(dir);
    const broken = await call(client, 'lint_draft', { text: PUNCTUATION });
    expect(broken.isError).toBe(true);
    expect(broken.content[0]!.text).toMatch(/unknown rule "no-such-rule"/);
    writeFileSync(path.join(dir, '.dmlintrc.json'), JSON.stringify({ rules: { 'no-excessive-punctuation': 'off' } }));
    const healed = await call(client, 'lint_draft', { text: PUNCTUATION });
    expect(healed.structuredContent!.diagnostics).toEqual([]);
  });

  it('refuses invalid arguments with a tool error', async () => {
    const client = await connect(tempProject({}));
    const result = await call(client, 'lint_draft', { text: 42 });
    expect(result.isError).toBe(true);
    const platform = await call(client, 'lint_draft', { text: 'hi', platform: 'tiktok' });
    expect(platform.isError).toBe(true);
  });
});

describe('MCP server: the config block in docs/editors.md', () => {
  it("starts the project's dmlint through npx and serves the tools", async () => {
    const docs = readFileSync(path.join(ROOT, 'docs/editors.md'), 'utf8');
    const block = [...docs.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!).find((json) => json.includes('mcpServers'))!;
    const { command, args } = JSON.parse(block).mcpServers.dmlint as { command: string; args: string[] };
    // A project with dmlint installed, as npm would lay it out.
    const dir = tempProject({ 'drafts/a.md': PUNCTUATION });
    mkdirSync(path.join(dir, 'node_modules/.bin'), { recursive: true });
    symlinkSync(ROOT, path.join(dir, 'node_modules/dmlint'));
    symlinkSync(path.join(ROOT, 'bin/dmlint.js'), path.join(dir, 'node_modules/.bin/dmlint'));
    const transport = new StdioClientTransport({ command, args, cwd: dir, stderr: 'pipe' });
    const client = new Client({ name: 'docs-block', version: '1.0.0' });
    await client.connect(transport);
    clients.push(client);
    const result = await call(client, 'lint_draft', { text: readFileSync(path.join(dir, 'drafts/a.md'), 'utf8'), path: 'drafts/a.md' });
    expect(result.structuredContent!.warningCount).toBe(2);
  });
});

describe('MCP server: bad input', () => {
  function raw(cwd: string) {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/dmlint.js'), '--mcp'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk));
    const lines = async (count: number) => {
      while (out.split('\n').filter(Boolean).length < count) await new Promise((resolve) => setTimeout(resolve, 20));
      return out.split('\n').filter(Boolean).map((line) => JSON.parse(line));
    };
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    return { child, lines, exited };
  }

  it('answers lines that are not JSON-RPC with errors, unknown methods with MethodNotFound, and exits 0 when stdin closes', async () => {
    const { child, lines, exited } = raw(tempProject({}));
    child.stdin.write('this is not json\n');
    child.stdin.write('{"hello": "world"}\n');
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } })}\n`);
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'no/such/method', params: {} })}\n`);
    const messages = await lines(4);
    expect(messages[0]).toMatchObject({ id: null, error: { code: -32700 } });
    expect(messages[1]).toMatchObject({ id: null, error: { code: -32600 } });
    // Answers to requests may come in any order.
    expect(messages.find((message) => message.id === 1)).toMatchObject({ result: { serverInfo: { name: 'dmlint' } } });
    expect(messages.find((message) => message.id === 2)).toMatchObject({ error: { code: -32601 } });
    child.stdin.end();
    expect(await exited).toBe(0);
  });

  it('skips a line over 64 MiB with an error and serves the next one', async () => {
    const { child, lines, exited } = raw(tempProject({}));
    const block = Buffer.alloc(1024 * 1024, 0x61);
    for (let sent = 0; sent <= 64; sent++) {
      if (!child.stdin.write(block)) await new Promise((resolve) => child.stdin.once('drain', resolve));
    }
    child.stdin.write('\n');
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' })}\n`);
    const messages = await lines(2);
    expect(messages[0]).toMatchObject({ id: null, error: { code: -32600, message: expect.stringMatching(/over 67108864 bytes skipped/) } });
    expect(messages[1]).toMatchObject({ id: 1, result: {} });
    child.stdin.end();
    expect(await exited).toBe(0);
  });
});
