// Config discovery (every SPEC file name), extends, validation messages, overrides and ignores.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { settingsForFile, isIgnored } from '../src/config/for-file.js';
import { loadConfig } from '../src/api/config.js';
import { lintFiles } from '../src/api/lint.js';
import { SEARCH_PLACES } from '../src/config/load.js';
import { ROOT, tempProject as project } from './helpers.js';


const severityOf = async (dir: string, rule = 'no-such') => {
  const config = await loadConfig({ cwd: dir });
  return { file: config.configFile && path.basename(config.configFile), severity: config.rules[rule]?.severity };
};

const RULE = 'facebook/unsolicited-pitch';
const asJson = JSON.stringify({ rules: { [RULE]: 'error' } });
const asYaml = `rules:\n  ${RULE}: error\n`;
const asEsm = `export default ${asJson};\n`;
const asCjs = `module.exports = ${asJson};\n`;

describe('config discovery', () => {
  const cases: [string, string][] = [
    ['package.json', JSON.stringify({ name: 'copy', dmlint: { rules: { [RULE]: 'error' } } })],
    ['.dmlintrc', asYaml],
    ['.dmlintrc.json', asJson],
    ['.dmlintrc.yaml', asYaml],
    ['.dmlintrc.yml', asYaml],
    ['.dmlintrc.js', asEsm],
    ['.dmlintrc.cjs', asCjs],
    ['.dmlintrc.mjs', asEsm],
    ['dmlint.config.js', asEsm],
    ['dmlint.config.mjs', asEsm],
    ['dmlint.config.cjs', asCjs],
    ['dmlint.config.ts', `const config: Record<string, unknown> = ${asJson};\nexport default config;\n`],
  ];

  it('covers every file name the search looks for', () => {
    expect(cases.map(([name]) => name)).toEqual(SEARCH_PLACES);
  });

  it.each(cases)('finds %s', async (name, content) => {
    const dir = project({ [name]: content, 'package.json': name === 'package.json' ? content : '{"type":"module"}' });
    expect(await severityOf(dir, RULE)).toEqual({ file: name, severity: 'error' });
  });

  it('searches from the working directory upward', async () => {
    const dir = project({ '.dmlintrc.json': asJson, 'drafts/fr/.keep': '' });
    const config = await loadConfig({ cwd: path.join(dir, 'drafts/fr') });
    expect(config.configFile).toBe(path.join(dir, '.dmlintrc.json'));
    expect(config.rules[RULE]!.severity).toBe('error');
  });

  it('uses --config instead of searching', async () => {
    const dir = project({ '.dmlintrc.json': asJson, 'other.yaml': `rules:\n  ${RULE}: off\n` });
    const config = await loadConfig({ cwd: dir, configFile: 'other.yaml' });
    expect(config.rules[RULE]!.severity).toBe('off');
  });

  it("finds the user's global config (XDG config folder), which the no-config shortcut must not hide", async () => {
    const home = project({ 'dmlint/config.json': asJson });
    const dir = project({ 'drafts/.keep': '' });
    const saved = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = home;
    try {
      const config = await loadConfig({ cwd: path.join(dir, 'drafts') });
      expect(config.configFile).toBe(path.join(home, 'dmlint/config.json'));
      expect(config.rules[RULE]!.severity).toBe('error');
    } finally {
      if (saved === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = saved;
    }
  });

  it('starts from dmlint:recommended when there is no config', async () => {
    const dir = project({ 'drafts/.keep': '' });
    const config = await loadConfig({ cwd: path.join(dir, 'drafts') });
    expect(config.rules['twitter/max-length']).toEqual({ severity: 'error', options: {} });
    expect(config.rules[RULE]!.severity).toBe('warn');
  });
});

describe('extends', () => {
  it('applies dmlint:strict, relative files in order, then the file itself', async () => {
    const dir = project({
      'base.json': JSON.stringify({ rules: { 'twitter/max-length': ['error', { max: 100 }] }, defaults: { locale: 'fr' } }),
      '.dmlintrc.json': JSON.stringify({ extends: ['dmlint:strict', './base.json'], rules: { 'twitter/max-length': 'warn' } }),
    });
    const config = await loadConfig({ cwd: dir });
    expect(config.rules[RULE]!.severity).toBe('error');
    // A later severity-only entry keeps the options set before it.
    expect(config.rules['twitter/max-length']).toEqual({ severity: 'warn', options: { max: 100 } });
    expect(config.defaults).toEqual({ locale: 'fr' });
  });

  it('reports a cycle', async () => {
    const dir = project({
      'a.json': JSON.stringify({ extends: './b.json' }),
      'b.json': JSON.stringify({ extends: './a.json' }),
      '.dmlintrc.json': JSON.stringify({ extends: './a.json' }),
    });
    await expect(loadConfig({ cwd: dir })).rejects.toThrow(/b\.json: extends: "extends" makes a cycle: .*a\.json → b\.json → a\.json/);
  });

  it('reports an unknown preset and a missing file', async () => {
    await expect(loadConfig({ cwd: project({ '.dmlintrc.json': '{"extends":["dmlint:loose"]}' }) })).rejects.toThrow(
      '.dmlintrc.json: extends[0]: unknown preset "dmlint:loose" (expected dmlint:recommended or dmlint:strict)',
    );
    await expect(loadConfig({ cwd: project({ '.dmlintrc.json': '{"extends":"./nope.json"}' }) })).rejects.toThrow(
      '.dmlintrc.json: extends: cannot find "./nope.json"',
    );
  });
});

describe('config errors name the file and the key path', () => {
  const cases: [string, string, string][] = [
    [
      '.dmlintrc.json',
      JSON.stringify({ rules: { 'twitter/max-length': ['error', { max: 'long' }] } }),
      '.dmlintrc.json: rules["twitter/max-length"][1].max: expected a positive integer, got "long"',
    ],
    ['.dmlintrc.json', JSON.stringify({ rules: { 'twitter/max-lenght': 'error' } }), '.dmlintrc.json: rules["twitter/max-lenght"]: unknown rule "twitter/max-lenght" (did you mean "twitter/max-length"?)'],
    ['.dmlintrc.json', JSON.stringify({ rules: { 'no-such-rule-at-all': 'error' } }), '.dmlintrc.json: rules["no-such-rule-at-all"]: unknown rule "no-such-rule-at-all"'],
    ['.dmlintrc.json', JSON.stringify({ rules: { 'empty-draft': 'loud' } }), '.dmlintrc.json: rules["empty-draft"]: expected a severity ("off", "warn", "error", 0, 1 or 2), got "loud"'],
    ['.dmlintrc.json', JSON.stringify({ rulez: {} }), '.dmlintrc.json: rulez: unknown key (expected one of $schema, extends, defaults, rules, placeholders, phrases, overrides, ignores, plugins)'],
    ['.dmlintrc.json', JSON.stringify({ defaults: { platform: 'myspace' } }), '.dmlintrc.json: defaults.platform: expected one of "twitter", "facebook", "linkedin", "x", "messenger", got "myspace"'],
    ['.dmlintrc.json', JSON.stringify({ placeholders: { company: { length: -3 } } }), '.dmlintrc.json: placeholders.company.length: expected a non-negative integer, got -3'],
    ['.dmlintrc.json', JSON.stringify({ overrides: [{ files: ['fr/**'], rules: { [RULE]: ['warn', { add: 'oops' }] } }] }), `.dmlintrc.json: overrides[0].rules["${RULE}"][1].add: expected a list of non-empty strings, got "oops"`],
    ['.dmlintrc.yaml', 'rules:\n  twitter/max-length: [error, {max: 0}]\n', '.dmlintrc.yaml: rules["twitter/max-length"][1].max: expected a positive integer, got 0'],
  ];
  it.each(cases)('%s %s', async (name, content, message) => {
    await expect(loadConfig({ cwd: project({ [name]: content }) })).rejects.toThrow(message);
  });

  it('reports unreadable JSON naming the file (not the folder), with the reason and its line and column (issue 13, 5)', async () => {
    const read = async (files: Record<string, string>) => (await loadConfig({ cwd: project(files) }).catch((error: Error) => error)) as Error;
    expect((await read({ '.dmlintrc.json': '{ "rules": ' })).message).toBe('.dmlintrc.json: cannot be read: Unexpected end of JSON input');
    expect((await read({ '.dmlintrc.json': '{\n  "rules": {\n    "no-shouting": "off",\n  }\n}\n' })).message).toBe(
      '.dmlintrc.json: cannot be read: line 4, column 3: Expected double-quoted property name',
    );
    expect((await read({ 'package.json': '{"name": "copy", "dmlint": {}}}' })).message).toBe('package.json: cannot be read: line 1, column 31: Unexpected non-whitespace character after JSON');
    expect((await read({ '.dmlintrc.yaml': 'rules:\n  a: [\n' })).message).toBe('.dmlintrc.yaml: cannot be read: line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]');
  });

  it('refuses a locale that names no language, in defaults, overrides and phrases (issue 13, 12)', async () => {
    const read = async (config: unknown) => ((await loadConfig({ cwd: project({ '.dmlintrc.json': JSON.stringify(config) }) }).catch((error: Error) => error)) as Error).message;
    expect(await read({ defaults: { locale: 'english' } })).toBe('.dmlintrc.json: defaults.locale: "english" is not a language code (did you mean "en"?)');
    expect(await read({ overrides: [{ files: ['de/**'], defaults: { locale: 'Deutsch' } }] })).toBe('.dmlintrc.json: overrides[0].defaults.locale: "Deutsch" is not a language code (did you mean "de"?)');
    expect(await read({ phrases: [{ id: 'house/x', match: ['x'], message: 'm', locale: 'klingon' }] })).toBe(
      '.dmlintrc.json: phrases[0].locale: "klingon" is not a language code: use a BCP 47 tag such as en, fr or fr-FR',
    );
    await expect(loadConfig({ cwd: project({ '.dmlintrc.json': JSON.stringify({ defaults: { locale: 'de-CH' } }) }) })).resolves.toBeDefined();
  });

  it('never runs code from JSON or YAML configs, and keeps __proto__ keys inert', async () => {
    const dir = project({ '.dmlintrc.json': '{"__proto__": {"polluted": true}}' });
    await expect(loadConfig({ cwd: dir })).rejects.toThrow(/__proto__: unknown key/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('overrides, ignores and defaults', () => {
  it('applies overrides by glob, relative to the config file', async () => {
    const dir = project({
      '.dmlintrc.json': JSON.stringify({
        defaults: { platform: 'linkedin' },
        overrides: [{ files: ['fr/**'], defaults: { locale: 'fr' }, rules: { [RULE]: 'off' } }],
      }),
    });
    const config = await loadConfig({ cwd: dir });
    const fr = settingsForFile(config, path.join(dir, 'fr/campaign.md'));
    const en = settingsForFile(config, path.join(dir, 'en/campaign.md'));
    expect(fr.defaults).toEqual({ platform: 'linkedin', locale: 'fr' });
    expect(fr.rules[RULE]!.severity).toBe('off');
    expect(en.defaults).toEqual({ platform: 'linkedin' });
    expect(en.rules[RULE]!.severity).toBe('warn');
  });

  it('gives each file the options of its own override, files of both kinds in one run', async () => {
    // Files of one run under different overrides must not share a rule's options.
    const draft = '---\nplatform: facebook\naudience: follower\nlocale: en\n---\n\nSee https://example.com/x and https://example.org/y today?\n';
    const dir = project({
      '.dmlintrc.json': JSON.stringify({ rules: { 'max-links': ['error', { facebook: 1 }] }, overrides: [{ files: ['loose/**'], rules: { 'max-links': ['error', { facebook: 3 }] } }] }),
      'loose/a.md': draft,
      'strict/a.md': draft,
      'loose/b.md': draft,
      'strict/b.md': draft,
    });
    const run = await lintFiles(['.'], { cwd: dir, concurrency: 'off' });
    const linksIn = (file: string) => run.results.find((result) => result.path.endsWith(file))!.diagnostics.filter((d) => d.ruleId === 'max-links').length;
    expect(['loose/a.md', 'strict/a.md', 'loose/b.md', 'strict/b.md'].map(linksIn)).toEqual([0, 1, 0, 1]);
  });

  it('ignores files and folders matching ignores', async () => {
    const dir = project({ '.dmlintrc.json': JSON.stringify({ ignores: ['archive/**', 'drafts/old.md'] }) });
    const config = await loadConfig({ cwd: dir });
    expect(isIgnored(config, path.join(dir, 'archive/2019/a.md'))).toBe(true);
    expect(isIgnored(config, path.join(dir, 'drafts/old.md'))).toBe(true);
    expect(isIgnored(config, path.join(dir, 'drafts/new.md'))).toBe(false);
  });
});

describe('schema.json', () => {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema.json'), 'utf8'));
  const validate = new Ajv({ strict: false }).compile(schema);

  it('accepts .dmlintrc.example.json, which shows every key', () => {
    const example = JSON.parse(readFileSync(path.join(ROOT, '.dmlintrc.example.json'), 'utf8'));
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    const topLevel = Object.keys((schema as { properties: object }).properties);
    expect(Object.keys(example).sort()).toEqual(topLevel.sort());
  });

  it('rejects bad rule options, so editors flag them', () => {
    expect(validate({ rules: { 'twitter/max-length': ['error', { max: 'long' }] } })).toBe(false);
    expect(validate({ rules: { 'twitter/max-length': ['error', { max: 100 }] } })).toBe(true);
  });

  it('is the loader’s own example: the example config loads without error', async () => {
    const config = await loadConfig({ cwd: ROOT, configFile: '.dmlintrc.example.json' });
    expect(config.phrases.length).toBeGreaterThan(0);
  });
});
