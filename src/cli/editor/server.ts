/**
 * dmlint's language server (`dmlint --lsp`, `dmlint-language-server`), over stdio with
 * vscode-languageserver: diagnostics for open Markdown drafts as they are typed, quick fixes,
 * disable comments, the rule's page, hovers, and config or plugin changes picked up live.
 */
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { loadConfig } from '../../api/config.js';
import { packageVersion } from '../../package/info.js';
import { SEARCH_PLACES } from '../../config/load.js';
import { codeActions, COMMAND_APPLY_ALL_FIXES, COMMAND_SHOW_RULE_DOCS, FIX_ALL_KIND, fixAllEdit, resolveDisable, type DisableData } from './actions.js';
import { ConfigStore } from './config-store.js';
import { filePathOf, isDraftDocument, lintDocument, type DocumentLint } from './document-lint.js';
import { hoverAt } from './hover.js';
import { lspDiagnostics } from './protocol.js';

export interface ServerOptions {
  /** Quiet time after the last change before a document is linted again, in milliseconds. */
  delay?: number;
}

/** Default pause after the last change before linting. */
export const DEFAULT_DELAY_MS = 150;

const CONFIG_NAMES = new Set(SEARCH_PLACES);

export function startLanguageServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const configs = new ConfigStore((folder) => loadConfig({ cwd: folder }));
  const lints = new Map<string, DocumentLint>();
  const timers = new Map<string, NodeJS.Timeout>();
  let root = process.cwd();
  let delay = options.delay ?? DEFAULT_DELAY_MS;
  let canShowDocument = false;
  let canWatchFiles = false;
  let lazyEdits = false;

  const publish = (document: TextDocument, lint: DocumentLint) => {
    void connection.sendDiagnostics({ uri: lint.uri, version: lint.version, diagnostics: lspDiagnostics(document, lint, lint.linted?.config.registry) });
  };

  /** Lints the document as it is now; publishes unless a newer version has come in meanwhile. */
  const lintNow = async (uri: string): Promise<DocumentLint | undefined> => {
    const document = documents.get(uri);
    if (!document || !isDraftDocument(document)) return undefined;
    let lint: DocumentLint;
    try {
      lint = await lintDocument(document, configs, root);
    } catch (error) {
      connection.console.error(`dmlint: linting ${uri} failed: ${(error as Error)?.stack ?? String(error)}`);
      return undefined;
    }
    const current = documents.get(uri);
    if (!current || current.version !== lint.version) return undefined;
    lints.set(uri, lint);
    if (lint.linted) watch(lint.linted.config.plugins.filter((plugin) => path.isAbsolute(plugin)).map((plugin) => path.basename(plugin)));
    publish(current, lint);
    return lint;
  };

  const schedule = (uri: string, wait: number) => {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void lintNow(uri);
      }, wait),
    );
  };

  const relintAll = () => {
    for (const document of documents.all()) schedule(document.uri, 0);
  };

  /** The lint of the document's current version, linting now if the last one is older. */
  const currentLint = async (uri: string): Promise<{ document: TextDocument; lint: DocumentLint } | undefined> => {
    const document = documents.get(uri);
    if (!document) return undefined;
    let lint = lints.get(uri);
    if (!lint || lint.version !== document.version) lint = await lintNow(uri);
    return lint ? { document, lint } : undefined;
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    root = (folder && filePathOf(folder)) ?? params.rootPath ?? root;
    const settings = params.initializationOptions as { delay?: unknown } | undefined;
    if (typeof settings?.delay === 'number' && settings.delay >= 0) delay = settings.delay;
    canShowDocument = params.capabilities.window?.showDocument?.support === true;
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    lazyEdits = params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        hoverProvider: true,
        executeCommandProvider: { commands: [COMMAND_APPLY_ALL_FIXES, COMMAND_SHOW_RULE_DOCS] },
      },
      serverInfo: { name: 'dmlint', version: packageVersion() },
    };
  });

  /** Names of files the client watches for us: config files, then each plugin's file name. */
  const watched = new Set<string>();
  const watch = (names: string[]) => {
    const fresh = names.filter((name) => !watched.has(name));
    if (!canWatchFiles || fresh.length === 0) return;
    for (const name of fresh) watched.add(name);
    const watchers = fresh.map((name) => ({ globPattern: `**/${name}` }));
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => {});
  };
  connection.onInitialized(() => watch([...CONFIG_NAMES]));

  connection.onDidChangeWatchedFiles(async (params) => {
    const plugins = new Set(await configs.inputs());
    const matters = params.changes.some((change) => {
      const file = filePathOf(change.uri);
      return file !== undefined && (CONFIG_NAMES.has(path.basename(file)) || plugins.has(file));
    });
    if (!matters) return;
    configs.clear();
    relintAll();
  });

  documents.onDidOpen((event) => schedule(event.document.uri, 0));
  documents.onDidChangeContent((event) => {
    // onDidOpen covers the first version.
    if (event.document.version === 0 && !lints.has(event.document.uri)) return;
    schedule(event.document.uri, delay);
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    lints.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onCodeAction(async (params) => {
    const found = await currentLint(params.textDocument.uri);
    if (!found) return [];
    const named = params.context.diagnostics.filter((diagnostic) => diagnostic.source === 'dmlint').map((diagnostic) => ({ code: diagnostic.code, range: diagnostic.range }));
    return codeActions(found.document, found.lint, { range: params.range, named, lazyEdits, ...(params.context.only ? { only: params.context.only } : {}) });
  });

  connection.onCodeActionResolve(async (action) => {
    const data = action.data as DisableData | undefined;
    if (!data?.uri) return action;
    const found = await currentLint(data.uri);
    return found ? resolveDisable(found.document, found.lint, action) : action;
  });

  connection.onHover(async (params) => {
    const found = await currentLint(params.textDocument.uri);
    return found ? hoverAt(found.document, found.lint, params.position) : null;
  });

  connection.onExecuteCommand(async (params) => {
    const [argument] = params.arguments ?? [];
    if (params.command === COMMAND_SHOW_RULE_DOCS && typeof argument === 'string' && /^https?:\/\//.test(argument)) {
      if (canShowDocument) {
        const shown = await connection.window.showDocument({ uri: argument, external: true });
        if (shown.success) return;
      }
      connection.window.showInformationMessage(`dmlint rule documentation: ${argument}`);
      return;
    }
    if (params.command === COMMAND_APPLY_ALL_FIXES && typeof argument === 'string') {
      const found = await currentLint(argument);
      const edit = found && fixAllEdit(found.document, found.lint);
      if (edit) await connection.workspace.applyEdit({ label: 'Fix all auto-fixable dmlint problems', edit });
      return;
    }
    return new ResponseError(ErrorCodes.InvalidParams, `dmlint: unknown command or arguments: ${params.command}`);
  });

  documents.listen(connection);
  connection.listen();
}
