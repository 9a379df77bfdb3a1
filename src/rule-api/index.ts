/**
 * The public rule API: everything a rule may use, built-in or from a plugin. Rules in rules/
 * import only this module (checked by `npm run check:imports`), so the engine, the parser and the
 * text helpers can change behind it without touching a rule.
 */
export { defineRule, completeMeta, NO_OPTIONS, type RuleDefinition, type RuleMetaInput } from './define-rule.js';
export { reportOverLength } from './length-limit.js';
export { docsUrl } from '../package/docs-url.js';
export { restOfLine } from '../draft/source.js';
export { replaceableSpan } from '../engine/spans.js';
export { fold, foldPhrase } from '../text/fold.js';
export { compilePhrases, type PhraseMatcher } from '../text/phrase-matcher.js';
export { loadWords, type Words, type WordsData } from './words.js';
export { loadModel, type ModelHeader } from './model.js';
export { findPlaceholders, PLACEHOLDER_NAME } from '../text/placeholders.js';
export { splitSentences } from '../text/sentences.js';
export { countCodePoints } from '../text/twitter-weight.js';
export { allSignals, evidenceSpans, explainScore, ngramIndex, ngramSignals, score, tokenize, type Contribution, type Features, type NgramIndex, type NgramText, type Pull, type Score, type ScorerModel, type Signal } from '../text/scorer.js';
export { extractUrls } from '../text/urls.js';
export { hasTwoCapitals } from '../text/capitals.js';
export { AUDIENCES, KINDS, PLATFORMS } from '../types.js';
export type * from '../types.js';
