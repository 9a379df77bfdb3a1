/** The built-in rules, in the order `--list-rules` and the docs show them. */
import type { Rule } from '../src/types.js';
import emptyDraft from './empty-draft.js';
import unsolicitedPitch from './facebook/unsolicited-pitch.js';
import invalidControlComment from './invalid-control-comment.js';
import invalidMetadata from './invalid-metadata.js';
import inmailValueProposition from './linkedin/inmail-value-proposition.js';
import placeholderSyntax from './placeholder-syntax.js';
import platformRequired from './platform-required.js';
import twitterMaxLength from './twitter/max-length.js';

export const builtinRules: Rule[] = [
  platformRequired,
  invalidMetadata,
  emptyDraft,
  placeholderSyntax,
  invalidControlComment,
  twitterMaxLength,
  unsolicitedPitch,
  inmailValueProposition,
];
