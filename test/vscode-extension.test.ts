// The VS Code extension in editors/vscode, as far as this machine allows without VS Code: its
// manifest, and its activate() run under stand-ins for the `vscode` and vscode-languageclient
// modules, which record the server it starts; that server is then started as
// vscode-languageclient starts an executable over stdio (with --stdio appended) and answers.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempProject } from './helpers.js';

const EXTENSION = path.join(ROOT, 'editors/vscode');

const harness = (workspace: string) => `
const Module = require('node:module');
const started = [];
const stubs = {
  vscode: { workspace: { workspaceFolders: [{ uri: { fsPath: ${JSON.stringify(workspace)} } }], getConfiguration: () => ({ get: () => '' }) } },
  'vscode-languageclient/node': {
    TransportKind: { stdio: 0 },
    LanguageClient: class { constructor(id, name, server, options) { started.push({ id, name, server, options }); } start() { return Promise.resolve(); } stop() {} dispose() {} },
  },
};
const load = Module._load;
Module._load = function (request, ...rest) { return request in stubs ? stubs[request] : load.call(this, request, ...rest); };
const extension = require(${JSON.stringify(path.join(EXTENSION, 'extension.js'))});
extension.activate({ subscriptions: [] }).then(() => console.log(JSON.stringify(started)));
`;

describe('VS Code extension (editors/vscode)', () => {
  it('declares a Markdown activation and a valid entry point', () => {
    const manifest = JSON.parse(readFileSync(path.join(EXTENSION, 'package.json'), 'utf8'));
    expect(manifest.activationEvents).toEqual(['onLanguage:markdown']);
    expect(manifest.main).toBe('./extension.js');
    expect(manifest.dependencies['vscode-languageclient']).toMatch(/^\^9\./);
    expect(spawnSync(process.execPath, ['--check', path.join(EXTENSION, manifest.main)]).status).toBe(0);
  });

  it("starts the workspace's own dmlint-language-server for Markdown, which then serves over stdio", async () => {
    const workspace = tempProject({});
    mkdirSync(path.join(workspace, 'node_modules/.bin'), { recursive: true });
    symlinkSync(path.join(ROOT, 'bin/dmlint-language-server.js'), path.join(workspace, 'node_modules/.bin/dmlint-language-server'));
    writeFileSync(path.join(workspace, 'harness.cjs'), harness(workspace));
    const run = spawnSync(process.execPath, ['harness.cjs'], { cwd: workspace, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const [client] = JSON.parse(run.stdout) as { id: string; server: { command: string; transport: number }; options: { documentSelector: unknown[] } }[];
    expect(client!.id).toBe('dmlint');
    expect(client!.server.command).toBe(path.join(workspace, 'node_modules/.bin/dmlint-language-server'));
    expect(client!.options.documentSelector).toEqual([
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ]);

    const server = spawn(client!.server.command, ['--stdio'], { cwd: workspace });
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    let out = '';
    for await (const chunk of server.stdout) {
      out += chunk;
      if (out.includes('"serverInfo"')) break;
    }
    server.kill();
    expect(out).toMatch(/"serverInfo":\{"name":"dmlint"/);
  });
});

describe('editor configs in docs/editors.md', () => {
  it('shows the Helix config of editors/helix, naming a command the package installs', () => {
    const docs = readFileSync(path.join(ROOT, 'docs/editors.md'), 'utf8');
    const block = /```toml\n([\s\S]*?)```/.exec(docs)![1]!;
    expect(readFileSync(path.join(ROOT, 'editors/helix/languages.toml'), 'utf8')).toContain(block);
    const command = /command = "([^"]+)"/.exec(block)![1]!;
    const bins = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).bin as Record<string, string>;
    expect(Object.keys(bins)).toContain(command);
  });
});
