import { describe, expect, it } from 'vitest';
import { lint, ruleIds } from './helpers.js';

const head = '---\nplatform: facebook\naudience: cold\n---\n';

describe('inline control comments', () => {
  it('dmlint-disable silences the named rules until dmlint-enable', async () => {
    const text = `${head}Buy now.\n\n<!-- dmlint-disable facebook/unsolicited-pitch -->\nBuy now.\n\n<!-- dmlint-enable facebook/unsolicited-pitch -->\nBuy now. Want it?\n`;
    const result = await lint(text);
    expect(result.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([
      ['facebook/unsolicited-pitch', 5],
      ['facebook/unsolicited-pitch', 11],
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
    const text = `${head}<!-- dmlint-disable-next-line facebook/unsolicited-pitch -->\nBuy now.\nBuy now.\n`;
    expect((await lint(text)).diagnostics.map((d) => [d.ruleId, d.line])).toEqual([['facebook/unsolicited-pitch', 7]]);
  });

  it('leaves other rules reporting on a disabled line', async () => {
    const text = `${head}<!-- dmlint-disable-next-line facebook/unsolicited-pitch -->\nBuy now {{broken}.\n`;
    expect(ruleIds(await lint(text))).toEqual(['placeholder-syntax']);
  });

  it('reports unknown rule ids and still applies the known ones', async () => {
    const text = `${head}<!-- dmlint-disable facebook/unsolicited-pitch, no-such-rule -->\nBuy now.\n`;
    const result = await lint(text);
    expect(result.diagnostics.map((d) => [d.ruleId, d.line, d.column, d.message])).toEqual([
      ['invalid-control-comment', 5, 49, 'Unknown rule "no-such-rule" in a dmlint-disable comment'],
    ]);
  });
});
