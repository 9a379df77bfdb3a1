// The review report (-f html) as its readers see it: rendered by a real headless Chromium, checked
// for what is on the page, the filters at work, no request beyond the file itself, accessibility
// (axe-core) and a phone-sized screen.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const CHROMIUM = process.env.DMLINT_CHROMIUM ?? '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
const BIN = path.join(ROOT, 'bin/dmlint.js');
const require = createRequire(import.meta.url);

interface JsonDiagnostic {
  ruleId: string;
  severity: 'error' | 'warning';
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  draft: number | null;
}
interface JsonFile {
  path: string;
  drafts: { index: number; platform: string | null; kind: string | null }[];
  diagnostics: JsonDiagnostic[];
}

/** Launches Debian's Chromium as the report's readers' browsers would run it: no profile, no network services. */
export async function launchChromium(viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'dmlint-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

describe.skipIf(!present)('the html review report in Chromium', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dmlint-html-'));
  const reportFile = path.join(dir, 'report.html');
  let json: { files: JsonFile[]; summary: { drafts: number; errors: number; warnings: number; files: number } };
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    const run = spawnSync(process.execPath, [BIN, 'fixtures', '-f', 'html', '-o', reportFile], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(1);
    json = JSON.parse(spawnSync(process.execPath, [BIN, 'fixtures', '-f', 'json'], { cwd: ROOT, encoding: 'utf8' }).stdout);
    context = await launchChromium();
    page = await context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(pathToFileURL(reportFile).href, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
  });

  it('loads nothing but itself, and its script runs under its own Content-Security-Policy', async () => {
    expect(requests).toEqual([pathToFileURL(reportFile).href]);
    expect(problems).toEqual([]);
    expect(await page.locator('#filters').isVisible()).toBe(true);
  });

  it('sums up the run as the JSON report counts it', async () => {
    const { summary } = json;
    expect(await page.locator('h1').textContent()).toBe(`${summary.drafts} drafts to review`);
    expect(await page.locator('.tile.error strong').textContent()).toBe(String(summary.errors));
    expect(await page.locator('.tile.warning strong').textContent()).toBe(String(summary.warnings));
    const inmails = json.files.flatMap((f) => f.drafts.filter((d) => d.platform === 'linkedin' && d.kind === 'inmail').map((d) => ({ file: f, d })));
    const flagged = inmails.filter(({ file, d }) => file.diagnostics.some((x) => x.draft === d.index || (x.draft === null && file.drafts[0]?.index === d.index))).length;
    expect(await page.locator('.tile').nth(3).textContent()).toContain(`${flagged * 10} USD`);
    expect(await page.locator('.tile').nth(3).textContent()).toContain(`${flagged} InMails with problems, of ${inmails.length} InMails`);
    // One row per platform and kind; the columns add up to the totals.
    const rows = await page.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent))));
    expect(rows.reduce((sum, row) => sum + row[0]!, 0)).toBe(summary.drafts);
    expect(rows.reduce((sum, row) => sum + row[2]!, 0)).toBe(summary.errors);
    expect(rows.reduce((sum, row) => sum + row[3]!, 0)).toBe(summary.warnings);
    expect(await page.locator('article.draft').count()).toBe(summary.drafts + json.files.filter((f) => f.drafts.length === 0).length);
    expect(await page.locator('li.problem').count()).toBe(summary.errors + summary.warnings);
  });

  it('shows each draft as sent, with the flagged spans highlighted and the problems beside them', async () => {
    const file = 'fixtures/facebook/unsolicited-pitch/invalid-en.md';
    const lines = readFileSync(path.join(ROOT, file), 'utf8').split('\n');
    const starts = lines.map((_, i) => lines.slice(0, i).join('\n').length + (i > 0 ? 1 : 0));
    const source = lines.join('\n');
    // What each diagnostic flags in the file, as the recipient reads it: Markdown emphasis gone, one space between words.
    const flagged = json.files
      .find((f) => f.path === file)!
      .diagnostics.map((d) => source.slice(starts[d.line - 1]! + d.column - 1, starts[d.endLine - 1]! + d.endColumn - 1).replace(/\*\*/g, '').replace(/\s+/g, ' '));
    // The pitch scorer gives one warning per draft, at its strongest evidence, and names the rest.
    expect(flagged).toEqual(['limited time offer']);
    const card = page.locator('article.draft', { hasText: file });
    expect((await card.locator('mark').allTextContents()).map((text) => text.replace(/\s+/g, ' '))).toEqual(flagged);
    expect(await card.locator('mark.warning').count()).toBe(1);
    // Each piece of evidence is underlined where it stands, tied to the same problem.
    expect((await card.locator('.evidence-span[data-for]').allTextContents()).map((text) => text.replace(/\s+/g, ' '))).toEqual(['limited time offer', 'buy now', 'promo code']);
    // The message reads as the recipient gets it: no frontmatter, no Markdown.
    const message = (await card.locator('blockquote.message').textContent())!;
    expect(message).not.toContain('platform:');
    expect(await card.locator('li.problem').count()).toBe(1);
    expect(await card.locator('li.problem').first().textContent()).toContain('Reads as a sales pitch in an unsolicited Facebook message (audience: cold): "limited time offer", "buy now", "promo code"');
    // Each highlight is followed by a link to its problem, labelled for screen readers.
    const reference = card.locator('sup.ref a').first();
    expect(await reference.getAttribute('aria-label')).toMatch(/^Problem 1, warning: Reads as a sales pitch in an unsolicited Facebook message/);
    expect(await reference.getAttribute('href')).toBe(`#${await card.locator('li.problem').first().getAttribute('id')}`);
    // An InMail shows its subject line.
    expect(await page.locator('article.draft .subject').count()).toBeGreaterThan(0);
  });

  it('groups drafts by campaign folder, then platform', async () => {
    const folders = await page.locator('section.folder > h2').allTextContents();
    expect(folders).toContain('fixtures/facebook/unsolicited-pitch campaign folder');
    const platforms = await page.locator('section.folder', { hasText: 'fixtures/invalid-metadata' }).locator('section.platform > h3').allTextContents();
    expect(platforms.length).toBeGreaterThan(1);
    expect(platforms.at(-1)).toMatch(/^No platform/);
  });

  it('filters by severity and by rule, and says what it shows', async () => {
    const { summary } = json;
    const status = page.locator('#filter-status');
    expect(await status.textContent()).toBe(`Showing ${summary.drafts + json.files.filter((f) => f.drafts.length === 0).length} drafts of ${await page.locator('article.draft').count()}: ${summary.errors} errors, ${summary.warnings} warnings`);

    await page.getByRole('checkbox', { name: /Warnings/ }).uncheck();
    expect(await status.textContent()).toMatch(new RegExp(`: ${summary.errors} errors, 0 warnings$`));
    expect(await page.locator('li.problem[data-severity="warning"]:visible').count()).toBe(0);
    expect(await page.locator('article.draft:visible').count()).toBe(await page.locator('article.draft:has(li.problem[data-severity="error"])').count());
    expect(await page.locator('mark.warning:not(.off)').count()).toBe(0);
    await page.getByRole('checkbox', { name: /Warnings/ }).check();

    await page.getByRole('button', { name: 'No rules' }).click();
    await page.getByRole('checkbox', { name: /twitter\/max-length/ }).check();
    const lengthProblems = json.files.flatMap((f) => f.diagnostics).filter((d) => d.ruleId === 'twitter/max-length');
    const lengthDrafts = new Set(json.files.flatMap((f) => f.diagnostics.filter((d) => d.ruleId === 'twitter/max-length').map((d) => `${f.path}#${d.draft}`)));
    expect(await page.locator('article.draft:visible').count()).toBe(lengthDrafts.size);
    expect(await page.locator('li.problem:visible').count()).toBe(lengthProblems.length);
    expect(await page.locator('mark:not(.off)').count()).toBeGreaterThan(0);
    expect(await page.locator('section.folder:visible').count()).toBeLessThan(await page.locator('section.folder').count());
    await page.getByRole('button', { name: 'All rules' }).click();

    await page.getByRole('checkbox', { name: 'Only drafts with problems' }).check();
    const flaggedDrafts = await page.locator('article.draft:has(li.problem)').count();
    expect(await page.locator('article.draft:visible').count()).toBe(flaggedDrafts);
    await page.getByRole('checkbox', { name: 'Only drafts with problems' }).uncheck();
  });

  it('works from the keyboard: a skip link first, then every filter', async () => {
    await page.goto(pathToFileURL(reportFile).href, { waitUntil: 'load' });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the drafts');
    await page.locator('input[name="severity"][value="error"]').focus();
    await page.keyboard.press('Space');
    expect(await page.locator('#filter-status').textContent()).toMatch(/: 0 errors, \d+ warnings$/);
    await page.keyboard.press('Space');
  });

  it('passes axe-core: contrast, names, labels, landmarks, headings', async () => {
    // Evaluated through the debugging protocol, which the page's policy does not govern.
    await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
  }, 60_000);

  it('reads on a phone: one column, nothing wider than the screen', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(pathToFileURL(reportFile).href, { waitUntil: 'load' });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const card = phone.locator('article.draft:has(li.problem)').first();
    await card.scrollIntoViewIfNeeded();
    const message = (await card.locator('blockquote.message').boundingBox())!;
    const findings = (await card.locator('.findings').boundingBox())!;
    expect(findings.y).toBeGreaterThanOrEqual(message.y + message.height);
    await phone.close();
  });
});

describe.skipIf(present)('the html review report in Chromium', () => {
  it.skip(`skipped: no Chromium at ${CHROMIUM} (.ci/run installs Debian's chromium package; DMLINT_CHROMIUM names another)`, () => {});
});
