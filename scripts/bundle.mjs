// Bundles the CLI and its worker into dist/bundle with esbuild: one read and compile per chunk
// instead of hundreds of modules, which is most of a cold start. Dynamic imports stay lazy chunks.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: without a clean folder every build would leave the last
// build's chunks behind, and `npm pack` would ship them.
rmSync('dist/bundle', { recursive: true, force: true });

// What both builds share: ESM chunks for Node, CommonJS dependencies given require and friends.
const common = {
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Only cosmiconfig's loader for dmlint.config.ts wants it, and only if the user installed it.
  // piscina finds its own worker script next to its files: it stays in node_modules.
  external: ['typescript', 'piscina'],
  // Bundled CommonJS dependencies use require, __filename and __dirname: give each chunk its own.
  banner: {
    js: [
      "import { createRequire as __dmlintRequire } from 'node:module';",
      "import { fileURLToPath as __dmlintPath } from 'node:url';",
      'const require = __dmlintRequire(import.meta.url);',
      'const __dmlintFilename = __dmlintPath(import.meta.url);',
      "const __dmlintDirname = __dmlintPath(new URL('.', import.meta.url));",
    ].join(' '),
  },
  // Only free uses are replaced: modules that declare their own __dirname keep it.
  define: { __filename: '__dmlintFilename', __dirname: '__dmlintDirname' },
  logLevel: 'warning',
};

// The long-running modes (--watch, --lsp, --mcp) are a build of their own, loaded by the CLI as
// dist/bundle/modes.js: in the same build, every module they share with a plain lint would be
// cut into smaller chunks, and a plain lint would read more files.
const modesApart = {
  name: 'modes-apart',
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\/modes\.js$/ }, () => ({ path: './modes.js', external: true }));
  },
};

await build({ ...common, entryPoints: { dmlint: 'dist/src/cli/run.js', 'lint-worker': 'dist/src/run/parallel/lint-worker.js' }, plugins: [modesApart] });
await build({ ...common, entryPoints: { modes: 'dist/src/cli/modes.js' }, chunkNames: 'modes-[name]-[hash]' });

// The rules read their weights and phrase tables beside the module that runs them (scripts/write-rule-data.mjs).
execFileSync(process.execPath, [fileURLToPath(new URL('./write-rule-data.mjs', import.meta.url)), 'bundle'], { stdio: 'inherit' });
