import { copyFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintText, loadConfig } from '../src/index.js';
import { at, fixture, FIXTURES, tempDir } from './helpers.js';

describe('plugins', () => {
  it('loads rules from fixtures/plugins/house-style.mjs and runs them like built-in ones', async () => {
    const cwd = path.join(FIXTURES, 'plugins');
    const config = await loadConfig({ cwd });
    expect(config.registry.has('house/no-exclamation-subject')).toBe(true);
    const text = fixture('plugins/invalid-subject.md');
    const result = await lintText(text, { filePath: 'invalid-subject.md', config, cwd });
    expect(result.diagnostics.map(({ ruleId, line, column, message }) => ({ ruleId, line, column, message }))).toEqual([
      { ruleId: 'house/no-exclamation-subject', ...at(text, 'Save 20%'), message: 'No "!" in the subject line' },
    ]);
  });

  it('reports a plugin rule that throws as a diagnostic naming the rule and file, and goes on', async () => {
    const dir = tempDir('dmlint-plugin-');
    writeFileSync(
      path.join(dir, 'broken.mjs'),
      `export const rules = [{ meta: { id: 'house/broken' }, create() { return { draft() { throw new Error('boom'); } }; } }];\n`,
    );
    writeFileSync(path.join(dir, '.dmlintrc.json'), JSON.stringify({ plugins: ['./broken.mjs'] }));
    const config = await loadConfig({ cwd: dir });
    const result = await lintText('---\nplatform: twitter\n---\nHi {{first_name}, ok?\n', { filePath: 'a.md', config, cwd: dir });
    expect(result.diagnostics.map((d) => [d.ruleId, d.severity, d.message])).toEqual([
      ['house/broken', 'error', 'rule "house/broken" failed on a.md: boom'],
      ['placeholder-syntax', 'error', expect.stringContaining('missing a closing brace')],
    ]);
  });

  it('never imports a plugin from outside the project: relative, absolute, through a link, or a URL', async () => {
    const outside = tempDir('dmlint-outside-');
    writeFileSync(path.join(outside, 'p.mjs'), "export const rules = [{ meta: { id: 'ext/x', description: 'x' }, create: () => ({}) }];\n");
    const dir = tempDir('dmlint-project-');
    const relative = path.relative(dir, path.join(outside, 'p.mjs'));
    const refused = async (plugin: string, index = 0) => {
      writeFileSync(path.join(dir, '.dmlintrc.json'), JSON.stringify({ plugins: [plugin] }));
      await expect(loadConfig({ cwd: dir })).rejects.toThrow(`.dmlintrc.json: plugins[${index}]: "${plugin}" is`);
    };
    await refused(relative);
    await refused(path.join(outside, 'p.mjs'));
    symlinkSync(path.join(outside, 'p.mjs'), path.join(dir, 'linked.mjs'));
    await refused('./linked.mjs');
    await refused(pathToFileURL(path.join(outside, 'p.mjs')).href);
    await refused('data:text/javascript,export const rules = []');
    // The same file copied into the project is the project's own code.
    copyFileSync(path.join(outside, 'p.mjs'), path.join(dir, 'p.mjs'));
    writeFileSync(path.join(dir, '.dmlintrc.json'), JSON.stringify({ plugins: ['./p.mjs'] }));
    expect((await loadConfig({ cwd: dir })).registry.has('ext/x')).toBe(true);
  });

  it('refuses a plugin that exports no rules, naming it', async () => {
    const dir = tempDir('dmlint-plugin-');
    writeFileSync(path.join(dir, 'empty.mjs'), 'export const nothing = 1;\n');
    writeFileSync(path.join(dir, '.dmlintrc.json'), JSON.stringify({ plugins: ['./empty.mjs'] }));
    await expect(loadConfig({ cwd: dir })).rejects.toThrow(/"empty\.mjs" exports no rules/);
  });
});
