/** The default report: problems grouped by file, aligned, then totals and the drafts seen. */
import { createColors } from 'picocolors';
import type { RunSummary } from '../summary.js';
import { escapeControl } from './escape.js';
import { wholeReport, type Formatter, type StreamingFormat } from './types.js';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function draftsLine(summary: RunSummary): string {
  const parts = [...summary.byPlatform].map(([label, count]) => `${label} ${count}`);
  return `${plural(summary.drafts, 'draft')} in ${plural(summary.files, 'file')}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

export function inmailLine(summary: RunSummary): string | undefined {
  if (summary.inmails === 0) return undefined;
  return `${plural(summary.inmails, 'InMail')} ≈ ${summary.inmailCostUsd} USD in credits (returned for each InMail answered within 90 days)`;
}

/** Each line of the report followed by a newline, so batches join into the whole report. */
const lines = (out: string[]) => (out.length ? `${out.join('\n')}\n` : '');

export const stream: StreamingFormat = ({ color }) => {
  const c = createColors(color);
  return {
    files(results) {
      const out: string[] = [];
      for (const result of results) {
        if (result.diagnostics.length === 0) continue;
        out.push(c.underline(escapeControl(result.path)));
        const rows = result.diagnostics.map((d) => ({
          place: `${d.line}:${d.column}`,
          severity: d.severity,
          message: escapeControl(d.message),
          rule: d.ruleId,
        }));
        const placeWidth = Math.max(...rows.map((r) => r.place.length));
        const messageWidth = Math.min(100, Math.max(...rows.map((r) => r.message.length)));
        for (const row of rows) {
          const severity = row.severity === 'error' ? c.red('error  ') : c.yellow('warning');
          out.push(`  ${c.dim(row.place.padEnd(placeWidth))}  ${severity}  ${row.message.padEnd(messageWidth)}  ${c.dim(row.rule)}`);
        }
        out.push('');
      }
      return lines(out);
    },
    end(summary) {
      const out: string[] = [];
      const problems = summary.errors + summary.warnings;
      if (problems > 0) {
        const line = `✖ ${plural(problems, 'problem')} (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')})`;
        out.push(summary.errors > 0 ? c.bold(c.red(line)) : c.bold(c.yellow(line)));
        if (summary.fixable > 0) out.push(c.dim(`  ${summary.fixable} potentially fixable with --fix`));
      } else {
        out.push(c.green('✔ No problems'));
      }
      out.push(c.dim(draftsLine(summary)));
      const inmails = inmailLine(summary);
      if (inmails) out.push(c.dim(inmails));
      return lines(out);
    },
  };
};

const stylish: Formatter = wholeReport(stream);

export default stylish;
