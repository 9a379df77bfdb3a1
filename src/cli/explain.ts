/**
 * `--explain`: how the judgment rules weighed each draft of the files named, fired or not: the
 * score against the threshold, then the signals that weighed most with the text behind them.
 */
import { readFile } from 'node:fs/promises';
import { explainText, type DraftExplanation } from '../api/explain.js';
import type { Defaults, ResolvedConfig } from '../config/load.js';
import { decodeDraft } from '../run/lint-file.js';
import { findDraftFiles } from '../run/files.js';
import { escapeControl } from '../report/formatters/escape.js';
import { displayPath } from '../text/display-path.js';

/** Signals shown per rule in the text form; JSON gives them all. */
const SHOWN = 12;

export interface ExplainedFile {
  path: string;
  drafts: DraftExplanation[];
}

export async function explainFiles(paths: readonly string[], config: ResolvedConfig, options: { cwd: string; defaults: Defaults }): Promise<{ files: ExplainedFile[]; errors: string[] }> {
  const search = await findDraftFiles(paths, { cwd: options.cwd, config, useIgnore: true });
  const files: ExplainedFile[] = [];
  const errors = [...search.errors];
  for (const file of search.files) {
    const shown = displayPath(file, options.cwd);
    try {
      const text = decodeDraft(await readFile(file));
      files.push({ path: shown, drafts: await explainText(text, { filePath: shown, config, cwd: options.cwd, defaults: options.defaults }) });
    } catch (error) {
      errors.push(`${shown}: ${(error as Error).message}`);
    }
  }
  return { files, errors };
}

const signed = (n: number) => `${n >= 0 ? '+' : '-'}${Math.abs(n).toFixed(2)}`;

export function formatExplanations(files: readonly ExplainedFile[]): string {
  const lines: string[] = [];
  for (const file of files) {
    for (const draft of file.drafts) {
      const what = [draft.platform, draft.kind].filter(Boolean).join(' ') || 'no platform';
      lines.push(`${escapeControl(file.path)}, draft ${draft.draft + 1} (line ${draft.line}, ${what}, audience ${draft.audience ?? 'unknown'}, ${draft.locale})`);
      if (draft.rules.length === 0) lines.push('  no judgment rule looks at this draft');
      for (const rule of draft.rules) {
        if (rule.skipped) {
          lines.push(`  ${rule.ruleId}: not scored: ${rule.skipped}`);
          continue;
        }
        lines.push(`  ${rule.ruleId}: score ${rule.score.toFixed(2)}, reported from ${rule.threshold.toFixed(2)}: ${rule.fires ? 'reported' : 'not reported'}`);
        const width = Math.max(0, ...rule.signals.slice(0, SHOWN).map((s) => s.feature.length));
        for (const signal of rule.signals.slice(0, SHOWN)) {
          const text = signal.text.slice(0, 3).map((t) => `"${escapeControl(t.replace(/\s+/g, ' '))}"`).join(', ');
          lines.push(`    ${signed(signal.contribution)}  ${escapeControl(signal.feature).padEnd(width)}  ${text}`.trimEnd());
        }
        if (rule.signals.length > SHOWN) lines.push(`    … ${rule.signals.length - SHOWN} more (-f json lists them all)`);
      }
      lines.push('');
    }
  }
  return lines.length ? `${lines.join('\n')}` : 'No drafts to explain.\n';
}
