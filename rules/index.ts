/** The built-in rules, in the order `--list-rules` and the docs show them. */
import type { Rule } from '../src/rule-api/index.js';
import callToAction from './call-to-action.js';
import emptyDraft from './empty-draft.js';
import facebookMaxLength from './facebook/max-length.js';
import unsolicitedPitch from './facebook/unsolicited-pitch.js';
import invalidControlComment from './invalid-control-comment.js';
import invalidMetadata from './invalid-metadata.js';
import inmailSubject from './linkedin/inmail-subject.js';
import inmailToConnection from './linkedin/inmail-to-connection.js';
import inmailValueProposition from './linkedin/inmail-value-proposition.js';
import linkedinMaxLength from './linkedin/max-length.js';
import maxLinks from './max-links.js';
import noExcessivePunctuation from './no-excessive-punctuation.js';
import noShouting from './no-shouting.js';
import placeholderSyntax from './placeholder-syntax.js';
import platformRequired from './platform-required.js';
import twitterMaxLength from './twitter/max-length.js';
import twitterPersonalization from './twitter/personalization.js';
import recipientMustFollow from './twitter/recipient-must-follow.js';
import skippedDraft from './skipped-draft.js';

export const builtinRules: Rule[] = [
  platformRequired,
  invalidMetadata,
  emptyDraft,
  skippedDraft,
  placeholderSyntax,
  invalidControlComment,
  twitterMaxLength,
  recipientMustFollow,
  twitterPersonalization,
  facebookMaxLength,
  unsolicitedPitch,
  linkedinMaxLength,
  inmailSubject,
  inmailToConnection,
  inmailValueProposition,
  callToAction,
  noShouting,
  noExcessivePunctuation,
  maxLinks,
] as Rule[];
