/**
 * The long-running modes: --watch, --lsp (the language server) and --mcp (the MCP server). Loaded
 * only when one of their flags is given, so a plain lint never reads them or their libraries.
 */
import type { CliArgs } from './args.js';
import type { CliIo } from './io.js';
import { keepStdoutForProtocol } from './protocol-stdout.js';
import { settingsOf } from './mode-settings.js';

const EXIT_FAILURE = 2;

/** Flags that make no sense with a mode, by mode: each is refused with a one-line reason. */
const NOT_IN_ANY_MODE: (keyof CliArgs)[] = [
  'fix',
  'fixDryRun',
  'stdin',
  'stdinFilename',
  'outputFile',
  'printConfig',
  'listRules',
  'init',
  'explain',
  'maxWarnings',
  // Bulk suppressions belong to a run over files that ends (src/cli/suppressions.ts).
  'suppressAll',
  'suppressRule',
  'pruneSuppressions',
  'passOnUnprunedSuppressions',
  'suppressionsLocation',
];
const REFUSED: Record<'watch' | 'lsp' | 'mcp', (keyof CliArgs)[]> = {
  watch: NOT_IN_ANY_MODE,
  // The editor sends the documents, and finds the config for each itself.
  lsp: [...NOT_IN_ANY_MODE, 'cache', 'cacheLocation', 'config', 'rule', 'platform', 'locale', 'followSymlinks'],
  mcp: [...NOT_IN_ANY_MODE, 'cache', 'cacheLocation', 'followSymlinks'],
};

const flagName = (key: string) => `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

function given(args: CliArgs, key: keyof CliArgs): boolean {
  const value = args[key];
  return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== false;
}

export async function runMode(args: CliArgs, io: CliIo): Promise<number> {
  const fail = (message: string) => {
    io.stderr.write(`dmlint: ${message}\n`);
    return EXIT_FAILURE;
  };
  const modes = (['watch', 'lsp', 'mcp'] as const).filter((mode) => args[mode]);
  if (modes.length === 0) return fail('--stdio goes with --lsp');
  if (modes.length > 1) return fail(`${modes.map((mode) => `--${mode}`).join(' and ')} cannot be combined: run one at a time`);
  const mode = modes[0]!;
  if (args.stdio && mode !== 'lsp') return fail('--stdio goes with --lsp');
  const refused = REFUSED[mode].find((key) => given(args, key));
  if (refused) return fail(`${flagName(refused)} cannot be used with --${mode}`);
  if (mode !== 'watch' && args.paths.length > 0) return fail(`--${mode} takes no paths (it talks over stdin and stdout)`);

  if (mode !== 'watch') keepStdoutForProtocol();
  if (mode === 'lsp') {
    (await import('./editor/start.js')).runLanguageServer();
    // The server ends the process itself when the client closes the connection.
    return new Promise<number>(() => {});
  }
  const settings = settingsOf(args);
  if (typeof settings === 'string') return fail(settings);
  if (mode === 'mcp') return (await import('./mcp/server.js')).runMcpServer(io, settings);
  return (await import('./watch/watch.js')).runWatch(args, io, settings);
}
