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
  // Kept in NFC, as the engine keeps every replacement.
  const replacement = config.replace?.normalize('NFC');
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
          // Where the draft already says the replacement, what it contains is what was asked for: so a
          // replacement that holds its own phrase ("Twitter" -> "X (formerly Twitter)") or differs
          // only in case is applied once, and a second --fix changes nothing.
          const written = replacement === undefined ? [] : occurrences(draft.text, replacement);
          for (const match of matcher(draft.text)) {
            const found = draft.text.slice(match.start, match.end);
            // Matching ignores case and accents; the replacement's own spelling is not a problem.
            if (found === replacement || written.some(([start, end]) => match.start >= start && match.end <= end)) continue;
            const message = replacement !== undefined ? `${config.message} ("${found}" → "${replacement}")` : `${config.message} ("${found}")`;
            // A fix is only safe where the match is spelled contiguously in the file.
            const span = replacement !== undefined ? replaceableSpan(context.file, draft, match.start, match.end) : undefined;
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

/** Where `needle` stands in `text`, exactly as spelled. */
function occurrences(text: string, needle: string): [number, number][] {
  const found: [number, number][] = [];
  if (needle.length === 0) return found;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) found.push([at, at + needle.length]);
  return found;
}
