import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { setupFor } from '../src/api/lint.js';
import { resolveConfig } from '../src/api/config.js';
import { lintSource } from '../src/engine/lint.js';
import { lint, ROOT, ruleIds } from './helpers.js';

const head = '---\nplatform: facebook\naudience: cold\n---\n';

describe('inline control comments', () => {
  it('dmlint-disable silences the named rules until dmlint-enable', async () => {
    const text = `${head}It is FREE.\n\n<!-- dmlint-disable no-shouting -->\nIt is FREE.\n\n<!-- dmlint-enable no-shouting -->\nIt is FREE. Want it?\n`;
    const result = await lint(text);
    expect(result.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([
      ['no-shouting', 5],
      ['no-shouting', 11],
    ]);
  });

  it('dmlint-disable without ids silences every rule to the end of the file', async () => {
    const text = `${head}Fine so far. Want it?\n\n<!-- dmlint-disable -->\nBuy now {{broken}.\n`;
    expect(ruleIds(await lint(text))).toEqual([]);
  });

  it('dmlint-enable of one rule after a disable-all brings back only that rule', async () => {
    const text = `${head}<!-- dmlint-disable -->\n<!-- dmlint-enable placeholder-syntax -->\nBuy now {{broken}.\n`;
    expect(ruleIds(await lint(text))).toEqual(['placeholder-syntax']);
  });

  it('dmlint-disable-next-line covers only the next line', async () => {
    const text = `${head}<!-- dmlint-disable-next-line no-shouting -->\nIt is FREE.\nIt is FREE. Want it?\n`;
    expect((await lint(text)).diagnostics.map((d) => [d.ruleId, d.line])).toEqual([['no-shouting', 7]]);
  });

  it('leaves other rules reporting on a disabled line', async () => {
    const text = `${head}<!-- dmlint-disable-next-line no-shouting -->\nIt is FREE {{broken}. Want it?\n`;
    expect(ruleIds(await lint(text))).toEqual(['placeholder-syntax']);
  });

  it('reports unknown rule ids and still applies the known ones', async () => {
    const text = `${head}<!-- dmlint-disable no-shouting, no-such-rule -->\nIt is FREE. Want it?\n`;
    const result = await lint(text);
    expect(result.diagnostics.map((d) => [d.ruleId, d.line, d.column, d.message])).toEqual([
      ['invalid-control-comment', 5, 34, 'Unknown rule "no-such-rule" in a dmlint-disable comment'],
    ]);
  });
});

describe('--report-unused-disable-directives', () => {
  const report = async (text: string) => {
    const config = await resolveConfig({}, path.join(ROOT, 'x.json'), ROOT);
    const setup = setupFor(config, path.join(ROOT, 'd.md'), undefined, true);
    return lintSource('d.md', text, setup).result.diagnostics.map((d) => [d.ruleId, d.line, d.column, d.message]);
  };

  it('reports a rule id that silenced nothing, at the id, and not the one that did', async () => {
    const text = `${head}<!-- dmlint-disable-next-line no-excessive-punctuation, no-shouting -->\nIt is FREE. Want it?\n`;
    expect(await report(text)).toEqual([
      ['invalid-control-comment', 5, 31, 'Unused dmlint-disable-next-line comment: no problem from "no-excessive-punctuation" was reported here'],
    ]);
  });

  it('reports a disable-all comment that silenced nothing', async () => {
    expect(await report(`${head}Fine. Want it?\n<!-- dmlint-disable -->\nStill fine?\n`)).toEqual([
      ['invalid-control-comment', 6, 1, 'Unused dmlint-disable comment: no problem from any rule was reported here'],
    ]);
  });

  it('is off unless asked for', async () => {
    expect(ruleIds(await lint(`${head}Fine. Want it?\n<!-- dmlint-disable -->\n`))).toEqual([]);
  });
});
