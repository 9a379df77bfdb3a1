// Properties over any text, with fast-check: linting never throws, positions stay in the file,
// the JSON report round-trips, fixes are idempotent and never touch text outside their range.
// FC_RUNS raises the number of cases (npm run test:fuzz runs many more).
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setupFor, toReported } from '../src/api/lint.js';
import { resolveConfig } from '../src/api/config.js';
import { applyFixes, lintAndFix } from '../src/engine/fix.js';
import { lintSource } from '../src/engine/lint.js';
import { computeLineStarts, positionAt } from '../src/draft/source.js';
import { ROOT } from './helpers.js';

const RUNS = Number(process.env.FC_RUNS ?? 300);
const config = await resolveConfig(
  { phrases: [{ id: 'house/plain', match: ['circle back', 'synergy'], replace: 'follow up', message: 'Plainly' }] },
  path.join(ROOT, 'x.json'),
  ROOT,
);
const setup = setupFor(config, path.join(ROOT, 'draft.md'));

// Text made of the pieces drafts are made of, so the generator reaches the interesting paths.
const piece = fc.constantFrom(
  '---\n', 'platform: twitter\n', 'platform: facebook\n', 'platform: linkedin\nkind: inmail\n', 'audience: cold\n', 'locale: fr\n',
  '<!-- dmlint-draft platform=twitter -->\n', '<!-- dmlint-draft platform=linkedin subject="S" -->\n', '<!-- dmlint-disable -->', '<!-- dmlint-enable no-shouting -->',
  '<!--', '-->', '{{first_name}}', '{{ company }}', '{{', '}}', '{', '}', '!!', '?!?', 'BUY NOW', 'limited time offer', 'circle back', 'synergy',
  'https://example.com/a?b=c', 'www.example.fr', '[label](https://x.co)', '**', '_', '`', '```\n', '> ', '- ', '1. ', '# ', '\n', '\r\n', '\r', '\n\n',
  ' ', '\t', '\\', '&amp;', '&eacute;', 'é', 'é', '😀', '👨‍👩‍👧‍👦', '故人', '\u0000', '\u001b[31m', '\uFEFF', '\u202E', '\uD800',
  'Hi', 'Bonjour', 'vous', 'you save 20%', 'Want it?',
);
const draftText = fc.oneof(fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')), fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 }));

describe('properties of linting any text', () => {
  it('never throws, and every diagnostic lies inside the file with its end not before its start', () => {
    fc.assert(
      fc.property(draftText, (text) => {
        const { file, result } = lintSource('draft.md', text, setup);
        const lines = computeLineStarts(file.source);
        const last = positionAt(lines, file.source.length);
        for (const d of result.diagnostics) {
          expect(d.offset).toBeGreaterThanOrEqual(0);
          expect(d.endOffset).toBeLessThanOrEqual(file.source.length);
          expect(d.endOffset).toBeGreaterThanOrEqual(d.offset);
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column)).toBe(true);
          expect(d.endLine <= last.line).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('gives a JSON report that round-trips', () => {
    fc.assert(
      fc.property(draftText, (text) => {
        const reported = toReported(lintSource('draft.md', text, setup).result);
        expect(JSON.parse(JSON.stringify(reported))).toEqual(reported);
      }),
      { numRuns: RUNS },
    );
  });

  it('fixes twice equals fixing once', () => {
    fc.assert(
      fc.property(draftText, (text) => {
        const once = lintAndFix('draft.md', text, setup).output ?? text;
        const twice = lintAndFix('draft.md', once, setup).output ?? once;
        expect(twice).toBe(once);
      }),
      { numRuns: RUNS },
    );
  });

  it('a fix never touches text outside its range', () => {
    fc.assert(
      fc.property(draftText, (text) => {
        const { file, result } = lintSource('draft.md', text, setup);
        for (const diagnostic of result.diagnostics.filter((d) => d.fix)) {
          const { range, text: replacement } = diagnostic.fix!;
          const { text: fixed } = applyFixes(file.source, [diagnostic]);
          expect(fixed.slice(0, range.start)).toBe(file.source.slice(0, range.start));
          expect(fixed.slice(range.start + replacement.length)).toBe(file.source.slice(range.end));
        }
      }),
      { numRuns: RUNS },
    );
  });
});
