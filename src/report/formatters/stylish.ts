/** The default report: problems grouped by file, aligned, then totals and the drafts seen. */
import { createColors } from 'picocolors';
import type { RunSummary } from '../summary.js';
import { escapeControl } from './escape.js';
import { docsUrlOf, terminalLink } from './links.js';
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

export const stream: StreamingFormat = ({ color, hyperlinks, rules }) => {
  const c = createColors(color);
  const ruleLabel = (ruleId: string) => {
    const url = hyperlinks ? docsUrlOf(ruleId, rules) : undefined;
    const shown = c.dim(escapeControl(ruleId));
    return url ? terminalLink(shown, url) : shown;
  };
  return {
    files(results) {
      // Plain loops and one string: a warm --cache run formats 10,000 files with code V8 has
      // not optimised yet, where each intermediate array and object shows.
      let out = '';
      for (const result of results) {
        const diagnostics = result.diagnostics;
        if (diagnostics.length === 0) continue;
        const places: string[] = new Array(diagnostics.length);
        const messages: string[] = new Array(diagnostics.length);
        let placeWidth = 0;
        let messageWidth = 0;
        for (let i = 0; i < diagnostics.length; i++) {
          const d = diagnostics[i]!;
          places[i] = `${d.line}:${d.column}`;
          messages[i] = escapeControl(d.message);
          placeWidth = Math.max(placeWidth, places[i]!.length);
          messageWidth = Math.max(messageWidth, messages[i]!.length);
        }
        messageWidth = Math.min(100, messageWidth);
        out += `${c.underline(escapeControl(result.path))}\n`;
        for (let i = 0; i < diagnostics.length; i++) {
          const d = diagnostics[i]!;
          const severity = d.severity === 'error' ? c.red('error  ') : c.yellow('warning');
          out += `  ${c.dim(places[i]!.padEnd(placeWidth))}  ${severity}  ${messages[i]!.padEnd(messageWidth)}  ${ruleLabel(d.ruleId)}\n`;
        }
        out += '\n';
      }
      return out;
    },
    end(summary) {
      const out: string[] = [];
      const problems = summary.errors + summary.warnings;
      if (problems > 0) {
        const line = `✖ ${plural(problems, 'problem')} (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')})`;
        out.push(summary.errors > 0 ? c.bold(c.red(line)) : c.bold(c.yellow(line)));
        if (summary.fixable > 0) out.push(c.dim(`  ${summary.fixable} potentially fixable with --fix`));
      } else {
        out.push(c.green(summary.hiddenWarnings ? '✔ No errors' : '✔ No problems'));
      }
      if (summary.hiddenWarnings) out.push(c.dim(`  ${plural(summary.hiddenWarnings, 'warning')} not shown (--quiet)`));
      out.push(c.dim(draftsLine(summary)));
      const inmails = inmailLine(summary);
      if (inmails) out.push(c.dim(inmails));
      return lines(out);
    },
  };
};

const stylish: Formatter = wholeReport(stream);

export default stylish;
