/**
 * Tests one rule alone, built-in or from a plugin, on text or on a fixture file, against the
 * diagnostics it should report. It throws an error with a line diff when they differ and
 * returns what the rule reported otherwise, so it works in vitest, node:test, mocha or a plain
 * script. docs/plugins.md shows it in use.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveConfigWith, type ResolvedConfig } from '../config/load.js';
import { completeMeta } from '../rule-api/define-rule.js';
import { lintAndFix } from '../engine/fix.js';
import { lintSource } from '../engine/lint.js';
import { describeDiagnostic, readExpectations, type ExpectedDiagnostic, type SpannedMessage } from '../report/expectations.js';
import { setupFor } from '../run/lint-file.js';
import { compareText } from '../text/compare.js';
import type { Rule } from '../types.js';
import { builtinRules } from './config.js';

export type { ExpectedDiagnostic } from '../report/expectations.js';

export interface RuleTestOptions {
  /** The rule's options, checked against its schema; its defaults otherwise. */
  options?: Record<string, unknown>;
  /** Config around the rule, as in a config file (`defaults`, `placeholders`, `overrides`); its `rules` are ignored. */
  config?: Record<string, unknown>;
  /** The path the text is linted under (overrides match it); a fixture's own path by default. */
  filePath?: string;
  /** Folder that relative paths start from; the current one by default. */
  cwd?: string;
}

export interface RuleTestCase extends RuleTestOptions {
  /** The draft file's text. */
  text: string;
  /** What the rule should report, in any order; none when left out. */
  expected?: readonly ExpectedDiagnostic[];
  /** With a fixable rule: the text after every fix, or null for no change. Not checked when left out. */
  output?: string | null;
}

export interface RuleTestResult {
  /** What the rule reported, in file order. */
  diagnostics: SpannedMessage[];
  /** The text after applying the rule's fixes, or null when they change nothing. */
  output: string | null;
}

/** Thrown when a rule reports something else than expected; the message holds a line diff. */
export class RuleTestError extends Error {
  constructor(
    message: string,
    readonly result: RuleTestResult,
    readonly expectedDiagnostics: readonly ExpectedDiagnostic[],
  ) {
    super(message);
    this.name = 'RuleTestError';
  }
}

const byPosition = (a: ExpectedDiagnostic, b: ExpectedDiagnostic) =>
  a.line - b.line || a.column - b.column || (a.endLine ?? 0) - (b.endLine ?? 0) || (a.endColumn ?? 0) - (b.endColumn ?? 0) || compareText(a.ruleId ?? '', b.ruleId ?? '');

/** Whether a reported diagnostic has every part an expectation gives. */
function meets(actual: SpannedMessage, expected: ExpectedDiagnostic): boolean {
  return (
    actual.ruleId === expected.ruleId &&
    actual.line === expected.line &&
    actual.column === expected.column &&
    (expected.endLine === undefined || (actual.endLine === expected.endLine && actual.endColumn === expected.endColumn)) &&
    (expected.message === undefined || actual.message === expected.message)
  );
}

/** The reported diagnostic shown with only the parts its expectation gives, so the diff shows what differs. */
function shownLike(actual: SpannedMessage, expected: ExpectedDiagnostic | undefined): ExpectedDiagnostic {
  if (!expected) return actual;
  return {
    ruleId: actual.ruleId,
    line: actual.line,
    column: actual.column,
    ...(expected.endLine !== undefined ? { endLine: actual.endLine, endColumn: actual.endColumn } : {}),
    ...(expected.message !== undefined ? { message: actual.message } : {}),
  };
}

export class RuleTester {
  private readonly configs = new Map<string, Promise<ResolvedConfig>>();

  /** `defaults` apply to every test of this tester; a test's own options and config replace them. */
  constructor(
    readonly rule: Rule,
    private readonly defaults: RuleTestOptions = {},
  ) {
    // A plugin's rule may leave out the metadata that has defaults, as defineRule allows.
    this.rule = { meta: completeMeta(rule.meta), create: rule.create };
  }

  /** Runs the rule alone on `text` and returns what it reports, checking nothing. */
  async lint(text: string, options: RuleTestOptions = {}): Promise<RuleTestResult> {
    const { options: ruleOptions, config: raw = {}, filePath = 'draft.md', cwd = process.cwd() } = { ...this.defaults, ...options };
    const id = this.rule.meta.id;
    const config = await this.configFor(raw, ruleOptions, cwd);
    const full = setupFor(config, path.resolve(cwd, filePath));
    // Every rule stays known (control comments may name them), but only this one runs.
    const setup = { ...full, ruleSettings: { [id]: full.ruleSettings[id]! } };
    const { result } = lintSource(filePath, text, setup);
    const diagnostics = result.diagnostics.map(({ ruleId, line, column, endLine, endColumn, message }) => ({ ruleId, line, column, endLine, endColumn, message }));
    const output = result.fixableCount > 0 ? (lintAndFix(filePath, text, setup).output ?? null) : null;
    return { diagnostics, output };
  }

  /** Runs one case; throws a RuleTestError when the rule reports anything else than `expected`. */
  async test(testCase: RuleTestCase): Promise<RuleTestResult> {
    const { text, expected = [], output, ...options } = testCase;
    const result = await this.lint(text, options);
    const id = this.rule.meta.id;
    const wanted = expected.map((diagnostic) => ({ ...diagnostic, ruleId: diagnostic.ruleId ?? id })).sort(byPosition);
    const problems: string[] = [];
    if (wanted.length !== result.diagnostics.length || wanted.some((diagnostic, i) => !meets(result.diagnostics[i]!, diagnostic))) {
      const expectedLines = wanted.map((diagnostic) => describeDiagnostic(diagnostic, true));
      const actualLines = result.diagnostics.map((diagnostic, i) => describeDiagnostic(shownLike(diagnostic, wanted[i]), true));
      const { diffArrays } = await import('diff');
      const diff = diffArrays(expectedLines, actualLines).flatMap((part) =>
        part.value.map((line) => `${part.added ? '+' : part.removed ? '-' : ' '} ${line}`),
      );
      problems.push(`${id} reported ${result.diagnostics.length} diagnostic(s), ${wanted.length} expected (- expected, + reported):\n${diff.join('\n')}`);
    }
    if (output !== undefined && output !== result.output) {
      problems.push(`the fixed text differs.\nexpected: ${JSON.stringify(output)}\nreported: ${JSON.stringify(result.output)}`);
    }
    if (problems.length > 0) throw new RuleTestError(`${options.filePath ?? this.defaults.filePath ?? 'draft.md'}: ${problems.join('\n')}`, result, wanted);
    return result;
  }

  /**
   * Runs the rule on a fixture file against the expect comments in it (src/report/expectations.ts):
   * those naming this rule are its expectations, and a fixture without any expects nothing from it.
   */
  async testFixture(file: string, options: RuleTestOptions = {}): Promise<RuleTestResult> {
    const cwd = options.cwd ?? this.defaults.cwd ?? process.cwd();
    const absolute = path.resolve(cwd, file);
    const { text, expected } = readExpectations(await readFile(absolute, 'utf8'), file);
    const mine = expected.filter((diagnostic) => diagnostic.ruleId === this.rule.meta.id);
    return this.test({ ...options, cwd, filePath: options.filePath ?? path.relative(cwd, absolute), text, expected: mine });
  }

  /** The config for a test: dmlint's rules with this one in place of any of the same id, switched on with its options. */
  private configFor(raw: Record<string, unknown>, options: Record<string, unknown> | undefined, cwd: string): Promise<ResolvedConfig> {
    const key = JSON.stringify([raw, options, cwd]);
    let config = this.configs.get(key);
    if (!config) {
      const { meta } = this.rule;
      const rules = [...builtinRules.filter((rule) => rule.meta.id !== meta.id), this.rule];
      const severity = meta.defaultSeverity === 'off' ? 'error' : meta.defaultSeverity;
      // Options go where a config file has them, so a wrong one is reported as it would be there.
      config = resolveConfigWith(rules, { ...raw, rules: { [meta.id]: options ? [severity, options] : severity } }, path.join(cwd, '<rule-tester>'), cwd);
      this.configs.set(key, config);
    }
    return config;
  }
}
