/**
 * Aho-Corasick: finds every occurrence of many literal phrases in one pass, in time linear in
 * the text plus the matches, however many phrases there are and whatever the text holds.
 * Phrases that end in one another ("a", "a a", "a a a"...) can make the matches themselves
 * number the text's length times the phrases': past a budget (`MAX_MATCHES_PER_CHAR` a character
 * of text) the search stops with PhraseBudgetError, which the engine reports against the rule.
 *
 * The automaton is kept in flat arrays: a trie edge is one entry of a Map keyed by state and
 * character, and the search goes through a transition table (state × character class, failure
 * links already followed) filled in lazily, the first time a state meets a class. A scorer's
 * 650 phrases build in a few milliseconds and each character of text costs one table read
 * (test/scorer.test.ts holds the search to a naive one).
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

/** UTF-16 code units: a trie edge's key is state × 65,536 + unit. */
const UNITS = 0x10000;

export class PhraseAutomaton {
  /** Trie edges: state × UNITS + code unit → child state. */
  private readonly edges = new Map<number, number>();
  /** Per state: the unit on the edge into it, its parent, its failure link. */
  private readonly unit: number[] = [0];
  private readonly parent: number[] = [0];
  private readonly fail: number[] = [0];
  /** Per state: length of the phrase that ends there, or 0. */
  private readonly output: number[] = [0];
  /** Per state: the nearest state on its failure chain with an output (0: none), the next shorter match. */
  private readonly dictionary: number[] = [0];
  /** Character class of each unit found in a phrase (others are 0: every state goes back to the root). */
  private readonly classOf = new Map<number, number>();
  private readonly ascii = new Int32Array(128);
  private classes = 1;
  /** Transition table, state × classes: 0 not computed yet, else the next state + 1. */
  private delta: Int32Array | undefined;

  constructor(phrases: readonly string[]) {
    for (const phrase of phrases) this.insert(phrase);
    this.link();
  }

  private insert(phrase: string): void {
    let state = 0;
    for (let i = 0; i < phrase.length; i++) {
      const code = phrase.charCodeAt(i);
      if (!this.classOf.has(code)) {
        this.classOf.set(code, this.classes);
        if (code < 128) this.ascii[code] = this.classes;
        this.classes++;
      }
      const key = state * UNITS + code;
      let next = this.edges.get(key);
      if (next === undefined) {
        next = this.unit.length;
        this.unit.push(code);
        this.parent.push(state);
        this.fail.push(0);
        this.output.push(0);
        this.dictionary.push(0);
        this.edges.set(key, next);
      }
      state = next;
    }
    this.output[state] = phrase.length;
  }

  /** Failure links breadth first (states are numbered in insertion order, so by parent first). */
  private link(): void {
    // States by depth, then by number: a counting sort (a parent is always numbered before its child).
    const count = this.unit.length;
    const depth = new Int32Array(count);
    let deepest = 0;
    for (let state = 1; state < count; state++) {
      depth[state] = depth[this.parent[state]!]! + 1;
      if (depth[state]! > deepest) deepest = depth[state]!;
    }
    const next = new Int32Array(deepest + 1);
    for (let state = 1; state < count; state++) next[depth[state]!]!++;
    for (let d = 1, sum = 0; d <= deepest; d++) {
      const states = next[d]!;
      next[d] = sum;
      sum += states;
    }
    const byDepth = new Int32Array(Math.max(0, count - 1));
    for (let state = 1; state < count; state++) byDepth[next[depth[state]!]!++] = state;
    for (const state of byDepth) {
      const parent = this.parent[state]!;
      const code = this.unit[state]!;
      let fail = 0;
      if (parent !== 0) {
        for (let f = this.fail[parent]!; ; f = this.fail[f]!) {
          const target = this.edges.get(f * UNITS + code);
          if (target !== undefined && target !== state) {
            fail = target;
            break;
          }
          if (f === 0) break;
        }
      }
      this.fail[state] = fail;
      this.dictionary[state] = this.output[fail]! > 0 ? fail : this.dictionary[fail]!;
    }
  }

  /** The state after `state` reads a unit of class `c` (> 0), computed once and kept. */
  private step(state: number, c: number, code: number): number {
    const table = (this.delta ??= new Int32Array(this.unit.length * this.classes));
    const at = state * this.classes + c;
    const known = table[at]!;
    if (known !== 0) return known - 1;
    const child = this.edges.get(state * UNITS + code);
    const next = child !== undefined ? child : state === 0 ? 0 : this.step(this.fail[state]!, c, code);
    table[at] = next + 1;
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
    for (let i = 0; i < phrase.length && state >= 0; i++) state = this.edges.get(state * UNITS + phrase.charCodeAt(i)) ?? -1;
    if (state <= 0 || this.output[state] !== phrase.length) throw new Error(`not a phrase of this automaton: ${phrase}`);
    return state;
  }

  /** The same occurrences, flat: start, end and the state of the phrase found (`stateOf`), for each. */
  occurrenceStates(text: string): number[] {
    const limit = 3 * (MAX_MATCHES_PER_CHAR * text.length + BASE_ALLOWANCE);
    const found: number[] = [];
    const output = this.output;
    const dictionary = this.dictionary;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const c = code < 128 ? this.ascii[code]! : (this.classOf.get(code) ?? 0);
      state = c === 0 ? 0 : this.step(state, c, code);
      for (let out = output[state]! > 0 ? state : dictionary[state]!; out !== 0; out = dictionary[out]!) {
        if (found.length >= limit) throw new PhraseBudgetError(limit / 3);
        found.push(i + 1 - output[out]!, i + 1, out);
      }
    }
    return found;
  }
}
