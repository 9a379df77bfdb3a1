/**
 * dmlint as a unified plugin: `unified().use(remarkParse).use(remarkFrontmatter).use(remarkDmlint)`
 * adds dmlint's diagnostics to the file as vfile messages (ruleId, source "dmlint", place, url),
 * so vfile-reporter and remark-cli show them with everything else.
 */
import path from 'node:path';
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { setupFor } from './lint.js';
import type { Defaults, ResolvedConfig } from '../config/load.js';
import { loadConfig, resolveConfig } from './config.js';
import { lintSource } from '../engine/lint.js';

export interface RemarkDmlintOptions {
  /** A resolved config (from `loadConfig`), or a config object as a .dmlintrc.json holds it. */
  config?: ResolvedConfig | Record<string, unknown>;
  /** Metadata for drafts that do not set it, above config `defaults`. */
  defaults?: Defaults;
}

function isResolved(config: RemarkDmlintOptions['config']): config is ResolvedConfig {
  return !!config && 'registry' in config && config.registry instanceof Map;
}

const remarkDmlint: Plugin<[RemarkDmlintOptions?], Root> = function (options = {}) {
  let pending: Promise<ResolvedConfig> | undefined;
  const configFor = (cwd: string) => {
    if (isResolved(options.config)) return Promise.resolve(options.config);
    pending ??= options.config ? resolveConfig(options.config, path.join(cwd, '.dmlintrc.json'), cwd) : loadConfig({ cwd });
    return pending;
  };

  return async (_tree, file: VFile) => {
    const cwd = file.cwd || process.cwd();
    const config = await configFor(cwd);
    const filePath = file.path ? path.resolve(cwd, file.path) : path.join(cwd, 'draft.md');
    const shown = file.path ? path.relative(cwd, filePath) : 'draft.md';
    const { result } = lintSource(shown, String(file.value), setupFor(config, filePath, options.defaults));
    for (const diagnostic of result.diagnostics) {
      const message = file.message(diagnostic.message, {
        place: {
          start: { line: diagnostic.line, column: diagnostic.column, offset: diagnostic.offset },
          end: { line: diagnostic.endLine, column: diagnostic.endColumn, offset: diagnostic.endOffset },
        },
        ruleId: diagnostic.ruleId,
        source: 'dmlint',
      });
      message.url = config.registry.get(diagnostic.ruleId)?.meta.docsUrl;
      // vfile's convention (remark-lint's too): fatal marks an error, false a warning.
      message.fatal = diagnostic.severity === 'error';
    }
  };
};

export default remarkDmlint;
