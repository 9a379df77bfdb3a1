// The CLI as users run it: a real process on fixtures/, each format and exit code.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { ROOT, tempProject } from './helpers.js';

const BIN = path.join(ROOT, 'bin/dmlint.js');

/** The environment without NO_COLOR and FORCE_COLOR (Node 22 warns when both are set, even empty). */
function withoutColorSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...rest } = env;
  return rest;
}

function dmlint(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...withoutColorSettings(process.env), ...options.env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}


const COMPACT = /^(.+):(\d+):(\d+): (error|warning): (.+) \[([\w/-]+)\]$/;
const tweet = '---\nplatform: twitter\naudience: follower\n---\n';

describe('dmlint fixtures', () => {
  it('prints a stylish report grouped by file with totals and drafts per platform, exit 1', () => {
    const { code, stdout } = dmlint(['fixtures']);
    expect(code).toBe(1);
    expect(stdout).toContain('fixtures/twitter/max-length/invalid-long-en.md\n  6:33  error    191/140 characters  twitter/max-length\n');
    expect(stdout).toMatch(/✖ \d+ problems \(\d+ errors, \d+ warnings\)/);
    expect(stdout).toMatch(/\d+ drafts in \d+ files \(facebook message \d+, .*linkedin inmail \d+, .*twitter dm \d+, no platform \d+\)/);
    expect(stdout).toMatch(/\d+ InMails ≈ \d+ USD in credits/);
    // Valid fixtures do not appear.
    expect(stdout).not.toMatch(/\/valid-fr\.md/);
  });

  it('prints compact lines an editor problem matcher can read', () => {
    const { code, stdout } = dmlint(['fixtures', '-f', 'compact']);
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(COMPACT);
    expect(lines).toContain('fixtures/twitter/max-length/invalid-long-en.md:6:33: error: 191/140 characters [twitter/max-length]');
  });

  it('prints the stable JSON report, version 1, as docs/cli.md shows it', () => {
    const { code, stdout } = dmlint(['fixtures', '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.version).toBe(1);
    const file = report.files.find((f: { path: string }) => f.path === 'fixtures/twitter/max-length/invalid-long-en.md');
    expect(file).toEqual({
      path: 'fixtures/twitter/max-length/invalid-long-en.md',
      drafts: [
        // The draft runs through the fixture's last comment, its expect comment (line 8).
        { index: 0, platform: 'twitter', kind: 'dm', audience: 'follower', locale: 'en', localeSource: 'detected', title: null, line: 5, endLine: 8, length: 191 },
      ],
      diagnostics: [
        {
          ruleId: 'twitter/max-length',
          severity: 'error',
          message: '191/140 characters',
          line: 6,
          column: 33,
          endLine: 6,
          endColumn: 107,
          draft: 0,
          fixable: false,
          docsUrl: 'https://github.com/dmlint/dmlint/blob/main/docs/rules/twitter/max-length.md',
        },
      ],
      errorCount: 1,
      warningCount: 0,
    });
    const errors = report.files.reduce((n: number, f: { errorCount: number }) => n + f.errorCount, 0);
    const fixable = report.files.flatMap((f: { diagnostics: { fixable: boolean }[] }) => f.diagnostics).filter((d: { fixable: boolean }) => d.fixable).length;
    expect(fixable).toBeGreaterThan(0);
    expect(report.summary).toMatchObject({ files: report.files.length, errors, fixable });
    expect(report.summary.inmailCostUsd).toBe(report.summary.inmails * 10);
  });

  it('exits 0 on valid drafts', () => {
    const { code, stdout } = dmlint(['fixtures/facebook/unsolicited-pitch/valid-en.md', 'fixtures/twitter/max-length/valid-fr.md']);
    expect(code).toBe(0);
    expect(stdout).toContain('✔ No problems');
    expect(stdout).toContain('2 drafts in 2 files (facebook message 1, twitter dm 1)');
  });
});

describe('exit code 2 and one clear line', () => {
  it('for a path that does not exist, while still linting the others', () => {
    const { code, stderr, stdout } = dmlint(['nope.md', 'fixtures/empty-draft/valid.md', '-f', 'json']);
    expect(code).toBe(2);
    expect(stderr).toBe('dmlint: No such file or directory: nope.md\n');
    expect(JSON.parse(stdout).files).toHaveLength(1);
  });

  it('for a glob that matches nothing', () => {
    expect(dmlint(['drafts/**/*.md'])).toMatchObject({ code: 2, stderr: 'dmlint: No files match the pattern "drafts/**/*.md"\n' });
  });

  it('for a bad config, naming the file and key path', () => {
    const dir = tempProject({ '.dmlintrc.json': JSON.stringify({ rules: { 'twitter/max-length': ['error', { max: 'long' }] } }), 'a.md': tweet + 'Hi\n' });
    expect(dmlint(['.'], { cwd: dir })).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'dmlint: .dmlintrc.json: rules["twitter/max-length"][1].max: expected a positive integer, got "long"\n',
    });
  });

  it('for unknown flags, formats, platforms and rules', () => {
    expect(dmlint(['--frobnicate'])).toMatchObject({ code: 2, stdout: '', stderr: 'dmlint: unknown flag --frobnicate (dmlint --help lists the flags)\n' });
    // A name that is not built in is looked for as a formatter module.
    expect(dmlint(['fixtures', '-f', 'xml'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `dmlint: unknown format "xml" (expected one of stylish, compact, json, sarif, github, junit, html, markdown, a formatter module's path, or an installed formatter package: cannot resolve formatter package "dmlint-formatter-xml" (not installed) or "xml" (not installed), looked for from ${ROOT})\n`,
    });
    expect(dmlint(['fixtures', '--platform', 'myspace']).code).toBe(2);
    expect(dmlint(['fixtures', '--rule', 'no-such-rule: error'])).toMatchObject({ code: 2, stderr: 'dmlint: --rule: no-such-rule: unknown rule "no-such-rule"\n' });
  });

  it('for a binary file and invalid UTF-8, naming the file; other files are still linted', () => {
    const dir = tempProject({ 'good.md': tweet + 'Hi {{first_name}}, thanks for the follow!\n' });
    writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    writeFileSync(path.join(dir, 'latin1.md'), Buffer.from('---\nplatform: twitter\n---\nCaf\xe9\n', 'latin1'));
    const { code, stderr, stdout } = dmlint(['.', '-f', 'json'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('dmlint: binary.md: binary file (contains NUL bytes), not a Markdown draft\n');
    expect(stderr).toContain('dmlint: latin1.md: not valid UTF-8 text; save the file as UTF-8\n');
    expect(JSON.parse(stdout).files.map((f: { path: string }) => f.path)).toEqual(['good.md']);
  });
});

describe('flags', () => {
  const warningsOnly = 'fixtures/no-excessive-punctuation/invalid-en.md';

  it('--max-warnings turns too many warnings into exit 1', () => {
    expect(dmlint([warningsOnly]).code).toBe(0);
    expect(dmlint([warningsOnly, '--max-warnings', '3']).code).toBe(0);
    const over = dmlint([warningsOnly, '--max-warnings', '2']);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('dmlint: 3 warnings exceed --max-warnings 2\n');
  });

  it('--quiet reports errors only', () => {
    const { stdout } = dmlint(['fixtures', '-q', '-f', 'compact']);
    expect(stdout).not.toContain(': warning: ');
    expect(stdout).toContain(': error: ');
  });

  it('-o writes the report to a file and prints a one-line summary', () => {
    const dir = tempProject({});
    const out = path.join(dir, 'reports/dmlint.json');
    const { code, stdout } = dmlint([warningsOnly, '-f', 'json', '-o', out]);
    expect(code).toBe(0);
    expect(stdout).toBe(`dmlint: 3 problems (0 errors, 3 warnings) in 1 file; report written to ${out}\n`);
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.warnings).toBe(3);
  });

  it('--platform and --locale set defaults for drafts that do not say', () => {
    const dir = tempProject({ 'a.md': 'Buy now and save!\n' });
    expect(dmlint(['a.md', '-f', 'compact'], { cwd: dir }).stdout).toContain('[platform-required]');
    const withPlatform = JSON.parse(dmlint(['a.md', '-f', 'json', '--platform', 'messenger', '--locale', 'fr-CA'], { cwd: dir }).stdout);
    expect(withPlatform.files[0].drafts[0]).toMatchObject({ platform: 'facebook', kind: 'message', locale: 'fr', localeSource: 'cli' });
  });

  it('--rule changes one rule for the run, with options as JSON', () => {
    expect(dmlint([warningsOnly, '--rule', 'no-excessive-punctuation: off']).stdout).toContain('✔ No problems');
    const strict = dmlint([warningsOnly, '--rule', 'no-excessive-punctuation: error']);
    expect(strict.code).toBe(1);
    const options = dmlint(['fixtures/twitter/max-length/valid-fr.md', '--rule', 'twitter/max-length: ["error", {"max": 20}]', '-f', 'compact']);
    expect(options.stdout).toMatch(/\d+\/20 characters \[twitter\/max-length\]/);
  });

  it('honours .gitignore and config ignores, and --no-ignore lints them too', () => {
    const dir = tempProject({
      '.gitignore': 'private/\n',
      '.dmlintrc.json': JSON.stringify({ ignores: ['archive/**'] }),
      'live.md': tweet + 'Hi {{first_name}}!\n',
      'private/secret.md': tweet + 'Hi {{first_name}}!\n',
      'archive/old.md': tweet + 'Hi {{first_name}}!\n',
      'notes.txt': 'not a draft',
    });
    const paths = (args: string[]) => JSON.parse(dmlint(args, { cwd: dir }).stdout).files.map((f: { path: string }) => f.path);
    expect(paths(['.', '-f', 'json'])).toEqual(['live.md']);
    expect(paths(['.', '-f', 'json', '--no-ignore'])).toEqual(['archive/old.md', 'live.md', 'private/secret.md']);
  });

  it('applies nested .gitignore files as git does: a deeper one can re-include', () => {
    const dir = tempProject({
      '.gitignore': '*.old.md\nprivate/\n',
      'a.md': tweet + 'Hi {{first_name}}!\n',
      'b.old.md': tweet + 'Hi!\n',
      'private/c.md': tweet + 'Hi!\n',
      'team/.gitignore': '!keep.old.md\n',
      'team/keep.old.md': tweet + 'Hi!\n',
      'team/drop.old.md': tweet + 'Hi!\n',
    });
    const paths = JSON.parse(dmlint(['.', '-f', 'json'], { cwd: dir }).stdout).files.map((f: { path: string }) => f.path);
    expect(paths).toEqual(['a.md', 'team/keep.old.md']);
  });

  it('lints an explicitly named file whatever its extension, and globs', () => {
    const dir = tempProject({ 'draft.txt': tweet + 'Hi {{first_name}}!\n', 'a/b.md': tweet + 'Hi!\n', 'a/c.markdown': tweet + 'Hey!\n' });
    const paths = (args: string[]) => JSON.parse(dmlint(args, { cwd: dir }).stdout).files.map((f: { path: string }) => f.path);
    expect(paths(['draft.txt', '-f', 'json'])).toEqual(['draft.txt']);
    expect(paths(['a/**/*.md', '-f', 'json'])).toEqual(['a/b.md']);
    expect(paths(['a', '-f', 'json'])).toEqual(['a/b.md', 'a/c.markdown']);
  });

  it('--print-config shows the resolved config for a file', () => {
    const dir = tempProject({ '.dmlintrc.json': JSON.stringify({ overrides: [{ files: ['fr/**'], defaults: { locale: 'fr' } }] }) });
    const printed = JSON.parse(dmlint(['--print-config', 'fr/a.md'], { cwd: dir }).stdout);
    expect(printed).toMatchObject({ file: 'fr/a.md', configFile: '.dmlintrc.json', ignored: false, defaults: { locale: 'fr' } });
    expect(printed.rules['twitter/max-length']).toEqual(['error', { max: 140 }]);
  });

  it('--list-rules lists every rule with platforms, default severity and fixability', () => {
    const { code, stdout } = dmlint(['--list-rules']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^rule\s+platforms\s+default\s+configured\s+fixable$/);
    expect(stdout).toMatch(/^twitter\/max-length\s+twitter\s+error\s+error\s+no$/m);
    expect(stdout).toMatch(/^linkedin\/inmail-value-proposition\s+linkedin \(inmail\)\s+warn\s+warn\s+no$/m);
    const json = JSON.parse(dmlint(['--list-rules', '-f', 'json']).stdout);
    expect(json.map((r: { id: string }) => r.id)).toContain('platform-required');
  });

  it('--init writes a config from the drafts once, keeping language detection', () => {
    const dir = tempProject({ 'fr.md': '---\nplatform: facebook\naudience: customer\n---\nBonjour {{prenom}}, merci pour votre commande ! Une question ?\n' });
    const first = dmlint(['--init'], { cwd: dir });
    expect(first.code).toBe(0);
    const written = JSON.parse(readFileSync(path.join(dir, '.dmlintrc.json'), 'utf8'));
    expect(written).toEqual({ $schema: './node_modules/dmlint/schema.json', extends: ['dmlint:recommended'], placeholders: { prenom: { length: 12 } }, rules: {} });
    expect(first.stdout).toContain('language detected for each draft (fr 1)');
    expect(dmlint(['--init'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'dmlint: --init: .dmlintrc.json already configures dmlint here; nothing written\n' });
    // The French draft is still read as French: no English call-to-action or greeting warnings.
    expect(JSON.parse(dmlint(['.', '-f', 'json'], { cwd: dir }).stdout).files[0]).toMatchObject({ drafts: [{ locale: 'fr', localeSource: 'detected' }], diagnostics: [] });
  });

  it('colours only when asked or on a terminal, and honours NO_COLOR', () => {
    const file = 'fixtures/twitter/max-length/invalid-long-en.md';
    expect(dmlint([file]).stdout).not.toContain('\u001b[');
    expect(dmlint([file, '--color']).stdout).toContain('\u001b[31m');
    expect(dmlint([file, '--color'], { env: { NO_COLOR: '1' } }).stdout).toContain('\u001b[31m');
    expect(dmlint([file], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
    expect(dmlint([file, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('--report-unused-disable-directives turns a useless disable comment into an error', () => {
    const dir = tempProject({ 'a.md': `${tweet}<!-- dmlint-disable-next-line twitter/max-length -->\nHi {{first_name}}, thanks for the follow! Any questions?\n` });
    expect(dmlint(['a.md'], { cwd: dir }).code).toBe(0);
    const strict = dmlint(['a.md', '-f', 'compact', '--report-unused-disable-directives'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe('a.md:5:31: error: Unused dmlint-disable-next-line comment: no problem from "twitter/max-length" was reported here [invalid-control-comment]\n');
  });

  it('prints --help and --version', () => {
    expect(dmlint(['--help']).stdout).toContain('--max-warnings');
    expect(dmlint(['--version']).stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });
});

describe('what each flag says it does', () => {
  const shouty = `${tweet}Hi {{first_name}}, THANKS for the follow!! Any questions?\n`;

  it('--fix-dry-run keeps a machine report alone on stdout: the diff goes to stderr (issue 13, 6)', () => {
    const dir = tempProject({ 'a.md': shouty });
    for (const format of ['json', 'sarif', 'junit']) {
      const { code, stdout, stderr } = dmlint(['a.md', '--fix-dry-run', '-f', format], { cwd: dir });
      expect(code, format).toBe(0);
      expect(stderr).toContain('+Hi {{first_name}}, THANKS for the follow! Any questions?');
      if (format === 'junit') expect(stdout.startsWith('<?xml')).toBe(true);
      else expect(() => JSON.parse(stdout)).not.toThrow();
    }
    // In a report people read, the diff comes first on stdout, then the report; nothing is written.
    const stylish = dmlint(['a.md', '--fix-dry-run'], { cwd: dir });
    expect(stylish.stdout.indexOf('+Hi {{first_name}}')).toBeGreaterThanOrEqual(0);
    expect(stylish.stdout.indexOf('+Hi {{first_name}}')).toBeLessThan(stylish.stdout.indexOf('a.md\n  5:'));
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(shouty);
  });

  it('-q hides warnings but says so, counts only fixable errors, and --max-warnings still counts them (issue 13, 11)', () => {
    const dir = tempProject({ 'a.md': shouty });
    const quiet = dmlint(['a.md', '-q', '--max-warnings', '0'], { cwd: dir });
    expect(quiet).toMatchObject({ code: 1, stderr: 'dmlint: 2 warnings exceed --max-warnings 0 (not shown: --quiet)\n' });
    expect(quiet.stdout).toBe('✔ No errors\n  2 warnings not shown (--quiet)\n1 draft in 1 file (twitter dm 1)\n');
    expect(quiet.stdout).not.toContain('fixable');
    const loud = dmlint(['a.md'], { cwd: dir }).stdout;
    expect(loud).toContain('1 potentially fixable with --fix');
  });

  it('--print-config includes the phrases lists', () => {
    const phrases = [{ id: 'house/plain', match: ['synergy'], replace: 'work together', message: 'Plain words' }];
    const dir = tempProject({ '.dmlintrc.json': JSON.stringify({ phrases }) });
    const printed = JSON.parse(dmlint(['--print-config', 'a.md'], { cwd: dir }).stdout);
    expect(printed.phrases).toEqual(phrases);
    expect(printed.rules['house/plain']).toBe('warn');
  });

  it('links rule ids to their pages in stylish where the terminal shows links, and only there', () => {
    const file = 'fixtures/twitter/max-length/invalid-long-en.md';
    const link = '\u001b]8;;https://github.com/dmlint/dmlint/blob/main/docs/rules/twitter/max-length.md\u0007';
    const linked = dmlint([file, '--color'], { env: { FORCE_HYPERLINK: '1' } }).stdout;
    expect(linked).toContain(link);
    expect(linked).toContain('twitter/max-length\u001b[22m\u001b]8;;\u0007');
    // Not on a pipe without FORCE_HYPERLINK, not without colour, not when asked not to.
    expect(dmlint([file, '--color']).stdout).not.toContain('\u001b]8;;');
    expect(dmlint([file, '--no-color'], { env: { FORCE_HYPERLINK: '1' } }).stdout).not.toContain('\u001b]8;;');
    expect(dmlint([file, '--color'], { env: { FORCE_HYPERLINK: '0' } }).stdout).not.toContain('\u001b]8;;');
  });
});

describe('in-process entry', () => {
  it('returns the exit code instead of exiting', async () => {
    let out = '';
    const io = { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true }, cwd: ROOT, env: {}, readStdin: async () => '' };
    expect(await main(['fixtures/empty-draft/valid.md', '-f', 'compact'], io)).toBe(0);
    expect(await main(['fixtures/invalid-control-comment/invalid.md', '-f', 'compact'], io)).toBe(1);
    expect(out).toBe('fixtures/invalid-control-comment/invalid.md:5:21: error: Unknown rule "twitter/max-lenght" in a dmlint-disable comment [invalid-control-comment]\n');
    expect(existsSync(BIN)).toBe(true);
  });
});

describe('terminal safety', () => {
  it('escapes control characters taken from drafts', () => {
    const dir = tempProject({ 'a.md': `${tweet}Hi {{first\u001b[31mname}} and {{x\u0007y}}\n` });
    for (const format of ['stylish', 'compact']) {
      const { stdout } = dmlint(['a.md', '-f', format], { cwd: dir });
      expect(stdout).toContain('\\x1b[31m');
      expect(stdout).toContain('\\x07');
      expect(stdout).not.toContain('\u001b');
      expect(stdout).not.toContain('\u0007');
    }
  });
});
