/**
 * GitHub-flavoured Markdown, for a pull request comment or a CI job summary
 * (`>> $GITHUB_STEP_SUMMARY`): the totals and a table per rule first, then each file with
 * problems in a collapsed section, each problem with the text it flags. GitHub takes at most
 * 1 MiB per step summary, so the report stops before that and says what it left out.
 */
import { docsUrl } from '../../package/docs-url.js';
import type { Diagnostic, FileResult } from '../../types.js';
import type { RunSummary } from '../summary.js';
import { draftsLine, inmailLine } from './stylish.js';
import type { FormatterContext, ReportWriter, StreamingFormat } from './types.js';
import { wholeReport, type Formatter } from './types.js';

export const needsSource = true;

/** GitHub's limit for one step's job summary. */
export const MARKDOWN_LIMIT_BYTES = 1024 * 1024;
/** Room kept for the head and the closing note, which are written last. */
const HEAD_ROOM = 32 * 1024;
/** Up to this many files, their sections start open. */
const OPEN_FILES = 10;
const EXCERPT = 60;

const plural = (count: number, word: string) => `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;

/**
 * Text from drafts, safe in a table cell: no HTML, no line breaks, no pipes, no Markdown markup,
 * and no @mention or #reference that would notify someone or link an issue.
 */
export function escapeCell(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1')
    // A zero-width space keeps "@name" and "#12" from mentioning someone or linking an issue.
    .replace(/([@#])/g, '$1\u200b');
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function excerpt(source: string | undefined, d: Diagnostic): string | undefined {
  if (source === undefined || d.endOffset <= d.offset) return undefined;
  const text = source.slice(d.offset, Math.min(d.endOffset, d.offset + EXCERPT * 4)).replace(/\s+/g, ' ').trim();
  if (text === '') return undefined;
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text;
}

interface Judged {
  evidence?: { text: string }[];
}

function problemCell(source: string | undefined, d: Diagnostic & Judged): string {
  let cell = escapeCell(d.message);
  const flagged = excerpt(source, d);
  if (flagged !== undefined && !d.message.includes(flagged)) cell += ` — “${escapeCell(flagged)}”`;
  if (d.evidence && d.evidence.length > 0) cell += `<br>evidence: ${d.evidence.map((e) => `“${escapeCell(e.text)}”`).join(', ')}`;
  return cell;
}

function fileSection(result: FileResult, ruleUrl: (id: string) => string, open: boolean): string {
  const counts = [result.errorCount > 0 ? plural(result.errorCount, 'error') : '', result.warningCount > 0 ? plural(result.warningCount, 'warning') : ''].filter(Boolean).join(', ');
  const rows = result.diagnostics.map((d) => {
    const severity = d.severity === 'error' ? '🔴 error' : '🟡 warning';
    return `| ${d.line}:${d.column} | ${severity} | ${problemCell(result.source, d)} | [\`${d.ruleId}\`](${ruleUrl(d.ruleId)}) |`;
  });
  return [
    `<details${open ? ' open' : ''}><summary><code>${escapeHtml(result.path)}</code>: ${counts}</summary>`,
    '',
    '| where | severity | problem | rule |',
    '| ---: | --- | --- | --- |',
    ...rows,
    '',
    '</details>',
    '',
    '',
  ].join('\n');
}

export const stream: StreamingFormat = (context) => markdownWriter(context);

function markdownWriter({ rules }: Omit<FormatterContext, 'summary'>): ReportWriter {
  const sections: string[] = [];
  let bytes = 0;
  let omittedFiles = 0;
  let omittedProblems = 0;
  let filesWithProblems = 0;
  const byRule = new Map<string, { errors: number; warnings: number }>();
  const ruleUrl = (id: string) => rules?.get(id)?.docsUrl ?? docsUrl(id);

  return {
    files(results) {
      for (const result of results) {
        if (result.diagnostics.length === 0) continue;
        filesWithProblems++;
        for (const d of result.diagnostics) {
          const tally = byRule.get(d.ruleId) ?? { errors: 0, warnings: 0 };
          if (d.severity === 'error') tally.errors++;
          else tally.warnings++;
          byRule.set(d.ruleId, tally);
        }
        if (omittedFiles === 0) {
          const section = fileSection(result, ruleUrl, filesWithProblems <= OPEN_FILES);
          const size = Buffer.byteLength(section);
          if (bytes + size <= MARKDOWN_LIMIT_BYTES - HEAD_ROOM) {
            sections.push(section);
            bytes += size;
            continue;
          }
        }
        omittedFiles++;
        omittedProblems += result.diagnostics.length;
      }
      return '';
    },
    end(summary) {
      const head = headOf(summary, byRule, ruleUrl);
      let note = '';
      const noteFor = () =>
        omittedFiles > 0
          ? `> [!NOTE]\n> ${plural(omittedProblems, 'more problem')} in ${plural(omittedFiles, 'more file')} are not shown: GitHub takes at most 1 MiB of Markdown per job summary. \`dmlint -f html -o dmlint-report.html\` writes the whole report.\n`
          : '';
      note = noteFor();
      // Should the head be larger than the room kept for it, sections give way from the end.
      while (sections.length > 0 && Buffer.byteLength(head) + bytes + Buffer.byteLength(note) > MARKDOWN_LIMIT_BYTES) {
        const dropped = sections.pop()!;
        bytes -= Buffer.byteLength(dropped);
        omittedFiles++;
        omittedProblems += (dropped.match(/^\| \d+:\d+ \|/gm) ?? []).length;
        note = noteFor();
      }
      return head + sections.join('') + note;
    },
  };
}

function headOf(summary: RunSummary, byRule: Map<string, { errors: number; warnings: number }>, ruleUrl: (id: string) => string): string {
  const problems = summary.errors + summary.warnings;
  const status =
    problems === 0 ? '✅ no problems' : `${summary.errors > 0 ? '❌' : '⚠️'} ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}`;
  const lines = [`## dmlint: ${status}`, '', `${draftsLine(summary)}.`];
  const inmails = inmailLine(summary);
  if (inmails) lines.push('', `${inmails}.`);
  if (summary.fixable > 0) lines.push('', `${plural(summary.fixable, 'problem')} can be fixed with \`dmlint --fix\`.`);
  lines.push('');
  if (byRule.size > 0) {
    lines.push('| rule | errors | warnings |', '| --- | ---: | ---: |');
    const ordered = [...byRule].sort(([a, x], [b, y]) => y.errors + y.warnings - (x.errors + x.warnings) || (a < b ? -1 : 1));
    for (const [id, tally] of ordered) lines.push(`| [\`${id}\`](${ruleUrl(id)}) | ${tally.errors} | ${tally.warnings} |`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

const markdown: Formatter = wholeReport(stream);

export default markdown;
