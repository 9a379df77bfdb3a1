/**
 * Linear scorers, the machinery of dmlint's judgment rules. A draft becomes features: the
 * signals a rule computes (word families found, counts, shapes) and the word n-grams of its text;
 * a logistic model whose weights were fitted on labelled drafts (eval/judgment/train.mjs) adds
 * them up. The features that weighed most, with the spans of text behind them, are the evidence
 * a diagnostic shows. Pure and deterministic: the same text, signals and model give the same score.
 */
import { fold } from './fold.js';

/** A fitted model, as shipped in a rule's `.model.json`. */
export interface ScorerModel {
  /** Which rule the weights were fitted for, and on what (free text, for people). */
  about?: string;
  bias: number;
  /** Probability from which the rule fires, chosen on validation data. */
  threshold: number;
  /** Feature name → weight. Names: `w:word`, `b:word word` (folded text), or a rule's own signals. */
  weights: Readonly<Record<string, number>>;
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

export interface Score {
  /** The model's probability that the rule should fire, 0 to 1. */
  probability: number;
  logit: number;
  /** Every feature with a weight, strongest first (by absolute contribution). */
  contributions: Contribution[];
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

function tokenClass(raw: string): string {
  const first = raw.charCodeAt(0);
  if (raw.startsWith('{{')) return '<field>';
  if (raw.startsWith('http') || raw.startsWith('www.')) return '<url>';
  if (raw.endsWith('%')) return '<pct>';
  if (/[$€£]|euro|dollar|eur$|usd$/.test(raw)) return '<money>';
  if (first >= 48 && first <= 57) return '<num>';
  if (raw === '!' || raw === '?') return raw;
  if (/^\p{Extended_Pictographic}$/u.test(raw)) return '<emoji>';
  return raw;
}

/** The tokens of `text`, in folded form, with their spans in `text`. */
export function tokenize(text: string): Token[] {
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

/**
 * The word n-gram features of a text (unigrams, stems and bigrams), each with its spans. Merge
 * fields are left out: whether a draft uses {{first_name}} says how it is sent, not what it says.
 */
export function ngramSignals(text: string, offset = 0): Signal[] {
  const tokens = tokenize(text).filter((token) => token.value !== '<field>');
  const value = 1 / Math.sqrt(Math.max(1, tokens.length) / TYPICAL_WORDS);
  const signals: Signal[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!FUNCTION_WORDS.has(token.value)) signals.push({ feature: `w:${token.value}`, value, start: token.start + offset, end: token.end + offset });
    if (token.value.length > STEM_LENGTH && !token.value.startsWith('<')) {
      signals.push({ feature: `p:${token.value.slice(0, STEM_LENGTH)}`, value, start: token.start + offset, end: token.end + offset });
    }
    const next = tokens[i + 1];
    if (next) signals.push({ feature: `b:${token.value} ${next.value}`, value, start: token.start + offset, end: next.end + offset });
  }
  return signals;
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

export function score(model: ScorerModel, signals: readonly Signal[]): Score {
  let logit = model.bias;
  const contributions: Contribution[] = [];
  for (const [feature, { value, spans }] of collect(signals)) {
    const weight = model.weights[feature];
    if (weight === undefined || value === 0) continue;
    logit += weight * value;
    contributions.push({ feature, value, weight, contribution: weight * value, spans });
  }
  contributions.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || (a.feature < b.feature ? -1 : 1));
  return { probability: 1 / (1 + Math.exp(-logit)), logit, contributions };
}

/** A score as --explain shows it: every weighed feature with the text behind it. */
export function explainScore(result: Score, threshold: number, text: string): { score: number; threshold: number; fires: boolean; signals: { feature: string; weight: number; value: number; contribution: number; text: string[] }[] } {
  return {
    score: Math.round(result.probability * 1000) / 1000,
    threshold,
    fires: result.probability >= threshold,
    signals: result.contributions.map((c) => ({
      feature: c.feature,
      weight: c.weight,
      value: Math.round(c.value * 1000) / 1000,
      contribution: Math.round(c.contribution * 1000) / 1000,
      text: [...new Set(c.spans.map((span) => text.slice(span.start, span.end)))],
    })),
  };
}

// How telling a feature's span is to a reader, by kind: a listed phrase or a signal points at
// words a writer can change; a bigram less so; a whole sentence (x:) or a single word least.
const TELLING: Record<string, number> = { f: 1, s: 1, b: 0.6, x: 0.5, w: 0.3, p: 0.2 };
const tellingOf = (feature: string) => TELLING[feature.slice(0, feature.indexOf(':'))] ?? 0.5;

/**
 * The spans that argue most for (`direction` 1) or against (-1) firing, strongest first, merged
 * into the first where they overlap, at most `limit`. Spans are ranked by contribution and by how telling their
 * kind of feature is; merge fields are never evidence on their own.
 */
export function evidenceSpans(result: Score, direction: 1 | -1, limit: number, text?: string): { start: number; end: number; weight: number }[] {
  const ranked = result.contributions
    .filter((c) => Math.sign(c.contribution) === direction && c.spans.length > 0 && !/^[wbp]:.*<field>/.test(c.feature))
    .map((c) => ({ span: c.spans[0]!, weight: Math.abs(c.contribution) * tellingOf(c.feature) }))
    .filter(({ span }) => !text || /[\p{L}\p{N}]/u.test(text.slice(span.start, span.end).replace(/\{\{[^}]*\}\}/g, '')))
    .sort((a, b) => b.weight - a.weight || a.span.start - b.span.start);
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
