// Writes docs/review-report.png, the README's picture of `dmlint -f html`: the fixtures' report as
// Debian's Chromium renders it (apt-get install chromium; DMLINT_CHROMIUM names another browser).
// Run after `npm run build`: node scripts/screenshot-report.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(tmpdir(), 'dmlint-shot-'));
const report = path.join(work, 'report.html');
spawnSync(process.execPath, [path.join(root, 'bin/dmlint.js'), 'fixtures/facebook/unsolicited-pitch', 'fixtures/linkedin', 'fixtures/twitter', '-f', 'html', '-o', report], { cwd: root, stdio: 'inherit' });

const context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
  executablePath: process.env.DMLINT_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1100, height: 1900 },
  deviceScaleFactor: 1,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await context.newPage();
await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });
// The report with a filter at work: warnings hidden, only drafts with problems.
await page.getByRole('checkbox', { name: 'Only drafts with problems' }).check();
await page.screenshot({ path: path.join(root, 'docs/review-report.png'), fullPage: false });
await context.close();
console.log('wrote docs/review-report.png');
