/**
 * In --lsp and --mcp modes standard output carries the protocol: a plugin or config file that
 * logs with console.log would corrupt it. Console output goes to standard error instead.
 */
import { format } from 'node:util';

export function keepStdoutForProtocol(): void {
  const toStderr = (...args: unknown[]) => void process.stderr.write(`${format(...args)}\n`);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  console.warn = toStderr;
  console.error = toStderr;
  console.trace = toStderr;
  console.dir = (item: unknown) => toStderr(item);
}
