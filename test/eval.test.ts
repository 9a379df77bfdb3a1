// The judgment-call rules measured on the held-out labelled drafts (eval/rules, `npm run eval`).
// The floors are what each rule promises in eval/README.md: a change that makes a rule cry wolf
// more often, or miss more, fails here.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without types
import { evaluate, splitOf } from '../eval/rules/run.mjs';

interface Row {
  rule: string;
  language: string;
  precision: number;
  recall: number;
  drafts: number;
}

const PROMISES: Record<string, { precision: number; recall: number }> = {
  'facebook/unsolicited-pitch': { precision: 0.95, recall: 0.85 },
  'call-to-action': { precision: 0.95, recall: 0.9 },
  'twitter/personalization': { precision: 0.95, recall: 0.9 },
  'linkedin/inmail-value-proposition': { precision: 0.6, recall: 0.85 },
};

describe('heuristic rules on the held-out labelled drafts', async () => {
  const report = (await evaluate({ split: 'test' })) as { rows: Row[] };

  it('covers every judgment-call rule in English and French', () => {
    const covered = report.rows.map((row) => `${row.rule} ${row.language}`).sort();
    const expected = Object.keys(PROMISES).flatMap((rule) => [`${rule} en`, `${rule} fr`]).sort();
    expect(covered).toEqual(expected);
    for (const row of report.rows) expect(row.drafts).toBeGreaterThanOrEqual(10);
  });

  it.each(Object.entries(PROMISES))('%s keeps the precision and recall it promises', (rule, promise) => {
    for (const row of report.rows.filter((r) => r.rule === rule)) {
      expect({ language: row.language, precision: row.precision }).toEqual({ language: row.language, precision: expect.toSatisfy((p: number) => p >= promise.precision) });
      expect({ language: row.language, recall: row.recall }).toEqual({ language: row.language, recall: expect.toSatisfy((r: number) => r >= promise.recall) });
    }
  });

  it('keeps the held-out drafts out of the tuning split', () => {
    expect(splitOf('r6-fb-en-01')).toBe('test');
    expect(splitOf('r5-fb-en-01')).toBe('tune');
    expect(splitOf('fb-en-01')).toBe('tune');
  });
});
