import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, defineRule, RuleTester, RuleTestError } from '../src/index.js';
import { builtinRules } from '../src/api/config.js';
import { tempProject } from './helpers.js';

const rule = (id: string) => builtinRules.find((candidate) => candidate.meta.id === id)!;
const HEAD = '---\nplatform: facebook\naudience: inbound\n---\n';

describe('RuleTester', () => {
  const shouting = new RuleTester(rule('no-shouting'));

  it('runs one rule alone and returns what it reported when that is what was expected', async () => {
    // Also a broken merge field and no question: other rules would report; only no-shouting runs.
    const result = await shouting.test({
      text: `${HEAD}Hi {{first_name}, our FREE workshop is back.\n`,
      expected: [{ line: 5, column: 23, endLine: 5, endColumn: 27, message: '"FREE" is in capitals: it reads as shouting' }],
    });
    expect(result.diagnostics).toEqual([{ ruleId: 'no-shouting', line: 5, column: 23, endLine: 5, endColumn: 27, message: '"FREE" is in capitals: it reads as shouting' }]);
  });

  it('throws a RuleTestError with a line diff, showing only the parts an expectation gives', async () => {
    const failing = shouting.test({ text: `${HEAD}Our FREE workshop, BOOK NOW.\n`, expected: [{ line: 5, column: 5 }, { line: 5, column: 21, message: '"BOOK" is in capitals: it reads as shouting' }] });
    await expect(failing).rejects.toBeInstanceOf(RuleTestError);
    await expect(failing).rejects.toThrow(
      [
        'draft.md: no-shouting reported 2 diagnostic(s), 2 expected (- expected, + reported):',
        '  no-shouting 5:5',
        '- no-shouting 5:21: "BOOK" is in capitals: it reads as shouting',
        '+ no-shouting 5:20: "BOOK NOW" is in capitals: it reads as shouting',
      ].join('\n'),
    );
  });

  it('fails on a diagnostic nobody expected, and on one that was not reported', async () => {
    await expect(shouting.test({ text: `${HEAD}Our FREE workshop.\n` })).rejects.toThrow('+ no-shouting 5:5-5:9: "FREE" is in capitals');
    await expect(shouting.test({ text: `${HEAD}Our free workshop.\n`, expected: [{ line: 5, column: 5 }] })).rejects.toThrow('- no-shouting 5:5');
  });

  it("checks the rule's options against its schema, and applies them", async () => {
    await expect(shouting.test({ text: `${HEAD}IKEA fans!\n`, options: { allow: ['ikea'] } })).resolves.toMatchObject({ diagnostics: [] });
    await expect(shouting.lint(`${HEAD}IKEA fans!\n`, { options: { allow: 'ikea' } })).rejects.toBeInstanceOf(ConfigError);
  });

  it('takes config around the rule (defaults, placeholders), per tester or per test', async () => {
    const tester = new RuleTester(rule('twitter/max-length'), { config: { placeholders: { company: { length: 200 } } } });
    await tester.test({ text: '---\nplatform: twitter\n---\nHi {{company}} team!\n', expected: [{ line: 4, column: 4, message: '209/140 characters' }] });
    const platform = new RuleTester(rule('platform-required'));
    await platform.test({ text: 'Hi there, anything we can help with?\n', config: { defaults: { platform: 'facebook' } } });
  });

  it('checks the fixed text of a fixable rule', async () => {
    const punctuation = new RuleTester(rule('no-excessive-punctuation'));
    const text = `${HEAD}Hi!! Shipped!!!\n`;
    await punctuation.test({ text, expected: [{ line: 5, column: 3 }, { line: 5, column: 13 }], output: `${HEAD}Hi! Shipped!\n` });
    await expect(punctuation.test({ text, expected: [{ line: 5, column: 3 }, { line: 5, column: 13 }], output: null })).rejects.toThrow('the fixed text differs');
  });

  it("tests a plugin's rule, with every built-in rule still known to control comments", async () => {
    const exclamation = defineRule({
      meta: { id: 'house/no-exclamation', description: 'No "!".' },
      create: (context) => ({
        draft(draft) {
          const at = draft.text.indexOf('!');
          if (at >= 0) context.report({ message: 'No "!"', draft, start: at, end: at + 1 });
        },
      }),
    });
    const tester = new RuleTester(exclamation);
    await tester.test({ text: `${HEAD}Hello!\n`, expected: [{ ruleId: 'house/no-exclamation', line: 5, column: 6, endLine: 5, endColumn: 7, message: 'No "!"' }] });
    await tester.test({ text: `${HEAD}<!-- dmlint-disable-next-line house/no-exclamation -->\nHello!\n` });
    await new RuleTester(rule('invalid-control-comment')).test({ text: `${HEAD}<!-- dmlint-disable-next-line no-shouting -->\nHELLO\n` });
  });
});

describe('RuleTester on fixtures', () => {
  // Reports what the rule sees: the text, the draft's span, and how many nodes the file's last line holds.
  const seeing = defineRule({
    meta: { id: 'house/sees', description: 'Reports what it sees.' },
    create: (context) => ({
      draft(draft) {
        context.report({ message: JSON.stringify({ text: draft.text, range: draft.range, controls: context.file.controlComments.length }), draft, start: 0, end: 1 });
      },
    }),
  });

  it('takes the expect comments for its rule, and the rule sees the fixture as if they were not there', async () => {
    const body = `${HEAD}Hello there.\n<!-- a comment of the author's -->\nSecond paragraph!\n`;
    const tester = new RuleTester(seeing);
    const [seen] = (await tester.lint(body)).diagnostics;
    const fixture = `${body}\n<!-- expect house/sees 5:1-5:2: ${seen!.message} -->\n<!-- expect other/rule 1:1 -->\n`;
    const dir = tempProject({ 'fixture.md': fixture, 'wrong.md': fixture.replace('5:1-5:2', '5:2-5:3') });
    await tester.testFixture(path.join(dir, 'fixture.md'));
    await expect(tester.testFixture(path.join(dir, 'wrong.md'))).rejects.toThrow(/- house\/sees 5:2-5:3: .*\n\+ house\/sees 5:1-5:2: /);
  });

  it('names the line of an expect comment it cannot read, or of content after the expect comments', async () => {
    const dir = tempProject({
      'bad.md': `${HEAD}Hello.\n\n<!-- expect no-shouting line 5 -->\n`,
      'late.md': `${HEAD}Hello.\n\n<!-- expect no-shouting 5:1 -->\nMore text.\n`,
    });
    await expect(shoutingFixture(path.join(dir, 'bad.md'))).rejects.toThrow(/bad\.md:7: an expect comment reads/);
    await expect(shoutingFixture(path.join(dir, 'late.md'))).rejects.toThrow(/late\.md:8: expect comments close the fixture/);
  });

  it('expects nothing from a fixture without expect comments', async () => {
    const dir = tempProject({ 'loud.md': `${HEAD}LOUD NOISES\n` });
    writeFileSync(path.join(dir, 'quiet.md'), `${HEAD}Quiet.\n`);
    await shoutingFixture(path.join(dir, 'quiet.md'));
    await expect(shoutingFixture(path.join(dir, 'loud.md'))).rejects.toThrow('+ no-shouting 5:1-5:12');
  });
});

const shoutingFixture = (file: string) => new RuleTester(rule('no-shouting')).testFixture(file);
