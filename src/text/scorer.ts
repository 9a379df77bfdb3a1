/**
 * Linear scorers, the machinery of dmlint's judgment rules. A draft becomes features: the
 * signals a rule computes (word families found, counts, shapes) and the word n-grams of its text;
 * a logistic model whose weights were fitted on labelled drafts (eval/judgment/train.mjs) adds
 * them up. The features that weighed most, with the spans of text behind them, are the evidence
 * a diagnostic shows. Pure and deterministic: the same text, signals and model give the same score.
 */
import { isAsciiLetter } from './ascii.js';
import { fold } from './fold.js';
import { packWeights, WeightTable, type PackedWeights } from './weight-table.js';

/** A fitted model, as shipped in a rule's `.model.json`. */
export interface ScorerModel {
  /** Which rule the weights were fitted for, and on what (free text, for people). */
  about?: string;
  bias: number;
  /** Probability from which the rule fires, chosen on validation data. */
  threshold: number;
  /** Feature name → weight. Names: `w:word`, `b:word word` (folded text), or a rule's own signals. */
  weights: Readonly<Record<string, number>>;
  /** The same weights as shipped, grouped for lookup (`nestWeights`); when present, scoring reads these. */
  nested?: NestedWeights;
}

/**
 * N-gram weights under one prefix, as a `.weights.json` ships them (`PackedWeights`): unigrams and
 * stems by word, bigrams by their two words ("first second").
 */
export interface NgramWeights {
  w: PackedWeights;
  p: PackedWeights;
  b: PackedWeights;
}

/**
 * A model's weights as its `.weights.json` holds them: the rule's own signals by name, and n-grams
 * by prefix then kind, packed so that JSON.parse has two strings to read per kind rather than an
 * object of thousands of keys (src/text/weight-table.ts).
 */
export interface NestedWeights {
  signals: Readonly<Record<string, number>>;
  ngrams: Readonly<Record<string, NgramWeights>>;
}

const NGRAM_KIND = /^(.*?)([wpb]):(.*)$/s;

/** Splits a weight's name into an n-gram's prefix, kind and words; undefined for a rule's own signal. */
function ngramName(name: string): { prefix: string; kind: 'w' | 'p' | 'b'; rest: string } | undefined {
  const match = NGRAM_KIND.exec(name);
  // An n-gram name is an optional prefix ending in ':' (or none), then w:, p: or b:.
  if (!match || (match[1] !== '' && !match[1]!.endsWith(':'))) return undefined;
  return { prefix: match[1]!, kind: match[2] as 'w' | 'p' | 'b', rest: match[3]! };
}

/** Flat weights grouped by prefix and kind: what a weights file packs, or a model in memory indexes. */
function groupWeights(weights: Readonly<Record<string, number>>): { signals: Record<string, number>; ngrams: Map<string, Record<'w' | 'p' | 'b', [string, number][]>> } {
  const signals: Record<string, number> = {};
  const ngrams = new Map<string, Record<'w' | 'p' | 'b', [string, number][]>>();
  for (const name of Object.keys(weights).sort()) {
    const ngram = ngramName(name);
    if (!ngram) signals[name] = weights[name]!;
    else {
      let group = ngrams.get(ngram.prefix);
      if (!group) ngrams.set(ngram.prefix, (group = { w: [], p: [], b: [] }));
      group[ngram.kind].push([ngram.rest, weights[name]!]);
    }
  }
  return { signals, ngrams };
}

/** Groups and packs flat weights as a `.weights.json` holds them (eval/judgment/train.mjs writes them so). */
export function nestWeights(weights: Readonly<Record<string, number>>): NestedWeights {
  const { signals, ngrams } = groupWeights(weights);
  const packed: Record<string, NgramWeights> = {};
  for (const [prefix, group] of ngrams) packed[prefix] = { w: packWeights(group.w), p: packWeights(group.p), b: packWeights(group.b) };
  return { signals, ngrams: packed };
}

/** The flat weights of a nested model: the inverse of `nestWeights`. */
export function flattenWeights(nested: NestedWeights): Record<string, number> {
  const flat: Record<string, number> = { ...nested.signals };
  for (const [prefix, group] of Object.entries(nested.ngrams)) {
    for (const kind of ['w', 'p', 'b'] as const) for (const [name, weight] of WeightTable.unpack(group[kind]).entries()) flat[`${prefix}${kind}:${name}`] = weight;
  }
  return flat;
}

/** A feature the rule found, with where it stands in the text (when it stands somewhere). */
export interface Signal {
  feature: string;
  /** Defaults to 1. */
  value?: number;
  start?: number;
  end?: number;
}

export interface Contribution {
  feature: string;
  value: number;
  weight: number;
  /** value × weight: what the feature added to the logit. */
  contribution: number;
  spans: { start: number; end: number }[];
}

/** A feature that pulls one way, at the first span it stands at. */
export interface Pull {
  feature: string;
  contribution: number;
  start: number;
  end: number;
}

export interface Score {
  /** The model's probability that the rule should fire, 0 to 1. */
  probability: number;
  logit: number;
  /** Every feature with a weight, in no particular order (`strongestFirst` sorts them). */
  contributions: Contribution[];
  /** The features that pull `direction`'s way (1: toward firing) and stand somewhere, each at its first span: what evidence is chosen from. */
  pulls(direction: 1 | -1): Pull[];
}

interface Token {
  value: string;
  start: number;
  end: number;
}

// Tokens of folded text: merge fields, links, sums of money, percentages, numbers, words (French
// elisions apart: "l'offre" is "l'" then "offre"), and the marks that carry tone.
const TOKEN =
  /\{\{[^{}]{0,60}\}\}|(?:https?:\/\/|www\.)[^\s<>"]+|[$€£]\s?\d[\d.,]*\s?[km]?\b|\d[\d.,]*\s?(?:[km]\s?)?(?:[$€£]|euros?\b|dollars?\b|eur\b|usd\b)|\d[\d.,]*\s?%|\d[\d.,:]*|(?:[lcdjmnst]|qu)'(?=\p{L})|\p{L}+(?:'\p{L}+)*|!|\?|\p{Extended_Pictographic}/gu;

// What a token stands for, from its first character (the TOKEN pattern says which kinds start how):
// words stay as they are, the rest become a class.
function tokenClass(raw: string): string {
  const first = raw.charCodeAt(0);
  if (first >= 97 && first <= 122) return first === 104 || first === 119 ? (raw.startsWith('http') || raw.startsWith('www.') ? '<url>' : raw) : raw;
  if (first === 123) return '<field>';
  if ((first >= 48 && first <= 57) || first === 36 || first === 0x20ac || first === 0xa3) {
    if (raw.endsWith('%')) return '<pct>';
    return /[$€£]|euro|dollar|eur$|usd$/.test(raw) ? '<money>' : '<num>';
  }
  if (raw === '!' || raw === '?') return raw;
  return /^\p{Extended_Pictographic}$/u.test(raw) ? '<emoji>' : raw;
}

/** The tokens of `text`, in folded form, with their spans in `text`. */
export function tokenize(text: string): Token[] {
  const { text: folded, toOriginal } = fold(text);
  const tokens: Token[] = [];
  const push = (start: number, end: number, value: string) => {
    const last = end - 1;
    tokens.push({ value, start: toOriginal[start]!, end: toOriginal[last]! + (text.codePointAt(toOriginal[last]!)! > 0xffff ? 2 : 1) });
  };
  // Folded text is mostly lower-case ASCII: words of ASCII letters are read here, character by
  // character, as TOKEN would read them; anything else (a digit, a sign, a link, a letter outside
  // ASCII) is left to TOKEN itself, at that position. test/scorer.test.ts holds the two to the same
  // tokens.
  const length = folded.length;
  let i = 0;
  while (i < length) {
    const code = folded.charCodeAt(i);
    if (isAsciiLetter(code) && !startsLink(folded, i, code)) {
      const elision = elisionLength(folded, i, code);
      if (elision > 0) {
        push(i, i + elision, folded.slice(i, i + elision));
        i += elision;
        continue;
      }
      let end = lettersFrom(folded, i);
      if (end < 0) {
        i = byPattern(folded, i, push);
        continue;
      }
      // Words joined by apostrophes ("aujourd'hui") are one word.
      while (folded.charCodeAt(end) === 39) {
        const after = lettersFrom(folded, end + 1);
        if (after === end + 1) break;
        if (after < 0) {
          end = -1;
          break;
        }
        end = after;
      }
      if (end < 0) {
        i = byPattern(folded, i, push);
        continue;
      }
      const word = folded.slice(i, end);
      push(i, end, code === 104 || code === 119 ? tokenClass(word) : word);
      i = end;
    } else if (code === 33 || code === 63) {
      push(i, i + 1, code === 33 ? '!' : '?');
      i++;
    } else if (code < 128 && code !== 123 && code !== 36 && !(code >= 48 && code <= 57) && !isAsciiLetter(code)) {
      i++; // nothing TOKEN matches starts with this character
    } else {
      i = byPattern(folded, i, push);
    }
  }
  return tokens;
}

function startsLink(text: string, at: number, code: number): boolean {
  if (code === 104) return text.startsWith('http://', at) || text.startsWith('https://', at);
  return code === 119 && text.startsWith('www.', at);
}

const ELIDED = new Set([108, 99, 100, 106, 109, 110, 115, 116]); // l c d j m n s t

/** The length of an elision at `at` ("l'", "qu'") followed by a letter, or 0. */
function elisionLength(text: string, at: number, code: number): number {
  let apostrophe = -1;
  if (ELIDED.has(code)) apostrophe = at + 1;
  else if (code === 113 && text.charCodeAt(at + 1) === 117) apostrophe = at + 2;
  if (apostrophe < 0 || text.charCodeAt(apostrophe) !== 39) return 0;
  const after = text.charCodeAt(apostrophe + 1);
  if (isAsciiLetter(after)) return apostrophe + 1 - at;
  return after > 127 && LETTER.test(String.fromCodePoint(text.codePointAt(apostrophe + 1)!)) ? apostrophe + 1 - at : 0;
}

const LETTER = /^\p{L}$/u;

/** Where a run of ASCII letters from `at` ends; -1 when a letter outside ASCII follows (TOKEN decides then). */
function lettersFrom(text: string, at: number): number {
  let end = at;
  while (end < text.length && isAsciiLetter(text.charCodeAt(end))) end++;
  if (end < text.length && text.charCodeAt(end) > 127) return -1;
  return end;
}

const TOKEN_AT = new RegExp(TOKEN.source, 'uy');

/** Reads one token at `at` with TOKEN; returns where reading goes on. */
function byPattern(text: string, at: number, push: (start: number, end: number, value: string) => void): number {
  TOKEN_AT.lastIndex = at;
  const match = TOKEN_AT.exec(text);
  if (match && match[0].length > 0) {
    push(at, at + match[0].length, tokenClass(match[0]));
    return at + match[0].length;
  }
  return at + (text.codePointAt(at)! > 0xffff ? 2 : 1);
}

/** The tokens as TOKEN alone finds them: the plain path the fast one above must agree with. */
export function tokenizeByPattern(text: string): Token[] {
  const { text: folded, toOriginal } = fold(text);
  const tokens: Token[] = [];
  for (const match of folded.matchAll(TOKEN)) {
    const last = match.index + match[0].length - 1;
    const end = toOriginal[last]! + (text.codePointAt(toOriginal[last]!)! > 0xffff ? 2 : 1);
    tokens.push({ value: tokenClass(match[0]), start: toOriginal[match.index]!, end });
  }
  return tokens;
}

// Words are also read by their first letters, a crude stem shared by both languages: "garde",
// "gardes", "garder" and "gardez" all give "p:gard".
const STEM_LENGTH = 5;
// N-grams count less in a long text and more in a short one (their values are scaled as a unit
// vector would be, relative to a text of this many words), so that length alone weighs nothing.
const TYPICAL_WORDS = 20;

// Function words of English and French: alone they say nothing of what a message does, and a
// model learns their frequency in its training data instead (long mail is full of "the"). They
// still count in bigrams ("send you", "je vous").
const FUNCTION_WORDS = new Set(
  `a an the and or but of to in on at for with from by as is are was were be been it its this that these those
   i me my we us our you your he she they them their his her there here so if then than not no do does did
   have has had will would can could shall should may might just also very
   le la les l' un une des de du d' et ou mais a à au aux en dans sur pour par avec sans ce cet cette ces
   c' je j' me m' tu te t' il elle on nous vous ils elles leur leurs son sa ses mon ma mes ton ta tes
   notre nos votre vos qui que qu' quoi ne n' pas y se s' est sont était être ai as avons avez ont si plus
   très bien aussi`.split(/\s+/),
);

/** Tokens that count as words for n-grams, and the value each n-gram of them takes. */
function ngramTokens(part: NgramText): { tokens: Token[]; value: number } {
  let tokens: Token[];
  // A reported draft is read twice, for its score and for its evidence: keep the last texts' tokens.
  const at = recentTexts.indexOf(part.text);
  if (at >= 0) tokens = recentTokens[at]!;
  else {
    // Merge fields are left out: whether a draft uses {{first_name}} says how it is sent, not what it says.
    tokens = tokenize(part.text).filter((token) => token.value !== '<field>');
    recentTexts[nextRecent] = part.text;
    recentTokens[nextRecent] = tokens;
    nextRecent = (nextRecent + 1) % recentTexts.length;
  }
  if (part.presence) return { tokens, value: 1 };
  const scaled = 1 / Math.sqrt(Math.max(1, tokens.length) / TYPICAL_WORDS);
  return { tokens, value: part.shrinkOnly ? Math.min(1, scaled) : scaled };
}

const recentTexts: (string | undefined)[] = [undefined, undefined, undefined, undefined];
const recentTokens: (Token[] | undefined)[] = [];
let nextRecent = 0;

/**
 * The word n-gram features of a text (unigrams, stems and bigrams), each with its spans, named
 * under its prefix. With `weighed`, the model's index for that prefix, only the n-grams the model
 * weighs are made (a handful a draft); without it, all of them (what training reads).
 */
export function ngramSignals(part: NgramText, weighed?: NgramIndex): Signal[] {
  const { tokens, value } = ngramTokens(part);
  const prefix = part.prefix ?? '';
  const offset = part.offset === false ? undefined : (part.offset ?? 0);
  const signals: Signal[] = [];
  const add = (feature: string, start: number, end: number) => signals.push(offset === undefined ? { feature, value } : { feature, value, start: start + offset, end: end + offset });
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const word = token.value;
    const next = tokens[i + 1];
    let unigram: string | undefined;
    let stem: string | undefined;
    let bigram: string | undefined;
    if (weighed) {
      const entry = entryOf(weighed, word);
      unigram = entry.unigram?.name;
      stem = entry.stem?.name;
      bigram = next ? entry.pairs?.get(next.value)?.name : undefined;
    } else {
      unigram = FUNCTION_WORDS.has(word) ? undefined : `${prefix}w:${word}`;
      stem = word.length > STEM_LENGTH && word.charCodeAt(0) !== 60 ? `${prefix}p:${word.slice(0, STEM_LENGTH)}` : undefined; // not a <class>
      bigram = next ? `${prefix}b:${word} ${next.value}` : undefined;
    }
    if (unigram !== undefined) add(unigram, token.start, token.end);
    if (stem !== undefined) add(stem, token.start, token.end);
    if (bigram !== undefined) add(bigram, token.start, next!.end);
  }
  return signals;
}

/** Text whose n-grams a rule hands to `score` to be weighed there, under `prefix` (default none). */
export interface NgramText {
  text: string;
  prefix?: string;
  /** Where `text` stands in the draft's text, or false when it is not in it (a subject line): its features then point nowhere. */
  offset?: number | false;
  /** Each n-gram counts 1, whatever the text's length (a subject line); otherwise values are scaled by length. */
  presence?: boolean;
  /**
   * Values are scaled down for a text longer than typical but never up for a shorter one: in a
   * message of a few words, one emoji or one word would otherwise weigh as much as a sales phrase.
   */
  shrinkOnly?: boolean;
}

/** What a rule reads in a draft: its own signals, and the texts whose n-grams the model weighs. */
export interface Features {
  signals: Signal[];
  ngrams: NgramText[];
}

/**
 * The features as signals alone, every n-gram made: what the weights were fitted on
 * (eval/judgment/train.mjs). `score(model, signals, ngrams)` gives the same score faster.
 */
export function allSignals({ signals, ngrams }: Features): Signal[] {
  return [...signals, ...ngrams.flatMap((part) => ngramSignals(part))];
}

/** A feature of the model with its weight; `seen` marks the last score that counted it. */
interface WeighedFeature {
  name: string;
  weight: number;
  seen: number;
}

/**
 * The n-grams a model weighs under one prefix, looked up by word in the weights as loaded; a
 * word's features are made the first time the word is met and kept (`entries`).
 */
export interface NgramIndex {
  prefix: string;
  weights: NgramTables;
  /** Stem features, one per stem: words that share a stem share the feature. */
  stems: Map<string, WeighedFeature>;
  /** What the index says of each word met so far, so that a word costs one lookup. */
  entries: Map<string, WordEntry>;
}

/** The n-grams a word starts that the model weighs: its unigram (never for a function word), its stem, its bigrams. */
interface WordEntry {
  unigram: WeighedFeature | undefined;
  stem: WeighedFeature | undefined;
  /** The bigrams the model weighs that the word begins, by their second word. */
  pairs: Map<string, WeighedFeature> | undefined;
}

// Distinct words kept per index; past it the entries start again (a run over many languages).
// Only between scores: a feature must stay the same object through one score (`seen`).
const MAX_ENTRIES = 50_000;

const NOTHING: WordEntry = { unigram: undefined, stem: undefined, pairs: undefined };

function entryOf(index: NgramIndex, word: string): WordEntry {
  let entry = index.entries.get(word);
  if (entry === undefined) {
    const { w, p, b } = index.weights;
    let stem: WeighedFeature | undefined;
    if (word.length > STEM_LENGTH && word.charCodeAt(0) !== 60) {
      // not a <class>
      const key = word.slice(0, STEM_LENGTH);
      stem = index.stems.get(key);
      if (stem === undefined) {
        const weight = p.get(key);
        if (weight !== undefined) index.stems.set(key, (stem = { name: `${index.prefix}p:${key}`, weight, seen: 0 }));
      }
    }
    const weight = FUNCTION_WORDS.has(word) ? undefined : w.get(word);
    const unigram = weight === undefined ? undefined : { name: `${index.prefix}w:${word}`, weight, seen: 0 };
    // A map of the second words: a common first word ("the", a number) has a hundred of them.
    const pairs = bigramsOf(b, word, index.prefix);
    // A word the model does not weigh is kept too, as NOTHING: most words of a draft are such
    // words, and one lookup of them is cheaper than the four in the weights (MAX_ENTRIES bounds
    // the map over a long run).
    if (unigram === undefined && stem === undefined && pairs === undefined) {
      index.entries.set(word, NOTHING);
      return NOTHING;
    }
    entry = { unigram, stem, pairs };
    index.entries.set(word, entry);
  }
  return entry;
}

/**
 * The features of the bigrams `first` begins, by second word; undefined when it begins none. Made
 * all at once (a few thousand over a run), so that a token's bigram costs one lookup, found or not.
 */
function bigramsOf(bigrams: WeightTable, first: string, prefix: string): Map<string, WeighedFeature> | undefined {
  const [from, to] = bigrams.startingWith(`${first} `);
  if (from === to) return undefined;
  const map = new Map<string, WeighedFeature>();
  for (let i = from; i < to; i++) {
    const name = bigrams.name(i);
    map.set(name.slice(first.length + 1), { name: `${prefix}b:${name}`, weight: bigrams.weight(i), seen: 0 });
  }
  return map;
}

/** The bigram feature of `word` then `next`, when the model weighs it. */

const ngramIndexes = new WeakMap<ScorerModel, Map<string, NgramIndex>>();

/** One prefix's n-gram weights, looked up by words. */
interface NgramTables {
  w: WeightTable;
  p: WeightTable;
  b: WeightTable;
}

/** A model's weights as the scorer looks them up: its signals by name, its n-grams' tables by prefix. */
interface ModelTables {
  signals: Readonly<Record<string, number>>;
  ngrams: Map<string, NgramTables>;
}

const tablesOf = new WeakMap<ScorerModel, ModelTables>();
const EMPTY = WeightTable.of([]);
const NO_NGRAMS: NgramTables = { w: EMPTY, p: EMPTY, b: EMPTY };

/** The model's tables: unpacked from the weights as shipped, or made once from a flat model's weights. */
function tables(model: ScorerModel): ModelTables {
  let made = tablesOf.get(model);
  if (made) return made;
  const ngrams = new Map<string, NgramTables>();
  if (model.nested) {
    for (const [prefix, group] of Object.entries(model.nested.ngrams)) ngrams.set(prefix, { w: WeightTable.unpack(group.w), p: WeightTable.unpack(group.p), b: WeightTable.unpack(group.b) });
    made = { signals: model.nested.signals, ngrams };
  } else {
    const grouped = groupWeights(model.weights);
    for (const [prefix, group] of grouped.ngrams) ngrams.set(prefix, { w: WeightTable.of(group.w), p: WeightTable.of(group.p), b: WeightTable.of(group.b) });
    made = { signals: grouped.signals, ngrams };
  }
  tablesOf.set(model, made);
  return made;
}

/** A model's weights, looked up by name in its tables (no Map of thousands of entries is made). */
function weightsOf(model: ScorerModel): { get(feature: string): number | undefined } {
  const { signals, ngrams } = tables(model);
  return {
    get(feature) {
      if (Object.hasOwn(signals, feature)) return signals[feature];
      const ngram = ngramName(feature);
      return ngram ? ngrams.get(ngram.prefix)?.[ngram.kind].get(ngram.rest) : undefined;
    },
  };
}

/**
 * The n-grams the model weighs under `prefix` (a rule may score text under its own prefix, as the
 * value rule does a subject line under "subject:"), one index per model and prefix. Scores are the
 * same with and without it (test/scorer.test.ts holds both paths to the same scores).
 */
export function ngramIndex(model: ScorerModel, prefix = ''): NgramIndex {
  let byPrefix = ngramIndexes.get(model);
  if (!byPrefix) ngramIndexes.set(model, (byPrefix = new Map()));
  let index = byPrefix.get(prefix);
  if (!index) {
    byPrefix.set(prefix, (index = { prefix, weights: tables(model).ngrams.get(prefix) ?? NO_NGRAMS, stems: new Map(), entries: new Map() }));
  }
  return index;
}

let scoring = 0;

/** What the weighed n-grams of `text` add to the logit, each counted once (`scoring` marks this score). */
function ngramLogit(part: NgramText, index: NgramIndex): number {
  const { tokens, value } = ngramTokens(part);
  let sum = 0;
  for (let i = 0; i < tokens.length; i++) {
    const entry = entryOf(index, tokens[i]!.value);
    const { unigram, stem } = entry;
    if (unigram !== undefined && unigram.seen !== scoring) {
      unigram.seen = scoring;
      sum += unigram.weight * value;
    }
    if (stem !== undefined && stem.seen !== scoring) {
      stem.seen = scoring;
      sum += stem.weight * value;
    }
    if (entry.pairs !== undefined && i + 1 < tokens.length) {
      const bigram = entry.pairs.get(tokens[i + 1]!.value);
      if (bigram !== undefined && bigram.seen !== scoring) {
        bigram.seen = scoring;
        sum += bigram.weight * value;
      }
    }
  }
  return sum;
}

/**
 * Combines signals into one value per feature: n-grams and most signals count once however often
 * they occur (presence), a signal with an explicit value keeps the largest value given.
 */
function collect(signals: readonly Signal[]): Map<string, { value: number; spans: { start: number; end: number }[] }> {
  const features = new Map<string, { value: number; spans: { start: number; end: number }[] }>();
  for (const signal of signals) {
    let entry = features.get(signal.feature);
    if (!entry) features.set(signal.feature, (entry = { value: 0, spans: [] }));
    entry.value = Math.max(entry.value, signal.value ?? 1);
    if (signal.start !== undefined && signal.end !== undefined) entry.spans.push({ start: signal.start, end: signal.end });
  }
  return features;
}

/** The feature values of a set of signals, for fitting a model (eval/judgment/train.mjs). */
export function featureValues(signals: readonly Signal[]): Map<string, number> {
  return new Map([...collect(signals)].map(([feature, { value }]) => [feature, value]));
}

/**
 * Scores a draft: `signals` are the rule's own features; the n-grams of each `ngrams` text are
 * weighed through the model's index (no feature is made for an n-gram the model does not weigh).
 * Passing every n-gram as signals instead (`ngramSignals` without an index) gives the same score.
 */
export function score(model: ScorerModel, signals: readonly Signal[], ngrams: readonly NgramText[] = []): Score {
  const weights = weightsOf(model);
  // A feature counts once (presence); every signal of one feature carries the same value. The
  // logit is summed in this one pass; contributions, with their spans, are made only when read
  // (a draft that is not reported never needs them).
  const seen = new Set<string>();
  let logit = model.bias;
  for (const signal of signals) {
    if (seen.has(signal.feature)) continue;
    const weight = weights.get(signal.feature);
    if (weight === undefined) continue;
    seen.add(signal.feature);
    logit += weight * (signal.value ?? 1);
  }
  scoring++;
  for (const part of ngrams) {
    const index = ngramIndex(model, part.prefix);
    if (index.entries.size >= MAX_ENTRIES) index.entries.clear();
  }
  for (const part of ngrams) logit += ngramLogit(part, ngramIndex(model, part.prefix));
  let contributions: Contribution[] | undefined;
  return {
    probability: 1 / (1 + Math.exp(-logit)),
    logit,
    get contributions() {
      if (contributions) return contributions;
      const all = [...signals, ...ngrams.flatMap((part) => ngramSignals(part, ngramIndex(model, part.prefix)))];
      return (contributions = contributionsOf(weights, all));
    },
    pulls: (direction) => (contributions ? pullsOf(contributions, direction) : pullsFrom(model, weights, signals, ngrams, direction)),
  };
}

/** The contributions that pull `direction`'s way and stand somewhere, each at its first span. */
function pullsOf(contributions: readonly Contribution[], direction: 1 | -1): Pull[] {
  return contributions.filter((c) => Math.sign(c.contribution) === direction && c.spans.length > 0).map((c) => ({ feature: c.feature, contribution: c.contribution, start: c.spans[0]!.start, end: c.spans[0]!.end }));
}

/** The same as `pullsOf(contributions)`, straight from the signals and the index, without the contributions. */
function pullsFrom(model: ScorerModel, weights: { get(feature: string): number | undefined }, signals: readonly Signal[], ngrams: readonly NgramText[], direction: 1 | -1): Pull[] {
  const pulls: Pull[] = [];
  const at = new Map<string, Pull | null>();
  for (const signal of signals) {
    const weight = weights.get(signal.feature);
    if (weight === undefined) continue;
    let pull = at.get(signal.feature);
    if (pull === undefined) {
      const contribution = weight * (signal.value ?? 1);
      at.set(signal.feature, (pull = Math.sign(contribution) === direction ? { feature: signal.feature, contribution, start: -1, end: -1 } : null));
    }
    if (pull && pull.start < 0 && signal.start !== undefined && signal.end !== undefined) {
      pull.start = signal.start;
      pull.end = signal.end;
      pulls.push(pull);
    }
  }
  scoring++;
  for (const part of ngrams) {
    if (part.offset === false) continue;
    const offset = part.offset ?? 0;
    const index = ngramIndex(model, part.prefix);
    const { tokens, value } = ngramTokens(part);
    const take = (feature: WeighedFeature | undefined, start: number, end: number) => {
      if (feature === undefined || feature.seen === scoring) return;
      feature.seen = scoring;
      const contribution = feature.weight * value;
      if (Math.sign(contribution) === direction) pulls.push({ feature: feature.name, contribution, start: start + offset, end: end + offset });
    };
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const entry = entryOf(index, token.value);
      take(entry.unigram, token.start, token.end);
      take(entry.stem, token.start, token.end);
      if (entry.pairs !== undefined && i + 1 < tokens.length) take(entry.pairs.get(tokens[i + 1]!.value), token.start, tokens[i + 1]!.end);
    }
  }
  return pulls;
}

function contributionsOf(weights: { get(feature: string): number | undefined }, signals: readonly Signal[]): Contribution[] {
  const entries = new Map<string, Contribution>();
  for (const signal of signals) {
    const weight = weights.get(signal.feature);
    if (weight === undefined) continue;
    let entry = entries.get(signal.feature);
    if (!entry) {
      const value = signal.value ?? 1;
      entries.set(signal.feature, (entry = { feature: signal.feature, value, weight, contribution: weight * value, spans: [] }));
    }
    if (signal.start !== undefined && signal.end !== undefined) entry.spans.push({ start: signal.start, end: signal.end });
  }
  return [...entries.values()].filter((entry) => entry.value !== 0);
}

/** Contributions sorted by what they added, either way, then by name: what --explain lists. */
export function strongestFirst(contributions: readonly Contribution[]): Contribution[] {
  return [...contributions].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || (a.feature < b.feature ? -1 : 1));
}

/** A score as --explain shows it: every weighed feature with the text behind it. */
export function explainScore(result: Score, threshold: number, text: string): { score: number; threshold: number; fires: boolean; signals: { feature: string; weight: number; value: number; contribution: number; text: string[] }[] } {
  return {
    score: Math.round(result.probability * 1000) / 1000,
    threshold,
    fires: result.probability >= threshold,
    signals: strongestFirst(result.contributions).map((c) => ({
      feature: c.feature,
      weight: c.weight,
      value: Math.round(c.value * 1000) / 1000,
      contribution: Math.round(c.contribution * 1000) / 1000,
      text: [...new Set(c.spans.map((span) => text.slice(span.start, span.end)))],
    })),
  };
}

/** A bigram of two function words ("and i"): it weighs, but shows a reader nothing. */
function functionWordsOnly(feature: string): boolean {
  if (!feature.startsWith('b:')) return false;
  const [first, second] = feature.slice(2).split(' ');
  return FUNCTION_WORDS.has(first!) && FUNCTION_WORDS.has(second!);
}

// How telling a feature's span is to a reader, by kind: a listed phrase or a signal points at
// words a writer can change; a bigram less so; a whole sentence (x:) or a single word least.
const TELLING: Record<string, number> = { f: 1, s: 1, b: 0.6, x: 0.5, w: 0.3, p: 0.2 };
const tellingOf = (feature: string) => TELLING[feature.slice(0, feature.indexOf(':'))] ?? 0.5;

/**
 * Whether a span can be shown as evidence: it holds a letter or digit outside merge fields, and an
 * n-gram's span holds no merge field at all (it would join words the writer did not put side by
 * side: "Hello {{first_name}}!" is read as "hello !").
 */
function showable(spanText: string, feature: string): boolean {
  if (!spanText.includes('{{')) return /[\p{L}\p{N}]/u.test(spanText);
  return !/^[wbp]:/.test(feature) && /[\p{L}\p{N}]/u.test(spanText.replace(/\{\{[^}]*\}\}/g, ''));
}

/**
 * The spans that argue most for (`direction` 1) or against (-1) firing, strongest first, merged
 * into the first where they overlap, at most `limit`. Spans are ranked by contribution and by how telling their
 * kind of feature is; merge fields are never evidence on their own, nor an n-gram across one.
 */
export function evidenceSpans(result: Score, direction: 1 | -1, limit: number, text?: string): { start: number; end: number; weight: number }[] {
  const ranked = result
    .pulls(direction)
    .filter((pull) => !functionWordsOnly(pull.feature))
    .map((pull) => ({ span: pull, weight: Math.abs(pull.contribution) * tellingOf(pull.feature), feature: pull.feature }))
    .filter(({ span, feature }) => !text || showable(text.slice(span.start, span.end), feature))
    .sort((a, b) => b.weight - a.weight || a.span.start - b.span.start || (a.feature < b.feature ? -1 : 1));
  const spans: { start: number; end: number; weight: number }[] = [];
  for (const { span, weight } of ranked) {
    // A span over one already taken adds to its weight and keeps its (more telling) bounds.
    const overlapping = spans.find((s) => span.start < s.end && s.start < span.end);
    if (overlapping) overlapping.weight += weight;
    else if (spans.length < limit) {
      spans.push({ start: span.start, end: span.end, weight });
    }
  }
  return spans.sort((a, b) => b.weight - a.weight);
}
