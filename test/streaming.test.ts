// Large runs stream their report: the pieces must add up to the report a whole run prints, and
// the library must hand results over in path order without keeping them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/api/config.js';
import * as compact from '../src/report/formatters/compact.js';
import * as github from '../src/report/formatters/github.js';
import * as json from '../src/report/formatters/json.js';
import * as junit from '../src/report/formatters/junit.js';
import * as sarif from '../src/report/formatters/sarif.js';
import * as stylish from '../src/report/formatters/stylish.js';
import type { StreamingFormat } from '../src/report/formatters/types.js';
import { lintFiles } from '../src/api/lint.js';
import { toReported } from '../src/report/shape.js';
import { summarise } from '../src/report/summary.js';
import type { FileResult, RuleMeta } from '../src/types.js';
import { ROOT, tempProject } from './helpers.js';

const BIN = path.join(ROOT, 'bin/dmlint.js');

async function fixtureResults(): Promise<FileResult[]> {
  return (await lintFiles(['fixtures'], { cwd: ROOT, concurrency: 'off', config: await loadConfig({ cwd: ROOT }) })).results;
}

/** The report written in batches of `size` files. */
function streamed(format: StreamingFormat, results: FileResult[], size: number, color = false, rules?: Map<string, RuleMeta>): string {
  const writer = format({ cwd: ROOT, color, ...(rules ? { rules } : {}) });
  let text = '';
  for (let start = 0; start < results.length; start += size) text += writer.files(results.slice(start, start + size));
  return text + writer.end(summarise(results));
}

describe('streamed reports', () => {
  it('json in any batch size is the text of JSON.stringify over the whole report', async () => {
    const results = await fixtureResults();
    const summary = summarise(results);
    const config = await loadConfig({ cwd: ROOT });
    const rules = new Map([...config.registry].map(([id, rule]) => [id, rule.meta]));
    const whole = (list: FileResult[], withRules?: Map<string, RuleMeta>) => {
      const s = summarise(list);
      const totals = { files: s.files, drafts: s.drafts, errors: s.errors, warnings: s.warnings, fixable: s.fixable, inmails: s.inmails, inmailCostUsd: s.inmailCostUsd };
      return `${JSON.stringify({ version: 1, files: list.map((result) => toReported(result, withRules)), summary: totals }, null, 2)}\n`;
    };
    expect(summary.files).toBeGreaterThan(20);
    for (const size of [1, 7, 64, 10_000]) expect(streamed(json.stream, results, size)).toBe(whole(results));
    // With the run's rules, each diagnostic links to its rule's page.
    expect(streamed(json.stream, results, 7, false, rules)).toBe(whole(results, rules));
    expect(whole(results, rules)).toContain('"docsUrl": "https://github.com/dmlint/dmlint/blob/main/docs/rules/twitter/max-length.md"');
    expect(streamed(json.stream, [], 1)).toBe(whole([]));
    expect(streamed(json.stream, results.slice(0, 1), 1)).toBe(whole(results.slice(0, 1)));
  });

  it('sarif and junit in batches are the whole report, and sarif results point at their rule', async () => {
    const config = await loadConfig({ cwd: ROOT });
    const rules = new Map([...config.registry].map(([id, rule]) => [id, rule.meta]));
    const results = await fixtureResults();
    for (const format of [sarif, junit]) {
      const whole = format.default(results, { cwd: ROOT, color: false, rules, summary: summarise(results) });
      for (const size of [1, 5, 64]) {
        const writer = format.stream!({ cwd: ROOT, color: false, rules });
        let text = '';
        for (let start = 0; start < results.length; start += size) text += writer.files(results.slice(start, start + size));
        expect(text + writer.end(summarise(results))).toBe(whole);
      }
    }
    const log = JSON.parse(sarif.default(results, { cwd: ROOT, color: false, rules, summary: summarise(results) }));
    const ids = log.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(log.runs[0].results.length).toBe(results.reduce((n, r) => n + r.diagnostics.length, 0));
    for (const result of log.runs[0].results) expect(ids[result.ruleIndex]).toBe(result.ruleId);
    // A rule the stream was not told of: its results name it without an index; whole, it is listed.
    const custom: FileResult = { ...results.find((r) => r.diagnostics.length > 0)!, diagnostics: [{ ...results.find((r) => r.diagnostics.length > 0)!.diagnostics[0]!, ruleId: 'team/custom' }] };
    const streamedLog = JSON.parse(streamed(sarif.stream, [custom], 1));
    expect(streamedLog.runs[0].results[0]).toMatchObject({ ruleId: 'team/custom' });
    expect(streamedLog.runs[0].results[0].ruleIndex).toBeUndefined();
    const wholeLog = JSON.parse(sarif.default([custom], { cwd: ROOT, color: false, summary: summarise([custom]) }));
    expect(wholeLog.runs[0].tool.driver.rules[wholeLog.runs[0].results[0].ruleIndex].id).toBe('team/custom');
    // No results: an empty array, as JSON.stringify writes it.
    expect(JSON.parse(streamed(sarif.stream, [], 1)).runs[0].results).toEqual([]);
    expect(streamed(sarif.stream, [], 1)).toContain('"results": []');
  });

  it('stylish, compact and github in batches are the whole report', async () => {
    const results = await fixtureResults();
    for (const format of [stylish, compact, github]) {
      for (const size of [1, 5, 64]) {
        expect(streamed(format.stream, results, size, true)).toBe(format.default(results, { cwd: ROOT, color: true, summary: summarise(results) }));
      }
    }
  });

  it('the library hands each result over in path order and keeps none', async () => {
    // The built library: its worker threads run the compiled worker (npm test builds first).
    const built = (await import(path.join(ROOT, 'dist/src/api/lint.js'))) as typeof import('../src/api/lint.js');
    const seen: string[] = [];
    const run = await built.lintFiles(['fixtures'], { cwd: ROOT, concurrency: 2, onResult: (result) => seen.push(result.path) });
    expect(run.results).toEqual([]);
    expect(seen.length).toBeGreaterThan(20);
    expect(seen).toEqual([...seen].sort());
    expect(seen).toEqual((await fixtureResults()).map((r) => r.path));
  });

  it('--output-file that cannot be written fails before linting, naming the file', () => {
    const dir = tempProject({ 'a.md': '---\nplatform: twitter\naudience: follower\n---\nHi Sam, ok?\n', 'blocker': '' });
    const run = spawnSync(process.execPath, [BIN, 'a.md', '-o', 'blocker/report.txt'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^dmlint: --output-file: cannot write blocker\/report.txt: /);
    const ok = spawnSync(process.execPath, [BIN, 'a.md', '-f', 'json', '-o', 'out/report.json'], { cwd: dir, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe('dmlint: 0 problems (0 errors, 0 warnings) in 1 file; report written to out/report.json\n');
    expect(JSON.parse(readFileSync(path.join(dir, 'out/report.json'), 'utf8')).files[0].path).toBe('a.md');
    // A report that cannot take its place is an error, and leaves no partial file behind.
    mkdirSync(path.join(dir, 'out/taken.json'));
    const taken = spawnSync(process.execPath, [BIN, 'a.md', '-o', 'out/taken.json'], { cwd: dir, encoding: 'utf8' });
    expect(taken.status).toBe(2);
    expect(taken.stderr).toMatch(/^dmlint: --output-file: cannot write out\/taken.json: /);
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['report.json', 'taken.json']);
  });
});
