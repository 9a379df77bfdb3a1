// The published package as a user gets it: npm pack, install the tarball elsewhere, use it.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let project: string;

describe('the packed package', () => {
  beforeAll(() => {
    const packDir = tempDir('dmlint-pack-');
    execFileSync(npm, ['pack', '--pack-destination', packDir, '--ignore-scripts'], { cwd: ROOT, stdio: 'pipe' });
    const tarball = path.join(packDir, readdirSync(packDir).find((name) => name.endsWith('.tgz'))!);
    project = tempDir('dmlint-user-');
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'copy-repo', private: true, type: 'module' }));
    execFileSync(npm, ['install', '--no-audit', '--no-fund', tarball, 'unified', 'remark-parse', 'remark-frontmatter'], { cwd: project, stdio: 'pipe' });
    cpSync(path.join(ROOT, 'fixtures/twitter'), path.join(project, 'drafts'), { recursive: true });
  }, 240_000);

  it('ships only what users need', () => {
    const listing = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    const files = (JSON.parse(listing)[0].files as { path: string }[]).map((f) => f.path);
    expect(files).toContain('bin/dmlint.js');
    expect(files).toContain('dist/src/index.js');
    expect(files).toContain('dist/src/index.d.ts');
    expect(files).toContain('dist/src/api/remark.js');
    expect(files).toContain('schema.json');
    // Word lists are data beside their rules (src/rule-api/words.ts); the unbundled library reads them.
    expect(files).toContain('dist/rules/call-to-action.words.json');
    expect(files).toContain('dist/rules/twitter/personalization.words.json');
    expect(files).toContain('dist/rules/facebook/unsolicited-pitch.weights.json');
    expect(files).toContain('dist/bundle/unsolicited-pitch.weights.json');
    expect(files).toContain('dist/bundle/call-to-action.weights.json');
    expect(files).toContain('dist/rules/facebook/unsolicited-pitch.phrases.bin');
    expect(files).toContain('dist/bundle/unsolicited-pitch.phrases.bin');
    expect(files).toContain('docs/rules/twitter/max-length.md');
    expect(files.some((f) => f.startsWith('test/') || f.startsWith('src/') || f.startsWith('fixtures/'))).toBe(false);
  });

  it('ships a bundle with no chunk left over from an earlier build', () => {
    const bundle = path.join(ROOT, 'dist/bundle');
    writeFileSync(path.join(bundle, 'chunk-LEFTOVER.js'), 'export {};\n');
    execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: ROOT, stdio: 'pipe' });
    // Every file must be reachable from the two entry points through static or dynamic imports.
    const reached = new Set<string>();
    const visit = (name: string) => {
      if (reached.has(name)) return;
      reached.add(name);
      const code = readFileSync(path.join(bundle, name), 'utf8');
      for (const match of code.matchAll(/(?:from|import\()\s*"\.\/([\w.-]+\.js)"/g)) visit(match[1]!);
    };
    visit('dmlint.js');
    visit('lint-worker.js');
    // Beside the chunks: the judgment rules' weights, read when they first score (src/rule-api/model.ts),
    // and their phrase matchers built ahead of time (src/rule-api/words.ts).
    const data = [...['inmail-value-proposition', 'unsolicited-pitch'].flatMap((rule) => [`${rule}.weights.json`, `${rule}.phrases.bin`]), 'call-to-action.weights.json'];
    expect(readdirSync(bundle).sort()).toEqual([...reached, ...data].sort());
  });

  it('starts a lint run without yargs, and serves cached results without the Markdown parser', () => {
    const bundle = path.join(ROOT, 'dist/bundle');
    // What loads before any file is linted: the entry and the lint-run chunk, with their static imports.
    const loaded = new Set<string>();
    const visit = (name: string) => {
      if (loaded.has(name)) return;
      loaded.add(name);
      const code = readFileSync(path.join(bundle, name), 'utf8');
      for (const match of code.matchAll(/from\s*"\.\/([\w.-]+\.js)"/g)) visit(match[1]!);
    };
    visit('dmlint.js');
    visit(readdirSync(bundle).find((name) => name.startsWith('lint-run-'))!);
    // esbuild marks each bundled module with a comment naming its file.
    const sources = [...loaded].map((name) => readFileSync(path.join(bundle, name), 'utf8')).join('\n');
    expect(sources).toContain('dist/src/run/lint-files.js');
    for (const heavy of ['node_modules/yargs/', 'node_modules/micromark/', 'node_modules/yaml/', 'node_modules/globby/', 'dist/src/engine/lint.js']) {
      expect(sources).not.toContain(heavy);
    }
  });

  it('runs the CLI with npx', () => {
    const run = spawnSync('npx', ['dmlint', 'drafts', '-f', 'compact'], { cwd: project, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('drafts/max-length/invalid-long-en.md:6:33: error: 191/140 characters [twitter/max-length]');
    // The bundle carries the word lists: greetings are recognised, and an impersonal DM is reported.
    expect(run.stdout).toContain('drafts/personalization/invalid-en.md');
    expect(run.stdout).not.toMatch(/personalization\/valid-(?:en|fr)\.md.*twitter\/personalization|failed on/);
  });

  it('serves the library and the remark plugin, with types', () => {
    writeFileSync(
      path.join(project, 'use.mjs'),
      `import { lintText, lintFiles, loadConfig, formatters, summarise } from 'dmlint';
import remarkDmlint from 'dmlint/remark';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { VFile } from 'vfile';
const config = await loadConfig();
const one = await lintText('---\\nplatform: twitter\\n---\\nHi {{first_name}, ok?', { config, filePath: 'a.md' });
const run = await lintFiles(['drafts'], { config });
const stylish = formatters.stylish(run.results, { cwd: process.cwd(), color: false, summary: summarise(run.results) });
if (!stylish.includes('191/140 characters')) throw new Error('stylish report missing');
const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkDmlint);
const file = new VFile({ path: 'a.md', value: '---\\nplatform: twitter\\naudience: cold\\n---\\nHi {{first_name}}, want it?\\n' });
await processor.run(processor.parse(file), file);
console.log(JSON.stringify({ one: one.diagnostics.map((d) => d.ruleId), files: run.results.length, remark: file.messages.map((m) => m.ruleId), formatters: Object.keys(formatters).sort() }));
`,
    );
    const out = JSON.parse(execFileSync(process.execPath, ['use.mjs'], { cwd: project, encoding: 'utf8' }));
    expect(out).toEqual({
      one: ['placeholder-syntax'],
      files: 11,
      remark: ['twitter/recipient-must-follow'],
      formatters: ['compact', 'github', 'html', 'json', 'junit', 'markdown', 'sarif', 'stylish'],
    });
    writeFileSync(
      path.join(project, 'types.ts'),
      `import { lintText, defineRule, type ReportedFile } from 'dmlint';
import remarkDmlint from 'dmlint/remark';
const rule = defineRule({ meta: { id: 'house/x', description: 'x' }, create: (context) => ({ draft: (draft) => context.report({ draft, message: draft.text }) }) });
const result: Promise<ReportedFile> = lintText('x', { filePath: 'a.md' });
void rule; void result; void remarkDmlint;
`,
    );
    const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--skipLibCheck', 'types.ts'], { cwd: project, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});
