// Family tables read back from a .phrases.bin are checked link by link before a search uses them:
// sound tables (every table a build writes) are taken, damaged ones refused with an error that
// src/rule-api/words.ts turns into building the matchers instead (test/words.test.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { globbySync } from 'globby';
import { describe, expect, it } from 'vitest';
import { decodeFamilyTables, encodeFamilyTables } from '../src/text/family-tables.js';
import { buildFamilyTables } from '../src/text/phrase-matcher.js';
import { ROOT, tableParts as parts } from './helpers.js';

const sound = () =>
  encodeFamilyTables(
    buildFamilyTables([
      ['offers', ['free gift', 'last chance', 'gift card']],
      ['urgency', ['last chance', 'act now', 'act', 'now']],
    ]),
  );

/** The state where the longest phrase ends. */
const deepest = (table: Int32Array) => {
  const at = parts(table);
  let state = 1;
  for (let s = 1; s < at.states; s++) if (table[at.output + s]! > table[at.output + state]!) state = s;
  return state;
};

describe('family tables', () => {
  it('are numbered breadth first: edge e leads to state e + 1', () => {
    const table = sound();
    const at = parts(table);
    for (let edge = 0; edge < at.edges; edge++) expect(table[at.childState + edge]).toBe(edge + 1);
    expect(() => decodeFamilyTables(table, 2)).not.toThrow();
  });

  it('are taken as the build wrote them, for every language of every shipped file', () => {
    const files = globbySync('dist/rules/**/*.phrases.bin', { cwd: ROOT });
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(path.join(ROOT, file));
      const headerLength = bytes.readUInt32LE(0);
      const header = JSON.parse(bytes.toString('utf8', 4, 4 + headerLength)) as { entries: { source: string; offset: number; length: number }[] };
      const start = Math.ceil((4 + headerLength) / 4) * 4;
      for (const entry of header.entries) {
        const table = new Int32Array(entry.length);
        for (let i = 0; i < entry.length; i++) table[i] = bytes.readInt32LE(start + (entry.offset + i) * 4);
        const families = (JSON.parse(entry.source) as [string, Record<string, unknown>][]).flatMap(([, f]) => Object.keys(f)).length;
        expect(() => decodeFamilyTables(table, families), `${file} ${entry.source.slice(0, 12)}`).not.toThrow();
      }
    }
  });

  it.each<[string, (table: Int32Array, at: ReturnType<typeof parts>) => void]>([
    ['counts that do not add up to the length', (table) => void (table[0] = table[0]! * 2)],
    ['a count of families below zero', (table, at) => void (table[at.owners + 1] = -2)],
    ['a failure link to itself', (table, at) => void (table[at.fail + deepest(table)] = deepest(table))],
    ['a failure link to a deeper state', (table, at) => void (table[at.fail + 1] = deepest(table))],
    ['a dictionary link to itself', (table, at) => void (table[at.dictionary + deepest(table)] = deepest(table))],
    ['a child state past the last', (table, at) => void (table[at.childState] = at.states + 5)],
    ['two edges to one child', (table, at) => void (table[at.childState + 1] = table[at.childState]!)],
    ['edges that start before their state', (table, at) => void (table[at.childStart + 2] = 0)],
    ['edges that run backwards', (table, at) => void (table[at.childStart + 1] = at.edges)],
    ['a phrase length that is not the depth', (table, at) => void (table[at.output + deepest(table)] += 1)],
    ['a family that does not exist', (table, at) => void (table[at.owners + 2] = 99)],
  ])('refuse %s', (_, edit) => {
    const table = sound();
    edit(table, parts(table));
    expect(() => decodeFamilyTables(table, 2)).toThrow(/^damaged family tables/);
  });
});
