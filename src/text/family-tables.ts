/**
 * Family tables (`FamilyTables`: an automaton and the families of its phrases) as one array of
 * 32-bit integers, so that a build can write a words file's matchers and a run can read them back
 * with no phrase folded and no automaton built. Decoding makes views, not copies, and checks every
 * link, so that damaged tables are refused rather than make a search loop or read out of range.
 * (A change that keeps every link in range, a family swapped for another, goes unseen, as it
 * would in any other file of the package: a checksum cost more than the rest of the load.)
 *
 * Layout: states, edges, units, owners (four counts), then childStart (states + 1), childUnit
 * (edges), childState (edges), fail, output, dictionary (states each), units, owners.
 */
import type { FamilyTables } from './phrase-matcher.js';

export function encodeFamilyTables({ automaton, owners }: FamilyTables): Int32Array {
  const parts = [automaton.childStart, automaton.childUnit, automaton.childState, automaton.fail, automaton.output, automaton.dictionary, automaton.units, owners];
  const out = new Int32Array(4 + parts.reduce((sum, part) => sum + part.length, 0));
  out.set([automaton.fail.length, automaton.childUnit.length, automaton.units.length, owners.length]);
  let at = 4;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The tables in `data`, for `familyCount` families; throws on tables that do not hold together. */
export function decodeFamilyTables(data: Int32Array, familyCount: number): FamilyTables {
  const fail = (why: string): never => {
    throw new Error(`damaged family tables: ${why}`);
  };
  const [states, edges, units, owners] = [data[0]!, data[1]!, data[2]!, data[3]!];
  if (!(states >= 1 && edges === states - 1 && units >= 0 && owners >= 0 && data.length === 4 + 4 * states + 1 + 2 * edges + units + owners)) fail('sizes');
  let at = 4;
  const take = (length: number) => data.subarray(at, (at += length));
  const tables: FamilyTables = {
    automaton: {
      childStart: take(states + 1),
      childUnit: take(edges),
      childState: take(edges),
      fail: take(states),
      output: take(states),
      dictionary: take(states),
      units: take(units),
    },
    owners: take(owners),
  };
  const { childStart, childUnit, childState, fail: link, output, dictionary } = tables.automaton;
  // One pass, for the tables are numbered breadth first (src/text/aho-corasick.ts): edge e leads
  // to state e + 1, and the edges of state s start at or after s, so every state is numbered
  // after its parent and its depth is known before its own links are checked. Failure and
  // dictionary links go to shallower states (so following them ends); a phrase ends where its
  // length is the state's depth. (Written for a first run, before the code is optimised:
  // `x >>> 0 < n` is 0 <= x < n.) depth + 1 is kept, so that 0 means not reached yet.
  const depth = new Int32Array(states);
  depth[0] = 1;
  if (childStart[0] !== 0 || childStart[states] !== edges || link[0] !== 0 || output[0] !== 0 || dictionary[0] !== 0) fail('root');
  for (let state = 0; state < states; state++) {
    const here = depth[state]!;
    if (state > 0) {
      const f = link[state]!;
      const d = dictionary[state]!;
      if (f >>> 0 >= state || depth[f]! >= here || d >>> 0 >= state || depth[d]! >= here) fail('links');
      if (d !== 0 && output[d] === 0) fail('links');
      const length = output[state]!;
      if (length !== 0 && length !== here - 1) fail('outputs');
    }
    const start = childStart[state]!;
    const end = childStart[state + 1]!;
    if (start < state || end < start || end > edges) fail('edges');
    for (let edge = start; edge < end; edge++) {
      if (childState[edge] !== edge + 1 || childUnit[edge]! >>> 16 !== 0) fail('edges');
      depth[edge + 1] = here + 1;
    }
  }
  for (const unit of tables.automaton.units) if (unit >>> 16 !== 0) fail('units');
  const { owners: list } = tables;
  for (let i = 0; i < list.length; ) {
    const state = list[i]!;
    const count = list[i + 1]!;
    if (i + 1 >= list.length || state <= 0 || state >= states || output[state] === 0 || count < 1 || i + 2 + count > list.length) fail('owners');
    for (let j = i + 2; j < i + 2 + count; j++) if (list[j]! >>> 0 >= familyCount) fail('owners');
    i += 2 + count;
  }
  return tables;
}
