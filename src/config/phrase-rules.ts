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

/** The replacement written as the match was: "Any questions" → "Anything to ask", "ASAP" → "SOON". */
function inCaseOf(found: string, replacement: string): string {
  const letters = found.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return replacement.toUpperCase();
  const first = found.match(/\p{L}/u)?.[0];
  if (first && first !== first.toLowerCase()) return replacement.replace(/\p{L}/u, (letter) => letter.toUpperCase());
  return replacement;
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
      // Its words are the user's, in any language; `locale` is a filter it applies itself.
      readsLanguage: false,
      docsUrl: docsUrl('phrases'),
    }),
    create(context) {
      return {
        draft(draft) {
          if (locale && draft.locale !== locale) return;
          if (config.audiences && (!draft.audience || !config.audiences.includes(draft.audience))) return;
          for (const match of matcher(draft.text)) {
            const found = draft.text.slice(match.start, match.end);
            const replacement = config.replace === undefined ? undefined : inCaseOf(found, config.replace);
            const message = replacement !== undefined ? `${config.message} ("${found}" → "${replacement}")` : `${config.message} ("${found}")`;
            // A fix is only safe where the match is spelled contiguously in the file.
            const span = config.replace !== undefined ? replaceableSpan(context.file, draft, match.start, match.end) : undefined;
            context.report({
              message,
              draft,
              start: match.start,
              end: match.end,
              ...(span ? { fix: { range: span, text: replacement! } } : {}),
            });
          }
        },
      };
    },
  };
}
