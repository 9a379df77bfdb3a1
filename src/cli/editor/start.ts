/**
 * Runs the language server on this process's standard input and output, as `dmlint --lsp` and
 * the `dmlint-language-server` command do. Messages that are not JSON get a JSON-RPC parse error
 * (id null) and the server reads on; messages over MAX_MESSAGE_BYTES are skipped with an error.
 * The process ends when the client closes the connection: code 0 after a shutdown request, 1
 * otherwise (vscode-languageserver's rule, which editors expect).
 */
import { ErrorCodes, createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { MessageSizeLimit } from './message-limit.js';
import { startLanguageServer, type ServerOptions } from './server.js';

/** 64 MiB: well above any draft (live linting stops at 5 million characters). */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

export function runLanguageServer(options: ServerOptions & { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream } = {}): void {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const writer = new StreamMessageWriter(output);
  const answerError = (code: number, message: string) => void writer.write({ jsonrpc: '2.0', id: null, error: { code, message } } as never).catch(() => {});
  const limited = new MessageSizeLimit(MAX_MESSAGE_BYTES, (length) => {
    answerError(ErrorCodes.InvalidRequest, `dmlint: message of ${length} bytes skipped: the limit is ${MAX_MESSAGE_BYTES} bytes`);
  });
  // The connection ends the process when this stream ends, as it would for stdin itself.
  input.on('end', () => limited.end());
  input.on('close', () => limited.end());
  input.pipe(limited, { end: false });
  const reader = new StreamMessageReader(limited);
  reader.onError((error) => answerError(ErrorCodes.ParseError, `dmlint: cannot read the message: ${error.message.split('\n')[0]}`));
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  let shutDown = false;
  connection.onShutdown(() => {
    shutDown = true;
  });
  reader.onClose(() => process.exit(shutDown ? 0 : 1));
  startLanguageServer(connection, options);
}
