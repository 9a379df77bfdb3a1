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
      // Its words are the user's, in any language; `locale` is a filter it applies itself.
      readsLanguage: false,
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
          const written = replacement === undefined ? [] : writtenForms(replacement).flatMap((form) => occurrences(draft.text, form));
          for (const match of matcher(draft.text)) {
            const found = draft.text.slice(match.start, match.end);
            const fitted = replacement === undefined ? undefined : inCaseOf(found, replacement);
            // Matching ignores case and accents; the replacement's own spelling is not a problem.
            if (found === fitted || written.some(([start, end]) => match.start >= start && match.end <= end)) continue;
            const message = fitted !== undefined ? `${config.message} ("${found}" → "${fitted}")` : `${config.message} ("${found}")`;
            // A fix is only safe where the match is spelled contiguously in the file.
            const span = fitted !== undefined ? replaceableSpan(context.file, draft, match.start, match.end) : undefined;
            context.report({
              message,
              draft,
              start: match.start,
              end: match.end,
              ...(span ? { fix: { range: span, text: fitted! } } : {}),
            });
          }
        },
      };
    },
  };
}

/** The spellings inCaseOf can give the replacement: as written, in capitals, capitalised. */
function writtenForms(replacement: string): string[] {
  return [...new Set([replacement, inCaseOf('AA', replacement), inCaseOf('A', replacement)])];
}

/** Where `needle` stands in `text`, exactly as spelled. */
function occurrences(text: string, needle: string): [number, number][] {
  const found: [number, number][] = [];
  if (needle.length === 0) return found;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) found.push([at, at + needle.length]);
  return found;
}
