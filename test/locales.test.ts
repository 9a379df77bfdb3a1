// Locales: dmlint reads en and fr. A draft in another language is linted, but the rules that read
// words skip it and the run says so once; a value that names no language is refused.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { lint, ROOT, tempProject } from './helpers.js';

const BIN = path.join(ROOT, 'bin/dmlint.js');
const run = (args: string[], cwd: string) => {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

const languageRules = builtinRules.filter((rule) => rule.meta.readsLanguage).map((rule) => rule.meta.id);
// A cold Facebook pitch with no question, in German: English word lists would misjudge it.
const german = '---\nplatform: facebook\naudience: cold\nlocale: de\n---\nHallo {{first_name}}, unser Angebot: Rabatt für alle, nur diese Woche. KAUFEN!!\n';

describe('a draft in a language dmlint does not read', () => {
  it('skips every rule that reads words, and runs the others (issue 13, 12)', async () => {
    expect(languageRules.length).toBeGreaterThanOrEqual(4);
    const result = await lint(german);
    expect(result.drafts[0]).toMatchObject({ locale: 'de', localeSource: 'frontmatter' });
    const ids = result.diagnostics.map((d) => d.ruleId);
    for (const id of languageRules) expect(ids).not.toContain(id);
    // Rules that do not read words still judge it.
    expect(ids).toEqual(expect.arrayContaining(['no-shouting', 'no-excessive-punctuation']));
    // The same draft said to be English gets the English rules: the skip comes from the locale.
    const asEnglish = await lint(german.replace('locale: de', 'locale: en'));
    expect(asEnglish.diagnostics.map((d) => d.ruleId)).toContain('call-to-action');
  });

  it('gets one notice on stderr for the run, naming the languages and the rules that skipped', () => {
    const dir = tempProject({ 'a.md': german, 'b.md': german.replace('locale: de', 'locale: de-AT'), 'c.md': german.replace('locale: de', 'locale: es') });
    const { code, stdout, stderr } = run(['.', '-f', 'json'], dir);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).files.map((f: { drafts: { locale: string }[] }) => f.drafts[0]!.locale)).toEqual(['de', 'de', 'es']);
    expect(stderr).toBe(`dmlint: 3 drafts are in a language dmlint does not read (de 2, es 1; it reads en and fr); the rules that read words skipped them (${languageRules.join(', ')})\n`);
    // English and French drafts: no notice.
    const dir2 = tempProject({ 'a.md': german.replace('locale: de', 'locale: fr') });
    expect(run(['a.md'], dir2).stderr).toBe('');
  });

  it('--locale takes a language code; one that names no language is refused in one line', () => {
    const dir = tempProject({ 'a.md': german.replace('locale: de\n', '') });
    expect(run(['a.md', '--locale', 'klingon'], dir)).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'dmlint: --locale "klingon": expected a language code: en or fr, the languages dmlint reads, or another (de, es...) to skip the rules that read words\n',
    });
    expect(run(['a.md', '--locale', 'english'], dir).stderr).toMatch(/^dmlint: --locale "english": did you mean "en"\? expected a language code/);
    const accepted = run(['a.md', '--locale', 'de', '-f', 'json'], dir);
    expect(accepted.code).toBe(0);
    expect(JSON.parse(accepted.stdout).files[0].drafts[0]).toMatchObject({ locale: 'de', localeSource: 'cli' });
    expect(accepted.stderr).toMatch(/^dmlint: 1 draft is in a language dmlint does not read \(de 1; it reads en and fr\)/);
  });

  it('config "english" stops the run with exit 2 and one line, with the code it may mean', () => {
    const dir = tempProject({ '.dmlintrc.json': JSON.stringify({ defaults: { locale: 'english' } }), 'a.md': german });
    expect(run(['a.md'], dir)).toMatchObject({ code: 2, stdout: '', stderr: 'dmlint: .dmlintrc.json: defaults.locale: "english" is not a language code (did you mean "en"?)\n' });
  });
});
