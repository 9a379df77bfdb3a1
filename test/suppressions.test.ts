// Bulk suppressions as a team adopting dmlint on an old repository uses them: record, ratchet, prune.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSuppressions, serialiseSuppressions } from '../src/report/suppressions/file.js';
import { ROOT, tempProject } from './helpers.js';

const BIN = path.join(ROOT, 'bin/dmlint.js');
const dmlint = (args: string[], cwd: string) => {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
};
const problems = (stdout: string) => stdout.split('\n').filter((line) => /: (error|warning): /.test(line));

const facebook = '---\nplatform: facebook\naudience: cold\n---\n';
const OLD_REPO = {
  '.dmlintrc.json': '{}',
  'campaigns/spring/promo.md': `${facebook}Hi {{first_name}}, LIMITED OFFER today. Buy now with promo code SPRING!!\n`,
  'campaigns/spring/second.md': `${facebook}Hello {{first_name}}, is this WONDERFUL news for you?? Reply to me.\n`,
  'campaigns/autumn/clean.md': `${facebook}Hi {{first_name}}, could we talk on Tuesday about your shop?\n`,
};

describe('--suppress-all', () => {
  it('records every problem per file and rule beside the config, relative paths, stable order; the next run is clean', () => {
    const dir = tempProject(OLD_REPO);
    const before = problems(dmlint(['.', '-f', 'compact'], dir).stdout);
    expect(before.length).toBeGreaterThan(4);

    const suppress = dmlint(['.', '--suppress-all', '-f', 'compact'], dir);
    expect(suppress.code).toBe(0);
    expect(suppress.stdout).toBe('');
    expect(suppress.stderr).toBe(`dmlint: recorded ${before.length} problems in 2 files in dmlint-suppressions.json\n`);

    const text = readFileSync(path.join(dir, 'dmlint-suppressions.json'), 'utf8');
    const recorded = JSON.parse(text);
    expect(Object.keys(recorded)).toEqual(['campaigns/spring/promo.md', 'campaigns/spring/second.md']);
    expect(recorded['campaigns/spring/promo.md']['facebook/unsolicited-pitch'].count).toBe(before.filter((l) => l.startsWith('campaigns/spring/promo.md') && l.includes('[facebook/unsolicited-pitch]')).length);
    // One line per file and rule: a count changes one line.
    expect(text.split('\n').filter((line) => line.includes('"count"')).length).toBe(Object.values(recorded).flatMap((rules) => Object.keys(rules as object)).length);
    // Recording again changes nothing, byte for byte.
    dmlint(['.', '--suppress-all'], dir);
    expect(readFileSync(path.join(dir, 'dmlint-suppressions.json'), 'utf8')).toBe(text);

    const after = dmlint(['.'], dir);
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('✔ No problems');
  });

  it('reports only what is new beyond the recorded count, and new files in full', () => {
    const dir = tempProject(OLD_REPO);
    dmlint(['.', '--suppress-all'], dir);
    const promo = path.join(dir, 'campaigns/spring/promo.md');
    // A new shouted phrase before the old ones: the one reported is the new one, wherever it is.
    writeFileSync(promo, readFileSync(promo, 'utf8').replace('Hi {{first_name}},', 'Hi {{first_name}}, GREAT NEWS:'));
    writeFileSync(path.join(dir, 'campaigns/autumn/new.md'), `${facebook}Hi {{first_name}}, BUY NOW!!\n`);
    const run = dmlint(['.', '-f', 'compact'], dir);
    expect(run.code).toBe(0);
    const reported = problems(run.stdout);
    expect(reported.filter((line) => line.startsWith('campaigns/spring/'))).toEqual([
      'campaigns/spring/promo.md:5:20: warning: "GREAT NEWS" is in capitals: it reads as shouting [no-shouting]',
    ]);
    expect(reported.filter((line) => line.startsWith('campaigns/autumn/new.md')).length).toBeGreaterThanOrEqual(2);
  });

  it('--suppress-rule records only that rule and keeps what other rules had', () => {
    const dir = tempProject(OLD_REPO);
    const first = dmlint(['.', '--suppress-rule', 'no-shouting', '-f', 'compact'], dir);
    expect(first.code).toBe(0);
    expect(problems(first.stdout).some((line) => line.includes('[no-shouting]'))).toBe(false);
    expect(problems(first.stdout).some((line) => line.includes('[facebook/unsolicited-pitch]'))).toBe(true);
    dmlint(['.', '--suppress-rule', 'facebook/unsolicited-pitch'], dir);
    const recorded = JSON.parse(readFileSync(path.join(dir, 'dmlint-suppressions.json'), 'utf8'));
    expect(Object.keys(recorded['campaigns/spring/promo.md']).sort()).toEqual(['facebook/unsolicited-pitch', 'no-shouting']);
    expect(dmlint(['.', '--suppress-rule', 'no-such-rule'], dir)).toMatchObject({ code: 2, stderr: 'dmlint: --suppress-rule "no-such-rule": no such rule: expected a rule id (dmlint --list-rules lists them)\n' });
  });
});

describe('ratcheting down', () => {
  it('fails (exit 2) while fixed problems are still recorded, and --prune-suppressions lowers the counts', () => {
    const dir = tempProject(OLD_REPO);
    dmlint(['.', '--suppress-all'], dir);
    const file = path.join(dir, 'dmlint-suppressions.json');
    const countOf = () => JSON.parse(readFileSync(file, 'utf8'))['campaigns/spring/promo.md']?.['no-shouting']?.count;
    expect(countOf()).toBe(2);
    const promo = path.join(dir, 'campaigns/spring/promo.md');
    writeFileSync(promo, readFileSync(promo, 'utf8').replace('LIMITED OFFER', 'a limited offer'));

    const stale = dmlint(['.'], dir);
    expect(stale.code).toBe(2);
    expect(stale.stderr).toContain('dmlint: 1 suppressed problem in dmlint-suppressions.json no longer occurs (1 file): run dmlint --prune-suppressions');
    expect(dmlint(['.', '--pass-on-unpruned-suppressions'], dir).code).toBe(0);

    const prune = dmlint(['.', '--prune-suppressions'], dir);
    expect(prune).toMatchObject({ code: 0, stderr: 'dmlint: pruned 1 suppressed problem that no longer occurs (1 file) from dmlint-suppressions.json\n' });
    expect(countOf()).toBe(1);
    // The problem cannot come back unseen.
    writeFileSync(promo, readFileSync(promo, 'utf8').replace('a limited offer', 'LIMITED OFFER'));
    expect(problems(dmlint(['.', '-f', 'compact'], dir).stdout)).toEqual([
      'campaigns/spring/promo.md:5:20: warning: "LIMITED OFFER" is in capitals: it reads as shouting [no-shouting]',
    ]);
  });

  it("prunes a renamed or deleted file's entries instead of keeping them", () => {
    const dir = tempProject(OLD_REPO);
    dmlint(['.', '--suppress-all'], dir);
    renameSync(path.join(dir, 'campaigns/spring/promo.md'), path.join(dir, 'campaigns/spring/promo-2024.md'));
    rmSync(path.join(dir, 'campaigns/spring/second.md'));
    const stale = dmlint(['.', '-f', 'compact'], dir);
    expect(stale.code).toBe(2);
    expect(stale.stderr).toMatch(/no longer occur \(2 files\)/);
    // The renamed file is new to the suppressions: its problems show until recorded again.
    expect(problems(stale.stdout).every((line) => line.startsWith('campaigns/spring/promo-2024.md'))).toBe(true);
    // A run over one named file does not look at the others' entries.
    writeFileSync(path.join(dir, 'one.md'), `${facebook}Hi {{first_name}}, could we talk on Tuesday?\n`);
    expect(dmlint(['one.md'], dir).code).toBe(0);

    dmlint(['.', '--prune-suppressions'], dir);
    expect(JSON.parse(readFileSync(path.join(dir, 'dmlint-suppressions.json'), 'utf8'))).toEqual({});
    dmlint(['.', '--suppress-all'], dir);
    expect(Object.keys(JSON.parse(readFileSync(path.join(dir, 'dmlint-suppressions.json'), 'utf8')))).toEqual(['campaigns/spring/promo-2024.md']);
  });
});

describe('editors and hooks', () => {
  it('apply to standard input under its file name; recording from it is refused', () => {
    const dir = tempProject(OLD_REPO);
    dmlint(['.', '--suppress-all'], dir);
    const text = readFileSync(path.join(dir, 'campaigns/spring/promo.md'), 'utf8');
    const stdin = (args: string[], input: string) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, input, encoding: 'utf8' });
    expect(stdin(['--stdin', '--stdin-filename', 'campaigns/spring/promo.md', '-f', 'compact'], text)).toMatchObject({ status: 0, stdout: '' });
    const edited = stdin(['--stdin', '--stdin-filename', 'campaigns/spring/promo.md', '-f', 'compact'], text.replace('Hi {{first_name}},', 'Hi {{first_name}}, GREAT NEWS:'));
    expect(problems(edited.stdout)).toEqual(['campaigns/spring/promo.md:5:20: warning: "GREAT NEWS" is in capitals: it reads as shouting [no-shouting]']);
    expect(stdin(['--stdin', '--suppress-all'], text)).toMatchObject({ status: 2, stderr: expect.stringContaining('not with --stdin') });
  });
});

describe('the suppressions file', () => {
  it('sits beside the config found above the working directory, with paths relative to it', () => {
    const dir = tempProject(OLD_REPO);
    const run = dmlint(['.', '--suppress-all'], path.join(dir, 'campaigns/spring'));
    expect(run.code).toBe(0);
    expect(existsSync(path.join(dir, 'campaigns/spring/dmlint-suppressions.json'))).toBe(false);
    expect(Object.keys(JSON.parse(readFileSync(path.join(dir, 'dmlint-suppressions.json'), 'utf8')))).toEqual(['campaigns/spring/promo.md', 'campaigns/spring/second.md']);
    expect(dmlint(['.'], path.join(dir, 'campaigns/spring')).code).toBe(0);
    // --suppressions-location names another file, for recording and for reading.
    dmlint(['.', '--suppress-all', '--suppressions-location', 'ci/suppressions.json'], dir);
    expect(Object.keys(JSON.parse(readFileSync(path.join(dir, 'ci/suppressions.json'), 'utf8')))).toEqual(['../campaigns/spring/promo.md', '../campaigns/spring/second.md']);
  });

  it('serialises in one stable order whatever order it was built in, and reads back the same', () => {
    const entries = new Map([
      ['b.md', new Map([['z-rule', { count: 2, fingerprints: ['ffff0000', '0000ffff'] }], ['a-rule', { count: 1, fingerprints: ['12345678'] }]])],
      ['a.md', new Map([['a-rule', { count: 1, fingerprints: ['abcdef01'] }]])],
    ]);
    const text = serialiseSuppressions(entries);
    expect(text).toBe(
      [
        '{',
        '  "a.md": {',
        '    "a-rule": { "count": 1, "fingerprints": ["abcdef01"] }',
        '  },',
        '  "b.md": {',
        '    "a-rule": { "count": 1, "fingerprints": ["12345678"] },',
        '    "z-rule": { "count": 2, "fingerprints": ["0000ffff", "ffff0000"] }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    expect(serialiseSuppressions(parseSuppressions(text, 'x'))).toBe(text);
  });

  it('a broken file is reported in one line and the run goes on without it (exit 2); recording refuses to overwrite it', () => {
    const dir = tempProject(OLD_REPO);
    dmlint(['.', '--suppress-all'], dir);
    const file = path.join(dir, 'dmlint-suppressions.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('  "campaigns/spring/second.md": {', '<<<<<<< HEAD\n  "campaigns/spring/second.md": {'));
    const run = dmlint(['.', '-f', 'compact'], dir);
    expect(run.code).toBe(2);
    expect(problems(run.stdout).length).toBeGreaterThan(4);
    expect(run.stderr).toContain('dmlint: dmlint-suppressions.json has git conflict markers: keep the larger count of each conflicting entry');
    writeFileSync(file, '{"a.md": {"no-shouting": {"count": "two"}}}');
    const record = dmlint(['.', '--suppress-all'], dir);
    expect(record.code).toBe(2);
    expect(record.stderr).toBe('dmlint: dmlint-suppressions.json: "a.md" "no-shouting": expected { "count": a whole number, "fingerprints": [...] }\n');
    expect(readFileSync(file, 'utf8')).toBe('{"a.md": {"no-shouting": {"count": "two"}}}');
  });
});
