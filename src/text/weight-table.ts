/**
 * Weights by name, as a judgment rule's `.weights.json` ships a group of them (`PackedWeights`):
 * the names sorted by UTF-16 code unit, one per line, and the weights as fixed-width whole
 * numbers of ten-thousandths ("+04589" is 0.4589) in the same order. JSON.parse reads those two
 * strings for a few thousand weights in well under a millisecond, where an object with as many
 * keys took four to seven; a name is then found by binary search, and its weight read only then.
 */
export interface PackedWeights {
  names: string;
  weights: string;
}

const WIDTH = 6;
const SCALE = 10_000;
const LARGEST = 99_999;
// Every weight, left to right: a string is sound when nothing is left once they are taken out
// (faster than one anchored pattern repeated, which keeps a backtracking entry per weight).
const WEIGHT = /[+-]\d{5}/g;

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Packs weights for a weights file. Throws on what the format cannot hold exactly: an empty name,
 * a name with a line break, a name twice, a weight that is not a whole number of ten-thousandths under 10
 * (eval/judgment/train.mjs rounds every weight so).
 */
export function packWeights(entries: Iterable<readonly [string, number]>): PackedWeights {
  const sorted = [...entries].sort(([a], [b]) => byCodeUnit(a, b));
  const weights: string[] = [];
  for (const [i, [name, weight]] of sorted.entries()) {
    // (An empty name would make a table of one name read back as a table of none.)
    if (name === '' || name.includes('\n')) throw new Error(`weight name empty or with a line break: ${JSON.stringify(name)}`);
    if (i > 0 && sorted[i - 1]![0] === name) throw new Error(`weight named twice: ${JSON.stringify(name)}`);
    const units = Math.round(weight * SCALE);
    if (units / SCALE !== weight || Math.abs(units) > LARGEST) throw new Error(`weight of ${JSON.stringify(name)} is not a whole number of ten-thousandths under 10: ${weight}`);
    weights.push(`${units < 0 ? '-' : '+'}${String(Math.abs(units)).padStart(WIDTH - 1, '0')}`);
  }
  return { names: sorted.map(([name]) => name).join('\n'), weights: weights.join('') };
}

/**
 * Weights looked up by name: unpacked from a weights file, or made from entries in memory. The
 * names stay in their one string, found through the offsets of its lines: splitting it would make
 * thousands of strings for the first draft's garbage collection to sweep, most never looked up.
 */
export class WeightTable {
  private constructor(
    /** The names, sorted, one per line. */
    private readonly text: string,
    /** Where each name starts in `text`, then one past the end of the text. */
    private readonly starts: Int32Array,
    private readonly read: (index: number) => number,
  ) {}

  /**
   * The table of a packed group; throws when the two strings do not match or a weight is not a
   * sign and five digits (a weight that read as NaN would make every score NaN). The order of
   * the names is not checked: names out of order are not found.
   */
  static unpack(packed: PackedWeights): WeightTable {
    const { names, weights } = packed;
    const count = weights.length / WIDTH;
    const starts = Number.isInteger(count) ? lineStarts(names, count) : undefined;
    if (!starts) throw new Error(`damaged weights: ${names === '' ? 0 : names.split('\n').length} names, ${weights.length / WIDTH} weights`);
    if (weights.replace(WEIGHT, '') !== '') throw new Error('damaged weights: a weight that is not a sign and five digits');
    return new WeightTable(names, starts, (index) => Number(weights.slice(index * WIDTH, index * WIDTH + WIDTH)) / SCALE);
  }

  /** A table of any weights (a model fitted in memory, which nothing has rounded). */
  static of(entries: Iterable<readonly [string, number]>): WeightTable {
    const sorted = [...entries].sort(([a], [b]) => byCodeUnit(a, b));
    const text = sorted.map(([name]) => name).join('\n');
    return new WeightTable(text, lineStarts(text, sorted.length)!, (index) => sorted[index]![1]);
  }

  get size(): number {
    return this.starts.length - 1;
  }

  name(index: number): string {
    return this.text.slice(this.starts[index]!, this.starts[index + 1]! - 1);
  }

  weight(index: number): number {
    return this.read(index);
  }

  /** The name at `index` against `name`, by code unit: negative, 0 or positive. */
  private compare(index: number, name: string): number {
    const start = this.starts[index]!;
    const length = this.starts[index + 1]! - 1 - start;
    const common = Math.min(length, name.length);
    for (let i = 0; i < common; i++) {
      const difference = this.text.charCodeAt(start + i) - name.charCodeAt(i);
      if (difference !== 0) return difference;
    }
    return length - name.length;
  }

  /** Where the first name not below `name` stands (the table's size when there is none). */
  private lowerBound(name: string): number {
    let low = 0;
    let high = this.size;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.compare(middle, name) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Where `name` stands, or -1. */
  find(name: string): number {
    const at = this.lowerBound(name);
    return at < this.size && this.compare(at, name) === 0 ? at : -1;
  }

  /** The weight of `name`, or undefined. */
  get(name: string): number | undefined {
    const at = this.find(name);
    return at < 0 ? undefined : this.read(at);
  }

  /** The indices [from, to) of the names that begin with `prefix` (sorted names keep them together). */
  startingWith(prefix: string): [number, number] {
    const from = this.lowerBound(prefix);
    let to = from;
    while (to < this.size && this.text.startsWith(prefix, this.starts[to]!) && this.starts[to + 1]! - 1 - this.starts[to]! >= prefix.length) to++;
    return [from, to];
  }

  *entries(): Generator<[string, number]> {
    for (let i = 0; i < this.size; i++) yield [this.name(i), this.read(i)];
  }
}

/**
 * Where each of the `count` lines of `text` starts, then one past its end (a weights file says how
 * many names a group has by its number of weights, so one pass finds them); undefined when the
 * text has another number of lines.
 */
function lineStarts(text: string, count: number): Int32Array | undefined {
  const starts = new Int32Array(count + 1);
  if (count === 0) return text === '' ? starts : undefined;
  let line = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    if (line === count) return undefined;
    starts[line++] = at + 1;
  }
  if (line !== count) return undefined;
  starts[count] = text.length + 1;
  return starts;
}
