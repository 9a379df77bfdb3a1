// -f markdown for pull request comments and CI job summaries, and the html report's text as the
// library builds it (judgment evidence, hostile text), without a browser.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatters, lintFiles, loadConfig, summarise } from '../src/index.js';
import { ROOT, tempProject } from './helpers.js';

const BIN = path.join(ROOT, 'bin/dmlint.js');
const dmlint = (args: string[], cwd = ROOT) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const MIB = 1024 * 1024;

describe('-f markdown', () => {
  it('sums up the run as the JSON report does, with one table row per problem and the text it flags', () => {
    const markdown = dmlint(['fixtures', '-f', 'markdown']);
    expect(markdown.status).toBe(1);
    const json = JSON.parse(dmlint(['fixtures', '-f', 'json']).stdout);
    const { summary } = json;
    expect(markdown.stdout.split('\n')[0]).toBe(`## dmlint: ❌ ${summary.errors} errors, ${summary.warnings} warnings`);
    expect(markdown.stdout).toContain(`${summary.drafts} drafts in ${summary.files} files (`);
    const rows = markdown.stdout.split('\n').filter((line) => /^\| \d+:\d+ \|/.test(line));
    expect(rows.length).toBe(summary.errors + summary.warnings);
    expect(markdown.stdout).toContain('| 6:33 | 🔴 error | 191/140 characters — “');
    expect(markdown.stdout).toMatch(/<details( open)?><summary><code>fixtures\/twitter\/max-length\/invalid-long-en\.md<\/code>: 1 error<\/summary>/);
    // The per-rule table adds up to the totals.
    const ruleRows = markdown.stdout.split('\n').filter((line) => /^\| \[`[\w/-]+`\]\(https:/.test(line));
    const cells = ruleRows.map((line) => line.split('|').slice(2, 4).map((cell) => Number(cell.trim())));
    expect(cells.reduce((sum, [errors]) => sum + errors!, 0)).toBe(summary.errors);
    expect(cells.reduce((sum, [, warnings]) => sum + warnings!, 0)).toBe(summary.warnings);
  });

  it('keeps draft text from breaking the table, running HTML or notifying anyone', () => {
    const dir = tempProject({ 'a.md': '---\nplatform: facebook\naudience: cold\n---\nHi @octocat | <img src=x onerror=alert(1)> see #12: LIMITED | OFFER, BUY NOW!!\n' });
    const out = dmlint(['.', '-f', 'markdown'], dir).stdout;
    const rows = out.split('\n').filter((line) => /^\| \d+:\d+ \|/.test(line));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.replace(/\\\|/g, '').split('|').length).toBe(6);
    expect(out).not.toContain('<img');
    expect(out).not.toMatch(/@octocat/);
    expect(out).not.toMatch(/#12/);
  });

  it('stays within GitHub\'s 1 MiB step summary limit and says what it left out', () => {
    const files: Record<string, string> = {};
    const shout = Array.from({ length: 12 }, (_, i) => `ALPHA${'X'.repeat(i)} ZULU`).join(', ');
    for (let i = 0; i < 1500; i++) files[`campaign/draft-${String(i).padStart(4, '0')}.md`] = `---\nplatform: facebook\naudience: follower\n---\nHi {{first_name}}, ${shout}. Could we talk?\n`;
    const dir = tempProject(files);
    const json = JSON.parse(dmlint(['.', '-f', 'json'], dir).stdout);
    const total = json.summary.errors + json.summary.warnings;
    const out = dmlint(['.', '-f', 'markdown'], dir).stdout;
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(MIB);
    expect(Buffer.byteLength(out)).toBeGreaterThan(MIB - 64 * 1024);
    const shown = out.split('\n').filter((line) => /^\| \d+:\d+ \|/.test(line)).length;
    const note = /> (\d[\d,]*) more problems in (\d[\d,]*) more files are not shown: GitHub takes at most 1 MiB of Markdown per job summary/.exec(out);
    expect(note).not.toBeNull();
    expect(shown + Number(note![1]!.replace(/,/g, ''))).toBe(total);
    // Every section that was started is closed.
    expect(out.match(/<details/g)!.length).toBe(out.match(/<\/details>/g)!.length);
  }, 120_000);
});

describe('the html report from the library', () => {
  const source = '---\nplatform: facebook\naudience: cold\n---\nHello {{first_name}}! Our spring sale: buy now, 1 < 2 & 20% off\u202e.\n';
  const lintDraft = async (keepSource: boolean) => {
    const dir = tempProject({ 'campaigns/spring/facebook/fb.md': source });
    const run = await lintFiles(['.'], { cwd: dir, config: await loadConfig({ cwd: dir }), keepSource });
    const result = run.results[0]!;
    // What judgment rules add to a diagnostic: a score and the evidence behind it.
    const pitch = result.diagnostics.find((d) => d.ruleId === 'facebook/unsolicited-pitch')!;
    Object.assign(pitch, { message: `${pitch.message} </script><b>`, score: 0.873, evidence: [{ text: 'spring sale', line: 5, column: 27, endLine: 5, endColumn: 38 }] });
    return { dir, result };
  };

  it('highlights the span, underlines the evidence and says why, with draft text escaped', async () => {
    const { dir, result } = await lintDraft(true);
    const html = formatters.html([result], { cwd: dir, color: false, summary: summarise([result]) });
    expect(html).toMatch(/<mark class="warning" data-for="d1-p\d">buy now<\/mark>/);
    expect(html).toMatch(/<span class="evidence-span" data-for="d1-p\d">spring sale<\/span>/);
    expect(html).toContain('Because of “spring sale” (confidence 87%)');
    expect(html).toContain('1 &lt; 2 &amp; 20% off');
    expect(html).toContain('&lt;/script&gt;&lt;b&gt;');
    expect(html).toContain('<span class="control" title="invisible character U+202E">[U+202E]</span>');
    expect(html.match(/<script>/g)!.length).toBe(1);
    // A folder named after a platform is part of its campaign.
    expect(html).toContain('<h2 id="f0-h">campaigns/spring <span class="sr-only">campaign folder</span></h2>');
  });

  it('in markdown too: the flagged text and the evidence', async () => {
    const { dir, result } = await lintDraft(true);
    const markdown = formatters.markdown([result], { cwd: dir, color: false, summary: summarise([result]) });
    // The message names the flagged phrase already, so it is not quoted twice.
    expect(markdown).toContain('Reads as a sales pitch in an unsolicited Facebook message (audience: cold): "buy now", "20%", "sale". Say plainly what you offer, or keep the pitch for people who wrote first &lt;/script&gt;&lt;b&gt;<br>evidence: “spring sale”');
  });

  it('says so when the results do not carry the texts', async () => {
    const { dir, result } = await lintDraft(false);
    expect(result.source).toBeUndefined();
    const html = formatters.html([result], { cwd: dir, color: false, summary: summarise([result]) });
    expect(html).toContain('The text is not in these results (lint with keepSource).');
    expect(html).toContain('buy now');
  });
});
