/**
 * The one notice a run gives about drafts in languages dmlint does not read (`locale: de`): the
 * rules that read words skip them (see the engine), and the run says so once, on stderr.
 */
import type { ResolvedConfig } from '../config/load.js';
import { isSupportedLanguage, SUPPORTED_LANGUAGES } from '../draft/locales.js';
import type { FileResult } from '../types.js';

export class LanguageNotice {
  private readonly drafts = new Map<string, number>();

  constructor(private readonly config: ResolvedConfig) {}

  add(result: FileResult): void {
    for (const draft of result.drafts) {
      if (!isSupportedLanguage(draft.locale)) this.drafts.set(draft.locale, (this.drafts.get(draft.locale) ?? 0) + 1);
    }
  }

  /** The notice, or undefined when every draft was in a language dmlint reads. */
  text(): string | undefined {
    if (this.drafts.size === 0) return undefined;
    const count = [...this.drafts.values()].reduce((sum, n) => sum + n, 0);
    const languages = [...this.drafts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([language, n]) => `${language} ${n}`).join(', ');
    const skipping = [...this.config.registry.values()]
      .filter((rule) => rule.meta.readsLanguage && this.config.rules[rule.meta.id]?.severity !== 'off' && this.config.rules[rule.meta.id] !== undefined)
      .map((rule) => rule.meta.id);
    const rules = skipping.length > 0 ? `; the rules that read words skipped ${count === 1 ? 'it' : 'them'} (${skipping.join(', ')})` : '';
    return `${count} draft${count === 1 ? ' is' : 's are'} in a language dmlint does not read (${languages}; it reads ${SUPPORTED_LANGUAGES.join(' and ')})${rules}`;
  }
}
