import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { expect } from 'vitest';
import { lintText, type ReportedFile } from '../src/api/lint.js';
import { builtinRules, resolveConfig } from '../src/api/config.js';
import { RuleTester, type RuleTestOptions } from '../src/api/rule-tester.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = path.join(ROOT, 'fixtures');

export function fixture(relative: string): string {
  return readFileSync(path.join(FIXTURES, relative), 'utf8');
}

/**
 * 1-based line and UTF-16 column of the `occurrence`-th `needle` in `text`, counted here
 * independently of dmlint's own position code.
 */
export function at(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" (occurrence ${occurrence}) not in text`);
  }
  const before = text.slice(0, index).replace(/\r\n/g, '\n');
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** Where a span ends (exclusive column), like the diagnostics' endLine/endColumn. */
export function endOf(text: string, needle: string, occurrence = 1): { endLine: number; endColumn: number } {
  const start = at(text, needle, occurrence);
  const lines = needle.split('\n');
  if (lines.length === 1) return { endLine: start.line, endColumn: start.column + needle.length };
  return { endLine: start.line + lines.length - 1, endColumn: lines[lines.length - 1]!.length + 1 };
}

export interface LintOptions {
  config?: Record<string, unknown>;
  filePath?: string;
  defaults?: { platform?: string; locale?: string };
}

/** Lints `text` with dmlint:recommended plus `config`, as the library API does. */
export async function lint(text: string, options: LintOptions = {}): Promise<ReportedFile> {
  const config = await resolveConfig(options.config ?? {}, path.join(ROOT, '.dmlintrc.test.json'), ROOT);
  return lintText(text, { config, filePath: options.filePath ?? 'draft.md', cwd: ROOT, ...(options.defaults ? { defaults: options.defaults } : {}) });
}

export async function lintFixture(relative: string, options: LintOptions = {}): Promise<ReportedFile & { text: string }> {
  const text = fixture(relative);
  return { ...(await lint(text, { ...options, filePath: `fixtures/${relative}` })), text };
}

/** The diagnostics of one rule, reduced to what tests compare. */
export function only(result: ReportedFile, ruleId: string) {
  return result.diagnostics
    .filter((d) => d.ruleId === ruleId)
    .map(({ line, column, endLine, endColumn, message, severity }) => ({ line, column, endLine, endColumn, message, severity }));
}

const testers = new Map<string, RuleTester>();

/** What one built-in rule alone reports on `text` (through the RuleTester), without the rule id. */
export async function reports(ruleId: string, text: string, options: RuleTestOptions = {}) {
  let tester = testers.get(ruleId);
  if (!tester) {
    const rule = builtinRules.find((candidate) => candidate.meta.id === ruleId);
    if (!rule) throw new Error(`no built-in rule "${ruleId}"`);
    testers.set(ruleId, (tester = new RuleTester(rule, { cwd: ROOT })));
  }
  const { diagnostics } = await tester.lint(text, options);
  return diagnostics.map(({ ruleId: _, ...rest }) => rest);
}

export function ruleIds(result: ReportedFile): string[] {
  return result.diagnostics.map((d) => d.ruleId);
}

const made: string[] = [];

/** A throwaway folder, removed when the test file ends (test/setup.ts). */
export function tempDir(prefix = 'dmlint-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A throwaway folder with these files in it, removed when the test file ends. */
export function tempProject(files: Record<string, string>, prefix = 'dmlint-test-'): string {
  const dir = tempDir(prefix);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** README.md and every page under docs/, as [path relative to the root, text]: what users read. */
export function userDocs(): [string, string][] {
  const pages: [string, string][] = [['README.md', readFileSync(path.join(ROOT, 'README.md'), 'utf8')]];
  const walk = (dir: string) => {
    for (const name of readdirSync(path.join(ROOT, dir))) {
      const relative = `${dir}/${name}`;
      if (statSync(path.join(ROOT, relative)).isDirectory()) walk(relative);
      else if (name.endsWith('.md')) pages.push([relative, readFileSync(path.join(ROOT, relative), 'utf8')]);
    }
  };
  walk('docs');
  return pages;
}

/** The fenced code blocks in `language` of README.md and docs/, with the prose just before each. */
export function docBlocks(language: string): { page: string; before: string; code: string }[] {
  const blocks: { page: string; before: string; code: string }[] = [];
  for (const [page, text] of userDocs()) {
    const fence = new RegExp('^```' + language + '\\n([\\s\\S]*?)^```', 'gm');
    for (const match of text.matchAll(fence)) {
      blocks.push({ page, before: text.slice(Math.max(0, match.index - 400), match.index), code: match[1]! });
    }
  }
  return blocks;
}

/** Removes the folders made by tempDir and tempProject. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * Holds a fast path to its plain definition on 3,000 texts, each up to `maxLength` pieces drawn
 * from `pieces` (fast-check; a failure shows the smallest text that tells them apart).
 */
export function expectSameOnGeneratedText<T>(pieces: readonly string[], maxLength: number, fast: (text: string) => T, plain: (text: string) => T): void {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength }), (parts) => {
      const text = parts.join('');
      expect(fast(text)).toEqual(plain(text));
    }),
    { numRuns: 3000 },
  );
}

/** Where each part of an encoded family table starts (layout: src/text/family-tables.ts). */
export function tableParts(table: Int32Array) {
  const [states, edges] = [table[0]!, table[1]!];
  const childStart = 4;
  const childUnit = childStart + states + 1;
  const childState = childUnit + edges;
  const fail = childState + edges;
  const output = fail + states;
  const dictionary = output + states;
  const units = dictionary + states;
  return { states, edges, childStart, childUnit, childState, fail, output, dictionary, owners: units + table[2]! };
}
