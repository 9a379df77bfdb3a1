// Config `phrases`: house rules without code.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, ROOT, tempProject } from './helpers.js';

const jargon = { id: 'house/no-jargon', severity: 'warn', platforms: ['linkedin'], locale: 'en', match: ['synergy', 'circle back'], message: 'Say it plainly' };
const head = '---\nplatform: linkedin\nkind: message\naudience: connection\n---\n';

describe('phrases', () => {
  it('reports each match where it stands, across line breaks, with the configured message and severity', async () => {
    const result = await lint(`${head}Hi {{first_name}}, lots of Synergy here.\nLet me circle\nback on Monday?\n`, { config: { phrases: [jargon] } });
    expect(result.diagnostics.map(({ ruleId, severity, line, column, endLine, endColumn, message }) => ({ ruleId, severity, line, column, endLine, endColumn, message }))).toEqual([
      { ruleId: 'house/no-jargon', severity: 'warning', line: 6, column: 28, endLine: 6, endColumn: 35, message: 'Say it plainly ("Synergy")' },
      { ruleId: 'house/no-jargon', severity: 'warning', line: 7, column: 8, endLine: 8, endColumn: 5, message: 'Say it plainly ("circle\nback")' },
    ]);
  });

  it('applies platform, kind, audience and locale filters', async () => {
    const text = (front: string) => `---\n${front}---\nHi, any synergy? Want it?\n`;
    const rule = { id: 'house/x', match: ['synergy'], message: 'm', platforms: ['linkedin'], kinds: ['message'], audiences: ['connection'], locale: 'en' };
    const hits = async (front: string) => (await lint(text(front), { config: { phrases: [rule] } })).diagnostics.filter((d) => d.ruleId === 'house/x').length;
    expect(await hits('platform: linkedin\nkind: message\naudience: connection\n')).toBe(1);
    expect(await hits('platform: twitter\naudience: connection\n')).toBe(0);
    expect(await hits('platform: linkedin\nkind: inmail\naudience: connection\nsubject: s\n')).toBe(0);
    expect(await hits('platform: linkedin\nkind: message\naudience: cold\n')).toBe(0);
    expect(await hits('platform: linkedin\nkind: message\naudience: connection\nlocale: fr\n')).toBe(0);
  });

  it('can be set by id in rules and silenced by id in comments', async () => {
    const text = `${head}<!-- dmlint-disable-next-line house/no-jargon -->\nSynergy! Circle back?\n`;
    expect((await lint(text, { config: { phrases: [jargon] } })).diagnostics).toEqual([]);
    const off = await lint(`${head}Synergy. OK?\n`, { config: { phrases: [jargon], rules: { 'house/no-jargon': 'off' } } });
    expect(off.diagnostics).toEqual([]);
    const error = await lint(`${head}Synergy. OK?\n`, { config: { phrases: [jargon], rules: { 'house/no-jargon': 'error' } } });
    expect(error.diagnostics.map((d) => d.severity)).toEqual(['error']);
  });

  it('matches literal text only: regular expression syntax is just characters', async () => {
    const rule = { id: 'house/literal', match: ['a.*b', '(x+)+y'], message: 'literal' };
    const result = await lint(`${head}We sell a.*b kits and axxb too. OK?\n`, { config: { phrases: [rule] } });
    expect(result.diagnostics.map((d) => d.message)).toEqual(['literal ("a.*b")']);
  });

  it('is validated like every other key', async () => {
    await expect(lint('x', { config: { phrases: [{ id: 'nonamespace', match: ['x'], message: 'm' }] } })).rejects.toThrow(/phrases\[0\]\.id: "nonamespace" is not a valid name/);
    await expect(lint('x', { config: { phrases: [{ id: 'house/x', match: [], message: 'm' }] } })).rejects.toThrow('phrases[0].match: expected at least 1 item(s)');
  });

  it('applies "replace" with --fix, in the case the match was written, as docs/rules/phrases.md says', () => {
    const rule = { id: 'house/plain', match: ['any questions', 'asap'], replace: 'anything to ask', message: 'Plain words' };
    const dir = tempProject({
      '.dmlintrc.json': JSON.stringify({ phrases: [rule] }),
      'a.md': `${head}Hi {{first_name}}, thanks! Any questions? Reply ASAP, or any questions later?\n`,
    });
    const run = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/dmlint.js'), ...args], { cwd: dir, encoding: 'utf8' });
    expect(run('a.md', '-f', 'compact').stdout).toContain('a.md:6:28: warning: Plain words ("Any questions" → "Anything to ask") [house/plain]');
    expect(run('a.md', '--fix').status).toBe(0);
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(`${head}Hi {{first_name}}, thanks! Anything to ask? Reply ANYTHING TO ASK, or anything to ask later?\n`);
    const page = readFileSync(path.join(ROOT, 'docs/rules/phrases.md'), 'utf8');
    expect(page).toMatch(/^\| `replace` \|.*applied by `--fix`/m);
  });

  it('applies a replacement that holds its own phrase once, in every case it is written in', () => {
    const rule = { id: 'house/x', match: ['twitter'], replace: 'X (formerly Twitter)', message: 'Say X' };
    const dir = tempProject({ '.dmlintrc.json': JSON.stringify({ phrases: [rule] }), 'a.md': `${head}Find us on TWITTER, on twitter and on Twitter.\n` });
    const run = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/dmlint.js'), ...args], { cwd: dir, encoding: 'utf8' });
    run('a.md', '--fix', '--rule', 'no-shouting: off');
    const fixed = `${head}Find us on X (FORMERLY TWITTER), on X (formerly Twitter) and on X (formerly Twitter).\n`;
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(fixed);
    // What was written is what was asked for: nothing left to report, and a second --fix changes nothing.
    expect(run('a.md', '-f', 'compact', '--rule', 'no-shouting: off').stdout).toBe('');
    run('a.md', '--fix', '--rule', 'no-shouting: off');
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(fixed);
  });

  it('shows in --list-rules', () => {
    const dir = tempProject({ '.dmlintrc.json': JSON.stringify({ phrases: [jargon] }) });
    const out = spawnSync(process.execPath, [path.join(ROOT, 'bin/dmlint.js'), '--list-rules'], { cwd: dir, encoding: 'utf8' }).stdout;
    expect(out).toMatch(/^house\/no-jargon\s+linkedin\s+warn\s+warn\s+no$/m);
  });
});
