// dmlint/remark inside a real unified pipeline.
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import { describe, expect, it } from 'vitest';
import remarkDmlint from '../src/api/remark.js';
import { fixture, ROOT } from './helpers.js';

describe('dmlint/remark', () => {
  it('adds dmlint diagnostics as vfile messages with rule, source, place and url', async () => {
    const file = new VFile({ path: 'fixtures/twitter/max-length/invalid-long-en.md', value: fixture('twitter/max-length/invalid-long-en.md'), cwd: ROOT });
    await unified().use(remarkParse).use(remarkFrontmatter).use(remarkDmlint).use(remarkStringify).process(file);
    expect(file.messages).toHaveLength(1);
    const [message] = file.messages;
    expect(message).toMatchObject({
      reason: '191/140 characters',
      ruleId: 'twitter/max-length',
      source: 'dmlint',
      fatal: true,
      line: 6,
      column: 33,
      url: expect.stringMatching(/docs\/rules\/twitter\/max-length\.md$/),
    });
    expect(message!.place).toEqual({ start: { line: 6, column: 33, offset: expect.any(Number) }, end: { line: 6, column: 107, offset: expect.any(Number) } });
  });

  it('shows in vfile-reporter next to other plugins’ messages, warnings as warnings', async () => {
    const file = new VFile({ path: 'fixtures/facebook/unsolicited-pitch/invalid-en.md', value: fixture('facebook/unsolicited-pitch/invalid-en.md'), cwd: ROOT });
    await unified().use(remarkParse).use(remarkFrontmatter).use(remarkDmlint).use(remarkStringify).process(file);
    const report = reporter(file, { color: false });
    expect(report).toContain('fixtures/facebook/unsolicited-pitch/invalid-en.md');
    expect(report).toMatch(/5:29-6:6\s+warning\s+Reads as a sales pitch in an unsolicited Facebook message \(audience: cold\): "limited time offer", .+\s+facebook\/unsolicited-pitch\s+dmlint/);
    expect(report).toMatch(/⚠ 1 warning/);
  });

  it('takes a config object in its options', async () => {
    const file = new VFile({ path: 'a.md', value: '---\nplatform: twitter\naudience: follower\n---\nHello Samir, friend. OK?\n', cwd: ROOT });
    await unified()
      .use(remarkParse)
      .use(remarkFrontmatter)
      .use(remarkDmlint, { config: { rules: { 'twitter/max-length': ['warn', { max: 10 }] } } })
      .use(remarkStringify)
      .process(file);
    expect(file.messages.map((m) => [m.ruleId, m.reason, m.fatal])).toEqual([['twitter/max-length', '24/10 characters', false]]);
  });
});
