/**
 * Family tables (`FamilyTables`: an automaton and the families of its phrases) as one array of
 * 32-bit integers, so that a build can write a words file's matchers and a run can read them back
 * with no phrase folded and no automaton built. Decoding makes views, not copies.
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

export function decodeFamilyTables(data: Int32Array): FamilyTables {
  const [states, edges, units, owners] = [data[0]!, data[1]!, data[2]!, data[3]!];
  if (!(states >= 1 && edges === states - 1 && units >= 0 && owners >= 0 && data.length === 4 + 4 * states + 1 + 2 * edges + units + owners)) {
    throw new Error('family tables of the wrong size');
  }
  let at = 4;
  const take = (length: number) => data.subarray(at, (at += length));
  return {
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
}
