// A language client for the tests: vscode-languageserver-protocol's client side of the protocol,
// driving `dmlint --lsp` as a child process over its stdin and stdout, as an editor does.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowDocumentRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from './helpers.js';

export const uriOf = (file: string) => pathToFileURL(file).href;

/** Applies LSP text edits to a string (edits of one document, non-overlapping). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (position: Range['start']) => lineStarts[position.line]! + position.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((current, edit) => current.slice(0, offset(edit.range.start)) + edit.newText + current.slice(offset(edit.range.end)), text);
}

export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  return edit?.changes?.[uri] ?? [];
}

export class LspClient {
  readonly connection: ProtocolConnection;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly registrations: unknown[] = [];
  readonly shownDocuments: unknown[] = [];
  readonly appliedEdits: WorkspaceEdit[] = [];
  readonly stderr: string[] = [];
  readonly exited: Promise<number | null>;
  private waiters: { uri: string; test: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void }[] = [];
  private versions = new Map<string, number>();

  constructor(
    readonly cwd: string,
    readonly child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'bin/dmlint.js'), '--lsp'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] }),
  ) {
    this.child.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      this.waiters = this.waiters.filter((waiter) => {
        if (waiter.uri !== params.uri || !waiter.test(params)) return true;
        waiter.resolve(params);
        return false;
      });
    });
    this.connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
    });
    this.connection.onRequest(ShowDocumentRequest.type, (params) => {
      this.shownDocuments.push(params);
      return { success: true };
    });
    this.connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      this.appliedEdits.push(params.edit);
      return { applied: true };
    });
    this.connection.listen();
  }

  async initialize(capabilities: ClientCapabilities = {}, initializationOptions?: unknown): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uriOf(this.cwd),
      workspaceFolders: [{ uri: uriOf(this.cwd), name: 'drafts' }],
      capabilities,
      ...(initializationOptions !== undefined ? { initializationOptions } : {}),
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** The next diagnostics published for `uri` that pass `test` (from now on). */
  next(uri: string, test: (params: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ uri, test, resolve }));
  }

  async open(file: string, text: string, languageId = 'markdown'): Promise<PublishDiagnosticsParams> {
    const uri = uriOf(file);
    this.versions.set(uri, 1);
    const published = this.next(uri, (params) => params.version === 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return published;
  }

  /** Sends a change (the whole text, or ranged edits) and returns its version. */
  async change(file: string, change: string | TextEdit[]): Promise<number> {
    const uri = uriOf(file);
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const contentChanges = typeof change === 'string' ? [{ text: change }] : change.map((edit) => ({ range: edit.range, text: edit.newText }));
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
    return version;
  }

  /** Changes the document and waits for the diagnostics of that version. */
  async changeAndWait(file: string, change: string | TextEdit[]): Promise<PublishDiagnosticsParams> {
    const uri = uriOf(file);
    const version = (this.versions.get(uri) ?? 0) + 1;
    const published = this.next(uri, (params) => params.version === version);
    await this.change(file, change);
    return published;
  }

  async close(file: string): Promise<PublishDiagnosticsParams> {
    const uri = uriOf(file);
    const published = this.next(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    return published;
  }

  async filesChanged(changes: { file: string; type: 1 | 2 | 3 }[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: changes.map((change) => ({ uri: uriOf(change.file), type: change.type })) });
  }

  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    return this.exited;
  }

  kill(): void {
    this.connection.dispose();
    this.child.kill();
  }
}

export const rules = (diagnostics: Diagnostic[]) => diagnostics.map((diagnostic) => diagnostic.code);
