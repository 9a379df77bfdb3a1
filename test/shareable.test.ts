// Shareable configs, plugins and formatters by package name, installed as a user installs them:
// the example packages in fixtures/packages packed with npm pack and installed in a new project.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageCandidates } from '../src/config/packages.js';
import { FIXTURES, ROOT, tempProject } from './helpers.js';

const BIN = path.join(ROOT, 'bin/dmlint.js');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const dmlint = (args: string[], cwd: string) => {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
};

const DRAFT = '---\nplatform: linkedin\nkind: message\n---\nHi {{first_name}}, unlike GLOBEX we ship on time. Could we talk on Tuesday?\n';

describe('package names', () => {
  it('expand as ESLint spells its packages, the name as written tried second', () => {
    expect(packageCandidates('acme', 'config')).toEqual(['dmlint-config-acme', 'acme']);
    expect(packageCandidates('dmlint-config-acme', 'config')).toEqual(['dmlint-config-acme']);
    expect(packageCandidates('@acme', 'config')).toEqual(['@acme/dmlint-config']);
    expect(packageCandidates('@acme/dmlint-config', 'config')).toEqual(['@acme/dmlint-config']);
    expect(packageCandidates('@acme/dmlint-config/strict', 'config')).toEqual(['@acme/dmlint-config/strict']);
    expect(packageCandidates('@acme/house', 'plugin')).toEqual(['@acme/dmlint-plugin-house', '@acme/house']);
    expect(packageCandidates('acme-csv', 'formatter')).toEqual(['dmlint-formatter-acme-csv', 'acme-csv']);
    expect(packageCandidates('acme/extra', 'plugin')).toEqual(['dmlint-plugin-acme/extra', 'acme/extra']);
  });
});

describe('packages installed with npm', () => {
  let project: string;

  beforeAll(() => {
    const packs = mkdtempSync(path.join(tmpdir(), 'dmlint-packs-'));
    for (const name of readdirSync(path.join(FIXTURES, 'packages'))) {
      execFileSync(npm, ['pack', '--pack-destination', packs], { cwd: path.join(FIXTURES, 'packages', name), stdio: 'pipe' });
    }
    project = tempProject({ 'package.json': JSON.stringify({ name: 'client-repo', private: true }), 'drafts/a.md': DRAFT }, 'dmlint-client-');
    const tarballs = readdirSync(packs).map((name) => path.join(packs, name));
    // --legacy-peer-deps: the packages name dmlint as a peer, and this test runs the repository's own.
    execFileSync(npm, ['install', '--offline', '--no-audit', '--no-fund', '--legacy-peer-deps', ...tarballs], { cwd: project, stdio: 'pipe' });
  }, 120_000);

  const withConfig = (config: object) => writeFileSync(path.join(project, '.dmlintrc.json'), JSON.stringify(config));

  it('extends a scoped config by its short name; the plugin it names resolves from its own folder', () => {
    withConfig({ extends: ['@acme'] });
    const run = dmlint(['drafts', '-f', 'compact'], project);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('drafts/a.md:5:27: error: Names the competitor "Globex" [acme/no-competitor-names]');
    expect(run.stdout).toContain('drafts/a.md:5:27: error: "GLOBEX" is in capitals: it reads as shouting [no-shouting]');
    expect(run.code).toBe(1);
  });

  it('reads a subpath the package exports, and refuses one it does not, saying what and from where', () => {
    withConfig({ extends: '@acme/dmlint-config/strict' });
    expect(dmlint(['drafts', '-f', 'compact'], project).stdout).toContain('[acme/no-competitor-names]');
    withConfig({ extends: '@acme/dmlint-config/internal.json' });
    expect(dmlint(['drafts'], project)).toMatchObject({
      code: 2,
      stderr: `dmlint: .dmlintrc.json: extends: cannot resolve config package "@acme/dmlint-config/internal.json" (its package.json "exports" does not export that path), looked for from ${project}\n`,
    });
  });

  it('resolves from the config file\'s folder, not the working directory', () => {
    withConfig({ plugins: ['acme'], rules: { 'acme/no-competitor-names': ['warn', { names: ['Globex'] }] } });
    const run = dmlint(['.', '-f', 'compact'], path.join(project, 'drafts'));
    expect(run.stdout).toContain('a.md:5:27: warning: Names the competitor "Globex" [acme/no-competitor-names]');
  });

  it('names every package it looked for when none is installed', () => {
    withConfig({ extends: ['dmlint:recommended', 'globex'], plugins: [] });
    expect(dmlint(['drafts'], project)).toMatchObject({
      code: 2,
      stderr: `dmlint: .dmlintrc.json: extends[1]: cannot resolve config package "dmlint-config-globex" (not installed) or "globex" (not installed), looked for from ${project}\n`,
    });
    withConfig({ plugins: ['@globex'] });
    expect(dmlint(['drafts'], project).stderr).toBe(
      `dmlint: .dmlintrc.json: plugins[0]: cannot resolve plugin package "@globex/dmlint-plugin" (not installed), looked for from ${project}\n`,
    );
  });

  it('loads a formatter package by its short or full name', () => {
    withConfig({ extends: '@acme' });
    for (const name of ['acme-csv', 'dmlint-formatter-acme-csv']) {
      const run = dmlint(['drafts', '-f', name], project);
      expect(run.stdout.split('\n')).toEqual([
        'file,line,column,severity,rule,platform,message',
        'drafts/a.md,5,27,error,acme/no-competitor-names,linkedin,"Names the competitor ""Globex"""',
        'drafts/a.md,5,27,error,no-shouting,linkedin,"""GLOBEX"" is in capitals: it reads as shouting"',
        'total,,,2 errors,0 warnings,1 drafts,',
        '',
      ]);
      expect(run.code).toBe(1);
    }
    expect(dmlint(['drafts', '-f', 'acme-tsv'], project)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('dmlint: unknown format "acme-tsv" (expected one of stylish, compact, json, sarif, github, junit, html, markdown, a formatter module\'s path, or an installed formatter package: cannot resolve formatter package "dmlint-formatter-acme-tsv" (not installed) or "acme-tsv" (not installed)'),
    });
  });
});

describe('a config file named without ./', () => {
  it('is still read as a file in the config\'s folder', () => {
    const dir = tempProject({ '.dmlintrc.json': JSON.stringify({ extends: 'base.json' }), 'base.json': JSON.stringify({ rules: { 'no-shouting': 'error' } }), 'a.md': '---\nplatform: facebook\n---\nHi {{first_name}}, BIG NEWS. Could we talk?\n' });
    expect(dmlint(['a.md', '-f', 'compact'], dir).stdout).toContain('error: "BIG NEWS" is in capitals');
  });
});

describe('formatters by path', () => {
  const project = () => {
    const dir = tempProject({ 'a.md': '---\nplatform: facebook\n---\nHi {{first_name}}, BIG NEWS. Could we talk?\n' });
    mkdirSync(path.join(dir, 'tools'));
    return dir;
  };

  it('runs a module\'s default export with the results and the context; it may be async and ask for the text', () => {
    const dir = project();
    writeFileSync(
      path.join(dir, 'tools/count.mjs'),
      [
        'export const needsSource = true;',
        'export default async (results, context) => {',
        '  await new Promise((resolve) => setTimeout(resolve, 10));',
        '  const d = results[0].diagnostics[0];',
        "  return `${context.summary.warnings} warning(s); first flags \"${results[0].source.slice(d.offset, d.endOffset)}\"; rules known: ${context.rules.has('no-shouting')}\\n`;",
        '};',
      ].join('\n'),
    );
    expect(dmlint(['a.md', '-f', './tools/count.mjs'], dir)).toMatchObject({ code: 0, stdout: '1 warning(s); first flags "BIG NEWS"; rules known: true\n' });
    // A CommonJS module too.
    writeFileSync(path.join(dir, 'tools/lines.cjs'), 'module.exports = (results) => results.map((r) => r.path).join("\\n") + "\\n";');
    expect(dmlint(['a.md', '-f', 'tools/lines.cjs'], dir).stdout).toBe('a.md\n');
  });

  it('says what is wrong with a module that is missing, exports nothing or throws (exit 2)', () => {
    const dir = project();
    expect(dmlint(['a.md', '-f', './tools/none.mjs'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining(`dmlint: format "./tools/none.mjs": no such file ${path.join(dir, 'tools/none.mjs')}`) });
    writeFileSync(path.join(dir, 'tools/empty.mjs'), 'export const name = "x";\n');
    expect(dmlint(['a.md', '-f', './tools/empty.mjs'], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('exports no formatter (export default a function (results, context) that returns the report text)'),
    });
    writeFileSync(path.join(dir, 'tools/throws.mjs'), 'export default () => { throw new Error("no sheet today"); };\n');
    expect(dmlint(['a.md', '-f', './tools/throws.mjs'], dir)).toMatchObject({ code: 2, stderr: 'dmlint: format "./tools/throws.mjs" failed: no sheet today\n' });
  });
});
