import { createHash } from 'node:crypto';

// Mail campaigns repeat: spam-1 holds the same offer sent many times with small changes. Folds
// drawn message by message put copies of one campaign on both sides, and cross-validation then
// measures memory, not judgment. This groups near-duplicates so that a fold takes a campaign whole.
//
// Two messages are near-duplicates when at least `minJaccard` of their five-word shingles are
// shared; groups are the connected sets of that relation.

const SHINGLE = 5;

function shingles(text) {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const set = new Set();
  for (let i = 0; i + SHINGLE <= words.length; i++) set.add(words.slice(i, i + SHINGLE).join(' '));
  return set;
}

function jaccard(a, b) {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const shingle of small) if (large.has(shingle)) shared++;
  return shared / (a.size + b.size - shared);
}

/** The id of each example's group: the smallest id among the near-duplicates it is connected to. */
export function nearDuplicateGroups(examples, { minJaccard = 0.3 } = {}) {
  const sets = examples.map((example) => shingles(example.text));
  const parent = examples.map((_, i) => i);
  const root = (i) => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (let i = 0; i < examples.length; i++) {
    for (let j = i + 1; j < examples.length; j++) {
      if (examples[i].writer === examples[j].writer && jaccard(sets[i], sets[j]) >= minJaccard) parent[root(i)] = root(j);
    }
  }
  const smallest = new Map();
  examples.forEach((example, i) => {
    const r = root(i);
    if (!smallest.has(r) || example.id < smallest.get(r)) smallest.set(r, example.id);
  });
  return new Map(examples.map((example, i) => [example.id, smallest.get(root(i))]));
}

/**
 * The fold (0 to `folds` - 1) of each example, by a hash of its near-duplicate group's id: fixed,
 * placed by no one, and the copies of a campaign always share a fold. With `grouped` false, by a
 * hash of the example's own id (folds drawn message by message).
 */
export function foldsOf(examples, { folds = 5, grouped = true } = {}) {
  const groups = grouped ? nearDuplicateGroups(examples) : new Map();
  const fold = (key) => createHash('sha256').update(`mail-cv/${key}`).digest()[0] % folds;
  return new Map(examples.map((example) => [example.id, fold(groups.get(example.id) ?? example.id)]));
}
