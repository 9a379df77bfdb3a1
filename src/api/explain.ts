/** `--explain` for the library: how each judgment rule weighs each draft of a text, fired or not. */
import path from 'node:path';
import { parseDraftFile } from '../draft/parse.js';
import { positionAt } from '../draft/source.js';
import { appliesTo } from '../engine/lint.js';
import { setupFor } from '../run/lint-file.js';
import type { Explanation } from '../types.js';
import { loadConfig } from './config.js';
import type { LintTextOptions } from './lint.js';

export interface DraftExplanation {
  /** The draft's index in its file, and the line it starts on. */
  draft: number;
  line: number;
  platform: string | null;
  kind: string | null;
  audience: string | null;
  locale: string;
  /** One entry per judgment rule that is on and looks at this draft. */
  rules: ({ ruleId: string } & Explanation)[];
}

export async function explainText(text: string, options: LintTextOptions = {}): Promise<DraftExplanation[]> {
  const cwd = options.cwd ?? process.cwd();
  const config = options.config ?? (await loadConfig({ cwd }));
  const shown = options.filePath ?? '<text>';
  const setup = setupFor(config, path.resolve(cwd, options.filePath ?? '<text>.md'), options.defaults);
  const file = parseDraftFile(shown, text, { defaults: setup.defaults });
  return file.drafts.map((draft) => {
    const rules: DraftExplanation['rules'] = [];
    for (const [ruleId, rule] of setup.rules) {
      const setting = setup.ruleSettings[ruleId];
      if (!rule.explain || !setting || setting.severity === 'off' || !appliesTo(rule, draft)) continue;
      rules.push({ ruleId, ...rule.explain(draft, { ...rule.meta.defaultOptions, ...setting.options }) });
    }
    return {
      draft: draft.index,
      line: positionAt(file.lineStarts, draft.range.start).line,
      platform: draft.platform ?? null,
      kind: draft.kind ?? null,
      audience: draft.audience ?? null,
      locale: draft.locale,
      rules,
    };
  });
}
