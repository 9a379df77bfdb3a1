/** "Did you mean" suggestions: the known word nearest to a misspelt one. */

/**
 * Edits between two strings (insert, delete, substitute, or swap two neighbours: "platfrom" is
 * one edit from "platform").
 */
export function editDistance(a: string, b: string): number {
  const rows = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/**
 * The known word nearest to `word`, when it is near enough to be a slip rather than another word:
 * `maxEdits` edits at most (by default 1 for words of up to 5 letters, 2 for longer ones, a
 * quarter of the length for long ids). Case is ignored.
 */
export function closest(word: string, known: Iterable<string>, maxEdits?: number): string | undefined {
  const lower = word.toLowerCase();
  const limit = maxEdits ?? (lower.length <= 5 ? 1 : Math.max(2, Math.floor(lower.length / 4)));
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of known) {
    const score = editDistance(lower, candidate.toLowerCase());
    if (score < bestScore) [best, bestScore] = [candidate, score];
  }
  return bestScore <= limit ? best : undefined;
}
