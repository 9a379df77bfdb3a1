/**
 * Aho-Corasick: finds every occurrence of many literal phrases in one pass, in time linear in
 * the text plus the matches, however many phrases there are and whatever the text holds.
 */

interface Node {
  next: Map<number, number>;
  fail: number;
  /** Lengths of the phrases that end here (directly or through failure links), longest first. */
  outputs: number[];
}

export class PhraseAutomaton {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, outputs: [] }];

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
        this.nodes.push({ next: new Map(), fail: 0, outputs: [] });
        this.nodes[state]!.next.set(code, next);
      }
      state = next;
    }
    if (!this.nodes[state]!.outputs.includes(phrase.length)) this.nodes[state]!.outputs.push(phrase.length);
  }

  /** Breadth-first failure links; each node inherits the outputs of its failure node. */
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
        this.nodes[child]!.fail = target !== undefined && target !== child ? target : 0;
        queue.push(child);
      }
      if (state !== 0) node.outputs = [...new Set([...node.outputs, ...this.nodes[node.fail]!.outputs])].sort((a, b) => b - a);
    }
  }

  /** Every occurrence as [start, end) in `text`, in order of end. */
  *occurrences(text: string): Generator<[number, number]> {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      while (state !== 0 && !this.nodes[state]!.next.has(code)) state = this.nodes[state]!.fail;
      state = this.nodes[state]!.next.get(code) ?? 0;
      for (const length of this.nodes[state]!.outputs) yield [i + 1 - length, i + 1];
    }
  }
}
