// The 788 drafts of eval/rules/, labelled by the people who wrote the old word lists. They are
// used for training only, never to measure: they share their authors' phrasing with the lists.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDraftFile } from '../../dist/src/index.js';
import { LABEL_RULES } from './data.mjs';

const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../rules');
const EXPECT = /<!--\s*expect\s+([\s\S]*?)-->/g;
const PAIR = /([\w-]+)=(?:"([^"]*)"|(\S+))/g;
// Pitches to these audiences are allowed, so their drafts were labelled "none" whatever they say.
const EXEMPT = new Set(['customer', 'inbound']);

export function legacyExamples() {
  const examples = [];
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.md')).sort()) {
    const source = readFileSync(path.join(folder, name), 'utf8');
    const labels = [...source.matchAll(EXPECT)].map((match) => {
      const found = {};
      for (const pair of match[1].matchAll(PAIR)) found[pair[1]] = pair[2] ?? pair[3];
      return found;
    });
    const file = parseDraftFile(name, source, { defaults: [] });
    for (const [i, draft] of file.drafts.entries()) {
      const found = labels[i] ?? {};
      for (const [key, value] of Object.entries(found)) {
        const rule = LABEL_RULES[key];
        if (!rule) continue;
        if (key === 'pitch' && EXEMPT.has(draft.audience)) continue;
        const label = key === 'pitch' ? (value === 'none' ? 0 : 1) : value === 'fire' ? 1 : 0;
        examples.push({
          id: `legacy/${found.id ?? `${name}#${i}`}`,
          writer: 'legacy',
          rule,
          label,
          locale: draft.locale,
          draft: { text: draft.text, subject: draft.subject, locale: draft.locale },
          split: 'train',
        });
      }
    }
  }
  return examples;
}
