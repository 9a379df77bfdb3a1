/**
 * Locales: which languages dmlint reads, and whether a `locale` value names a language at all.
 * A draft in another real language (`locale: de`) is linted, but the rules that read words skip
 * it; a value that names no language (`klingon`, `english`) is refused with a suggestion.
 */

/** The languages whose words dmlint's rules know. */
export const SUPPORTED_LANGUAGES: readonly string[] = ['en', 'fr'];

export function isSupportedLanguage(language: string): boolean {
  return SUPPORTED_LANGUAGES.includes(language);
}

export type LocaleReading = { language: string } | { problem: string; suggestion?: string };

let names: Intl.DisplayNames | undefined;
const readings = new Map<string, LocaleReading>();

/** The primary language of a BCP 47 tag ("fr-FR" → "fr"), or why the value is not one. */
export function readLocale(value: string): LocaleReading {
  let reading = readings.get(value);
  if (reading) return reading;
  reading = read(value);
  if (readings.size < 1000) readings.set(value, reading);
  return reading;
}

function read(value: string): LocaleReading {
  let language: string | undefined;
  try {
    language = Intl.getCanonicalLocales(value.trim())[0]?.split('-')[0]?.toLowerCase();
  } catch {
    language = undefined;
  }
  // Well-formed is not enough: "klingon" and "english" are well-formed tags of no language.
  if (language && (isSupportedLanguage(language) || languageName(language))) return { language };
  const suggestion = codeForName(value);
  return {
    ...(suggestion ? { suggestion } : {}),
    problem: suggestion
      ? `"${value}" is not a language code (did you mean "${suggestion}"?)`
      : `"${value}" is not a language code: use a BCP 47 tag such as en, fr or fr-FR`,
  };
}

function languageName(code: string): string | undefined {
  names ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  try {
    return names.of(code);
  } catch {
    return undefined;
  }
}

/**
 * "english" → "en", "Français" → "fr", "Deutsch" → "de": the two-letter code of a language's name,
 * in English, in French or in the language itself. Only on the way to an error message.
 */
function codeForName(value: string): string | undefined {
  const wanted = fold(value);
  const inEnglish = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  const inFrench = new Intl.DisplayNames(['fr'], { type: 'language', fallback: 'none' });
  for (let first = 97; first <= 122; first++) {
    for (let second = 97; second <= 122; second++) {
      const code = String.fromCharCode(first, second);
      const english = inEnglish.of(code);
      if (!english) continue;
      if (fold(english) === wanted || fold(inFrench.of(code) ?? '') === wanted) return code;
      try {
        if (fold(new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code) ?? '') === wanted) return code;
      } catch {
        // No data for that language's own name.
      }
    }
  }
  return undefined;
}

const fold = (text: string) => text.trim().normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
