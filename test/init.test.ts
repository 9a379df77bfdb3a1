// --init writes a config from what the drafts show, keeps language detection, and asks (with
// defaults) only on a terminal and only what it cannot find out.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { ROOT, tempProject } from './helpers.js';

const BIN = path.join(ROOT, 'bin/dmlint.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

const drafts = {
  'drafts/linkedin/audit-fr.md': '---\nkind: message\naudience: connection\n---\nBonjour {{prenom}}, merci pour votre message ! Voulez-vous le rapport ?\n',
  'drafts/twitter/thanks-en.md': '---\naudience: follower\n---\nHi {{first_name}}, thanks for the follow! Want the guide?\n',
  'drafts/misc/note.md': 'Hi {{first_name}}, how is {{company}} doing? Want a call?\n',
  'drafts/fb.md': '---\nplatform: facebook\naudience: customer\n---\nBonjour {{prenom}}, merci pour votre commande ! Une question ?\n',
};

describe('--init', () => {
  it('keeps language detection: French drafts stay French and lose no warnings (issue 13, 4)', () => {
    const dir = tempProject(drafts);
    const before = JSON.parse(run(['drafts', '-f', 'json'], dir).stdout);
    expect(run(['--init'], dir).status).toBe(0);
    const config = JSON.parse(readFileSync(path.join(dir, '.dmlintrc.json'), 'utf8'));
    expect(config.defaults?.locale).toBeUndefined();
    const after = JSON.parse(run(['drafts', '-f', 'json'], dir).stdout);
    const locales = (report: { files: { path: string; drafts: { locale: string; localeSource: string }[] }[] }) =>
      report.files.map((file) => [file.path, file.drafts[0]!.locale, file.drafts[0]!.localeSource]);
    expect(locales(after)).toEqual(locales(before));
    expect(locales(after)).toContainEqual(['drafts/linkedin/audit-fr.md', 'fr', 'detected']);
  });

  it('finds merge fields and platforms from folder names, and says what it did, asking nothing off a terminal', () => {
    const dir = tempProject(drafts);
    const result = run(['--init'], dir);
    expect(result.stderr).toBe('');
    expect(JSON.parse(readFileSync(path.join(dir, '.dmlintrc.json'), 'utf8'))).toEqual({
      $schema: './node_modules/dmlint/schema.json',
      extends: ['dmlint:recommended'],
      placeholders: { company: { length: 12 }, first_name: { length: 12 }, prenom: { length: 12 } },
      overrides: [
        { files: ['drafts/linkedin/**'], defaults: { platform: 'linkedin' } },
        { files: ['drafts/twitter/**'], defaults: { platform: 'twitter' } },
      ],
      rules: {},
    });
    expect(result.stdout).toBe(
      [
        'Wrote .dmlintrc.json (extends dmlint:recommended) from 4 drafts in 4 files:',
        '- 1 draft names no platform: add "platform:" to them, or set "defaults": { "platform": ... }',
        '- merge fields found in the drafts: {{company}}, {{first_name}}, {{prenom}}; other names will be reported; each counts as 12 characters until you set its "length"',
        '- platform taken from the folder name for drafts/linkedin/**, drafts/twitter/**',
        '- language detected for each draft (en 2, fr 2); a draft can set "locale:" itself',
        '',
      ].join('\n'),
    );
    // The config it wrote is valid and does what it says: the folders' drafts have their platform.
    const report = JSON.parse(run(['drafts', '-f', 'json'], dir).stdout);
    expect(report.files.map((f: { path: string; drafts: { platform: string | null }[] }) => [f.path, f.drafts[0]!.platform])).toEqual([
      ['drafts/fb.md', 'facebook'],
      ['drafts/linkedin/audit-fr.md', 'linkedin'],
      ['drafts/misc/note.md', null],
      ['drafts/twitter/thanks-en.md', 'twitter'],
    ]);
  });

  it('on a terminal, asks what it cannot find out, each with a default', async () => {
    const dir = tempProject(drafts);
    const questions: string[] = [];
    const answers = ['messenger', '30', '', 'lots', '20'];
    let out = '';
    const io = {
      stdout: { write: (text: string) => (out += text), isTTY: true },
      stderr: { write: () => true },
      cwd: dir,
      env: {},
      readStdin: async () => '',
      ask: async (question: string) => {
        questions.push(question);
        return answers.shift() ?? '';
      },
    };
    expect(await main(['--init'], io)).toBe(0);
    expect(questions).toEqual([
      '1 draft names no platform. Platform for drafts that do not say (twitter, facebook, linkedin, or none) [none]: ',
      'Longest value of {{company}}, in characters [12]: ',
      'Longest value of {{first_name}}, in characters [12]: ',
      'Longest value of {{prenom}}, in characters [12]: ',
      'Longest value of {{prenom}}, in characters [12]: ',
    ]);
    const config = JSON.parse(readFileSync(path.join(dir, '.dmlintrc.json'), 'utf8'));
    expect(config.defaults).toEqual({ platform: 'facebook' });
    expect(config.placeholders).toEqual({ company: { length: 30 }, first_name: { length: 12 }, prenom: { length: 20 } });
    expect(out).not.toContain('no platform');
  });

  it('writes what the README shows for drafts that use {{first_name}} and {{company}}', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const shown = /`npx dmlint --init` writes[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)![1]!;
    const dir = tempProject({ 'drafts/spring.md': '---\nplatform: twitter\n---\nHi {{first_name}}, how is {{company}} doing?\n' });
    expect(run(['--init'], dir).status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, '.dmlintrc.json'), 'utf8'))).toEqual(JSON.parse(shown));
  });

  it('writes nothing where a config already exists, in any form', () => {
    for (const [name, content] of [
      ['.dmlintrc.json', '{}'],
      ['.dmlintrc.yaml', 'rules: {}\n'],
      ['package.json', JSON.stringify({ name: 'copy', dmlint: {} })],
    ]) {
      const dir = tempProject({ [name!]: content! });
      const result = run(['--init'], dir);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^dmlint: --init: (\.dmlintrc\.json|\.dmlintrc\.yaml|package\.json \("dmlint" key\)) already configures dmlint here; nothing written\n$/);
    }
    // A package.json without a "dmlint" key is no config.
    expect(run(['--init'], tempProject({ 'package.json': '{"name": "copy"}' })).status).toBe(0);
  });
});
