/**
 * A judgment rule's model, in two files beside the rule: `<rule>.model.json` (what was fitted on
 * what, the bias, the threshold), imported with the rule, and `<rule>.weights.json` (the weights
 * grouped as `NestedWeights`: signals by name, n-grams by prefix, kind and words), read only when
 * the rule first scores a draft. A run over Twitter DMs never reads the
 * weights of the Facebook and LinkedIn scorers: parsing them is most of a scorer's load time.
 * The build copies the weights files beside the built rules and the bundle's chunks
 * (scripts/write-rule-data.mjs), so the same relative URL finds them from src, dist and bundle.
 */
import { readFileSync } from 'node:fs';
import { flattenWeights, type NestedWeights, type ScorerModel } from '../text/scorer.js';

export interface ModelHeader {
  about?: string;
  bias: number;
  threshold: number;
}

export function loadModel(header: ModelHeader, weightsFile: URL): ScorerModel {
  let nested: NestedWeights | undefined;
  let flat: Record<string, number> | undefined;
  return {
    ...header,
    get nested() {
      return (nested ??= JSON.parse(readFileSync(weightsFile, 'utf8')) as NestedWeights);
    },
    /** Flat, for tools that read every weight (training, --explain of every feature, tests). */
    get weights() {
      return (flat ??= flattenWeights(this.nested!));
    },
  };
}
