/**
 * The review report (`-f html`): one self-contained page for the people who approve a campaign.
 * A summary (drafts per platform, errors and warnings, InMail credits at stake), filters by
 * severity and rule, then every draft as the recipient will read it, flagged spans highlighted
 * and the problems beside them, grouped by campaign folder and platform. Nothing is fetched: the
 * styles and the one script are inline, and the page's Content-Security-Policy forbids the rest.
 *
 * Streamed like the other formats: each file's drafts become HTML as the file's result arrives,
 * kept as bytes by group until the end, when the summary (which needs the totals) goes first.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { docsUrl } from '../../package/docs-url.js';
import { packageVersion } from '../../package/info.js';
import { compareText } from '../../text/compare.js';
import type { FileResult, RuleMeta } from '../../types.js';
import { viewDrafts, type DraftView, type Piece, type ViewedProblem } from '../review/draft-view.js';
import { PAGE_SCRIPT } from '../review/page-script.js';
import { PAGE_STYLE } from '../review/page-style.js';
import { INMAIL_CREDIT_USD, type RunSummary } from '../summary.js';
import { wholeReport, type Formatter, type FormatterContext, type ReportWriter, type StreamingFormat } from './types.js';

export const needsSource = true;

const PLATFORM_NAMES: Record<string, string> = { twitter: 'Twitter / X', facebook: 'Facebook', linkedin: 'LinkedIn' };
const KIND_NAMES: Record<string, string> = { dm: 'DM', message: 'message', inmail: 'InMail', 'connection-note': 'connection note' };
const NO_PLATFORM = 'No platform';
/** A last folder named after a platform is a campaign's split by platform, not a campaign. */
const PLATFORM_FOLDER = /^(twitter|x|facebook|messenger|linkedin)$/i;

const number = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, word: string) => `${number(n)} ${word}${n === 1 ? '' : 's'}`;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);

// Characters that would be invisible or reorder what is shown: displayed as their code instead.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
const TEXT_TOKENS = /(\{\{[^{}\n]*\}\})|([\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff])/g;

/** Message text as HTML: merge fields as chips, invisible and direction characters shown by code. */
function textHtml(text: string): string {
  if (!text.includes('{{') && !CONTROL.test(text)) return escapeHtml(text);
  let out = '';
  let last = 0;
  for (const match of text.matchAll(TEXT_TOKENS)) {
    out += escapeHtml(text.slice(last, match.index));
    if (match[1]) out += `<span class="placeholder">${escapeHtml(match[1])}</span>`;
    else {
      const code = `U+${match[2]!.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      out += `<span class="control" title="invisible character ${code}">[${code}]</span>`;
    }
    last = match.index + match[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

function campaignFolder(reportPath: string): string {
  const parts = reportPath.split('/').slice(0, -1);
  if (parts.length > 1 && PLATFORM_FOLDER.test(parts[parts.length - 1]!)) parts.pop();
  return parts.length === 0 ? '(top folder)' : parts.join('/');
}

function platformName(platform: string | null | undefined): string {
  return platform ? (PLATFORM_NAMES[platform] ?? platform) : NO_PLATFORM;
}

function kindLabel(view: DraftView): string {
  const summary = view.summary;
  if (!summary?.platform) return NO_PLATFORM;
  return `${platformName(summary.platform)} ${summary.kind ? (KIND_NAMES[summary.kind] ?? summary.kind) : '(unknown kind)'}`;
}

interface Tally {
  drafts: number;
  flagged: number;
  errors: number;
  warnings: number;
}

const newTally = (): Tally => ({ drafts: 0, flagged: 0, errors: 0, warnings: 0 });

export const stream: StreamingFormat = (context) => htmlWriter(context);

function htmlWriter({ cwd, rules }: Omit<FormatterContext, 'summary'>): ReportWriter {
  /** Folder → platform → the drafts' HTML, as bytes outside the JavaScript heap. */
  const groups = new Map<string, Map<string, Buffer[]>>();
  const byKind = new Map<string, Tally>();
  const byFolder = new Map<string, Tally>();
  const byPlatform = new Map<string, Tally>();
  const byRule = new Map<string, { errors: number; warnings: number }>();
  let cards = 0;
  let flaggedInmails = 0;

  return {
    files(results) {
      for (const result of results) {
        const views = viewDrafts(result);
        const folder = campaignFolder(result.path);
        for (const view of views) {
          const id = `d${++cards}`;
          const platform = platformName(view.summary?.platform);
          const errors = view.problems.filter((p) => p.diagnostic.severity === 'error').length;
          const warnings = view.problems.length - errors;
          for (const tally of [get(byKind, kindLabel(view)), get(byFolder, folder), get(byPlatform, `${folder}\u0000${platform}`)]) {
            tally.drafts += view.summary ? 1 : 0;
            tally.flagged += view.problems.length > 0 ? 1 : 0;
            tally.errors += errors;
            tally.warnings += warnings;
          }
          if (view.summary?.platform === 'linkedin' && view.summary.kind === 'inmail' && view.problems.length > 0) flaggedInmails++;
          for (const { diagnostic } of view.problems) {
            const tally = byRule.get(diagnostic.ruleId) ?? { errors: 0, warnings: 0 };
            if (diagnostic.severity === 'error') tally.errors++;
            else tally.warnings++;
            byRule.set(diagnostic.ruleId, tally);
          }
          let platforms = groups.get(folder);
          if (!platforms) groups.set(folder, (platforms = new Map()));
          let chunks = platforms.get(platform);
          if (!chunks) platforms.set(platform, (chunks = []));
          chunks.push(Buffer.from(cardHtml(id, result, view, views.length, rules)));
        }
      }
      return '';
    },
    end(summary) {
      const head = pageHead(summary, cwd, byKind, byRule, flaggedInmails, rules);
      const folders = [...groups.keys()].sort(compareText);
      const nav = folderNav(folders, byFolder);
      const parts: (string | Buffer)[] = [head, nav, '<div id="drafts">\n'];
      if (folders.length === 0) parts.push('<p class="empty">No drafts were linted.</p>\n');
      for (const [f, folder] of folders.entries()) {
        const tally = byFolder.get(folder)!;
        parts.push(`<section class="folder" id="f${f}" aria-labelledby="f${f}-h">\n<h2 id="f${f}-h">${escapeHtml(folder)} <span class="sr-only">campaign folder</span></h2>\n<p class="meta">${plural(tally.drafts, 'draft')}: ${plural(tally.errors, 'error')}, ${plural(tally.warnings, 'warning')}</p>\n`);
        const platforms = groups.get(folder)!;
        for (const platform of [...platforms.keys()].sort(platformOrder)) {
          const count = byPlatform.get(`${folder}\u0000${platform}`)!;
          parts.push(`<section class="platform" aria-label="${escapeHtml(`${folder}: ${platform}`)}">\n<h3>${escapeHtml(platform)} · ${plural(count.drafts, 'draft')}</h3>\n`, ...platforms.get(platform)!, '</section>\n');
        }
        parts.push('</section>\n');
      }
      groups.clear();
      parts.push(pageFoot());
      return Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part))).toString('utf8');
    },
  };
}

const platformOrder = (a: string, b: string) => (a === NO_PLATFORM ? 1 : b === NO_PLATFORM ? -1 : compareText(a, b));

function get<K>(map: Map<K, Tally>, key: K): Tally {
  let tally = map.get(key);
  if (!tally) map.set(key, (tally = newTally()));
  return tally;
}

const PLACES: Record<ViewedProblem['place'], string> = { text: 'in the text', subject: 'on the subject line', draft: 'in the draft’s settings or as a whole', file: 'about the file' };

function cardHtml(id: string, result: FileResult, view: DraftView, draftsInFile: number, rules: ReadonlyMap<string, RuleMeta> | undefined): string {
  const summary = view.summary;
  const errors = view.problems.some((p) => p.diagnostic.severity === 'error');
  const classes = ['draft', errors ? 'has-error' : view.problems.length > 0 ? 'has-warning' : 'clean'].join(' ');
  const fileName = result.path.split('/').pop()!;
  const title = summary?.title ?? (draftsInFile > 1 && summary ? `Draft ${summary.index + 1} of ${fileName}` : fileName);
  const meta = [
    `${escapeHtml(result.path)}${summary ? `, line ${summary.line}` : ''}`,
    escapeHtml(kindLabel(view)),
    summary?.audience ? `audience: ${escapeHtml(summary.audience)}` : '',
    summary ? `language: ${escapeHtml(summary.locale)}` : '',
    summary ? plural(summary.length, 'character') : '',
  ].filter(Boolean);
  const problemIds = view.problems.map((_, k) => `${id}-p${k + 1}`);

  let message: string;
  if (!summary) message = '<p class="empty">This file has no draft.</p>';
  else if (!view.textKnown) message = '<p class="empty">The text is not in these results (lint with keepSource).</p>';
  else if (view.pieces.length === 0) message = '<p class="empty">No message text.</p>';
  else message = `<div class="text">${view.pieces.map((piece) => pieceHtml(piece, view, problemIds)).join('')}</div>`;
  if (view.subject !== undefined) {
    const flagged = view.subjectFlagged.length > 0;
    const subject = `<span class="sr-only">Subject: </span>${textHtml(view.subject)}`;
    message = `<p class="subject">${flagged ? `<mark class="${severityOf(view, view.subjectFlagged)}" data-for="${view.subjectFlagged.map((k) => problemIds[k]).join(' ')}">${subject}</mark>${refs(view.subjectFlagged, view, problemIds)}` : subject}</p>${message}`;
  }

  const problems =
    view.problems.length === 0
      ? '<p class="ok">No problems found</p>'
      : `<ol class="problems" aria-label="Problems">${view.problems.map((problem, k) => problemHtml(problem, problemIds[k]!, rules)).join('')}</ol>`;
  return (
    `<article class="${classes}" id="${id}" aria-labelledby="${id}-t">` +
    `<h4 id="${id}-t">${escapeHtml(title)}</h4>` +
    `<p class="meta">${meta.join(' · ')}</p>` +
    `<div class="columns"><blockquote class="message" lang="${escapeHtml(summary?.locale && summary.locale !== 'und' ? summary.locale : 'en')}" dir="auto"><span class="sr-only">Message as sent: </span>${message}</blockquote>` +
    `<div class="findings">${problems}</div></div></article>\n`
  );
}

function severityOf(view: DraftView, problems: readonly number[]): 'error' | 'warning' {
  return problems.some((k) => view.problems[k]!.diagnostic.severity === 'error') ? 'error' : 'warning';
}

function refs(problems: readonly number[], view: DraftView, ids: readonly string[]): string {
  return problems
    .map((k) => {
      const d = view.problems[k]!.diagnostic;
      const label = `Problem ${k + 1}, ${d.severity}: ${d.message}`;
      return `<sup class="ref" data-for="${ids[k]}"><a href="#${ids[k]}" aria-label="${escapeHtml(label)}">${k + 1}</a></sup>`;
    })
    .join('');
}

function pieceHtml(piece: Piece, view: DraftView, ids: readonly string[]): string {
  let html = textHtml(piece.text);
  if (piece.flagged.length > 0) html = `<mark class="${severityOf(view, piece.flagged)}" data-for="${piece.flagged.map((k) => ids[k]).join(' ')}">${html}</mark>`;
  if (piece.evidence.length > 0) html = `<span class="evidence-span" data-for="${piece.evidence.map((k) => ids[k]).join(' ')}">${html}</span>`;
  return html + refs(piece.ends, view, ids);
}

function problemHtml({ diagnostic: d, place }: ViewedProblem, id: string, rules: ReadonlyMap<string, RuleMeta> | undefined): string {
  const url = rules?.get(d.ruleId)?.docsUrl ?? docsUrl(d.ruleId);
  const details = [`<a class="rule" href="${escapeHtml(url)}">${escapeHtml(d.ruleId)}</a>`, `line ${d.line}, column ${d.column}`, PLACES[place]];
  let evidence = '';
  if (d.evidence && d.evidence.length > 0) {
    const quoted = d.evidence.map((e) => `“${textHtml(e.text)}”`).join(', ');
    evidence = `<span class="detail">Because of ${quoted}${d.score !== undefined ? ` (confidence ${Math.round(d.score * 100)}%)` : ''}</span>`;
  }
  const severity = d.severity === 'error' ? 'Error' : 'Warning';
  return `<li class="problem" id="${id}" data-rule="${escapeHtml(d.ruleId)}" data-severity="${d.severity}"><span class="sev ${d.severity}">${severity}</span>${textHtml(d.message)}<span class="detail">${details.join(' · ')}</span>${evidence}</li>`;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function pageHead(
  summary: RunSummary,
  cwd: string,
  byKind: Map<string, Tally>,
  byRule: Map<string, { errors: number; warnings: number }>,
  flaggedInmails: number,
  rules: ReadonlyMap<string, RuleMeta> | undefined,
): string {
  const title = `dmlint review: ${plural(summary.drafts, 'draft')}, ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}`;
  const policy = `default-src 'none'; style-src ${sha256(PAGE_STYLE)}; script-src ${sha256(PAGE_SCRIPT)}; img-src data:; base-uri 'none'; form-action 'none'`;
  const inmailTile =
    summary.inmails > 0
      ? `<li class="tile"><strong>${number(flaggedInmails * INMAIL_CREDIT_USD)} USD</strong><span>InMail credits at stake: ${plural(flaggedInmails, 'InMail')} with problems, of ${plural(summary.inmails, 'InMail')} (≈ ${number(summary.inmailCostUsd)} USD)</span></li>`
      : '';
  const kindRows = [...byKind.keys()]
    .sort(platformOrder)
    .map((label) => {
      const t = byKind.get(label)!;
      return `<tr><th scope="row">${escapeHtml(label)}</th><td class="n">${number(t.drafts)}</td><td class="n">${number(t.flagged)}</td><td class="n">${number(t.errors)}</td><td class="n">${number(t.warnings)}</td></tr>`;
    })
    .join('\n');
  const ruleChoices = [...byRule.keys()]
    .sort(compareText)
    .map((id) => {
      const t = byRule.get(id)!;
      const description = rules?.get(id)?.description;
      return `<label${description ? ` title="${escapeHtml(description)}"` : ''}><input type="checkbox" name="rule" value="${escapeHtml(id)}" checked> ${escapeHtml(id)} (${number(t.errors + t.warnings)})</label>`;
    })
    .join('\n');
  const where = path.basename(cwd) || cwd;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="generator" content="dmlint ${escapeHtml(packageVersion())}">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<a class="skip" href="#drafts">Skip to the drafts</a>
<header class="page">
<p>dmlint review report · ${escapeHtml(where)}</p>
<h1>${plural(summary.drafts, 'draft')} to review</h1>
<p>${plural(summary.files, 'file')} · ${summary.errors + summary.warnings === 0 ? 'no problems found' : `${plural(summary.errors, 'error')} and ${plural(summary.warnings, 'warning')}`}</p>
</header>
<main>
<section aria-labelledby="summary-h">
<h2 id="summary-h">Summary</h2>
<ul class="tiles">
<li class="tile"><strong>${number(summary.drafts)}</strong><span>${summary.drafts === 1 ? 'draft' : 'drafts'} in ${plural(summary.files, 'file')}</span></li>
<li class="tile error"><strong>${number(summary.errors)}</strong><span>${summary.errors === 1 ? 'error' : 'errors'}: must be fixed before sending</span></li>
<li class="tile warning"><strong>${number(summary.warnings)}</strong><span>${summary.warnings === 1 ? 'warning' : 'warnings'}: worth a second look</span></li>
${inmailTile}
</ul>
<div class="table-scroll" tabindex="0" role="region" aria-label="Drafts per platform">
<table>
<caption>Drafts per platform</caption>
<thead><tr><th scope="col">Platform</th><th scope="col" class="n">Drafts</th><th scope="col" class="n">With problems</th><th scope="col" class="n">Errors</th><th scope="col" class="n">Warnings</th></tr></thead>
<tbody>
${kindRows}
</tbody>
</table>
</div>
</section>
<form class="filters" id="filters" hidden aria-labelledby="filters-h">
<h2 id="filters-h">Filter the drafts</h2>
<fieldset><legend>Severity</legend><div class="choices">
<label><input type="checkbox" name="severity" value="error" checked> Errors (${number(summary.errors)})</label>
<label><input type="checkbox" name="severity" value="warning" checked> Warnings (${number(summary.warnings)})</label>
</div></fieldset>
<fieldset><legend>Rules</legend><div class="choices">
${ruleChoices || '<span class="empty">No rule found a problem.</span>'}
</div>
<p><button type="button" data-rules="all">All rules</button> <button type="button" data-rules="none">No rules</button></p></fieldset>
<fieldset><legend>Drafts</legend><div class="choices"><label><input type="checkbox" name="only"> Only drafts with problems</label></div></fieldset>
<p class="status" id="filter-status" role="status"></p>
</form>
`;
}

function folderNav(folders: readonly string[], byFolder: Map<string, Tally>): string {
  if (folders.length < 2) return '';
  const items = folders
    .map((folder, f) => {
      const t = byFolder.get(folder)!;
      return `<li><a href="#f${f}">${escapeHtml(folder)}</a> (${plural(t.drafts, 'draft')}, ${plural(t.errors + t.warnings, 'problem')})</li>`;
    })
    .join('\n');
  return `<nav class="folders" aria-label="Campaign folders"><details><summary>${plural(folders.length, 'campaign folder')}</summary><ul>\n${items}\n</ul></details></nav>\n`;
}

function pageFoot(): string {
  return `</div>
</main>
<footer><p>Written by dmlint ${escapeHtml(packageVersion())}. Errors break a platform's rules or the draft itself; warnings are judgment calls for a person to reread.</p></footer>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

const html: Formatter = wholeReport(stream);

export default html;
