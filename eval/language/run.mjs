// Measures language detection on the labelled short drafts in drafts.tsv: `npm run eval:language`.
// Prints accuracy per language and every miss. Run `npm run build` first.
import { readFileSync } from 'node:fs';
import { detectLanguage } from '../../dist/src/draft/language.js';

const rows = readFileSync(new URL('./drafts.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => {
    const [label, text] = line.split('\t');
    return { label, text };
  });

export function evaluate(detect) {
  const byLanguage = {};
  const misses = [];
  for (const { label, text } of rows) {
    const stats = (byLanguage[label] ??= { total: 0, right: 0 });
    stats.total++;
    const got = detect(text);
    if (got === label) stats.right++;
    else misses.push({ label, got, text });
  }
  const right = Object.values(byLanguage).reduce((n, s) => n + s.right, 0);
  return { accuracy: right / rows.length, byLanguage, misses, total: rows.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = evaluate(detectLanguage);
  console.log(`language detection on ${result.total} short drafts: ${(result.accuracy * 100).toFixed(1)}% right`);
  for (const [language, stats] of Object.entries(result.byLanguage)) {
    console.log(`  ${language}: ${stats.right}/${stats.total} (${((stats.right / stats.total) * 100).toFixed(1)}%)`);
  }
  for (const miss of result.misses) console.log(`  miss: labelled ${miss.label}, detected ${miss.got}: ${miss.text}`);
}
