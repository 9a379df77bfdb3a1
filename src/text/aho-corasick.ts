/**
 * Aho-Corasick: finds every occurrence of many literal phrases in one pass, in time linear in
 * the text plus the matches, however many phrases there are and whatever the text holds.
 * Phrases that end in one another ("a", "a a", "a a a"...) can make the matches themselves
 * number the text's length times the phrases': past a budget (`MAX_MATCHES_PER_CHAR` a character
 * of text) the search stops with PhraseBudgetError, which the engine reports against the rule.
 */

interface Node {
  next: Map<number, number>;
  fail: number;
  /** Length of the phrase that ends here, or 0. */
  output: number;
  /** The nearest node on the failure chain with an output (0: none): the next shorter match. */
  dictionary: number;
}

/** Matches allowed per character of text, plus a fixed allowance for short texts. */
export const MAX_MATCHES_PER_CHAR = 4;
const BASE_ALLOWANCE = 50_000;

export class PhraseBudgetError extends Error {
  constructor(limit: number) {
    super(`too many overlapping phrase matches (over ${limit.toLocaleString('en-US')} for this text); the phrase list matches inside itself, so dmlint stopped reading this draft for it`);
    this.name = 'PhraseBudgetError';
  }
}

export class PhraseAutomaton {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, output: 0, dictionary: 0 }];

  constructor(phrases: readonly string[]) {
    for (const phrase of phrases) this.insert(phrase);
    this.link();
  }

  private insert(phrase: string): void {
    let state = 0;
    for (let i = 0; i < phrase.length; i++) {
      const code = phrase.charCodeAt(i);
      let next = this.nodes[state]!.next.get(code);
      if (next === undefined) {
        next = this.nodes.length;
        this.nodes.push({ next: new Map(), fail: 0, output: 0, dictionary: 0 });
        this.nodes[state]!.next.set(code, next);
      }
      state = next;
    }
    this.nodes[state]!.output = phrase.length;
  }

  /** Breadth-first failure links, and for each node the nearest node on its failure chain with an output. */
  private link(): void {
    const queue: number[] = [];
    for (const child of this.nodes[0]!.next.values()) queue.push(child);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      const node = this.nodes[state]!;
      for (const [code, child] of node.next) {
        let fail = node.fail;
        while (fail !== 0 && !this.nodes[fail]!.next.has(code)) fail = this.nodes[fail]!.fail;
        const target = this.nodes[fail]!.next.get(code);
        const childNode = this.nodes[child]!;
        childNode.fail = target !== undefined && target !== child ? target : 0;
        const failNode = this.nodes[childNode.fail]!;
        childNode.dictionary = failNode.output > 0 ? childNode.fail : failNode.dictionary;
        queue.push(child);
      }
    }
  }

  /** Every occurrence as [start, end) in `text`, in order of end (longest first at each end). */
  *occurrences(text: string): Generator<[number, number]> {
    const limit = MAX_MATCHES_PER_CHAR * text.length + BASE_ALLOWANCE;
    let found = 0;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      while (state !== 0 && !this.nodes[state]!.next.has(code)) state = this.nodes[state]!.fail;
      state = this.nodes[state]!.next.get(code) ?? 0;
      const node = this.nodes[state]!;
      for (let out = node.output > 0 ? state : node.dictionary; out !== 0; out = this.nodes[out]!.dictionary) {
        if (++found > limit) throw new PhraseBudgetError(limit);
        yield [i + 1 - this.nodes[out]!.output, i + 1];
      }
    }
  }
}
