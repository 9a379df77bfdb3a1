// The judgment rules measured on the test split of the independently written drafts and of the
// SpamAssassin mail (`npm run eval`; eval/README.md). The floors are what each rule's doc page
// promises: a change that makes a rule cry wolf more often, or miss more, fails here.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM scripts without types
import { evaluate, readsAsEnglishOrFrench } from '../eval/judgment/run.mjs';
// @ts-expect-error: plain ESM scripts without types
import { FROZEN_WRITERS, splitOfDraft, TEST_WRITERS, writerExamples } from '../eval/judgment/data.mjs';
// @ts-expect-error: plain ESM scripts without types
import { loadGroup } from '../eval/judgment/spam-assassin.mjs';
// @ts-expect-error: plain ESM scripts without types
import { foldsOf, nearDuplicateGroups } from '../eval/judgment/near-duplicates.mjs';

interface Row {
  rule: string;
  group: string;
  precision: number | null;
  recall: number | null;
  flagged: number | null;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** Per rule and language: the least precision and recall the rule may show on the test split. */
const FLOORS: Record<string, { precision: number; recall: number }> = {
  'facebook/unsolicited-pitch': { precision: 0.95, recall: 0.95 },
  'linkedin/inmail-value-proposition': { precision: 0.92, recall: 0.93 },
  'call-to-action': { precision: 0.75, recall: 0.72 },
  'twitter/personalization': { precision: 0.75, recall: 0.65 },
};

describe('judgment rules on the test split', async () => {
  const { rows } = (await evaluate({ split: 'test' })) as { rows: Row[] };
  const row = (rule: string, group: string) => rows.find((r) => r.rule === rule && r.group === group)!;

  it('measures every judgment rule in English and French on enough drafts', () => {
    for (const rule of Object.keys(FLOORS)) {
      for (const language of ['en', 'fr']) {
        const found = row(rule, language);
        expect(found, `${rule} ${language}`).toBeDefined();
        expect(found.tp + found.fp + found.fn + found.tn).toBeGreaterThanOrEqual(20);
      }
    }
  });

  it.each(Object.entries(FLOORS))('%s keeps the precision and recall its page states', (rule, floor) => {
    for (const language of ['en', 'fr']) {
      const { precision, recall } = row(rule, language);
      expect({ rule, language, precision: precision! >= floor.precision }).toEqual({ rule, language, precision: true });
      expect({ rule, language, recall: recall! >= floor.recall }).toEqual({ rule, language, recall: true });
    }
  });

  it('flags real spam sent as a cold Facebook message, and almost no ordinary mail', () => {
    expect(row('facebook/unsolicited-pitch', 'spam-1').flagged).toBeGreaterThanOrEqual(0.9);
    expect(row('facebook/unsolicited-pitch', 'easy-ham-1').flagged).toBeLessThanOrEqual(0.01);
  });
});

describe('the spam figure broken down by language', () => {
  it('tells English and French mail from mail in another language or script', () => {
    expect(readsAsEnglishOrFrench('Get access to the largest free adult site on the net, just click the link below.')).toBe(true);
    expect(readsAsEnglishOrFrench('Bonjour, nous avons une offre pour vous et votre entreprise cette semaine.')).toBe(true);
    expect(readsAsEnglishOrFrench('Wir suchen natürliche Frauen und Männer, jeden Alters. Infos unter unserer Nummer.')).toBe(false);
    expect(readsAsEnglishOrFrench('許多人能力沒有比你好,因為掌握了時機,所以大發利市,創業致富,許多機會叩門時,往往只有3秒鐘!')).toBe(false);
    expect(readsAsEnglishOrFrench('')).toBe(false);
  });
});

describe('cross-validation folds of real mail', () => {
  const offer = 'Our delightful garden ornaments combine the finest craftsmanship in woodworking with the latest paints. We are the biggest maker in the world, write to us for a catalogue.';
  const more = ' Each piece is carved by hand from cedar and painted to last for twenty summers in the garden.';
  const mail = [
    { id: 'spam-1/00400', writer: 'spam-1', text: `Garden Ornaments | mvcmv\n\n${offer}` },
    { id: 'spam-1/00429', writer: 'spam-1', text: `Garden Ornaments | ppu\n\n${offer}${more}` },
    // Like the second, not the first: still the same campaign, through the second.
    { id: 'spam-1/00431', writer: 'spam-1', text: `Whirligigs\n\n${more.repeat(2)} ${offer.slice(0, 80)}` },
    { id: 'spam-1/00100', writer: 'spam-1', text: 'Lowest mortgage rates in years, apply today and get an answer within the hour from our brokers.' },
    { id: 'hard-ham-1/00001', writer: 'hard-ham-1', text: offer },
  ];

  it('keeps a campaign sent many times in one group, and tells other messages apart', () => {
    const groups = nearDuplicateGroups(mail);
    expect(groups.get('spam-1/00400')).toBe('spam-1/00400');
    expect(groups.get('spam-1/00429')).toBe('spam-1/00400');
    expect(groups.get('spam-1/00431')).toBe('spam-1/00400');
    expect(groups.get('spam-1/00100')).toBe('spam-1/00100');
    // A group never crosses from spam to ordinary mail: their labels differ.
    expect(groups.get('hard-ham-1/00001')).toBe('hard-ham-1/00001');
    expect(groups.get('hard-ham-1/00001')).not.toBe(groups.get('spam-1/00400'));
  });

  it('puts every copy of a campaign in the same fold', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `spam-1/${String(500 + i)}`);
    const campaign = ids.map((id, i) => ({ id, writer: 'spam-1', text: `Offer ${i}\n\n${offer}` }));
    const grouped = foldsOf(campaign);
    expect(new Set(ids.map((id) => grouped.get(id))).size).toBe(1);
    // Drawn message by message, forty copies land in several folds: what the grouping prevents.
    const ungrouped = foldsOf(campaign, { grouped: false });
    expect(new Set(ids.map((id) => ungrouped.get(id))).size).toBeGreaterThan(1);
  });
});

describe('the data is kept apart', () => {
  it('holds every draft of the test writers, and a fixed fifth of the others, out of training', () => {
    expect(TEST_WRITERS).toEqual(['we']);
    expect(splitOfDraft('we-001')).toBe('test');
    expect(splitOfDraft('we-320')).toBe('test');
    const others = Array.from({ length: 400 }, (_, i) => splitOfDraft(`wa-${String(i + 1).padStart(3, '0')}`));
    const share = (split: string) => others.filter((s) => s === split).length / others.length;
    expect(share('test')).toBeGreaterThan(0.12);
    expect(share('test')).toBeLessThan(0.28);
    expect(share('train')).toBeGreaterThan(0.5);
  });

  it('puts any writer outside the frozen list (M to S, and any later one) in train and validation only', () => {
    for (const writer of ['wm', 'wn', 'wo', 'wp', 'wq', 'wr', 'ws', 'wt', 'wz', 'xx']) {
      const splits = Array.from({ length: 400 }, (_, i) => splitOfDraft(`${writer}-${String(i + 1).padStart(3, '0')}`));
      expect(splits).not.toContain('test');
      const validation = splits.filter((s) => s === 'validation').length / splits.length;
      expect(validation).toBeGreaterThan(0.17);
      expect(validation).toBeLessThan(0.33);
    }
  });

  it('keeps the test split of the drafts frozen: 1,105 drafts of writers A to L, as every round measured', () => {
    const inTest = new Set<string>();
    for (const example of writerExamples() as { id: string; writer: string; split: string }[]) {
      if (example.split !== 'test') continue;
      expect([...TEST_WRITERS, ...FROZEN_WRITERS]).toContain(example.writer);
      inTest.add(example.id);
    }
    expect(inTest.size).toBe(1105);
  });

  it('never opens the SpamAssassin groups kept for an independent check', async () => {
    await expect(loadGroup('spam-2')).rejects.toThrow(/not to be read here/);
    await expect(loadGroup('easy-ham-2')).rejects.toThrow(/not to be read here/);
  });
});
