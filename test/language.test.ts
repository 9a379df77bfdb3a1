import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../src/draft/language.js';
import { ROOT } from './helpers.js';

const rows = readFileSync(path.join(ROOT, 'eval/language/drafts.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => line.split('\t') as [string, string]);

describe('language detection', () => {
  it('tells English from French on at least 95% of the labelled short drafts, each language', () => {
    for (const language of ['en', 'fr']) {
      const subset = rows.filter(([label]) => label === language);
      const right = subset.filter(([label, text]) => detectLanguage(text) === label).length;
      expect(subset.length).toBe(60);
      expect(right / subset.length, `${language}: ${right}/${subset.length}`).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('falls back to English when nothing tells', () => {
    expect(detectLanguage('{{first_name}} 👋 https://example.com')).toBe('en');
  });
});
