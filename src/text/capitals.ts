/**
 * Whether a text holds two upper-case letters in a row (`/\p{Lu}{2}/u`): the cheap question that
 * spares most drafts the search for shouting and keyword replies. The Unicode pattern tests every
 * position against the property; most drafts have no such pair, so a pattern without the `u` flag
 * looks first for two units in a row that could each be (the start of) an upper-case letter: A-Z,
 * or any unit from U+00C0 up, or a surrogate pair whose high half is at most U+D83B (every
 * upper-case letter outside the BMP has one of those; emoji, from U+D83C, do not).
 * test/capitals.test.ts holds the two to the same answers.
 */
const MAYBE_TWO = /(?:[A-Z\u00C0-\uD7FF\uE000-\uFFFF]|[\uD800-\uD83B][\uDC00-\uDFFF]){2}/;
const TWO_CAPITALS = /\p{Lu}{2}/u;

// The same draft is asked about by more than one rule.
let lastText: string | undefined;
let lastAnswer = false;

export function hasTwoCapitals(text: string): boolean {
  if (text === lastText) return lastAnswer;
  lastAnswer = MAYBE_TWO.test(text) && TWO_CAPITALS.test(text);
  lastText = text;
  return lastAnswer;
}
