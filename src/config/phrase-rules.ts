/** Rules declared in config `phrases`, Vale-style: report listed words, optionally with a replacement. */
import { completeMeta } from '../rule-api/define-rule.js';
import { docsUrl } from '../package/docs-url.js';
import { normaliseLocale } from '../draft/metadata.js';
import { replaceableSpan } from '../engine/spans.js';
import { compilePhrases } from '../text/phrase-matcher.js';
import type { Audience, Platform, Rule, Severity, SeverityInput } from '../types.js';

export interface PhraseRuleConfig {
  id: string;
  match: string[];
  replace?: string;
  message: string;
  severity?: SeverityInput;
  platforms?: Platform[];
  kinds?: string[];
  audiences?: Audience[];
  locale?: string;
}

export function toSeverity(input: SeverityInput): Severity {
  if (input === 0) return 'off';
  if (input === 1) return 'warn';
  if (input === 2) return 'error';
  return input;
}

export function makePhraseRule(config: PhraseRuleConfig): Rule {
  const locale = config.locale ? normaliseLocale(config.locale) : undefined;
  const matcher = compilePhrases(config.match);
  return {
    meta: completeMeta({
      id: config.id,
      type: 'suggestion',
      description: config.message,
      platforms: config.platforms ?? [],
      ...(config.kinds ? { kinds: config.kinds } : {}),
      defaultSeverity: toSeverity(config.severity ?? 'warn'),
      fixable: config.replace !== undefined,
      readsLanguage: locale !== undefined,
      docsUrl: docsUrl('phrases'),
    }),
    create(context) {
      return {
        draft(draft) {
          if (locale && draft.locale !== locale) return;
          if (config.audiences && (!draft.audience || !config.audiences.includes(draft.audience))) return;
          for (const match of matcher(draft.text)) {
            const found = draft.text.slice(match.start, match.end);
            const message = config.replace !== undefined ? `${config.message} ("${found}" → "${config.replace}")` : `${config.message} ("${found}")`;
            // A fix is only safe where the match is spelled contiguously in the file.
            const span = config.replace !== undefined ? replaceableSpan(context.file, draft, match.start, match.end) : undefined;
            context.report({
              message,
              draft,
              start: match.start,
              end: match.end,
              ...(span ? { fix: { range: span, text: config.replace! } } : {}),
            });
          }
        },
      };
    },
  };
}
