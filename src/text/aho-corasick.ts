/**
 * Aho-Corasick: finds every occurrence of many literal phrases in one pass, in time linear in
 * the text plus the matches, however many phrases there are and whatever the text holds.
 * Phrases that end in one another ("a", "a a", "a a a"...) can make the matches themselves
 * number the text's length times the phrases': past a budget (`MAX_MATCHES_PER_CHAR` a character
 * of text) the search stops with PhraseBudgetError, which the engine reports against the rule.
 *
 * Once built, the automaton is a few flat integer arrays (`AutomatonTables`): each state's
 * children in one run of the edge arrays, its failure link, the phrase that ends there. The
 * search goes through a transition table (state × character class, failure links already
 * followed) filled in lazily, the first time a state meets a class, so each character of text
 * costs one table read (test/scorer.test.ts holds the search to a naive one). The tables can be
 * written at build time and read back (the constructor takes them): a scorer's 650 phrases then
 * cost a file read instead of a build.
 */

/** Matches allowed per character of text, plus a fixed allowance for short texts. */
export const MAX_MATCHES_PER_CHAR = 4;
const BASE_ALLOWANCE = 50_000;

export class PhraseBudgetError extends Error {
  constructor(limit: number) {
    super(`too many overlapping phrase matches (over ${limit.toLocaleString('en-US')} for this text); the phrase list matches inside itself, so dmlint stopped reading this draft for it`);
    this.name = 'PhraseBudgetError';
  }
}

/**
 * A built automaton. States are numbered from 0 (the root); the children of state s are the
 * edges `childStart[s]` to `childStart[s + 1] - 1`, each a code unit and the child's state.
 */
export interface AutomatonTables {
  childStart: Int32Array;
  childUnit: Int32Array;
  childState: Int32Array;
  /** Per state: its failure link; the length of the phrase that ends there (or 0); the nearest state on its failure chain where a phrase ends (or 0). */
  fail: Int32Array;
  output: Int32Array;
  dictionary: Int32Array;
  /** The code units the phrases use: unit `units[i]` is character class i + 1 (every other unit is class 0). */
  units: Int32Array;
}

/** UTF-16 code units: while building, a trie edge's key is state × 65,536 + unit. */
const UNITS = 0x10000;

/**
 * Builds the tables of a trie of `phrases` with its failure links. States are numbered breadth
 * first, children in the order of their parents: the children of state s are then states
 * `childStart[s] + 1` to `childStart[s + 1]`, so edge e leads to state e + 1, every state is
 * numbered after its parent, and a shallower state before a deeper one. (Tables read back from
 * a file are checked in one pass thanks to this: src/text/family-tables.ts.)
 */
function build(phrases: readonly string[]): AutomatonTables {
  // The trie, states numbered as they are made.
  const edges = new Map<number, number>();
  const unit: number[] = [0];
  const parent: number[] = [0];
  const length: number[] = [0];
  const units: number[] = [];
  const seen = new Set<number>();
  for (const phrase of phrases) {
    let state = 0;
    for (let i = 0; i < phrase.length; i++) {
      const code = phrase.charCodeAt(i);
      if (!seen.has(code)) {
        seen.add(code);
        units.push(code);
      }
      const key = state * UNITS + code;
      let next = edges.get(key);
      if (next === undefined) {
        next = unit.length;
        unit.push(code);
        parent.push(state);
        length.push(0);
        edges.set(key, next);
      }
      state = next;
    }
    length[state] = phrase.length;
  }
  const count = unit.length;
  // Children by parent, in the order made (a counting sort), then states breadth first.
  const firstChild = new Int32Array(count + 1);
  for (let state = 1; state < count; state++) firstChild[parent[state]! + 1]!++;
  for (let state = 0; state < count; state++) firstChild[state + 1]! += firstChild[state]!;
  const children = new Int32Array(Math.max(0, count - 1));
  const filled = firstChild.slice(0, count);
  for (let state = 1; state < count; state++) children[filled[parent[state]!]!++] = state;
  const order = new Int32Array(count);
  const numberOf = new Int32Array(count);
  for (let head = 0, tail = 1; head < count; head++) {
    const state = order[head]!;
    numberOf[state] = head;
    for (let at = firstChild[state]!; at < firstChild[state + 1]!; at++) order[tail++] = children[at]!;
  }
  // The tables, in breadth-first numbers.
  const childStart = new Int32Array(count + 1);
  const childUnit = new Int32Array(Math.max(0, count - 1));
  const childState = new Int32Array(Math.max(0, count - 1));
  const output = new Int32Array(count);
  for (let number = 0, edge = 0; number < count; number++) {
    const state = order[number]!;
    output[number] = length[state]!;
    childStart[number] = edge;
    for (let at = firstChild[state]!; at < firstChild[state + 1]!; at++, edge++) {
      childUnit[edge] = unit[children[at]!]!;
      childState[edge] = edge + 1;
    }
  }
  childStart[count] = Math.max(0, count - 1);
  // Failure links breadth first, which is now the order of the numbers.
  const fail = new Int32Array(count);
  const dictionary = new Int32Array(count);
  for (let number = 1; number < count; number++) {
    const state = order[number]!;
    const code = unit[state]!;
    const parentNumber = numberOf[parent[state]!]!;
    let link = 0;
    if (parentNumber !== 0) {
      for (let f = fail[parentNumber]!; ; f = fail[f]!) {
        const target = edges.get(order[f]! * UNITS + code);
        if (target !== undefined && target !== state) {
          link = numberOf[target]!;
          break;
        }
        if (f === 0) break;
      }
    }
    fail[number] = link;
    dictionary[number] = output[link]! > 0 ? link : dictionary[link]!;
  }
  return { childStart, childUnit, childState, fail, output, dictionary, units: Int32Array.from(units) };
}

export class PhraseAutomaton {
  readonly tables: AutomatonTables;
  /** Character class of each unit found in a phrase (others are 0: every state goes back to the root). */
  private readonly classOf = new Map<number, number>();
  private readonly ascii = new Int32Array(128);
  private readonly classes: number;
  /** Transition table, state × classes: 0 not computed yet, else the next state + 1. */
  private delta: Int32Array | undefined;

  /** Builds the automaton of `phrases`, or takes the tables an earlier build wrote (`tables`). */
  constructor(source: readonly string[] | AutomatonTables) {
    this.tables = Array.isArray(source) ? build(source) : (source as AutomatonTables);
    this.classes = this.tables.units.length + 1;
    this.tables.units.forEach((code, i) => {
      this.classOf.set(code, i + 1);
      if (code < 128) this.ascii[code] = i + 1;
    });
  }

  /** The child of `state` on `code`, or -1. */
  private child(state: number, code: number): number {
    const { childStart, childUnit, childState } = this.tables;
    for (let at = childStart[state]!, end = childStart[state + 1]!; at < end; at++) if (childUnit[at] === code) return childState[at]!;
    return -1;
  }

  /**
   * The state after `state` reads a unit of class `c` (> 0), computed once and kept: the child on
   * that unit, or else the same transition from the failure link. The chain is followed in a loop,
   * not by recursion: a phrase of tens of thousands of units has a chain as long.
   */
  private step(state: number, c: number, code: number): number {
    const classes = this.classes;
    const table = (this.delta ??= new Int32Array(this.tables.fail.length * classes));
    const { fail } = this.tables;
    const chain: number[] = [];
    let next: number;
    for (let at = state; ; at = fail[at]!) {
      const known = table[at * classes + c]!;
      if (known !== 0) {
        next = known - 1;
        break;
      }
      chain.push(at);
      const child = this.child(at, code);
      if (child >= 0 || at === 0) {
        next = Math.max(child, 0);
        break;
      }
    }
    // Every state on the way has no child on this unit: each goes where its failure link goes.
    for (const at of chain) table[at * classes + c] = next + 1;
    return next;
  }

  /** Every occurrence as [start, end) in `text`, in order of end (longest first at each end). */
  occurrences(text: string): [number, number][] {
    const flat = this.occurrenceStates(text);
    const found: [number, number][] = [];
    for (let k = 0; k < flat.length; k += 3) found.push([flat[k]!, flat[k + 1]!]);
    return found;
  }

  /** The state where `phrase`, one of the phrases, ends: what `occurrenceStates` gives for it. */
  stateOf(phrase: string): number {
    let state = 0;
    for (let i = 0; i < phrase.length && state >= 0; i++) state = this.child(state, phrase.charCodeAt(i));
    if (state <= 0 || this.tables.output[state] !== phrase.length) throw new Error(`not a phrase of this automaton: ${phrase}`);
    return state;
  }

  /** The same occurrences, flat: start, end and the state of the phrase found (`stateOf`), for each. */
  occurrenceStates(text: string): number[] {
    const limit = 3 * (MAX_MATCHES_PER_CHAR * text.length + BASE_ALLOWANCE);
    const found: number[] = [];
    const { output, dictionary } = this.tables;
    const ascii = this.ascii;
    const classes = this.classes;
    const table = (this.delta ??= new Int32Array(this.tables.fail.length * classes));
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const c = code < 128 ? ascii[code]! : (this.classOf.get(code) ?? 0);
      if (c === 0) state = 0;
      else {
        // A transition already known is one read; `step` works out the others (it recurses, so
        // it is not inlined: keeping the known case here spares a call per character).
        const known = table[state * classes + c]!;
        state = known !== 0 ? known - 1 : this.step(state, c, code);
      }
      for (let out = output[state]! > 0 ? state : dictionary[state]!; out !== 0; out = dictionary[out]!) {
        if (found.length >= limit) throw new PhraseBudgetError(limit / 3);
        found.push(i + 1 - output[out]!, i + 1, out);
      }
    }
    return found;
  }
}
