// The dmlint extension for VS Code: starts dmlint's language server for Markdown documents.
// Everything else (diagnostics, quick fixes, hovers, config reloads) is the server's.
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

/** The setting, else the workspace's own dmlint (the version its config was written for), else PATH. */
function serverCommand() {
  const configured = vscode.workspace.getConfiguration('dmlint').get('serverPath');
  if (configured) return configured;
  const name = process.platform === 'win32' ? 'dmlint-language-server.cmd' : 'dmlint-language-server';
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const local = path.join(folder.uri.fsPath, 'node_modules', '.bin', name);
    if (fs.existsSync(local)) return local;
  }
  return 'dmlint-language-server';
}

async function activate(context) {
  const server = { command: serverCommand(), transport: TransportKind.stdio, options: { shell: process.platform === 'win32' } };
  client = new LanguageClient('dmlint', 'dmlint', server, {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
  });
  context.subscriptions.push(client);
  await client.start();
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
